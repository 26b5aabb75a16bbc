// Snapshot bookkeeping for a vault's backups/ folder: naming and listing, the retention policy for
// automatic snapshots (a pure function), pruning, verification of a snapshot before a restore, the
// integrity check on open, and the read-only look at a database file before it is opened or restored
// (the restore itself is restore.ts).
//
// Only automatic snapshots are ever deleted automatically; manual, pre-migration and before-restore
// snapshots, and any file we do not recognise, are left alone. Everything here works on encrypted
// files only: snapshots are made with VACUUM INTO (src/core/db/backup.ts), copies are byte copies.
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { format } from 'date-fns';
import { AppError } from '../../shared/contract/errors';
import type { BackupInfo, BackupKind } from '../../shared/contract/backups';
import { snapshotTimestamp } from '../db/backup';
import { openEncrypted, userVersion } from '../db/driver';
import type { Db, OpenOptions } from '../db/driver';
import { assertNotFromFuture } from '../db/migrate';
import type { Logger } from '../logger';

export const AUTO_LABEL = 'auto';
export const MANUAL_LABEL = 'manual';
export const BEFORE_RESTORE_LABEL = 'before-restore';
/** An automatic snapshot is due when the newest one is at least this old. */
export const AUTO_SNAPSHOT_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** Up to this size a restore checks the snapshot with the full integrity_check; above it quick_check. */
export const FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024;

const FILE_MODE = 0o600;
const isWindows = process.platform === 'win32';

/** `2026-03-01T09-00-00.000Z-<label>[-n].db` as written by snapshot(). */
const SNAPSHOT_NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z-([a-z0-9_-]+)\.db$/;

export interface SnapshotFile extends BackupInfo {
  file: string;
}

/** Kind of a snapshot from its label; anything unknown counts as manual, so it is never pruned. */
export function kindOfLabel(label: string): BackupKind {
  const base = label.replace(/-\d+$/, ''); // same-millisecond duplicates get "-2", "-3", …
  if (base === AUTO_LABEL) return 'auto';
  if (base === BEFORE_RESTORE_LABEL) return 'before-restore';
  if (label.startsWith('pre-migration')) return 'pre-migration';
  return 'manual';
}

/** Parse a snapshot file name; null for anything else (temp files, foreign files). */
export function parseSnapshotName(name: string): { createdAt: number; kind: BackupKind } | null {
  const m = SNAPSHOT_NAME.exec(name);
  if (!m) return null;
  const createdAt = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  if (!Number.isFinite(createdAt)) return null;
  return { createdAt, kind: kindOfLabel(m[6]!) };
}

/** A backup id as the contract carries it: a bare snapshot file name, nothing path-like. */
export function isSnapshotId(id: string): boolean {
  return path.basename(id) === id && parseSnapshotName(id) !== null;
}

