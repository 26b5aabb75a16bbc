// Migrations: all pending in one transaction, backup first, rollback on failure, DB from the future refused.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openEncrypted, userVersion } from '../../../src/core/db/driver';
import type { Db } from '../../../src/core/db/driver';
import { latestVersion, migrate } from '../../../src/core/db/migrate';
import type { Migration } from '../../../src/core/db/migrations/types';
import { generateDataKey } from '../../../src/core/vault/keyfile';
import { PASSPHRASE, TEST_MIGRATIONS, dataKeyFromKeyfile, expectCode, sandbox, sha256File } from './helpers';
import type { Sandbox } from './helpers';

let sb: Sandbox;
beforeEach(async () => {
  sb = await sandbox('migrate');
});
afterEach(async () => {
  await sb.cleanup();
});

const THREE: Migration[] = [
  ...TEST_MIGRATIONS,
  { version: 3, name: 'letters', up: (db) => db.exec('CREATE TABLE letters (id INTEGER PRIMARY KEY, person_id INTEGER REFERENCES people(id))') },
];

function tables(db: Db): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
}

function freshDb(file: string, key: Buffer): Db {
  return openEncrypted(file, key, { create: true });
}

describe('migrate()', () => {
  it('migrates a database created at every earlier version to the latest, backing up all but a new one', () => {
    const key = generateDataKey();
    for (let start = 0; start < THREE.length; start++) {
      const file = path.join(sb.dir, `v${start}.db`);
      const db = freshDb(file, key);
      migrate(db, THREE.slice(0, start), { backup: () => undefined });
      expect(userVersion(db)).toBe(start);
      if (start >= 1) db.prepare("INSERT INTO people (name) VALUES ('Ria')").run();

      const backup = vi.fn();
      const result = migrate(db, THREE, { backup });
      expect(result).toEqual({ from: start, to: 3, applied: THREE.slice(start).map((m) => m.name) });
      expect(backup).toHaveBeenCalledTimes(start > 0 ? 1 : 0);
      expect(userVersion(db)).toBe(3);
      expect(tables(db)).toEqual(['letters', 'people']);
      expect(db.prepare("SELECT name FROM pragma_table_info('people')").pluck().all()).toContain('note');
      if (start >= 1) expect(db.prepare('SELECT name FROM people').pluck().all()).toEqual(['Ria']);
      // Up to date: nothing runs, no backup.
      expect(migrate(db, THREE, { backup }).applied).toEqual([]);
      expect(backup).toHaveBeenCalledTimes(start > 0 ? 1 : 0);
      db.close();
    }
  });

  it('runs the backup before any migration touches the database', () => {
    const db = freshDb(path.join(sb.dir, 'order.db'), generateDataKey());
    migrate(db, THREE.slice(0, 1), { backup: () => undefined });
    const order: string[] = [];
    const traced = THREE.map((m) => ({ ...m, up: (d: Db) => (order.push(`up${m.version}`), m.up(d)) }));
    migrate(db, traced, { backup: () => order.push(`backup@v${userVersion(db)}`) });
    expect(order).toEqual(['backup@v1', 'up2', 'up3']);
    db.close();
  });

  it('tells each step of an update in order: the backup, every pending migration, then done after the commit', () => {
    for (let start = 1; start < THREE.length; start++) {
      const db = freshDb(path.join(sb.dir, `steps-v${start}.db`), generateDataKey());
      migrate(db, THREE.slice(0, start), { backup: () => undefined });
      const order: string[] = [];
      const traced = THREE.map((m) => ({ ...m, up: (d: Db) => (order.push(`up${m.version}`), m.up(d)) }));
      migrate(db, traced, {
        backup: () => order.push('backup'),
        // Where each step is told: the version on disk (the transaction's own view inside it).
        onStep: (s) => order.push(`${s.stage} ${s.step}/${s.steps} @v${userVersion(db)}`),
      });
      const pending = THREE.slice(start);
      const steps = pending.length + 1;
      expect(order).toEqual([
        `backup 1/${steps} @v${start}`,
        'backup',
        ...pending.flatMap((m, i) => [`migration ${i + 2}/${steps} @v${start}`, `up${m.version}`]),
        `done ${steps}/${steps} @v${THREE.length}`,
      ]);
      db.close();
    }
  });

  it('tells nothing for a brand-new or an up-to-date database', () => {
    const db = freshDb(path.join(sb.dir, 'quiet.db'), generateDataKey());
    const onStep = vi.fn();
    migrate(db, THREE, { backup: () => undefined, onStep });
    expect(userVersion(db)).toBe(THREE.length);
    migrate(db, THREE, { backup: () => undefined, onStep });
    expect(onStep).not.toHaveBeenCalled();
    db.close();
  });

  it('a step listener that throws neither stops nor rolls back the update', () => {
    const db = freshDb(path.join(sb.dir, 'listener.db'), generateDataKey());
    migrate(db, THREE.slice(0, 1), { backup: () => undefined });
    const onStep = vi.fn(() => {
      throw new Error('display gone');
    });
    const result = migrate(db, THREE, { backup: () => undefined, onStep });
    expect(result.applied).toEqual(THREE.slice(1).map((m) => m.name));
    expect(onStep).toHaveBeenCalledTimes(THREE.slice(1).length + 2); // backup, each migration, done
    expect(userVersion(db)).toBe(THREE.length);
    expect(tables(db)).toEqual(['letters', 'people']);
    db.close();
  });

  it('rolls back ALL pending migrations and user_version when one fails', () => {
    const db = freshDb(path.join(sb.dir, 'fail.db'), generateDataKey());
    migrate(db, THREE.slice(0, 1), { backup: () => undefined });
    db.prepare("INSERT INTO people (name) VALUES ('Bram')").run();
    const failing: Migration[] = [
      ...THREE.slice(0, 2),
      {
        version: 3,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE half_done (x)');
          d.exec('INSERT INTO people (name) VALUES (NULL)'); // NOT NULL constraint fails
        },
      },
    ];
    const backup = vi.fn();
    const stages: string[] = [];
    expect(() => migrate(db, failing, { backup, onStep: (s) => stages.push(`${s.stage} ${s.step}`) })).toThrow(/NOT NULL/);
    expect(backup).toHaveBeenCalledTimes(1);
    // Told up to the failing migration; never 'done'.
    expect(stages).toEqual(['backup 1', 'migration 2', 'migration 3']);
    expect(userVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['people']);
    expect(db.prepare("SELECT name FROM pragma_table_info('people')").pluck().all()).not.toContain('note');
    expect(db.prepare('SELECT name FROM people').pluck().all()).toEqual(['Bram']);
    db.close();
  });

  it('refuses a database from a newer version before writing anything (file hash unchanged)', () => {
    const key = generateDataKey();
    const file = path.join(sb.dir, 'future.db');
    const db = freshDb(file, key);
    migrate(db, THREE, { backup: () => undefined });
    db.pragma('user_version = 9');
    db.pragma('journal_mode = DELETE'); // leave one self-contained file to hash
    db.close();
    const before = sha256File(file);

    const ro = openEncrypted(file, key, { readonly: true });
    const backup = vi.fn();
    const up = vi.fn();
    expect(() => migrate(ro, [{ version: 1, name: 'x', up }], { backup })).toThrow(expectCode('DB_FROM_FUTURE'));
    expect(backup).not.toHaveBeenCalled();
    expect(up).not.toHaveBeenCalled();
    ro.close();
    expect(sha256File(file)).toBe(before);
  });

  it('rejects a migration list with gaps or out of order', () => {
    expect(() => latestVersion([THREE[1]!])).toThrow(/out of order/);
    expect(() => latestVersion([THREE[0]!, THREE[2]!])).toThrow(/out of order/);
    expect(latestVersion([])).toBe(0);
  });
});

