// Encrypted snapshots with VACUUM INTO (checklist #15).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot, snapshotTimestamp } from '../../../src/core/db/backup';
import { openEncrypted, userVersion } from '../../../src/core/db/driver';
import { migrate } from '../../../src/core/db/migrate';
import { generateDataKey } from '../../../src/core/vault/keyfile';
import { FakeTime, TEST_MIGRATIONS, expectCode, sandbox } from './helpers';
import type { Sandbox } from './helpers';

const MARKER = 'Snapshotmarker Hendrika Lammerts 123456782';

let sb: Sandbox;
beforeEach(async () => {
  sb = await sandbox('backup');
});
afterEach(async () => {
  await sb.cleanup();
});

describe('snapshot', () => {
  it('writes an encrypted, consistent copy that opens with the same key and hides the marker', () => {
    const key = generateDataKey();
    const db = openEncrypted(path.join(sb.dir, 'live.db'), key, { create: true });
    migrate(db, TEST_MIGRATIONS, { backup: () => undefined });
    db.prepare('INSERT INTO people (name) VALUES (?)').run(MARKER);
    const backupsDir = path.join(sb.dir, 'backups');
    const time = new FakeTime(Date.UTC(2026, 0, 31, 23, 59, 58, 123));

    const file = snapshot(db, backupsDir, 'Handmatig', time);
    expect(path.basename(file)).toBe('2026-01-31T23-59-58.123Z-handmatig.db');
    expect(readdirSync(backupsDir)).toEqual([path.basename(file)]); // no temp file left
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    expect(bytes.includes(Buffer.from(MARKER, 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from(MARKER, 'utf16le'))).toBe(false);

    // Changes after the snapshot are not in it.
    db.prepare("INSERT INTO people (name) VALUES ('later')").run();
    const copy = openEncrypted(file, key, { readonly: true });
    expect(copy.prepare('SELECT name FROM people').pluck().all()).toEqual([MARKER]);
    expect(userVersion(copy)).toBe(2);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(() => openEncrypted(file, generateDataKey(), { readonly: true })).toThrow(expectCode('VAULT_CORRUPT'));

    // Same millisecond, same label: a distinct file, never an overwrite.
    const second = snapshot(db, backupsDir, 'Handmatig', time);
    expect(path.basename(second)).toBe('2026-01-31T23-59-58.123Z-handmatig-2.db');
    // Labels are reduced to safe file-name characters.
    expect(path.basename(snapshot(db, backupsDir, '../../etc/Voor migratie!', time))).toBe(
      '2026-01-31T23-59-58.123Z-etc-voor-migratie.db',
    );
    db.close();
  });

  it('uses file-name safe ISO timestamps', () => {
    expect(snapshotTimestamp(Date.UTC(2026, 11, 31, 8, 5, 9, 7))).toBe('2026-12-31T08-05-09.007Z');
  });

  it.skipIf(process.platform === 'win32')('creates snapshots 0600 in a 0700 folder (POSIX modes; not on Windows)', () => {
    const previous = process.umask(0); // prove the modes are set explicitly, not inherited from the umask
    try {
      const db = openEncrypted(path.join(sb.dir, 'live.db'), generateDataKey(), { create: true });
      const file = snapshot(db, path.join(sb.dir, 'b'), 'x', new FakeTime());
      db.close();
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    } finally {
      process.umask(previous);
    }
  });
});

describe('no plaintext export paths in the vault code', () => {
  it('src/core/db and src/core/vault never call serialize() or the online backup API', async () => {
    const root = fileURLToPath(new URL('../../../src/core', import.meta.url));
    const files: string[] = [];
    for (const dir of ['db', 'db/migrations', 'vault']) {
      for (const f of await readdir(path.join(root, dir))) if (f.endsWith('.ts')) files.push(path.join(root, dir, f));
    }
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      // Comments may mention the traps; code may not use them.
      const code = (await readFile(f, 'utf8')).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, f).not.toMatch(/\.serialize\s*\(/);
      expect(code, f).not.toMatch(/\.backup\s*\(/);
    }
  });
});
