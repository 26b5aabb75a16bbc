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

const HEX_KEY = /^[0-9a-f]{64}$/;

/** Key as the raw-key literal SQLCipher expects; validated as hex so nothing else can reach the pragma. */
export function rawKeyLiteral(key: Buffer): string {
  const hex = key.toString('hex');
  if (key.length !== 32 || !HEX_KEY.test(hex)) throw new RangeError('data key must be 32 bytes');
  return `"x'${hex}'"`;
}

function applyCipher(db: Db, key: Buffer): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key=${rawKeyLiteral(key)}`);
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
