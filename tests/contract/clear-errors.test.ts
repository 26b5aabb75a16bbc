// Issue 10 (hostile test): inputs that used to end in INTERNAL or in a false logboek entry.
// - A failed vault.open / vault.create wrote "vergrendeld" to the logboek although nothing was locked.
// - norms.import {file: null}, a NUL byte or an over-long path component in vault.open gave INTERNAL.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCoreHandle } from '../support/core';
import { household } from '../integration/services/helpers';

const PASS = 'een lang genoeg wachtwoord';
let rig: TestCoreHandle;
const call = (name: string, input: unknown = {}) => rig.core.router.handle(name, input);

beforeEach(async () => {
  rig = await startTestCore({ cheapKdf: true, prefix: 'clear-errors' });
  const created = await call('vault.create', { name: 'Kantoor', passphrase: PASS });
  expect(created.ok).toBe(true);
});
afterEach(async () => {
  await rig.cleanup();
});

async function auditActions(): Promise<string[]> {
  const env = await call('audit.list', {});
  if (!env.ok) throw new Error(env.error.code);
  return (env.value as { action: string }[]).map((e) => e.action);
}

describe('a failed switch changes nothing and logs nothing', () => {
  it('vault.open of a folder without a vault: still unlocked, no "vergrendeld" entry', async () => {
    const env = await call('vault.open', { path: path.join(rig.dataDir, 'bestaat-niet') });
    expect(env).toMatchObject({ ok: false, error: { code: 'VAULT_NOT_FOUND' } });
    expect((await call('vault.status')).ok && ((await call('vault.status')) as any).value.state).toBe('unlocked');
    expect(await auditActions()).toEqual(['vault.created']);
  });

  it('vault.create on an occupied folder: still unlocked, no "vergrendeld" entry', async () => {
    const occupied = path.join(rig.dataDir, 'bezet');
    mkdirSync(occupied);
    writeFileSync(path.join(occupied, 'iets.txt'), 'x');
    const env = await call('vault.create', { name: 'Tweede', passphrase: PASS, path: occupied });
    expect(env).toMatchObject({ ok: false, error: { code: 'VAULT_EXISTS' } });
    expect(((await call('vault.status')) as any).value.state).toBe('unlocked');
    expect(await auditActions()).toEqual(['vault.created']);
  });

  it('a successful switch still logs the lock of the vault it leaves', async () => {
    const first = ((await call('vault.status')) as any).value.vault.path as string;
    expect((await call('vault.create', { name: 'Tweede', passphrase: PASS })).ok).toBe(true);
    expect(await auditActions()).toEqual(['vault.created']); // the new vault's own logboek
    expect((await call('vault.open', { path: first })).ok).toBe(true);
    expect((await call('vault.unlock', { passphrase: PASS })).ok).toBe(true);
    expect(await auditActions()).toEqual(['vault.unlocked', 'vault.locked', 'vault.created']);
  });
});

describe('clear Dutch errors instead of INTERNAL', () => {
  it('norms.import without a file', async () => {
    for (const file of [null, undefined, '']) {
      const env = await call('norms.import', { file });
      expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(JSON.stringify(env)).toContain('geen normbestand');
    }
  });

  it('vault.open with a NUL byte or an over-long name in the path', async () => {
    const nul = await call('vault.open', { path: '/tmp/kluis\u0000.houvast' });
    expect(nul).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(nul)).toContain('ongeldig teken');
    const long = await call('vault.open', { path: `/tmp/${'a'.repeat(300)}.houvast` });
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(long)).toContain('te lang');
    expect(await auditActions()).toEqual(['vault.created']);
  });

  it('dossier.import of JSON text with a duplicated key names the place and imports nothing', async () => {
    const text = '{"format":"houvast.dossier","version":1,"format":"x","dossiers":[]}';
    const env = await call('dossier.import', { file: text });
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: '(bestand)', message: expect.stringContaining('"format" staat twee keer') }] } });
  });

  it('dossier.import of a file with 150 faults counts all 150, lists the first 100, then says how many more', async () => {
    // 150 households whose BSN fails the elfproef (123456789: 1*9+2*8+3*7+4*6+5*5+6*4+7*3+8*2-9*1 = 147, not a multiple of 11).
    const dossiers = Array.from({ length: 150 }, (_, i) => household({ number: `T-${i}`, adults: [{ role: 'aanvrager', firstName: 'Anna', lastName: `Jansen${i}`, birthDate: '1985-04-12', bsn: '123456789' }] }));
    const env = await call('dossier.import', { file: { format: 'houvast.dossier', version: 2, dossiers } });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.message).toBe('Het bestand is niet geldig (150 fouten). Er is niets geïmporteerd.');
    const issues = env.error.issues!;
    expect(issues).toHaveLength(101);
    expect(issues.slice(0, 100).every((x) => /^dossiers\.\d+\.adults\.0\.bsn$/.test(x.path))).toBe(true);
    expect(issues[100]).toEqual({ path: '(bestand)', message: 'en nog 50 fouten (alleen de eerste 100 staan hier).' });
    expect((await call('dossier.list', {})) as unknown).toMatchObject({ ok: true, value: [] });
  });
});
