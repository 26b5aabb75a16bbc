// Automatic snapshots on unlock (fake clock), their encryption, manual backups inside the vault and to
// an external folder that opens as a vault on its own, and permission bits (checklist #15, #16).
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncrypted, userVersion } from '../../../src/core/db/driver';
import { generateDataKey } from '../../../src/core/vault/keyfile';
import type { VaultManager } from '../../../src/core/vault/vault-manager';
import { DAY, HOUR, PASSPHRASE, addPerson, dataKeyOf, expectCode, mode, names, sandbox } from './helpers';
import type { Sandbox } from './helpers';

const MARKER = 'Backupmarker Geertruida Bos 123456782';

let sb: Sandbox;
beforeEach(async () => {
  sb = await sandbox('backups');
});
afterEach(async () => {
  await sb.cleanup();
});

async function createVault(vm: VaultManager, name = 'Kantoor Noord'): Promise<{ folder: string; recoveryCode: string }> {
  const { status, recoveryCode } = await vm.create({ name, passphrase: PASSPHRASE });
  return { folder: status.vault!.path, recoveryCode };
}

const autoSnapshots = (folder: string) => readdirSync(path.join(folder, 'backups')).filter((f) => f.endsWith('-auto.db')).sort();

// The snapshot is made in the background after the unlock answered (background-maintenance.ts); these tests
// wait for it with idle(). That the unlock does not wait is proven in vault/background-maintenance.test.ts.
describe('automatic snapshots on unlock', () => {
  it('makes one when none exists or the newest is at least 24 h old, never more often', async () => {
    const vm = sb.manager({ automaticBackups: true });
    const { folder } = await createVault(vm);
    expect(autoSnapshots(folder)).toEqual([]); // a brand-new vault has nothing to save
    vm.lock();

    await vm.unlock(PASSPHRASE);
    await vm.idle();
    expect(autoSnapshots(folder)).toEqual(['2026-03-01T09-00-00.000Z-auto.db']);
    vm.lock();

    sb.time.advance(23 * HOUR + 59 * 60_000);
    await vm.unlock(PASSPHRASE);
    await vm.idle();
    vm.lock();
    expect(autoSnapshots(folder)).toHaveLength(1);

    sb.time.advance(60_000); // exactly 24 h after the first
    await vm.unlock(PASSPHRASE);
    await vm.idle();
    expect(autoSnapshots(folder)).toEqual(['2026-03-01T09-00-00.000Z-auto.db', '2026-03-02T09-00-00.000Z-auto.db']);
    // Manual snapshots do not postpone the automatic one, and are listed with their kind.
    await vm.createBackup();
    expect(vm.listBackups().map((b) => b.kind)).toEqual(['manual', 'auto', 'auto']);
  });

  it('also makes the daily snapshot during a long session, on activity, checking at most once an hour', async () => {
    const vm = sb.manager({ automaticBackups: true, autoLockMinutes: 240 });
    const { folder } = await createVault(vm);
    vm.lock();
    await vm.unlock(PASSPHRASE);
    await vm.idle();
    expect(autoSnapshots(folder)).toHaveLength(1);

    // Working on through the day: activity every few hours, the vault never locked.
    for (let i = 0; i < 7; i++) {
      sb.time.advance(3 * HOUR);
      vm.touch();
      await vm.idle();
    }
    expect(autoSnapshots(folder)).toHaveLength(1); // 21 h: not due yet
    sb.time.advance(3 * HOUR);
    vm.touch(); // 24 h after the first
    await vm.idle();
    expect(autoSnapshots(folder)).toHaveLength(2);
    sb.time.advance(30 * 60_000);
    vm.touch();
    await vm.idle();
    expect(autoSnapshots(folder)).toHaveLength(2);
  });

  it('is off unless asked for (tools and older tests see only the snapshots they cause)', async () => {
    const vm = sb.manager();
    const { folder } = await createVault(vm);
    vm.lock();
    await vm.unlock(PASSPHRASE);
    await vm.idle();
    expect(readdirSync(path.join(folder, 'backups'))).toEqual([]);
  });

  it('prunes by the retention policy over months of daily use and keeps manual snapshots', async () => {
    const vm = sb.manager({ automaticBackups: true });
    const { folder } = await createVault(vm);
    await vm.createBackup(); // manual: never pruned
    vm.lock();
    for (let day = 0; day < 120; day++) {
      await vm.unlock(PASSPHRASE);
      vm.lock(); // while the background job runs: it still finishes its snapshot
      await vm.idle(); // a real day gives it time; the fake clock's day does not
      sb.time.advance(DAY);
    }
    const list = vm.listBackups();
    const autos = list.filter((b) => b.kind === 'auto');
    // Daily unlocks from 1 March to 28 June: 7 daily (22-28 June), the weeks ending 21, 14 and 7 June,
    // and the newest of May, April and March.
    expect(autos.map((b) => new Date(b.createdAt).toISOString().slice(0, 10)).reverse()).toEqual([
      '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-07', '2026-06-14', '2026-06-21',
      '2026-06-22', '2026-06-23', '2026-06-24', '2026-06-25', '2026-06-26', '2026-06-27', '2026-06-28',
    ]);
    expect(autos[0]!.createdAt).toBe(sb.time.now() - DAY);
    expect(list.filter((b) => b.kind === 'manual')).toHaveLength(1);
    expect(readdirSync(path.join(folder, 'backups')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000); // 120 unlocks, each starting a worker thread for the background check and snapshot

  it('writes encrypted snapshots: no marker in the bytes, no SQLite header, opens with the same key only', async () => {
    const vm = sb.manager({ automaticBackups: true });
    const { folder } = await createVault(vm);
    addPerson(vm, MARKER);
    const key = await dataKeyOf(vm);
    vm.lock();
    await vm.unlock(PASSPHRASE);
    await vm.idle();
    const [snap] = autoSnapshots(folder);
    const file = path.join(folder, 'backups', snap!);
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThan(4096);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    for (const enc of ['utf8', 'utf16le', 'latin1'] as const) expect(bytes.includes(Buffer.from(MARKER, enc))).toBe(false);
    expect(bytes.includes(Buffer.from('123456782'))).toBe(false);

    const copy = openEncrypted(file, key, { readonly: true });
    expect(copy.prepare('SELECT name FROM people').pluck().all()).toEqual([MARKER]);
    expect(userVersion(copy)).toBe(2);
    expect(copy.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(() => openEncrypted(file, generateDataKey(), { readonly: true })).toThrow(expectCode('VAULT_CORRUPT'));
  });
});

describe('manual backup', () => {
  it('into the vault: an encrypted "manual" snapshot, listed with date, kind and size', async () => {
    const vm = sb.manager();
    const { folder } = await createVault(vm);
    addPerson(vm, MARKER);
    const key = await dataKeyOf(vm);
    const result = await vm.createBackup();
    expect(result).toEqual({ path: path.join(folder, 'backups', '2026-03-01T09-00-00.000Z-manual.db'), createdAt: sb.time.now() });
    expect(vm.listBackups()).toEqual([
      { id: '2026-03-01T09-00-00.000Z-manual.db', createdAt: sb.time.now(), kind: 'manual', sizeBytes: statSync(result.path).size },
    ]);
    expect(readFileSync(result.path).includes(Buffer.from(MARKER))).toBe(false);
    const copy = openEncrypted(result.path, key, { readonly: true });
    expect(copy.prepare('SELECT name FROM people').pluck().all()).toEqual([MARKER]);
    copy.close();
  });

  it('to an external folder: a .houvast-backup folder with database and keyfile that a fresh app opens with the passphrase or the recovery code', async () => {
    const vm = sb.manager();
    const { folder, recoveryCode } = await createVault(vm, 'Kantoor: Noord/Zuid');
    addPerson(vm, MARKER);
    const usb = path.join(sb.dir, 'usb');
    mkdirSync(usb);
    const previous = process.umask(0);
    let result: { path: string; createdAt: number };
    try {
      result = await vm.createBackup({ folder: usb });
    } finally {
      process.umask(previous);
    }
    addPerson(vm, 'na de back-up');
    expect(path.dirname(result.path)).toBe(usb);
    expect(path.basename(result.path)).toBe('Kantoor Noord Zuid-2026-03-01T09-00-00.000Z.houvast-backup');
    expect(readdirSync(usb)).toEqual([path.basename(result.path)]); // no staging folder left
    expect(readdirSync(result.path).sort()).toEqual(['vault.db', 'vault.key.json']);
    if (process.platform !== 'win32') {
      expect(mode(result.path)).toBe(0o700);
      expect(mode(path.join(result.path, 'vault.db'))).toBe(0o600);
      expect(mode(path.join(result.path, 'vault.key.json'))).toBe(0o600);
    }
    expect(readFileSync(path.join(result.path, 'vault.db')).includes(Buffer.from(MARKER))).toBe(false);
    // A second backup in the same millisecond gets its own folder.
    const second = await vm.createBackup({ folder: usb });
    expect(path.basename(second.path)).toBe('Kantoor Noord Zuid-2026-03-01T09-00-00.000Z-2.houvast-backup');
    vm.close();

    // Another installation (its own data folder) opens the backup as a vault.
    const other = await sandbox('backups-other');
    try {
      const fresh = other.manager();
      await fresh.open(result.path);
      await expect(fresh.unlock('verkeerd wachtwoord!!')).rejects.toThrow(expectCode('WRONG_PASSPHRASE'));
      await fresh.unlock(PASSPHRASE);
      expect(names(fresh)).toEqual([MARKER]);
      expect(fresh.status().vault?.name).toBe('Kantoor: Noord/Zuid');
      fresh.close();
      const viaRecovery = other.manager();
      await viaRecovery.open(second.path);
      await viaRecovery.unlockWithRecoveryCode(recoveryCode, 'een nieuw lang wachtwoord');
      expect(names(viaRecovery)).toEqual([MARKER, 'na de back-up']);
    } finally {
      await other.cleanup();
    }
  });

  it('to an external folder after a crash there: the hidden staging folder the crash left is removed, nothing else', async () => {
    const vm = sb.manager();
    await createVault(vm, 'Kantoor Noord');
    const usb = path.join(sb.dir, 'usb-na-crash');
    mkdirSync(usb);
    // What a backup killed halfway leaves (a whole encrypted copy), beside look-alikes that are not ours to remove.
    const orphan = '.Kantoor Noord-2026-02-27T10-00-00.000Z.0123abcd.tmp';
    const keep = ['.Ander Kantoor-2026-02-27T10-00-00.000Z.0123abcd.tmp', '.Kantoor Noord-eigen.tmp', 'Kantoor Noord-2026-02-27T10-00-00.000Z.0123abcd.tmp'];
    for (const d of [orphan, ...keep]) {
      mkdirSync(path.join(usb, d));
      writeFileSync(path.join(usb, d, 'vault.db'), 'half');
    }
    writeFileSync(path.join(usb, '.Kantoor Noord-2026-02-28T10-00-00.000Z.89abcdef.tmp'), 'a file, not a staging folder');
    const result = await vm.createBackup({ folder: usb });
    expect(readdirSync(usb).sort()).toEqual([...keep, '.Kantoor Noord-2026-02-28T10-00-00.000Z.89abcdef.tmp', path.basename(result.path)].sort());
    vm.close();
  });

  it('refuses a relative, missing or in-vault folder, a file, and a locked vault, and writes nothing', async () => {
    const vm = sb.manager();
    const { folder } = await createVault(vm);
    const file = path.join(sb.dir, 'bestand.txt');
    writeFileSync(file, 'x');
    const before = readdirSync(sb.dir).sort();
    for (const bad of ['relatief/pad', path.join(sb.dir, 'bestaat-niet'), folder, path.join(folder, 'backups'), file]) {
      await expect(vm.createBackup({ folder: bad }), bad).rejects.toThrow(expectCode('VALIDATION'));
    }
    expect(readdirSync(sb.dir).sort()).toEqual(before);
    expect(readdirSync(path.join(folder, 'backups'))).toEqual([]);
    vm.lock();
    await expect(vm.createBackup()).rejects.toThrow(expectCode('LOCKED'));
  });
});

describe.skipIf(process.platform === 'win32')('permission bits (POSIX; Windows uses ACLs)', () => {
  it('automatic, manual and before-restore snapshots 0600, backups folder 0700, restored database 0600, even with umask 0', async () => {
    const previous = process.umask(0);
    try {
      const vm = sb.manager({ automaticBackups: true, autoLockMinutes: 240 });
      const { folder } = await createVault(vm);
      addPerson(vm, 'iemand');
      vm.lock();
      await vm.unlock(PASSPHRASE); // automatic snapshot
      await vm.idle();
      const { path: manual } = await vm.createBackup();
      sb.time.advance(HOUR);
      const { undoId } = await vm.restoreBackup(path.basename(manual), PASSPHRASE);
      expect(mode(path.join(folder, 'backups'))).toBe(0o700);
      const files = readdirSync(path.join(folder, 'backups'));
      expect(files.map((f) => f.replace(/^.*Z-/, '')).sort()).toEqual(['auto.db', 'before-restore.db', 'manual.db']);
      for (const f of files) expect(mode(path.join(folder, 'backups', f)), f).toBe(0o600);
      expect(files).toContain(undoId);
      expect(mode(path.join(folder, 'vault.db'))).toBe(0o600);
      expect(mode(folder)).toBe(0o700);
    } finally {
      process.umask(previous);
    }
  });
});
