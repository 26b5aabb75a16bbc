// One process at a time per vault. A second Houvast (the CLI while the app is open, a second app on a shared
// folder) would otherwise take the first one's session marker for a crash, sweep its half-written temp files
// and remove its marker. The lock is an OS lock on vault.lock (db/driver.ts), taken before a session starts and
// given back when it ends; a crash gives it back too.
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/contract/errors';
import { tryExclusiveFileLock } from '../db/driver';
import { FILE_MODE } from './fs-atomic';

export const SESSION_LOCK_FILE = 'vault.lock';

export interface SessionLock {
  readonly folder: string;
  release(): void;
}

/** The lock of this vault folder, or null when another process (or session) holds it. */
export function trySessionLock(folder: string, options: { nativeBinding?: string } = {}): SessionLock | null {
  const file = path.join(folder, SESSION_LOCK_FILE);
  // Created empty with the vault's file mode; SQLite would create it 0644.
  closeSync(openSync(file, 'a', FILE_MODE));
  const lock = tryExclusiveFileLock(file, options);
  return lock ? { folder, release: lock.release } : null;
}

export function vaultInUseError(): AppError {
  return new AppError(
    'VAULT_IN_USE',
    'Deze kluis is al geopend in een ander Houvast-programma (de app of de opdrachtregel, op deze of een andere computer). ' +
      'Vergrendel de kluis daar eerst, of sluit dat programma. Er is niets gewijzigd.',
  );
}
