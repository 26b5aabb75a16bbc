// Hostile test: vault.create with an unusable place (under a dangling symlink, the dangling symlink itself,
// a symlink loop, a path of ~4090 characters) answered INTERNAL after it had already locked and closed the
// open vault and written a false "Andere kluis gemaakt" to the logboek. The place is now prepared before the
// switch, and a place that cannot be used is refused in Dutch with nothing changed.
import { lstatSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCoreHandle } from '../../support/core';

const PASS = 'een lang genoeg wachtwoord';
let rig: TestCoreHandle;

beforeEach(async () => {
  rig = await startTestCore({ cheapKdf: true, prefix: 'create-place' });
});
afterEach(async () => {
  await rig.cleanup();
});

async function call<T = any>(name: string, input: unknown = {}): Promise<T> {
  const env = await rig.core.router.handle(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
  return env.value as T;
}

function places(scratch: string): [string, string][] {
  mkdirSync(scratch);
  writeFileSync(path.join(scratch, 'bestand.txt'), 'x');
  symlinkSync(path.join(scratch, 'nergens'), path.join(scratch, 'los'));
  symlinkSync(path.join(scratch, 'lus'), path.join(scratch, 'lus'));
  const long = '/tmp/' + Array.from({ length: 40 }, () => 'a'.repeat(120)).join('/');
  return [
    ['under a dangling symlink', path.join(scratch, 'los', 'x.houvast')],
    ['a dangling symlink itself', path.join(scratch, 'los')],
    ['under a symlink loop', path.join(scratch, 'lus', 'x.houvast')],
    ['a path of about 4090 characters', long.slice(0, 4090)],
    ['under a file', path.join(scratch, 'bestand.txt', 'x.houvast')],
  ];
}

describe('vault.create with a place that cannot be used', () => {
  it('answers a Dutch error and leaves the open vault open, unlocked and without a logboek entry', async () => {
    const created = await call<{ status: { vault: { path: string } } }>('vault.create', { name: 'Kantoor', passphrase: PASS });
    const folder = created.status.vault.path;
    const entries = (await call<unknown[]>('audit.list')).length;
    for (const [label, place] of places(path.join(rig.dataDir, 'plekken'))) {
      const env = await rig.core.router.handle('vault.create', { name: 'X', path: place, passphrase: PASS });
      expect(env.ok, label).toBe(false);
      if (env.ok) continue;
      expect(env.error.code, `${label}: ${env.error.message}`).not.toBe('INTERNAL');
      expect(env.error.message, label).toMatch(/Kies een andere/);
      const status = await call<{ state: string; vault: { path: string } }>('vault.status');
      expect(status.state, label).toBe('unlocked');
      expect(status.vault.path, label).toBe(folder);
    }
    expect((await call<unknown[]>('audit.list')).length).toBe(entries);
    // The user's dangling symlink is left as it was.
    expect(lstatSync(path.join(rig.dataDir, 'plekken', 'los')).isSymbolicLink()).toBe(true);
  });
});
