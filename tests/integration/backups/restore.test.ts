// Restore with undo, refusals that change nothing, the integrity check on open, and the router view
// (audit entries, listing while locked). Real encrypted files in temp folders throughout.
import { cpSync, existsSync, openSync, readFileSync, readdirSync, closeSync, writeSync, ftruncateSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, defaultResourcesDir } from '../../../src/core/app';
import { openEncrypted } from '../../../src/core/db/driver';
import type { VaultManager } from '../../../src/core/vault/vault-manager';
import { CHEAP_KDF, HOUR, PASSPHRASE, TEST_MIGRATIONS, addPerson, dataKeyOf, expectCode, fingerprint, mode, names, sandbox } from './helpers';
import type { Sandbox } from './helpers';

let sb: Sandbox;
beforeEach(async () => {
  sb = await sandbox('restore');
});
afterEach(async () => {
  await sb.cleanup();
});

async function createVault(vm: VaultManager): Promise<string> {
  const { status } = await vm.create({ name: 'Herstel', passphrase: PASSPHRASE });
  return status.vault!.path;
}

/** Enough rows for a database of many pages, so damage can be put past the first page. */
function fill(vm: VaultManager, label: string, rows = 300): void {
  const insert = vm.db().prepare('INSERT INTO people (name, note) VALUES (?, ?)');
  vm.db().transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`${label} ${i}`, 'x'.repeat(400));
  })();
}

function flipBytes(file: string, offset: number, count = 16): void {
  const fd = openSync(file, 'r+');
  try {
    const buf = Buffer.alloc(count);
    const bytes = readFileSync(file).subarray(offset, offset + count);
    for (let i = 0; i < count; i++) buf[i] = (bytes[i] ?? 0) ^ 0xff;
    writeSync(fd, buf, 0, count, offset);
  } finally {
    closeSync(fd);
  }
}

