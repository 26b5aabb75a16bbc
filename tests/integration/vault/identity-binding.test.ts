// The keyfile's name and demo flag are plain JSON (shown before unlock), so anyone who can write the vault
// folder can change them. Issue 10: they must not turn a real vault into a "demo" vault (every household
// forced to fictitious) or rename it. The encrypted database holds the authoritative copy; after unlock the
// keyfile is repaired.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEYFILE_NAME } from '../../../src/core/vault/keyfile';
import { startTestCore, type TestCoreHandle } from '../../support/core';
import { household } from '../services/helpers';

const PASS = 'een lang genoeg wachtwoord';
let rig: TestCoreHandle;

beforeEach(async () => {
  rig = await startTestCore({ cheapKdf: true, prefix: 'identity' });
});
afterEach(async () => {
  await rig.cleanup();
});

async function call<T = any>(name: string, input: unknown = {}): Promise<T> {
  const env = await rig.core.router.handle(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
  return env.value as T;
}

describe('the vault identity is bound to the encrypted database', () => {
  it('a keyfile changed to "demo" with another name does not make a real vault a demo vault', async () => {
    const created = await call<{ status: { vault: { path: string } } }>('vault.create', { name: 'Kantoor Oost', passphrase: PASS });
    const folder = created.status.vault.path;
    await call('vault.lock');

    const keyfilePath = path.join(folder, KEYFILE_NAME);
    const kf = JSON.parse(readFileSync(keyfilePath, 'utf8'));
    expect(kf.demo).toBe(false);
    writeFileSync(keyfilePath, JSON.stringify({ ...kf, demo: true, name: 'Demokluis' }));

    await call('vault.open', { path: folder });
    const status = await call<{ vault: { name: string; demo: boolean }; notice?: string }>('vault.unlock', { passphrase: PASS });
    expect(status.vault).toMatchObject({ name: 'Kantoor Oost', demo: false });
    // The user is told, not only the keyfile repaired (hostile test, session 14).
    expect(status.notice).toContain('in het sleutelbestand was gewijzigd buiten Houvast om');

    // Not forced to fictitious: a real household stays real.
    const dossier = await call<{ fictitious: boolean }>('dossier.create', { data: household() });
    expect(dossier.fictitious).toBe(false);

    // The keyfile was repaired; its wrapped keys are untouched.
    const repaired = JSON.parse(readFileSync(keyfilePath, 'utf8'));
    expect(repaired).toMatchObject({ name: 'Kantoor Oost', demo: false });
    expect(repaired.passphrase).toEqual(kf.passphrase);
    expect(repaired.recovery).toEqual(kf.recovery);
  });

  it('a demo vault stays a demo vault when its keyfile is changed to "not demo"', async () => {
    const demo = await call<{ status: { vault: { path: string } }; passphrase: string }>('vault.createDemo');
    const keyfilePath = path.join(demo.status.vault.path, KEYFILE_NAME);
    const kf = JSON.parse(readFileSync(keyfilePath, 'utf8'));
    expect(kf.demo).toBe(true);
    writeFileSync(keyfilePath, JSON.stringify({ ...kf, demo: false }));

    await call('vault.open', { path: demo.status.vault.path });
    const status = await call<{ vault: { demo: boolean } }>('vault.unlock', { passphrase: demo.passphrase });
    expect(status.vault.demo).toBe(true);
    const dossier = await call<{ fictitious: boolean }>('dossier.create', { data: household({ fictitious: false }) });
    expect(dossier.fictitious).toBe(true);
  });
});
