// Encrypted snapshots of an open vault database. VACUUM INTO writes a consistent copy encrypted with the
// same key. The driver's own serialize (plaintext pages!) and online-backup API are never used here.
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../shared/dates';
import type { Db } from './driver';

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/** File-name safe ISO timestamp: 2026-03-01T09-30-00.000Z (no colons, which Windows forbids). */
export function snapshotTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/:/g, '-');
}

function safeLabel(label: string): string {
  const cleaned = label.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return cleaned === '' ? 'snapshot' : cleaned.slice(0, 60);
}

function fsyncDirSync(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write an encrypted snapshot of `db` to `<backupsDir>/<iso-timestamp>-<label>.db` and return its path.
 * Synchronous on purpose: it runs inside the migration step, before the migration transaction.
 */
export function snapshot(db: Db, backupsDir: string, label: string, clock: Clock): string {
  return commitSnapshot(snapshotToTemp(db, backupsDir), backupsDir, label, clock.now());
}

/**
 * An encrypted, fsynced snapshot of `db` under a temp name in `backupsDir` (swept after a crash); the caller
 * commits it (commitSnapshot) or copies and removes it (an external backup).
 */
export function snapshotToTemp(db: Db, backupsDir: string): string {
  const tmp = reserveSnapshotTemp(backupsDir);
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  return tmp;
}

/**
 * An empty 0600 temp file in `backupsDir` (created 0700 if missing) for VACUUM INTO, which accepts an
 * existing empty file: creating it first leaves no moment with wider permissions. Swept on the next open
 * if a crash leaves it behind (crash-recovery.ts knows the name pattern).
 */
export function reserveSnapshotTemp(backupsDir: string): string {
  mkdirSync(backupsDir, { recursive: true, mode: DIR_MODE });
  if (process.platform !== 'win32') chmodSync(backupsDir, DIR_MODE);
  const tmp = path.join(backupsDir, `.${randomBytes(6).toString('hex')}.snapshot.tmp`);
  closeSync(openSync(tmp, 'wx', FILE_MODE));
  return tmp;
}

/** Gives a written, fsynced temp snapshot its final name `<iso-timestamp>-<label>[-n].db`; returns the path. */
export function commitSnapshot(tmp: string, backupsDir: string, label: string, createdAt: number): string {
  const base = `${snapshotTimestamp(createdAt)}-${safeLabel(label)}`;
  let target = path.join(backupsDir, `${base}.db`);
  for (let n = 2; existsSync(target); n++) target = path.join(backupsDir, `${base}-${n}.db`);
  try {
    chmodSync(tmp, FILE_MODE);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  fsyncDirSync(backupsDir);
  return target;
}
