// Issue 10 (hostile test): a 0-byte or schema-less vault.db inside an existing vault used to open as a new,
// empty vault with no warning, silently hiding every dossier. It must be refused as damaged (so the unlock
// screen offers the backups), and the file must be left exactly as found.
import { readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userVersion } from '../../../src/core/db/driver';
import { PASSPHRASE, expectCode, sandbox, sha256File, type Sandbox } from './helpers';

let sb: Sandbox;
beforeEach(async () => {
  sb = await sandbox('damaged-db');
});
afterEach(async () => {
  await sb.cleanup();
});

async function vaultWithData(): Promise<{ folder: string; dbPath: string; backupPath: string }> {
  const vm = sb.manager();
  const { status } = await vm.create({ name: 'Kantoor', passphrase: PASSPHRASE });
  vm.db().prepare("INSERT INTO people (name) VALUES ('Kees')").run();
  const backup = await vm.createBackup();
  vm.close();
  const folder = status.vault!.path;
  return { folder, dbPath: path.join(folder, 'vault.db'), backupPath: backup.path };
}

describe('a damaged database file in an existing vault', () => {
  it('a 0-byte vault.db is refused as damaged, left as it is, and the backups are still listed', async () => {
    const { folder, dbPath } = await vaultWithData();
    truncateSync(dbPath, 0);
    const vm = sb.manager();
    await vm.open(folder);
    await expect(vm.unlock(PASSPHRASE)).rejects.toThrow(expectCode('VAULT_CORRUPT'));
    expect(vm.status().state).toBe('locked');
    expect(statSync(dbPath).size).toBe(0);
    expect(vm.listBackups().length).toBeGreaterThan(0);
  });

  it('a vault.db without a schema (user_version 0) is refused as damaged and left as it is', async () => {
    const { folder, dbPath } = await vaultWithData();
    const vm = sb.manager();
    await vm.open(folder);
    await vm.unlock(PASSPHRASE);
    const db = vm.db();
    db.exec('DROP TABLE people');
    db.pragma('user_version = 0');
    expect(userVersion(db)).toBe(0);
    vm.lock();
    const before = sha256File(dbPath);

    const again = sb.manager();
    await again.open(folder);
    await expect(again.unlock(PASSPHRASE)).rejects.toThrow(expectCode('VAULT_CORRUPT'));
    expect(sha256File(dbPath)).toBe(before);
  });

  it('a vault.db with a schema version but no tables is refused as damaged, not half-migrated, and left as it is', async () => {
    const { folder, dbPath } = await vaultWithData();
    const vm = sb.manager();
    await vm.open(folder);
    await vm.unlock(PASSPHRASE);
    const db = vm.db();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    db.pragma('foreign_keys = OFF');
    for (const t of tables) db.exec(`DROP TABLE "${t}"`);
    expect(userVersion(db)).toBeGreaterThan(0);
    vm.lock();
    const before = sha256File(dbPath);
    const backups = readdirSync(path.join(folder, 'backups')).sort();

    const again = sb.manager();
    await again.open(folder);
    await expect(again.unlock(PASSPHRASE)).rejects.toThrow(expectCode('VAULT_CORRUPT'));
    expect(again.status().state).toBe('locked');
    expect(sha256File(dbPath)).toBe(before);
    // No pre-migration snapshot of the damaged file was made.
    expect(readdirSync(path.join(folder, 'backups')).sort()).toEqual(backups);
  });

  it('an empty backup file is not restored over the vault', async () => {
    const { folder, backupPath } = await vaultWithData();
    const vm = sb.manager();
    await vm.open(folder);
    await vm.unlock(PASSPHRASE);
    const [backup] = vm.listBackups();
    writeFileSync(backupPath, Buffer.alloc(0));
    await expect(vm.restoreBackup(backup!.id, PASSPHRASE)).rejects.toThrow();
    expect(vm.db().prepare('SELECT name FROM people').all()).toEqual([{ name: 'Kees' }]);
  });
});
