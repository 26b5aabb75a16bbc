// The external backup ("back-up maken" to a folder the user picks, e.g. a USB drive), out of the vault manager:
// a new folder `<folder>/<vault name>-<timestamp>.houvast-backup/` with the snapshot as vault.db and a copy of
// the keyfile, so it opens as a vault with the passphrase or the recovery code of that moment.
//
// The manager takes the snapshot (VACUUM INTO, encrypted with the vault's key) into the vault's own backups
// folder while the database is open; the slow part, copying it to the chosen (often slow) drive, happens here
// in chunks, reporting progress and stopping at a cancel. The folder is built under a hidden temp name and
// renamed at the end, so a backup folder is complete or absent: a cancel or a failure leaves nothing behind;
// a crash leaves the hidden folder, which the next backup of this vault to that folder removes.
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppError } from '../../shared/contract/errors';
import { chosenFolder, folderWriteError } from '../user-folder';
import { snapshotTimestamp } from '../db/backup';
import { DIR_MODE, FILE_MODE, fsyncDir } from './fs-atomic';

export const BACKUP_FOLDER_SUFFIX = '.houvast-backup';

/** Chunk of the copy between progress reports and cancel checks. */
const CHUNK_BYTES = 1024 * 1024;

/** What the copy reports to and asks of its job (src/core/jobs.ts). */
export interface CopyJob {
  progress(done: number, total: number): void;
  throwIfCancelled(): void;
}

/** The chosen folder: absolute, existing, and outside the vault. Returns it resolved. */
export function assertExternalFolder(input: string, vaultPath: string): string {
  return chosenFolder(input, vaultPath, {
    relative: 'Kies een volledige map (bijvoorbeeld op een USB-schijf).',
    insideVault: 'Kies een map buiten de kluis, bij voorkeur op een andere schijf.',
  });
}

/** Dutch messages for the usual reasons a chosen backup folder cannot be written; null for others. */
export function externalFolderError(err: unknown): AppError | null {
  return folderWriteError(err, 'Er is niet genoeg ruimte in deze map. Er is geen back-up gemaakt.');
}

/**
 * Writes the backup folder into `parent` from a finished snapshot file and the vault's keyfile; returns the
 * folder's path. Progress counts the bytes of both files; a cancel (job.throwIfCancelled) or a failure removes
 * the half-built folder and rethrows (a folder error as a Dutch VALIDATION). The snapshot file is the caller's.
 */
export async function writeExternalBackup(input: {
  parent: string;
  /** File-name stem of the vault, e.g. "Schuldhulp Zuid". */
  stem: string;
  createdAt: number;
  snapshotFile: string;
  keyfile: { source: string; name: string };
  dbName: string;
  job?: CopyJob | undefined;
}): Promise<string> {
  const { parent, job } = input;
  const base = `${input.stem}-${snapshotTimestamp(input.createdAt)}`;
  const staging = path.join(parent, `.${base}.${randomUUID().slice(0, 8)}.tmp`);
  await sweepStaleStaging(parent, input.stem);
  try {
    const sizes = [(await stat(input.snapshotFile)).size, (await stat(input.keyfile.source)).size];
    const total = sizes[0]! + sizes[1]!;
    let done = 0;
    job?.progress(0, total);
    const onChunk = (bytes: number) => {
      done += bytes;
      job?.progress(done, total);
      job?.throwIfCancelled();
    };
    await mkdir(staging, { mode: DIR_MODE });
    await chmod(staging, DIR_MODE).catch(() => undefined);
    await copyInChunks(input.snapshotFile, path.join(staging, input.dbName), onChunk);
    await copyInChunks(input.keyfile.source, path.join(staging, input.keyfile.name), onChunk);
    await fsyncDir(staging);
    job?.throwIfCancelled(); // the last safe point: after the rename the backup exists
    let target = path.join(parent, `${base}${BACKUP_FOLDER_SUFFIX}`);
    for (let n = 2; await exists(target); n++) target = path.join(parent, `${base}-${n}${BACKUP_FOLDER_SUFFIX}`);
    await rename(staging, target);
    await fsyncDir(parent);
    job?.progress(total, total);
    return target;
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw externalFolderError(err) ?? err;
  }
}

/**
 * A crash during an earlier backup to this folder left its hidden staging folder (a whole encrypted copy of the
 * vault): removed before the next backup of the same vault there. Only folders named exactly as this vault's
 * staging folders are; nothing else in the user's folder is touched, and a failure to remove one is no error.
 */
async function sweepStaleStaging(parent: string, stem: string): Promise<void> {
  const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stale = new RegExp(`^\\.${escaped}-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{3}Z\\.[0-9a-f]{8}\\.tmp$`);
  const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (e.isDirectory() && stale.test(e.name)) await rm(path.join(parent, e.name), { recursive: true, force: true }).catch(() => undefined);
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Copies `source` to a new 0600 file `target` chunk by chunk, fsynced; `onChunk` may throw to stop. */
async function copyInChunks(source: string, target: string, onChunk: (bytes: number) => void): Promise<void> {
  const from = await open(source, 'r');
  try {
    const to = await open(target, 'wx', FILE_MODE);
    try {
      const buffer = Buffer.alloc(CHUNK_BYTES);
      for (;;) {
        const { bytesRead } = await from.read(buffer, 0, CHUNK_BYTES, null);
        if (bytesRead === 0) break;
        await to.write(buffer, 0, bytesRead);
        onChunk(bytesRead);
      }
      await to.sync();
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}
