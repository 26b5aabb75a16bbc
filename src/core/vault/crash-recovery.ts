// What a crash leaves behind, handled before the database is opened again.
// SQLite replays the WAL on the next open, but it silently stops at the first damaged frame, and a WAL that
// was deleted after a crash takes its confirmed writes with it without a word. So: a session marker is
// written on unlock and removed on a clean lock; a non-empty WAL found before the first open is kept as a
// byte copy (its pages are encrypted like the database's), and a crash without a WAL is said out loud.
// Temp files of interrupted writes (atomic keyfile writes, restores, snapshots) are swept on open.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
    return { kind: 'wal_kept', copy };
  }
  return crashed ? { kind: 'wal_missing' } : { kind: 'none' };
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