describe('restore with undo', () => {
  it('brings back the old data; restoring the before-restore snapshot brings back the newer data', async () => {
    const vm = sb.manager({ autoLockMinutes: 240 });
    const folder = await createVault(vm);
    addPerson(vm, 'eerste');
    const { path: old } = await vm.createBackup();
    sb.time.advance(HOUR);
    addPerson(vm, 'tweede');

    const result = await vm.restoreBackup(path.basename(old), PASSPHRASE);
    expect(result.restoredFrom).toBe(path.basename(old));
    expect(result.undoId).toBe('2026-03-01T10-00-00.000Z-before-restore.db');
    expect(result.status.state).toBe('unlocked');
    expect(names(vm)).toEqual(['eerste']);
    expect(vm.listBackups().map((b) => [b.id, b.kind])).toEqual([
      ['2026-03-01T10-00-00.000Z-before-restore.db', 'before-restore'],
      ['2026-03-01T09-00-00.000Z-manual.db', 'manual'],
    ]);
    // No temp files and no stale WAL of the replaced database.
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    if (process.platform !== 'win32') expect(mode(path.join(folder, 'vault.db'))).toBe(0o600);

    // Changes after the restore persist across lock/unlock.
    addPerson(vm, 'derde');
    vm.lock();
    await vm.unlock(PASSPHRASE);
    expect(names(vm)).toEqual(['eerste', 'derde']);

    // Undo.
    sb.time.advance(HOUR);
    const undone = await vm.restoreBackup(result.undoId!, PASSPHRASE);
    expect(names(vm)).toEqual(['eerste', 'tweede']);
    // The undo itself is undoable.
    expect(undone.undoId).toBe('2026-03-01T11-00-00.000Z-before-restore.db');
    vm.lock();
    await vm.unlock(PASSPHRASE);
    expect(names(vm)).toEqual(['eerste', 'tweede']);
    const key = await dataKeyOf(vm);
    const undoSnap = openEncrypted(path.join(folder, 'backups', undone.undoId!), key, { readonly: true });
    expect(undoSnap.prepare('SELECT name FROM people ORDER BY id').pluck().all()).toEqual(['eerste', 'derde']);
    undoSnap.close();
  });

  it('a wrong passphrase, an unknown id or a path-like id changes nothing', async () => {
    const vm = sb.manager({ autoLockMinutes: 240 });
    const folder = await createVault(vm);
    addPerson(vm, 'eerste');
    const { path: snap } = await vm.createBackup();
    addPerson(vm, 'tweede');
    vm.lock(); // a checkpointed, closed database: byte-for-byte comparable
    const before = fingerprint(folder);
    await expect(vm.restoreBackup(path.basename(snap), 'niet het wachtwoord')).rejects.toThrow(expectCode('WRONG_PASSPHRASE'));
    for (const id of ['2026-01-01T00-00-00.000Z-auto.db', '../vault.db', '../../etc/passwd', 'vault.db']) {
      await expect(vm.restoreBackup(id, PASSPHRASE), id).rejects.toThrow(expectCode('NOT_FOUND'));
    }
    expect(fingerprint(folder)).toEqual(before);
    expect(vm.status().state).toBe('locked');
    // Unlocked, a wrong passphrase leaves the session as it was.
    await vm.unlock(PASSPHRASE);
    await expect(vm.restoreBackup(path.basename(snap), 'niet het wachtwoord')).rejects.toThrow(expectCode('WRONG_PASSPHRASE'));
    expect(names(vm)).toEqual(['eerste', 'tweede']);
    expect(vm.listBackups()).toHaveLength(1);
  });

  it('refuses a snapshot from a newer Houvast (DB_FROM_FUTURE) and a damaged snapshot, untouched', async () => {
    const vm = sb.manager({ autoLockMinutes: 240 });
    const folder = await createVault(vm);
    addPerson(vm, 'eerste');
    fill(vm, 'rij');
    const key = await dataKeyOf(vm);
    const { path: future } = await vm.createBackup();
    const edit = openEncrypted(future, key);
    edit.pragma('user_version = 99');
    edit.pragma('journal_mode = DELETE');
    edit.close();
    sb.time.advance(1000);
    const { path: damaged } = await vm.createBackup();
    flipBytes(damaged, 4096 * 3 + 200);
    vm.lock();

    const before = fingerprint(folder);
    await expect(vm.restoreBackup(path.basename(future), PASSPHRASE)).rejects.toThrow(expectCode('DB_FROM_FUTURE'));
    await expect(vm.restoreBackup(path.basename(damaged), PASSPHRASE)).rejects.toThrow(expectCode('VAULT_CORRUPT'));
    expect(fingerprint(folder)).toEqual(before);
    await vm.unlock(PASSPHRASE);
    await expect(vm.restoreBackup(path.basename(future), PASSPHRASE)).rejects.toThrow(expectCode('DB_FROM_FUTURE'));
    expect(names(vm)[0]).toBe('eerste');
    expect(vm.listBackups().filter((b) => b.kind === 'before-restore')).toEqual([]);
  });

  it('migrates a snapshot from an older schema after restoring it, with its own pre-migration snapshot', async () => {
    const v1 = sb.manager({ migrations: TEST_MIGRATIONS.slice(0, 1), autoLockMinutes: 240 });
    const folder = await createVault(v1);
    v1.db().prepare("INSERT INTO people (name) VALUES ('uit versie 1')").run();
    const { path: oldSnap } = await v1.createBackup();
    v1.close();

    const vm = sb.manager({ autoLockMinutes: 240 });
    await vm.open(folder);
    sb.time.advance(HOUR);
    await vm.unlock(PASSPHRASE); // migrates 1 → 2 (pre-migration snapshot at 10:00)
    vm.db().prepare("INSERT INTO people (name, note) VALUES ('uit versie 2', 'n')").run();
    sb.time.advance(HOUR);
    const result = await vm.restoreBackup(path.basename(oldSnap), PASSPHRASE);
    expect(result.status.schemaVersion).toBe(2);
    expect(names(vm)).toEqual(['uit versie 1']);
    expect(vm.db().prepare('SELECT note FROM people').pluck().get()).toBeNull(); // column from migration 2
    expect(vm.listBackups().map((b) => b.kind).sort()).toEqual(['before-restore', 'manual', 'pre-migration', 'pre-migration']);
  });
});

