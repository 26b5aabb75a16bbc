// One process at a time per vault (session-lock.ts). A second Houvast on an open vault (the CLI while the app is
// open, a second core) used to take the first session's marker for a crash, report a "recovered" WAL, remove the
// marker and sweep the first one's temp files; a hostile test even damaged the WAL under the live session and got
// INTERNAL. Now the second one is refused with a Dutch VAULT_IN_USE and touches nothing, and a crash of the first
// gives the vault back.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_MARKER } from '../../../src/core/vault/crash-recovery';
import { runHouvastBin } from '../../support/cli';
import { makeTempDir, startTestCore, type TestCoreHandle } from '../../support/core';

const PASS = 'een lang genoeg wachtwoord';
const HOLDER = new URL('../../support/vault-holder-child.mjs', import.meta.url).pathname;
let first: TestCoreHandle;
let second: TestCoreHandle;
let child: ChildProcess | null = null;

beforeEach(async () => {
  first = await startTestCore({ cheapKdf: true, prefix: 'lock-a' });
  second = await startTestCore({ cheapKdf: true, prefix: 'lock-b' });
});
afterEach(async () => {
  child?.kill('SIGKILL');
  child = null;
  await second.cleanup();
  await first.cleanup();
});

async function call<T = any>(rig: TestCoreHandle, name: string, input: unknown = {}): Promise<T> {
  const env = await rig.core.router.handle(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
  return env.value as T;
}

async function errorOf(rig: TestCoreHandle, name: string, input: unknown = {}) {
  const env = await rig.core.router.handle(name, input);
  if (env.ok) throw new Error(`${name} succeeded`);
  return env.error;
}

/** A vault the first core keeps unlocked, with its latest writes only in the WAL. */
let recoveryCode = '';
async function openByFirst(): Promise<string> {
  const created = await call<{ recoveryCode: string; status: { vault: { path: string } } }>(first, 'vault.create', { name: 'Gedeeld', passphrase: PASS });
  recoveryCode = created.recoveryCode;
  await first.core.vault.createBackup();
  for (let i = 0; i < 20; i++) await call(first, 'settings.update', { userName: `Medewerker ${i}` });
  await first.core.vault.idle();
  return created.status.vault.path;
}

const IN_USE = /al geopend in een ander Houvast-programma.*Er is niets gewijzigd/s;

describe('a vault another session has open', () => {
  it('cannot be unlocked by a second core: VAULT_IN_USE in Dutch, nothing of the first session touched', async () => {
    const folder = await openByFirst();
    const marker = statSync(path.join(folder, SESSION_MARKER));
    const wal = statSync(path.join(folder, 'vault.db-wal'));
    expect(wal.size).toBeGreaterThan(0);

    await call(second, 'vault.open', { path: folder });
    const err = await errorOf(second, 'vault.unlock', { passphrase: PASS });
    expect(err.code).toBe('VAULT_IN_USE');
    expect(err.message).toMatch(IN_USE);
    expect((await call<{ state: string; notice?: string }>(second, 'vault.status')).state).toBe('locked');
    expect((await errorOf(second, 'audit.list')).code).toBe('LOCKED');
    // The recovery code and a restore are refused the same way, before the keyfile or the database is written.
    const keyfile = readFileSync(path.join(folder, 'vault.key.json'));
    const recovery = await errorOf(second, 'vault.unlockWithRecoveryCode', { recoveryCode, newPassphrase: 'een ander lang wachtwoord' });
    expect(recovery.code).toBe('VAULT_IN_USE');
    expect(readFileSync(path.join(folder, 'vault.key.json')).equals(keyfile)).toBe(true);
    const backups = await call<{ id: string }[]>(second, 'vault.listBackups');
    expect(backups.length).toBeGreaterThan(0);
    const restore = await errorOf(second, 'vault.restoreBackup', { id: backups[0]!.id, passphrase: PASS });
    expect(restore.code).toBe('VAULT_IN_USE');

    // The first session's files are as it left them: no crash taken, no WAL copied, the marker in place.
    expect(statSync(path.join(folder, SESSION_MARKER)).mtimeMs).toBe(marker.mtimeMs);
    expect(existsSync(path.join(folder, 'herstel'))).toBe(false);
    expect(statSync(path.join(folder, 'vault.db-wal')).size).toBeGreaterThanOrEqual(wal.size);
    await call(first, 'settings.update', { userName: 'Nog steeds aan het werk' });
    expect((await call<{ userName: string }>(first, 'settings.get')).userName).toBe('Nog steeds aan het werk');
  });

  it('is not swept by a second core that opens it: the half-written temp files may be the first session\'s', async () => {
    const folder = await openByFirst();
    const temp = path.join(folder, '.vault.key.json.0123456789ab.tmp');
    writeFileSync(temp, '{}');
    await call(second, 'vault.open', { path: folder });
    expect(existsSync(temp)).toBe(true);

    await call(first, 'vault.lock');
    await call(second, 'vault.open', { path: folder });
    expect(existsSync(temp)).toBe(false);
  });

  it('opens in the second core once the first has locked it, without a crash notice', async () => {
    const folder = await openByFirst();
    await call(second, 'vault.open', { path: folder });
    expect((await errorOf(second, 'vault.unlock', { passphrase: PASS })).code).toBe('VAULT_IN_USE');
    await call(first, 'vault.lock');
    const status = await call<{ state: string; notice?: string }>(second, 'vault.unlock', { passphrase: PASS });
    expect(status.state).toBe('unlocked');
    expect(status.notice).toBeUndefined();
    expect((await call<{ userName: string }>(second, 'settings.get')).userName).toBe('Medewerker 19');
    // And now the first one is the second.
    expect((await errorOf(first, 'vault.unlock', { passphrase: PASS })).code).toBe('VAULT_IN_USE');
  });

  it('refuses the houvast command (another process) while the app has it open, and lets it in after the lock', async () => {
    const folder = await openByFirst();
    const env: NodeJS.ProcessEnv = { ...process.env, HOUVAST_PASSPHRASE: PASS, HOUVAST_DATA_DIR: await makeTempDir('lock-cli') };
    const refused = await runHouvastBin(['dossier', 'list', '--vault', folder], { cwd: folder, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(IN_USE);
    expect(readdirSync(folder)).not.toContain('herstel');

    await call(first, 'vault.lock');
    const listed = await runHouvastBin(['dossier', 'list', '--vault', folder], { cwd: folder, env });
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
  }, 60_000);

  it('is given back when the process that has it open crashes: the next unlock works and says so', async () => {
    const created = await call<{ status: { vault: { path: string } } }>(first, 'vault.create', { name: 'Gedeeld', passphrase: PASS });
    const folder = created.status.vault.path;
    await call(first, 'vault.lock');
    child = spawn(process.execPath, [HOLDER, folder, await makeTempDir('lock-child')], {
      env: { ...process.env, HOUVAST_PASSPHRASE: PASS },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('ready')) resolve();
        if (out.includes('failed')) reject(new Error(out));
      });
      child!.on('exit', (code) => reject(new Error(`child exited ${code}: ${out}`)));
    });
    await call(second, 'vault.open', { path: folder });
    expect((await errorOf(second, 'vault.unlock', { passphrase: PASS })).code).toBe('VAULT_IN_USE');

    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    child = null;
    const status = await call<{ state: string; notice?: string }>(second, 'vault.unlock', { passphrase: PASS });
    expect(status.state).toBe('unlocked');
    expect(status.notice).toMatch(/niet netjes afgesloten/);
    expect((await call<{ userName: string }>(second, 'settings.get')).userName).toBe('Medewerker in het kind');
  }, 60_000);
});
