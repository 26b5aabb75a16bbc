// An older copy of a vault put back outside Houvast (hostile test, session 14): its logboek is a genuine, intact
// chain, so only a record outside the vault folder can tell that it ends before what this computer saw. Each
// computer keeps the chain head it saw last in its data folder (rollback-anchor.ts) and says so on unlock.
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANCHORS_FILE_NAME } from '../../../src/core/vault/rollback-anchor';
import { startTestCore, type TestCoreHandle } from '../../support/core';

const PASS = 'een lang genoeg wachtwoord';
const ROLLED_BACK = /oudere stand van deze kluis dan deze computer het laatst heeft gezien.*buiten Houvast een oudere kopie/s;
let a: TestCoreHandle;
let b: TestCoreHandle;

beforeEach(async () => {
  a = await startTestCore({ cheapKdf: true, prefix: 'anchor-a' });
  b = await startTestCore({ cheapKdf: true, prefix: 'anchor-b' });
});
afterEach(async () => {
  await b.cleanup();
  await a.cleanup();
});

async function call<T = any>(rig: TestCoreHandle, name: string, input: unknown = {}): Promise<T> {
  const env = await rig.core.router.handle(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
  return env.value as T;
}

type Status = { state: string; notice?: string };
const unlock = (rig: TestCoreHandle) => call<Status>(rig, 'vault.unlock', { passphrase: PASS });
/** Locked once the unlock's background work is done, so the WAL is folded in and the file is the whole vault. */
const lock = async (rig: TestCoreHandle) => {
  await rig.core.vault.idle();
  await call(rig, 'vault.lock');
};
const work = async (rig: TestCoreHandle, n: number) => {
  for (let i = 0; i < n; i++) await call(rig, 'settings.update', { userName: `Medewerker ${i}` });
};

async function vault(): Promise<string> {
  const created = await call<{ status: { vault: { path: string } } }>(a, 'vault.create', { name: 'Kantoor', passphrase: PASS });
  await work(a, 3);
  await lock(a);
  return created.status.vault.path;
}

interface Entry {
  action: string;
  detail: string | null;
}
/** The logboek's entries for an older copy found on unlock. */
const found = async (rig: TestCoreHandle) => (await call<Entry[]>(rig, 'audit.list')).filter((e) => e.action === 'vault.rollback_found');
/** The one anchor this computer keeps (the tests open one vault per computer). */
const anchorOf = (rig: TestCoreHandle): { id: number } => {
  const anchors = JSON.parse(readFileSync(path.join(rig.dataDir, ANCHORS_FILE_NAME), 'utf8')) as { vaults: Record<string, { id: number }> };
  const [only, ...others] = Object.values(anchors.vaults);
  expect(others).toEqual([]);
  return only!;
};

describe('an older copy of the vault put back outside Houvast', () => {
  it('is reported on the next unlock, once, and the current chain becomes the anchor', async () => {
    const folder = await vault();
    const db = path.join(folder, 'vault.db');
    const old = path.join(a.dataDir, 'old-copy.db');
    copyFileSync(db, old);
    // The copy's logboek ends where this computer's anchor is now (set on the lock).
    const oldHead = anchorOf(a).id;

    expect((await unlock(a)).notice).toBeUndefined();
    expect(await found(a)).toEqual([]);
    await work(a, 5);
    await lock(a);
    // The head this computer saw last: the logboek's rows so far, and the lock's own entry.
    const seenHead = anchorOf(a).id;
    copyFileSync(old, db);

    const status = await unlock(a);
    expect(status.state).toBe('unlocked');
    expect(status.notice).toMatch(ROLLED_BACK);
    // The logboek keeps what the notice said once, with row numbers only, in the chain of the copy now in use.
    const [entry, ...more] = await found(a);
    expect(more).toEqual([]);
    expect(entry!.detail).toMatch(new RegExp(`^Oudere stand dan deze computer het laatst zag: het logboek liep toen tot regel ${seenHead}, in deze stand tot regel ${oldHead}$`));
    // The logboek itself is intact: it is a genuine (older) vault, carried on from where the copy ended.
    expect((await call<{ intact: boolean }>(a, 'audit.verify')).intact).toBe(true);
    await lock(a);
    expect((await unlock(a)).notice).toBeUndefined();
    expect(await found(a)).toHaveLength(1);
  });

  it('is reported when the copy of another computer\'s later work was replaced by an older one too', async () => {
    const folder = await vault();
    const old = path.join(a.dataDir, 'old-copy.db');
    copyFileSync(path.join(folder, 'vault.db'), old);
    // Computer B carries on; computer A has seen only the first part, which B's chain still holds.
    await call(b, 'vault.open', { path: folder });
    expect((await unlock(b)).notice).toBeUndefined();
    await work(b, 4);
    await lock(b);
    await call(a, 'vault.open', { path: folder });
    expect((await unlock(a)).notice).toBeUndefined();
    await lock(a);
    // Now B's later work is undone by the old copy: both computers had seen more than it holds.
    copyFileSync(old, path.join(folder, 'vault.db'));
    expect((await unlock(b)).notice).toMatch(ROLLED_BACK);
    await lock(b);
    expect((await unlock(a)).notice).toMatch(ROLLED_BACK);
  });

  it('is not what a restore through Houvast is: no notice, then or on the next unlock', async () => {
    const folder = await vault();
    expect((await unlock(a)).notice).toBeUndefined();
    await a.core.vault.createBackup();
    await work(a, 5);
    const [backup] = await call<{ id: string; kind: string }[]>(a, 'vault.listBackups');
    const restored = await call<{ status: Status }>(a, 'vault.restoreBackup', { id: backup!.id, passphrase: PASS });
    expect(restored.status.notice).toBeUndefined();
    await lock(a);
    expect((await unlock(a)).notice).toBeUndefined();
    expect(await found(a)).toEqual([]);
    expect(readFileSync(path.join(folder, 'vault.key.json'), 'utf8')).toContain('"vaultId"');
  });

  it('keeps its anchors outside the vault, private, with nothing but numbers and hashes', async () => {
    const folder = await vault();
    const file = path.join(a.dataDir, ANCHORS_FILE_NAME);
    expect(path.dirname(file)).not.toBe(folder);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const anchors = JSON.parse(readFileSync(file, 'utf8')) as { vaults: Record<string, { id: number; hash: string }> };
    const [entry] = Object.values(anchors.vaults);
    expect(Object.keys(entry!).sort()).toEqual(['hash', 'id']);
    expect(entry!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(file, 'utf8')).not.toMatch(/Kantoor|Medewerker/);
  });
});