// Damage inside a data page is no longer found on unlock (which must not read every page): the background
// check reports it, see tests/integration/vault/background-maintenance.test.ts.
describe('quick check on open', () => {
  async function damagedCopy(damage: (dbFile: string) => void): Promise<{ vm: VaultManager; copy: string }> {
    const vm = sb.manager({ autoLockMinutes: 240 });
    const folder = await createVault(vm);
    addPerson(vm, 'voor de schade');
    fill(vm, 'rij');
    await vm.createBackup();
    vm.close();
    const copy = path.join(sb.dir, 'kopie.houvast');
    cpSync(folder, copy, { recursive: true });
    damage(path.join(copy, 'vault.db'));
    const other = sb.manager({ autoLockMinutes: 240 });
    await other.open(copy);
    return { vm: other, copy };
  }

  for (const [what, damage] of [
    ['flipped bytes in the first page', (f: string) => flipBytes(f, 200, 32)],
    ['a truncated file', (f: string) => ftruncateFile(f, Math.floor(statSync(f).size / 2) + 123)],
  ] as const) {
    it(`${what}: unlock answers VAULT_CORRUPT pointing to a backup, and no file is deleted or changed`, async () => {
      const { vm, copy } = await damagedCopy(damage);
      const before = fingerprint(copy);
      const err = await vm.unlock(PASSPHRASE).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toEqual(expectCode('VAULT_CORRUPT'));
      expect((err as Error).message).toMatch(/back-up/i);
      expect((err as Error).message).toMatch(/niets verwijderd/);
      expect(fingerprint(copy)).toEqual(before);
      expect(vm.status().state).toBe('locked');
    });
  }

  it('a damaged vault can be restored while locked; the damaged file is kept as the before-restore snapshot', async () => {
    const { vm, copy } = await damagedCopy((f) => flipBytes(f, 200, 32));
    const damagedHash = fingerprint(copy)['vault.db'];
    await expect(vm.unlock(PASSPHRASE)).rejects.toThrow(expectCode('VAULT_CORRUPT'));
    const [manual] = vm.listBackups(); // listing works while locked
    expect(manual!.kind).toBe('manual');
    sb.time.advance(HOUR);
    const result = await vm.restoreBackup(manual!.id, PASSPHRASE);
    expect(result.status.state).toBe('unlocked');
    expect(sb.logLines.join('\n')).toContain('before_restore_snapshot_failed'); // the byte-copy path
    expect(names(vm)[0]).toBe('voor de schade');
    const after = fingerprint(copy);
    expect(after[path.join('backups', result.undoId!)]).toBe(damagedHash);
    vm.lock();
    await vm.unlock(PASSPHRASE);
    expect(names(vm)).toHaveLength(301);
  });
});

function ftruncateFile(file: string, size: number): void {
  const fd = openSync(file, 'r+');
  try {
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
}

describe('through the router', () => {
  it('audits backups and restores, lists while locked, and asks for the passphrase again', async () => {
    const core = createCore({ dataDir: sb.dataDir, resourcesDir: defaultResourcesDir(), logger: sb.logger, kdf: CHEAP_KDF, clock: sb.time, timers: sb.time });
    try {
      const call = (name: string, input: unknown) => core.router.handle(name, input) as Promise<{ ok: boolean; value?: any; error?: any }>;
      expect((await call('vault.listBackups', {})).error?.code).toBe('NO_VAULT');
      expect((await call('vault.create', { name: 'Router', passphrase: PASSPHRASE })).ok).toBe(true);
      expect((await call('vault.backup', {})).ok).toBe(true);
      expect((await call('vault.backup', { folder: 'relatief' })).error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'folder' }] });
      expect((await call('vault.lock', {})).ok).toBe(true);
      // createCore turns automatic snapshots on: the unlock makes the first one.
      expect((await call('vault.unlock', { passphrase: PASSPHRASE })).ok).toBe(true);
      await core.vault.idle(); // it is made in the background, after the unlock answered
      await call('vault.lock', {});
      const listed = await call('vault.listBackups', {});
      expect(listed.ok).toBe(true);
      expect(listed.value.map((b: { kind: string }) => b.kind).sort()).toEqual(['auto', 'manual']);
      const manual = listed.value.find((b: { kind: string }) => b.kind === 'manual');
      expect((await call('vault.restoreBackup', { id: manual.id, passphrase: 'fout wachtwoord' })).error?.code).toBe('WRONG_PASSPHRASE');
      expect((await call('vault.restoreBackup', { id: '../vault.db', passphrase: PASSPHRASE })).error?.code).toBe('VALIDATION');
      sb.time.advance(60_000);
      const restored = await call('vault.restoreBackup', { id: manual.id, passphrase: PASSPHRASE });
      expect(restored.ok).toBe(true);
      expect(restored.value.status.state).toBe('unlocked');
      // A healthy locked vault is saved with VACUUM INTO (a consistent snapshot), not the raw-copy fallback.
      expect(sb.logLines.join('\n')).not.toContain('before_restore_snapshot_failed');
      const audit = await call('audit.list', {});
      const actions = audit.value.map((e: { action: string }) => e.action);
      // The restored database is the one from before the backup entry; the restore is logged in it.
      expect(actions[0]).toBe('vault.restored');
      expect(audit.value[0].detail).toMatch(/^Teruggezet: handmatige back-up van \d{2}-\d{2}-\d{4} \d{2}:\d{2}\. De stand van daarvoor is bewaard/);
      expect(JSON.stringify(audit.value)).not.toContain(sb.dir); // no paths in the log
      expect((await call('vault.backup', {})).ok).toBe(true);
      const after = await call('audit.list', {});
      expect(after.value[0]).toMatchObject({ action: 'vault.backup_created', detail: 'Handmatige back-up in de kluismap' });
      expect(existsSync(path.join(restored.value.status.vault.path, 'backups', restored.value.undoId))).toBe(true);
    } finally {
      await core.dispose();
    }
  });
});