/** The snapshots in a backups folder, newest first. A missing folder is an empty list. */
export function listSnapshots(backupsDir: string): SnapshotFile[] {
  let names: string[];
  try {
    names = readdirSync(backupsDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: SnapshotFile[] = [];
  for (const name of names) {
    const parsed = parseSnapshotName(name);
    if (!parsed) continue;
    const file = path.join(backupsDir, name);
    let stat;
    try {
      stat = statSync(file);
    } catch {
      continue; // removed meanwhile
    }
    if (!stat.isFile()) continue;
    out.push({ id: name, file, createdAt: parsed.createdAt, kind: parsed.kind, sizeBytes: stat.size });
  }
  return out.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
}

// ---- retention ------------------------------------------------------------------------------------

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

/** Newest 7 days, 4 ISO weeks and 12 months that have snapshots. */
export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 };

// Periods in the computer's own time zone: "the backup of a day" is the day the user sees beside it (in the
// Netherlands a snapshot at 00:30 belongs to that day, not to the day before as it would in UTC).
function dayKey(ms: number): string {
  return format(ms, 'yyyy-MM-dd');
}

function monthKey(ms: number): string {
  return format(ms, 'yyyy-MM');
}

/** ISO 8601 week ("2026-W09") in local time: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeekKey(ms: number): string {
  return format(ms, "RRRR-'W'II");
}

/**
 * Which automatic snapshots to keep (a pure function of their dates). For each rule the newest
 * snapshot of each of the newest N periods (days, ISO weeks, months, in local time) that have a snapshot is
 * kept. Counting periods that HAVE snapshots (not calendar periods back from today) means a vault left
 * alone for a year still keeps its history. The newest snapshot is always kept, so pruning can never
 * remove the last one. Returns the indices into `dates` to keep.
 */
export function selectRetained(dates: readonly number[], policy: RetentionPolicy = DEFAULT_RETENTION): Set<number> {
  const order = dates.map((_, i) => i).sort((a, b) => dates[b]! - dates[a]! || b - a);
  const keep = new Set<number>();
  if (order.length > 0) keep.add(order[0]!);
  const rule = (limit: number, key: (ms: number) => string) => {
    const seen = new Set<string>();
    for (const i of order) {
      if (seen.size >= limit) break;
      const k = key(dates[i]!);
      if (seen.has(k)) continue;
      seen.add(k);
      keep.add(i); // newest first, so this is the newest snapshot of its period
    }
  };
  rule(policy.daily, dayKey);
  rule(policy.weekly, isoWeekKey);
  rule(policy.monthly, monthKey);
  return keep;
}

/** Whether an automatic snapshot is due: none yet, the newest 24 h old, or one dated in the future (clock moved back). */
export function automaticSnapshotDue(snapshots: readonly SnapshotFile[], now: number): boolean {
  const newest = snapshots.filter((s) => s.kind === 'auto').reduce((max, s) => Math.max(max, s.createdAt), -Infinity);
  if (newest === -Infinity) return true;
  return now - newest >= AUTO_SNAPSHOT_INTERVAL_MS || newest > now + 60 * 60 * 1000;
}

/**
 * Delete the automatic snapshots the retention policy does not keep; returns the deleted ids.
 * Never deletes when that would leave the folder without any snapshot.
 */
export function pruneAutomaticSnapshots(backupsDir: string, policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const all = listSnapshots(backupsDir);
  const auto = all.filter((s) => s.kind === 'auto');
  const keep = selectRetained(
    auto.map((s) => s.createdAt),
    policy,
  );
  const doomed = auto.filter((_, i) => !keep.has(i));
  if (doomed.length === 0 || doomed.length >= all.length) return [];
  const deleted: string[] = [];
  for (const s of doomed) {
    rmSync(s.file, { force: true });
    deleted.push(s.id);
  }
  return deleted;
}

// ---- integrity ------------------------------------------------------------------------------------

export function corruptVaultError(): AppError {
  return new AppError(
    'VAULT_CORRUPT',
    'De kluis is beschadigd en kan niet veilig worden geopend. Er is niets verwijderd. ' +
      'Zet hieronder een back-up terug, of vraag uw beheerder om hulp.',
  );
}

export function corruptBackupError(): AppError {
  return new AppError(
    'VAULT_CORRUPT',
    'Deze back-up is beschadigd of hoort niet bij deze kluis. Kies een andere back-up. Er is niets gewijzigd.',
  );
}

/**
 * PRAGMA integrity_check (quick_check for large files). A damaged encrypted page either makes the
 * pragma report rows other than "ok" or makes it throw (HMAC failure → SQLITE_CORRUPT/NOTADB); both
 * become `onCorrupt()`. Reads only.
 */
export function checkIntegrity(db: Db, sizeBytes: number, onCorrupt: () => AppError = corruptVaultError): void {
  const pragma = sizeBytes <= FULL_CHECK_MAX_BYTES ? 'integrity_check(20)' : 'quick_check(20)';
  let rows: unknown[];
  try {
    rows = db.pragma(pragma, { simple: false }) as unknown[];
  } catch (err) {
    const code = String((err as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_IOERR')) throw onCorrupt();
    throw err;
  }
  const values = rows.map((r) => (r && typeof r === 'object' ? Object.values(r as Record<string, unknown>)[0] : r));
  if (values.length !== 1 || values[0] !== 'ok') throw onCorrupt();
}

/**
 * The check on unlock, which must not grow with the vault: it reads the header and the schema, never every
 * page. Opening already decrypted and authenticated page 1 and the schema pages (openEncrypted reads
 * sqlite_master); this adds the header's page count against the file size, which catches a truncated file.
 * Damage inside a page is found by the full integrity_check, which runs in the background after the unlock
 * (background-maintenance.ts) and before every automatic snapshot.
 */
export function quickCheck(db: Db, dbPath: string, onCorrupt: () => AppError = corruptVaultError): void {
  let pageSize: number;
  let pageCount: number;
  try {
    pageSize = Number(db.pragma('page_size', { simple: true }));
    pageCount = Number(db.pragma('page_count', { simple: true }));
  } catch (err) {
    const code = String((err as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_IOERR')) throw onCorrupt();
    throw err;
  }
  // With a non-empty WAL the newest pages may live there; the file alone then says nothing.
  if (fileSize(`${dbPath}-wal`) > 0) return;
  if (!(pageSize > 0) || fileSize(dbPath) < pageCount * pageSize) throw onCorrupt();
}

/**
 * Opens `file` read-only with `dataKey`, refuses a schema newer than this build, then runs `check`.
 * A file that does not open as a database throws `corrupt()`. Reads only; leaves no -wal/-shm behind.
 */
export function checkReadOnly(
  file: string,
  dataKey: Buffer,
  options: { openOptions: OpenOptions; latestSchema: number; logger: Logger; corrupt: () => AppError; check: (db: Db) => void },
): void {
  const { corrupt } = options;
  const cleanup = walLeftoverCleanup(file);
  let db: Db;
  try {
    db = openEncrypted(file, dataKey, { ...options.openOptions, readonly: true });
  } catch (err) {
    cleanup();
    if (err instanceof AppError && err.code === 'VAULT_CORRUPT') throw corrupt();
    throw err;
  }
  try {
    const version = userVersion(db);
    // Every vault gets its schema when it is created, so an empty or schema-less file (0 bytes, or
    // user_version 0) is damage, not a new vault: migrating it would hide every dossier behind an
    // empty vault with no warning.
    // A version with no table at all is the same damage (the migrations would fail half-way on it).
    if (version === 0 || !hasAnyTable(db)) {
      options.logger.error('vault.corrupt', { stage: 'no_schema' });
      throw corrupt();
    }
    assertNotFromFuture(version, options.latestSchema);
    options.check(db);
  } finally {
    db.close();
    cleanup();
  }
}

function hasAnyTable(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get() !== undefined;
}

/**
 * A read-only connection to a WAL-mode database creates an empty -wal and an -shm and leaves them when
 * it closes. Returns a function that removes such files again, but only ones that did not exist before
 * and a WAL that is still empty (an empty WAL holds no data), so a refused open leaves the folder as it was.
 */
export function walLeftoverCleanup(dbPath: string): () => void {
  const wal = `${dbPath}-wal`;
  const shm = `${dbPath}-shm`;
  const hadWal = existsSync(wal);
  const hadShm = existsSync(shm);
  return () => {
    try {
      if (hadWal || (existsSync(wal) && statSync(wal).size > 0)) return;
      rmSync(wal, { force: true });
      if (!hadShm) rmSync(shm, { force: true });
    } catch {
      // Leftovers are harmless; never fail an open because of them.
    }
  };
}

// ---- file operations ------------------------------------------------------------------------------

function fsyncPath(file: string, flags: string): void {
  const fd = openSync(file, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function fsyncDirSync(dir: string): void {
  if (!isWindows) fsyncPath(dir, 'r');
}

/** Byte copy of an (encrypted) file to `target`, 0600, fsynced; `target` must not exist. */
export function copyPrivateSync(source: string, target: string): void {
  // Created empty with 0600 first, so the copy never exists with wider permissions.
  closeSync(openSync(target, 'wx', FILE_MODE));
  try {
    copyFileSync(source, target);
    chmodSync(target, FILE_MODE);
    fsyncPath(target, 'r+');
  } catch (err) {
    rmSync(target, { force: true });
    throw err;
  }
}

/** Free name `<backupsDir>/<timestamp>-<label>[-n].db` (the snapshot() scheme, for byte copies). */
export function snapshotPath(backupsDir: string, label: string, now: number): string {
  const base = `${snapshotTimestamp(now)}-${label}`;
  let target = path.join(backupsDir, `${base}.db`);
  for (let n = 2; existsSync(target); n++) target = path.join(backupsDir, `${base}-${n}.db`);
  return target;
}

/** Size of a file, 0 when it is missing. */
export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
