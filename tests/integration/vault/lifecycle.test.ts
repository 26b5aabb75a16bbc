// Create, open, unlock, wrong passphrase, change passphrase, recovery code, lock: real vault files.
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEYFILE_NAME } from '../../../src/core/vault/keyfile';
import { RECOVERY_ALPHABET } from '../../../src/core/vault/recovery-code';
import type { VaultStatus } from '../../../src/shared/contract/vault';
import { OTHER_PASSPHRASE, PASSPHRASE, dataKeyFromKeyfile, expectCode, sandbox, sha256File } from './helpers';
import type { Sandbox } from './helpers';

let sb: Sandbox;
beforeEach(async () => {
  sb = await sandbox('life');
});
afterEach(async () => {
  await sb.cleanup();
});

function insertPerson(db: ReturnType<ReturnType<Sandbox['manager']>['db']>, name: string): void {
  db.prepare('INSERT INTO people (name) VALUES (?)').run(name);
}
function names(db: ReturnType<ReturnType<Sandbox['manager']>['db']>): string[] {
  return (db.prepare('SELECT name FROM people ORDER BY id').all() as { name: string }[]).map((r) => r.name);
}

describe('create and unlock', () => {
  it('creates an unlocked vault folder with keyfile, database and backups folder, and a recovery code', async () => {
    const events: VaultStatus[] = [];
    const vm = sb.manager({ onStatusChange: (s) => events.push(s) });
    const { recoveryCode, status } = await vm.create({ name: 'Kantoor Zuid', passphrase: PASSPHRASE });

    expect(recoveryCode).toMatch(new RegExp(`^([${RECOVERY_ALPHABET}]{5}-){7}[${RECOVERY_ALPHABET}]{5}$`));
    expect(recoveryCode).toHaveLength(47); // 40 characters + 7 dashes
    expect(status.state).toBe('unlocked');
    expect(status.schemaVersion).toBe(2);
    expect(status.vault).toEqual({ path: path.join(sb.dataDir, 'vaults', 'Kantoor Zuid.houvast'), name: 'Kantoor Zuid', demo: false, kind: 'kantoor' });
    expect(events.at(-1)?.state).toBe('unlocked');
    expect(readdirSync(status.vault!.path).sort()).toEqual(expect.arrayContaining(['backups', 'vault.db', 'vault.key.json']));

    const keyfile = JSON.parse(readFileSync(path.join(status.vault!.path, KEYFILE_NAME), 'utf8'));
    expect(keyfile).toMatchObject({ format: 'houvast.keyfile', version: 1, name: 'Kantoor Zuid', demo: false });
    expect(keyfile.passphrase.kdf).toMatchObject({ alg: 'argon2id', memoryKiB: 1024, iterations: 1, parallelism: 1 });
    expect(Buffer.from(keyfile.passphrase.kdf.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(keyfile.recovery.kdf.salt, 'base64')).toHaveLength(16);
    expect(keyfile.recovery.ciphertext).not.toBe(keyfile.passphrase.ciphertext);

    insertPerson(vm.db(), 'Fatima de Vries');
    vm.lock();
    expect(vm.status().state).toBe('locked');
    expect(() => vm.db()).toThrow(expectCode('LOCKED'));

    await vm.unlock(PASSPHRASE);
    expect(names(vm.db())).toEqual(['Fatima de Vries']);

    // A new manager (app restart) opens the same vault by path.
    vm.close();
    expect(vm.status()).toMatchObject({ state: 'none', vault: null });
    expect(() => vm.db()).toThrow(expectCode('NO_VAULT'));
    const vm2 = sb.manager();
    expect((await vm2.open(status.vault!.path)).state).toBe('locked');
    await vm2.unlock(PASSPHRASE);
    expect(names(vm2.db())).toEqual(['Fatima de Vries']);
  });

  it('accepts vault.db or vault.key.json as the path to open, and rejects a folder without keyfile', async () => {
    const vm = sb.manager();
    const { status } = await vm.create({ name: 'A', passphrase: PASSPHRASE });
    vm.close();
    expect((await vm.open(path.join(status.vault!.path, 'vault.db'))).vault?.path).toBe(status.vault!.path);
    expect((await vm.open(path.join(status.vault!.path, 'vault.key.json'))).vault?.path).toBe(status.vault!.path);
    const empty = path.join(sb.dir, 'empty');
    await mkdir(empty);
    await expect(vm.open(empty)).rejects.toThrow(expectCode('VAULT_NOT_FOUND'));
    await expect(vm.open(path.join(sb.dir, 'missing'))).rejects.toThrow(expectCode('VAULT_NOT_FOUND'));
    // The failed open did not drop the selection.
    expect(vm.status().vault?.path).toBe(status.vault!.path);
  });

  it('refuses to create over a non-empty folder (VAULT_EXISTS) but uses an existing empty one', async () => {
    const vm = sb.manager();
    const busy = path.join(sb.dir, 'busy');
    await mkdir(busy);
    await writeFile(path.join(busy, 'something.txt'), 'x');
    await expect(vm.create({ name: 'B', path: busy, passphrase: PASSPHRASE })).rejects.toThrow(expectCode('VAULT_EXISTS'));
    expect(readdirSync(busy)).toEqual(['something.txt']);

    const empty = path.join(sb.dir, 'empty.houvast');
    await mkdir(empty);
    const { status } = await vm.create({ name: 'C', path: empty, passphrase: PASSPHRASE });
    expect(status.vault?.path).toBe(empty);
    await expect(vm.create({ name: 'C', path: empty, passphrase: PASSPHRASE })).rejects.toThrow(expectCode('VAULT_EXISTS'));
  });

  it('rejects a too short passphrase on create without creating anything', async () => {
    const vm = sb.manager();
    const target = path.join(sb.dir, 'short.houvast');
    await expect(vm.create({ name: 'D', path: target, passphrase: 'kort' })).rejects.toThrow(expectCode('VALIDATION'));
    expect(sha256File(path.join(target, KEYFILE_NAME))).toBeNull();
  });

  it('keeps a registry of known vaults (no client data) in vaults.json', async () => {
    const vm = sb.manager();
    const a = await vm.create({ name: 'Alfa', passphrase: PASSPHRASE });
    sb.time.advance(1000);
    const b = await vm.create({ name: 'Demo', passphrase: PASSPHRASE, demo: true });
    insertPerson(vm.db(), 'Planted Clientname');
    const known = await vm.knownVaults();
    expect(known.map((k) => k.name)).toEqual(['Demo', 'Alfa']);
    expect(known[0]).toMatchObject({ path: b.status.vault!.path, demo: true });
    expect(known[1]).toMatchObject({ path: a.status.vault!.path, demo: false });
    const raw = readFileSync(path.join(sb.dataDir, 'vaults.json'), 'utf8');
    expect(raw).not.toContain('Planted Clientname');
    // A fresh manager reads the same list from disk.
    expect((await sb.manager().knownVaults()).map((k) => k.path)).toEqual(known.map((k) => k.path));
    await vm.forget(a.status.vault!.path);
    expect((await vm.knownVaults()).map((k) => k.name)).toEqual(['Demo']);
  });

  it('an unlock puts its vault first in the registry; the file is written after the answer, before idle() resolves', async () => {
    const vm = sb.manager();
    const a = await vm.create({ name: 'Alfa', passphrase: PASSPHRASE });
    sb.time.advance(1000);
    await vm.create({ name: 'Beta', passphrase: PASSPHRASE });
    vm.close();
    await vm.open(a.status.vault!.path);
    sb.time.advance(60_000);
    const unlockedAt = sb.time.now();
    await vm.unlock(PASSPHRASE);
    // In memory at once (the start screen's list)...
    expect((await vm.knownVaults()).map((k) => k.name)).toEqual(['Alfa', 'Beta']);
    // ...and on disk once the background work is done, as a shell awaits before it exits.
    await vm.idle();
    const onDisk = JSON.parse(readFileSync(path.join(sb.dataDir, 'vaults.json'), 'utf8')) as { vaults: { name: string; lastOpenedAt: number }[] };
    expect(onDisk.vaults.map((v) => v.name)).toEqual(['Alfa', 'Beta']);
    expect(onDisk.vaults[0]!.lastOpenedAt).toBe(unlockedAt);
    expect((await sb.manager().knownVaults()).map((k) => k.name)).toEqual(['Alfa', 'Beta']);
  });
});

describe('wrong passphrase', () => {
  it('throws WRONG_PASSPHRASE with a Dutch message and changes nothing', async () => {
    const vm = sb.manager();
    const { status } = await vm.create({ name: 'E', passphrase: PASSPHRASE });
    insertPerson(vm.db(), 'Jan Jansen');
    vm.lock();
    const keyfilePath = path.join(status.vault!.path, KEYFILE_NAME);
    const dbPath = path.join(status.vault!.path, 'vault.db');
    const before = { key: sha256File(keyfilePath), db: sha256File(dbPath) };

    const err = await vm.unlock('dit is het verkeerde wachtwoord').catch((e: unknown) => e);
    expect(err).toEqual(expectCode('WRONG_PASSPHRASE'));
    expect((err as Error).message).toBe('Het wachtwoord is onjuist. Er is niets gewijzigd.');
    expect(vm.status().state).toBe('locked');
    expect(sha256File(keyfilePath)).toBe(before.key);
    expect(sha256File(dbPath)).toBe(before.db);
    await vm.unlock(PASSPHRASE);
    expect(names(vm.db())).toEqual(['Jan Jansen']);
  });

  // How key buffers are wiped is tested on the key-handling module itself (tests/unit/vault/secret.test.ts),
  // on buffers the test owns; here: what a failed unlock does to the vault as seen from outside.
  it('a wrong passphrase and a wrong recovery code leave the vault locked, its files unchanged and usable', async () => {
    const vm = sb.manager();
    const { status } = await vm.create({ name: 'F', passphrase: PASSPHRASE });
    vm.lock();
    const folder = status.vault!.path;
    const before = [sha256File(path.join(folder, KEYFILE_NAME)), sha256File(path.join(folder, 'vault.db'))];
    await expect(vm.unlock('verkeerd wachtwoord!!')).rejects.toThrow(expectCode('WRONG_PASSPHRASE'));
    await expect(vm.unlockWithRecoveryCode('0000000000000000000000000000000000000000', OTHER_PASSPHRASE)).rejects.toThrow(
      expectCode('WRONG_RECOVERY_CODE'),
    );
    expect(vm.status().state).toBe('locked');
    expect(() => vm.db()).toThrow(expectCode('LOCKED'));
    expect([sha256File(path.join(folder, KEYFILE_NAME)), sha256File(path.join(folder, 'vault.db'))]).toEqual(before);
    expect((await vm.unlock(PASSPHRASE)).state).toBe('unlocked');
  });
});

describe('lock', () => {
  it('closes the database handle; every operation that needs the key refuses until the next unlock', async () => {
    const vm = sb.manager();
    await vm.create({ name: 'G', passphrase: PASSPHRASE });
    const db = vm.db();

    const status = vm.lock();
    expect(status).toMatchObject({ state: 'locked', autoLockAt: null, schemaVersion: null });
    expect(db.open).toBe(false);
    expect(() => db.prepare('SELECT 1')).toThrow(/not open/);
    expect(() => vm.db()).toThrow(expectCode('LOCKED'));
    await expect(vm.createBackup()).rejects.toThrow(expectCode('LOCKED'));
    await expect(vm.verifyPassphrase(PASSPHRASE)).rejects.toThrow(expectCode('LOCKED'));
    await expect(vm.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE)).rejects.toThrow(expectCode('LOCKED'));
    // The checkpoint folded the WAL back: nothing is left beside the database.
    expect(readdirSync(path.dirname(db.name)).filter((f) => f.startsWith('vault.db-'))).toEqual([]);
    expect(vm.lock().state).toBe('locked'); // idempotent
  });

  it('a lock during an unlock in progress wins: the unlock is discarded', async () => {
    const vm = sb.manager();
    await vm.create({ name: 'H', passphrase: PASSPHRASE });
    vm.lock();
    const pending = vm.unlock(PASSPHRASE);
    vm.lock();
    await expect(pending).rejects.toThrow(expectCode('LOCKED'));
    expect(vm.status().state).toBe('locked');
  });

  it('never writes the passphrase, recovery code or data key to the log', async () => {
    const vm = sb.manager();
    const { recoveryCode, status } = await vm.create({ name: 'I', passphrase: PASSPHRASE });
    const keyHex = (await dataKeyFromKeyfile(status.vault!.path, PASSPHRASE)).toString('hex');
    vm.lock();
    await vm.unlock('verkeerd wachtwoord!!').catch(() => undefined);
    await vm.unlockWithRecoveryCode(recoveryCode, OTHER_PASSPHRASE);
    await vm.changePassphrase(OTHER_PASSPHRASE, PASSPHRASE);
    vm.lock();
    const log = sb.logLines.join('\n');
    expect(sb.logLines.length).toBeGreaterThan(3);
    for (const secret of [PASSPHRASE, OTHER_PASSPHRASE, recoveryCode, recoveryCode.replace(/-/g, ''), keyHex]) {
      expect(log).not.toContain(secret);
    }
  });
});

