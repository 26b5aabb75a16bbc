// What a crash leaves behind, handled before the database is opened again.
// SQLite replays the WAL on the next open, but it silently stops at the first damaged frame, and a WAL that
// was deleted after a crash takes its confirmed writes with it without a word. So: a session marker is
// written on unlock and removed on a clean lock; a non-empty WAL found before the first open is kept as a
// byte copy (its pages are encrypted like the database's), and a crash without a WAL is said out loud. The
// copy's frame checksums are checked too, so a WAL that SQLite will replay only in part is not reported as
// recovered.
// Temp files of interrupted writes (atomic keyfile writes, restores, snapshots) are swept on open.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DIR_MODE, FILE_MODE } from './fs-atomic';

export const SESSION_MARKER = 'vault.session';
export const RECOVERED_WAL_DIR = 'herstel';

export function markSessionOpen(folder: string, now: number): void {
  // Holds no case data: only that a session was open, and since when.
  writeFileSync(path.join(folder, SESSION_MARKER), `${JSON.stringify({ openedAt: now })}\n`, { mode: FILE_MODE });
}

export function markSessionClosed(folder: string): void {
  rmSync(path.join(folder, SESSION_MARKER), { force: true });
}

export type CrashFinding =
  | { kind: 'none' }
  | { kind: 'wal_kept'; copy: string }
  | { kind: 'wal_damaged'; copy: string }
  | { kind: 'wal_missing' };

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

/**
 * Call before the first open of the database in this process. A non-empty WAL means the last session did
 * not end cleanly (a clean lock checkpoints and truncates it): its bytes are copied to herstel/ first.
 */
export function inspectCrash(folder: string, dbName: string, now: number): CrashFinding {
  const wal = path.join(folder, `${dbName}-wal`);
  const crashed = existsSync(path.join(folder, SESSION_MARKER));
  const walSize = existsSync(wal) ? statSync(wal).size : 0;
  if (walSize > 0) {
    const dir = path.join(folder, RECOVERED_WAL_DIR);
    mkdirSync(dir, { recursive: true, mode: DIR_MODE });
    const copy = path.join(dir, `${dbName}-wal.${stamp(now)}.bak`);
    copyFileSync(wal, copy);
    return walIsDamaged(readFileSync(copy)) ? { kind: 'wal_damaged', copy } : { kind: 'wal_kept', copy };
  }
  return crashed ? { kind: 'wal_missing' } : { kind: 'none' };
}

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/**
 * True when SQLite's replay will stop at a damaged frame: a frame of the current WAL (its salts match the
 * header's) whose running checksum fails, or a header that fails its own. SQLite then drops that frame and
 * every later one without a word. Frames left from before a checkpoint restart carry other salts: not damage.
 * The checksums cover the encrypted frames, so no key is needed (SQLite file format documentation, "WAL File Format").
 */
export function walIsDamaged(wal: Buffer): boolean {
  if (wal.length < WAL_HEADER) return true;
  const magic = wal.readUInt32BE(0);
  if ((magic & 0xfffffffe) !== 0x377f0682) return true;
  const word = magic & 1 ? (b: Buffer, i: number) => b.readUInt32BE(i) : (b: Buffer, i: number) => b.readUInt32LE(i);
  const pageSize = wal.readUInt32BE(8);
  let sum = walChecksum(wal, 0, 24, word, [0, 0]);
  if (sum[0] !== wal.readUInt32BE(24) || sum[1] !== wal.readUInt32BE(28)) return true;
  const frameSize = FRAME_HEADER + pageSize;
  for (let at = WAL_HEADER; at + frameSize <= wal.length; at += frameSize) {
    if (wal.readUInt32BE(at + 8) !== wal.readUInt32BE(16) || wal.readUInt32BE(at + 12) !== wal.readUInt32BE(20)) return false;
    sum = walChecksum(wal, at, 8, word, sum);
    sum = walChecksum(wal, at + FRAME_HEADER, pageSize, word, sum);
    if (sum[0] !== wal.readUInt32BE(at + 16) || sum[1] !== wal.readUInt32BE(at + 20)) return true;
  }
  return false;
}

/** SQLite's WAL checksum: pairs of 32-bit words, in the byte order the magic number names. */
function walChecksum(b: Buffer, start: number, length: number, word: (b: Buffer, i: number) => number, seed: [number, number]): [number, number] {
  let [s0, s1] = seed;
  for (let i = start; i < start + length; i += 8) {
    s0 = (s0 + word(b, i) + s1) >>> 0;
    s1 = (s1 + word(b, i + 4) + s0) >>> 0;
  }
  return [s0, s1];
}

/** The Dutch notice for the user, or null when there is nothing to say. */
export function crashNotice(finding: CrashFinding): string | null {
  switch (finding.kind) {
    case 'none':
      return null;
    case 'wal_kept':
      return (
        'Houvast is de vorige keer niet netjes afgesloten (bijvoorbeeld door een storing of een crash). De laatste ' +
        'wijzigingen zijn hersteld. Een versleutelde kopie van het logbestand van de database staat in de map ' +
        `"${RECOVERED_WAL_DIR}" van de kluis, voor het geval er toch iets ontbreekt.`
      );
    case 'wal_damaged':
      return (
        'Houvast is de vorige keer niet netjes afgesloten, en het logbestand van de database is beschadigd. De ' +
        'laatste wijzigingen konden niet worden hersteld (of niet allemaal). Een versleutelde kopie van het ' +
        `logbestand is bewaard in de map "${RECOVERED_WAL_DIR}" van de kluis (${path.basename(finding.copy)}). ` +
        'Controleer de laatste wijzigingen, of zet zo nodig een back-up terug (Instellingen → Back-ups).'
      );
    case 'wal_missing':
      return (
        'Houvast is de vorige keer niet netjes afgesloten, en het logbestand van de database ontbreekt of is leeg. ' +
        'Wijzigingen van kort voor het afsluiten kunnen daardoor ontbreken. Controleer de laatste wijzigingen, of ' +
        'zet zo nodig een back-up terug (Instellingen → Back-ups).'
      );
  }
}

/** Hidden temp files that our atomic writes leave only when interrupted. */
const VAULT_TEMP = /^\.(vault\.db|vault\.key\.json|vault\.session)\.[0-9a-f]{12}\.(restore\.)?tmp(-wal|-shm|-journal)?$/;
const BACKUP_TEMP = /^\.[0-9a-f]{12}\.snapshot\.tmp(-wal|-shm|-journal)?$/;

/** Removes interrupted temp files in the vault folder and its backups/; returns how many. */
export function sweepInterruptedWrites(folder: string, backupsDirName: string): number {
  let removed = 0;
  const sweep = (dir: string, pattern: RegExp) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!pattern.test(name)) continue;
      rmSync(path.join(dir, name), { recursive: true, force: true });
      removed++;
    }
  };
  sweep(folder, VAULT_TEMP);
  sweep(path.join(folder, backupsDirName), BACKUP_TEMP);
  return removed;
}
