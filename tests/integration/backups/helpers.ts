// Fixtures for the backup tests: the vault sandbox (cheap KDF, fake clock) plus folder fingerprints.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { VaultManager } from '../../../src/core/vault/vault-manager';
import { PASSPHRASE, dataKeyFromKeyfile } from '../vault/helpers';

export { CHEAP_KDF, FakeTime, PASSPHRASE, OTHER_PASSPHRASE, TEST_MIGRATIONS, expectCode, sandbox } from '../vault/helpers';
export type { Sandbox } from '../vault/helpers';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Every file under `dir` (relative path → sha256), to prove an operation changed or deleted nothing. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

export function names(vm: VaultManager): string[] {
  return vm.db().prepare('SELECT name FROM people ORDER BY id').pluck().all() as string[];
}

export function addPerson(vm: VaultManager, name: string): void {
  vm.db().prepare('INSERT INTO people (name) VALUES (?)').run(name);
}

/** The selected vault's data key, unwrapped from its keyfile with the test passphrase (no hook into the manager). */
export function dataKeyOf(vm: VaultManager, passphrase = PASSPHRASE): Promise<Buffer> {
  const folder = vm.status().vault?.path;
  if (!folder) throw new Error('no vault selected');
  return dataKeyFromKeyfile(folder, passphrase);
}

export const mode = (p: string) => statSync(p).mode & 0o777;
