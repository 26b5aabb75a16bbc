// A folder the user names for files leaving the vault (an external backup, exported letters): absolute, existing,
// outside the vault, and Dutch messages for the usual reasons it cannot be written. Each caller words its own
// hints; the checks are one.
import { statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/contract/errors';

export function folderInvalid(message: string): AppError {
  return new AppError('VALIDATION', message, [{ path: 'folder', message }]);
}

/** The chosen folder, resolved; refused when relative, missing, or inside the vault (`vaultPath`, when one is open). */
export function chosenFolder(input: string, vaultPath: string | null, say: { relative: string; insideVault: string }): string {
  if (!path.isAbsolute(input.trim())) throw folderInvalid(say.relative);
  const folder = path.resolve(input);
  let isDir = false;
  try {
    isDir = statSync(folder).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw folderInvalid('Deze map bestaat niet. Kies een bestaande map.');
  if (vaultPath) {
    const rel = path.relative(vaultPath, folder);
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) throw folderInvalid(say.insideVault);
  }
  return folder;
}

/** Dutch message for the usual reasons a chosen folder cannot be written; null for others. */
export function folderWriteError(err: unknown, noSpace: string): AppError | null {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return folderInvalid('Houvast mag niet schrijven in deze map. Kies een andere map.');
  if (code === 'ENOSPC' || code === 'EDQUOT') return folderInvalid(noSpace);
  if (code === 'ENOENT' || code === 'ENOTDIR') return folderInvalid('Deze map bestaat niet (meer). Kies een bestaande map.');
  return null;
}