describe('change passphrase', () => {
  it('re-wraps the key: the old passphrase fails, the new one works, data intact, database not rewritten', async () => {
    const vm = sb.manager();
    const { status } = await vm.create({ name: 'J', passphrase: PASSPHRASE });
    insertPerson(vm.db(), 'Petra Bakker');
    vm.lock();
    const dbPath = path.join(status.vault!.path, 'vault.db');
    const dbHash = sha256File(dbPath);
    await vm.unlock(PASSPHRASE);

    await expect(vm.changePassphrase('niet het huidige wachtwoord', OTHER_PASSPHRASE)).rejects.toThrow(
      expectCode('WRONG_PASSPHRASE'),
    );
    await expect(vm.changePassphrase(PASSPHRASE, 'kort')).rejects.toThrow(expectCode('VALIDATION'));
    await vm.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE);
    expect(vm.status().state).toBe('unlocked');
    vm.lock();
    // Re-wrapping only: the encrypted database file is byte-for-byte the same.
    expect(sha256File(dbPath)).toBe(dbHash);

    await expect(vm.unlock(PASSPHRASE)).rejects.toThrow(expectCode('WRONG_PASSPHRASE'));
    await vm.unlock(OTHER_PASSPHRASE);
    expect(names(vm.db())).toEqual(['Petra Bakker']);
  });

  it('needs an unlocked vault', async () => {
    const vm = sb.manager();
    await expect(vm.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE)).rejects.toThrow(expectCode('NO_VAULT'));
    await vm.create({ name: 'K', passphrase: PASSPHRASE });
    vm.lock();
    await expect(vm.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE)).rejects.toThrow(expectCode('LOCKED'));
  });
});

