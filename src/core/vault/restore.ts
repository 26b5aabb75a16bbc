// Restoring a snapshot from the vault's backups/ folder, out of the vault manager. The manager unwraps the key
// (the passphrase is asked again) and hands over its session through a small interface (RestoreSession); this
// module does the rest, synchronously so nothing can interleave with the file replacement:
//   1. verify the snapshot: this vault's key, not from a newer Houvast, integrity_check ok (reads only);
//   2. save the current state as a 'before-restore' snapshot, the undo (a byte copy when the current database
//      is too damaged to read, so a restore never loses anything);
//   3. read what must outlive the restore from the current database (RestoreCarry: the logboek);
//   4. close the session and replace the database file through a hidden staging file (fsync, rename): a crash
//      leaves the old database or the new one, and the staging file is swept on the next open
//      (crash-recovery.ts, the `.restore.tmp` pattern);
//   5. reopen (migrating an older snapshot) and write the carried data into it; if either fails, the undo is
//      put back, so the vault is as it was.
// Any refusal before step 4 changes nothing but the undo snapshot, which is kept either way.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/contract/errors';
import type { Clock } from '../../shared/dates';
import { snapshot } from '../db/backup';
import { openEncrypted } from '../db/driver';
import type { Db, OpenOptions } from '../db/driver';
import type { Logger } from '../logger';
import {
  BEFORE_RESTORE_LABEL,
  checkIntegrity,
  checkReadOnly,
  copyPrivateSync,
  corruptBackupError,
  fileSize,
  fsyncDirSync,
  isSnapshotId,
  snapshotPath,
  walLeftoverCleanup,
} from './backups';
import { DIR_MODE } from './fs-atomic';

/**
 * Data that must outlive a restore (the logboek): `read` sees the current database (null when it cannot be
 * opened: a damaged vault), `write` the restored, migrated one; if `write` throws, the restore is undone.
 * `write` returns how many items it carried.
 */
export interface RestoreCarry {
  read(db: Db | null): unknown;
  write(db: Db, carried: unknown): number;
}

/** The vault manager's side of a restore. */
export interface RestoreSession {
  /** The open session's database, or null when the vault is locked. */
  current(): Db | null;
  /** Closes the session (checkpointed, no lock listener) so the file can be replaced. */
  close(): void;
  /** Opens the restored file as the new session (migrating it) and returns its database. */
  reopen(): Db;
}

export interface RestoreInput {
  folder: string;
  dbName: string;
  backupsDir: string;
  /** The snapshot's file, from restoreSource(). */
  source: string;
  /** This vault's data key (verified against the keyfile and the open session by the caller). */
  dataKey: Buffer;
  latestSchema: number;
  openOptions: OpenOptions;
  clock: Clock;
  logger: Logger;
  carry?: RestoreCarry | undefined;
  session: RestoreSession;
}

/** The snapshot file for a backup id from the contract, or NOT_FOUND (nothing path-like passes). */
export function restoreSource(backupsDir: string, id: string): string {
  const source = path.join(backupsDir, id);
  if (!isSnapshotId(id) || !existsSync(source)) {
    throw new AppError('NOT_FOUND', 'Deze back-up bestaat niet (meer). Er is niets gewijzigd.');
  }
  return source;
}

/**
 * Restores `input.source` over the vault's database; see the steps above. Returns the undo's id, the carried count,
 * and whether the current database could not be read for the carry (a damaged vault: its rows stay in the undo only).
 */
