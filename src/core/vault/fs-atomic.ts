// Crash-safe small-file writes: temp file in the same folder (0600), fsync, rename, fsync the folder.
// A reader sees either the old or the new file, never a half-written keyfile.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;
const isWindows = process.platform === 'win32';

/** fsync a folder so a rename in it survives a power cut (not possible on Windows; skipped there). */
export async function fsyncDir(dir: string): Promise<void> {
  if (isWindows) return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsync an existing file by path. */
export async function fsyncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx': never follow or reuse an existing file; mode applies at creation so there is no wider window.
  const handle = await open(tmp, 'wx', FILE_MODE);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(tmp, FILE_MODE); // umask may have narrowed or (on odd systems) left extra bits
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  await fsyncDir(dir);
}

/** mkdir -p, then force 0700 on the leaf (mkdir's mode is filtered by the umask). */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  if (!isWindows) await chmod(dir, DIR_MODE);
}