describe('verifyPassphrase (re-authentication)', () => {
  it('accepts the current passphrase, rejects others, and needs an unlocked vault', async () => {
    const vm = sb.manager();
    await expect(vm.verifyPassphrase(PASSPHRASE)).rejects.toThrow(expectCode('NO_VAULT'));
    await vm.create({ name: 'Reauth', passphrase: PASSPHRASE });
    await expect(vm.verifyPassphrase(PASSPHRASE)).resolves.toBeUndefined();
    await expect(vm.verifyPassphrase(OTHER_PASSPHRASE)).rejects.toThrow(expectCode('WRONG_PASSPHRASE'));
    expect(vm.status().state).toBe('unlocked');
    vm.lock();
    await expect(vm.verifyPassphrase(PASSPHRASE)).rejects.toThrow(expectCode('LOCKED'));
  });

  it('refuses a keyfile that was swapped for another vault while unlocked', async () => {
    const vm = sb.manager();
    const other = await vm.create({ name: 'Ander', passphrase: PASSPHRASE });
    const otherKeyfile = readFileSync(path.join(other.status.vault!.path, KEYFILE_NAME));
    const { status } = await vm.create({ name: 'Echt', passphrase: PASSPHRASE });
    await writeFile(path.join(status.vault!.path, KEYFILE_NAME), otherKeyfile);
    await expect(vm.verifyPassphrase(PASSPHRASE)).rejects.toThrow(expectCode('VAULT_CORRUPT'));
  });
});