export function restoreSnapshot(input: RestoreInput): { undoId: string | null; carried: number; carryUnreadable: boolean } {
  const { folder, dbName, source, dataKey, session, carry } = input;
  const readOnly = { ...input.openOptions, readonly: true };
  checkReadOnly(source, dataKey, {
    openOptions: readOnly,
    latestSchema: input.latestSchema,
    logger: input.logger,
    corrupt: corruptBackupError,
    check: (db) => checkIntegrity(db, fileSize(source), corruptBackupError),
  });
  const undo = saveBeforeRestore(input);
  const read = carry ? readForCarry(input, carry) : { value: undefined, unreadable: false };
  session.close();
  replaceDatabaseFile(folder, dbName, source);
  try {
    const db = session.reopen();
    return { undoId: undo ? path.basename(undo) : null, carried: carry ? carry.write(db, read.value) : 0, carryUnreadable: read.unreadable };
  } catch (err) {
    if (session.current()) session.close();
    // The snapshot passed its checks, so this is rare (e.g. a failing migration): put the previous state back
    // so the vault is as it was; the before-restore snapshot stays either way.
    if (undo) {
      try {
        replaceDatabaseFile(folder, dbName, undo);
      } catch (rollbackErr) {
        input.logger.error('vault.restore_rollback_failed', { error: rollbackErr });
      }
    }
    throw err;
  }
}

/**
 * The undo of a restore: a snapshot of the current database. Unlocked: VACUUM INTO from the session.
 * Locked: VACUUM INTO from a read-only connection, or, when the database is too damaged to read, a
 * byte copy (still encrypted) of the file and its WAL, so that nothing is ever lost by a restore.
 */
function saveBeforeRestore(input: RestoreInput): string | null {
  const { backupsDir, clock } = input;
  const current = input.session.current();
  if (current) return snapshot(current, backupsDir, BEFORE_RESTORE_LABEL, clock);
  const dbPath = path.join(input.folder, input.dbName);
  if (!existsSync(dbPath)) return null;
  try {
    const db = openEncrypted(dbPath, input.dataKey, { ...input.openOptions, readonly: true });
    try {
      return snapshot(db, backupsDir, BEFORE_RESTORE_LABEL, clock);
    } finally {
      db.close();
    }
  } catch (err) {
    input.logger.warn('vault.before_restore_snapshot_failed', { error: err });
  }
  mkdirSync(backupsDir, { recursive: true, mode: DIR_MODE });
  if (process.platform !== 'win32') chmodSync(backupsDir, DIR_MODE);
  const target = snapshotPath(backupsDir, BEFORE_RESTORE_LABEL, clock.now());
  copyPrivateSync(dbPath, target);
  if (existsSync(`${dbPath}-wal`)) copyPrivateSync(`${dbPath}-wal`, `${target}-wal`);
  fsyncDirSync(backupsDir);
  return target;
}

/** What the carry wants from the current database: from the session, or read-only when locked (null when unreadable). */
function readForCarry(input: RestoreInput, carry: RestoreCarry): { value: unknown; unreadable: boolean } {
  const current = input.session.current();
  if (current) return { value: carry.read(current), unreadable: false };
  const dbPath = path.join(input.folder, input.dbName);
  const cleanup = walLeftoverCleanup(dbPath);
  try {
    const db = openEncrypted(dbPath, input.dataKey, { ...input.openOptions, readonly: true });
    try {
      return { value: carry.read(db), unreadable: false };
    } finally {
      db.close();
    }
  } catch (err) {
    input.logger.warn('vault.restore_carry_unreadable', { error: err });
    return { value: carry.read(null), unreadable: true };
  } finally {
    cleanup();
  }
}

/** Hidden staging file of a restore in the vault folder; crash-recovery.ts sweeps leftovers of this pattern. */
export function restoreStagingName(dbName: string): string {
  return `.${dbName}.${randomBytes(6).toString('hex')}.restore.tmp`;
}

/**
 * Replace `<folder>/<dbName>` with a copy of `source`, crash-safe: copy to a staging file in the same
 * folder, fsync, remove the old database's -wal/-shm (the caller has closed and checkpointed it; a
 * stale WAL would otherwise be replayed into the new file), rename over, fsync the folder.
 * A crash leaves either the old database (checkpointed, so complete without its WAL) or the new one.
 */
export function replaceDatabaseFile(folder: string, dbName: string, source: string): void {
  const target = path.join(folder, dbName);
  const tmp = path.join(folder, restoreStagingName(dbName));
  copyPrivateSync(source, tmp);
  try {
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  fsyncDirSync(folder);
}
