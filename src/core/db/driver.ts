// The encrypted SQLite driver: better-sqlite3-multiple-ciphers with the SQLCipher-compatible scheme
// (cipher=sqlcipher, legacy=4) so an office can always open its own data with standard SQLCipher tools.
// Traps (ENGINEERING.md): never db.serialize() (plaintext pages), never db.backup() (use VACUUM INTO),
// rekey only outside WAL mode.
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/contract/errors';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a driver build for another ABI (Electron passes its own). */
  nativeBinding?: string;
  readonly?: boolean;
  /** Create the file if it does not exist (default false: opening a missing vault is an error). */
  create?: boolean;
}

const HEX_DIGITS = '0123456789abcdef';

/** SQLite page cache per open database, in KiB (PRAGMA cache_size takes a negative number for KiB). */
export const PAGE_CACHE_KIB = 32 * 1024;

/**
 * The raw-key literal SQLCipher expects, x'<64 hex digits>', as bytes in a buffer of our own, built digit by
 * digit so the key never becomes a JS string (strings cannot be wiped; this buffer is zeroed after use).
 * Only the 32 key bytes can reach it, so nothing else can reach the key API.
 */
export function rawKeyBytes(key: Buffer): Buffer {
  if (key.length !== 32) throw new RangeError('data key must be 32 bytes');
  const out = Buffer.alloc(3 + 64);
  out[0] = 0x78; // x
  out[1] = 0x27; // '
  for (let i = 0; i < 32; i++) {
    const b = key[i]!;
    out[2 + 2 * i] = HEX_DIGITS.charCodeAt(b >> 4);
    out[3 + 2 * i] = HEX_DIGITS.charCodeAt(b & 0x0f);
  }
  out[66] = 0x27; // '
  return out;
}

function applyCipher(db: Db, key: Buffer): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  // sqlite3_key with the raw-key literal as bytes: the same key as PRAGMA key="x'…'", without a string.
  const raw = rawKeyBytes(key);
  try {
    db.key(raw);
  } finally {
    raw.fill(0);
  }
}

/**
 * Open (or create) an encrypted database. Throws AppError WRONG_PASSPHRASE-free codes: a key that
 * does not fit surfaces as VAULT_CORRUPT only if the caller already verified the key; callers that
 * just unwrapped the key treat SQLITE_NOTADB as corruption.
 */
export function openEncrypted(path: string, key: Buffer, options: OpenOptions = {}): Db {
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: !(options.create ?? false),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    applyCipher(db, key);
    // Touch the schema: this is where a wrong key or a damaged file shows up (SQLITE_NOTADB).
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!options.readonly) {
      db.pragma('journal_mode=WAL');
      db.pragma('synchronous=FULL');
    }
    db.pragma('foreign_keys=ON');
    // Deleted rows are overwritten with zeros: deleting a dossier removes it for real.
    db.pragma('secure_delete=ON');
    // Temporary tables and sort files stay in memory: no plaintext temp files.
    db.pragma('temp_store=MEMORY');
    // A page cache large enough for the working set of a busy vault: every page read from disk must be
    // decrypted, so a miss costs far more than with a plain database (issue 10: a dossier read within 1.1x of
    // the plain driver). 32 MiB per connection, well inside the memory goal at 100,000 dossiers.
    db.pragma(`cache_size=-${PAGE_CACHE_KIB}`);
    return db;
  } catch (err) {
    db.close();
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new AppError('VAULT_CORRUPT', 'De kluis kan niet worden gelezen: het bestand is beschadigd of hoort niet bij deze sleutel. Er is niets verwijderd.');
    }
    throw err;
  }
}

/** Schema version as stored in PRAGMA user_version. */
export function userVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * An operating-system lock on a small file of its own, held while the handle stays open: another process (or
 * another connection in this one) asking for the same file gets false at once. SQLite's own locking does the
 * work (fcntl on POSIX, LockFileEx on Windows), so the lock ends with the process, also when it crashes. The
 * file stays empty: nothing is ever written to it.
 */
export function tryExclusiveFileLock(file: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): { release(): void } | null {
  const db = new Database(file, { timeout: 0, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    db.pragma('locking_mode=EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return null;
    throw err;
  }
  return {
    release: () => {
      if (db.open) db.close();
    },
  };
}