describe('recovery code', () => {
  it('unlocks, sets a new passphrase, and stays valid afterwards', async () => {
    const vm = sb.manager();
    const { recoveryCode, status } = await vm.create({ name: 'L', passphrase: PASSPHRASE });
    insertPerson(vm.db(), 'Ahmed El Amrani');
    vm.close();

    const vm2 = sb.manager();
    await vm2.open(status.vault!.path);
    const keyfilePath = path.join(status.vault!.path, KEYFILE_NAME);
    const keyBefore = sha256File(keyfilePath);
    const wrong = recoveryCode.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    await expect(vm2.unlockWithRecoveryCode(wrong, OTHER_PASSPHRASE)).rejects.toThrow(expectCode('WRONG_RECOVERY_CODE'));
    await expect(vm2.unlockWithRecoveryCode('ABC', OTHER_PASSPHRASE)).rejects.toThrow(expectCode('WRONG_RECOVERY_CODE'));
    expect(sha256File(keyfilePath)).toBe(keyBefore);
    expect(vm2.status().state).toBe('locked');

    // Typed sloppily: lower case, spaces instead of dashes, O for 0 and l for 1.
    const sloppy = recoveryCode.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    const after = await vm2.unlockWithRecoveryCode(sloppy, OTHER_PASSPHRASE);
    expect(after.state).toBe('unlocked');
    expect(names(vm2.db())).toEqual(['Ahmed El Amrani']);
    vm2.lock();

    await expect(vm2.unlock(PASSPHRASE)).rejects.toThrow(expectCode('WRONG_PASSPHRASE'));
    await vm2.unlock(OTHER_PASSPHRASE);
    vm2.lock();
    // The same recovery code still works.
    await vm2.unlockWithRecoveryCode(recoveryCode, 'nog een ander wachtwoord');
    expect(names(vm2.db())).toEqual(['Ahmed El Amrani']);
  });
});