describe('VaultManager and migrations', () => {
  async function vaultAtVersion1(): Promise<{ folder: string; key: Buffer }> {
    const vm = sb.manager({ migrations: TEST_MIGRATIONS.slice(0, 1) });
    const { status } = await vm.create({ name: 'Oud', passphrase: PASSPHRASE });
    expect(status.schemaVersion).toBe(1);
    vm.db().prepare("INSERT INTO people (name) VALUES ('Sanne')").run();
    vm.close();
    // For the test's own inspection of the files: what the passphrase unwraps from the keyfile.
    return { folder: status.vault!.path, key: await dataKeyFromKeyfile(status.vault!.path, PASSPHRASE) };
  }

  it('unlocking an older vault makes an encrypted backup, then migrates', async () => {
    const { folder, key } = await vaultAtVersion1();
    expect(readdirSync(path.join(folder, 'backups'))).toEqual([]);
    const vm = sb.manager();
    await vm.open(folder);
    const status = await vm.unlock(PASSPHRASE);
    expect(status.schemaVersion).toBe(2);
    expect(vm.db().prepare('SELECT name, note FROM people').all()).toEqual([{ name: 'Sanne', note: null }]);

    const backups = readdirSync(path.join(folder, 'backups'));
    expect(backups).toEqual(['2026-03-01T09-00-00.000Z-pre-migration-v1.db']);
    const snap = openEncrypted(path.join(folder, 'backups', backups[0]!), key, { readonly: true });
    expect(userVersion(snap)).toBe(1);
    expect(snap.prepare('SELECT name FROM people').pluck().all()).toEqual(['Sanne']);
    snap.close();
  });

  it('a failing migration on unlock leaves the vault locked at its old version', async () => {
    const { folder, key } = await vaultAtVersion1();
    const broken: Migration[] = [TEST_MIGRATIONS[0]!, { version: 2, name: 'broken', up: () => { throw new Error('boom'); } }];
    const vm = sb.manager({ migrations: broken });
    await vm.open(folder);
    await expect(vm.unlock(PASSPHRASE)).rejects.toThrow(expectCode('INTERNAL'));
    expect(vm.status().state).toBe('locked');
    const db = openEncrypted(path.join(folder, 'vault.db'), key);
    expect(userVersion(db)).toBe(1);
    db.close();
    // The older build can still open it.
    const old = sb.manager({ migrations: TEST_MIGRATIONS.slice(0, 1) });
    await old.open(folder);
    await old.unlock(PASSPHRASE);
    expect(old.db().prepare('SELECT name FROM people').pluck().all()).toEqual(['Sanne']);
  });

  it('DB_FROM_FUTURE on unlock: vault.db untouched, stays locked, no backup made', async () => {
    const { folder, key } = await vaultAtVersion1();
    const dbPath = path.join(folder, 'vault.db');
    const newer = openEncrypted(dbPath, key);
    newer.pragma('user_version = 7');
    // Rollback-journal mode (as after a restore or SQLCipher tools): merely switching it to WAL would
    // rewrite the header, so an unchanged hash proves the refusal came before any journal-mode change.
    newer.pragma('journal_mode = DELETE');
    newer.close();
    const before = sha256File(dbPath);

    const vm = sb.manager();
    await vm.open(folder);
    await expect(vm.unlock(PASSPHRASE)).rejects.toThrow(expectCode('DB_FROM_FUTURE'));
    expect(vm.status().state).toBe('locked');
    expect(sha256File(dbPath)).toBe(before);
    expect(readdirSync(path.join(folder, 'backups'))).toEqual([]);
    expect(() => vm.db()).toThrow(expectCode('LOCKED'));
    // The read-only probe wrote no pages: a WAL file, if SQLite left one, is empty.
    const wal = path.join(folder, 'vault.db-wal');
    if (existsSync(wal)) expect(statSync(wal).size).toBe(0);
  });
});
