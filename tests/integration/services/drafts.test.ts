// Drafts of half-filled forms live in the encrypted vault: they survive a lock (auto or manual) and unlock,
// replace each other per form, go with their dossier, and are gone once discarded. Real core, real vault.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dossier } from '../../../src/shared/dossier/schema';
import { startTestCore, type TestCoreHandle } from '../../support/core';
import { TestClock, household } from './helpers';

const PASS = 'concepten-wachtwoord-2026';
let h: TestCoreHandle;
const clock = new TestClock();

async function call<T = any>(name: string, input: unknown): Promise<T> {
  const env = await h.core.router.handle(name, input);
  if (!env.ok) throw Object.assign(new Error(`${name}: ${env.error.code} ${env.error.message}`), { code: env.error.code });
  return env.value as T;
}

beforeEach(async () => {
  h = await startTestCore({ cheapKdf: true, prefix: 'drafts', clock });
  await call('vault.create', { name: 'Concepten', passphrase: PASS });
});
afterEach(async () => h.cleanup());

describe('drafts', () => {
  it('keeps a draft across lock and unlock, replaces it per form, and discards it', async () => {
    await call('drafts.save', { form: 'dossier:nieuw', label: 'Nieuw dossier', data: { adults: [{ firstName: 'Fen' }] } });
    clock.advance(1000);
    const saved = await call<{ updatedAt: number }>('drafts.save', { form: 'dossier:nieuw', label: 'Nieuw dossier', data: { adults: [{ firstName: 'Fenna' }] } });
    await call('vault.lock', {});
    await call('vault.unlock', { passphrase: PASS });
    expect(await call('drafts.list', {})).toEqual([{ form: 'dossier:nieuw', dossierId: null, label: 'Nieuw dossier', updatedAt: saved.updatedAt }]);
    expect(await call('drafts.get', { form: 'dossier:nieuw' })).toMatchObject({ data: { adults: [{ firstName: 'Fenna' }] } });
    await call('drafts.discard', { form: 'dossier:nieuw' });
    expect(await call('drafts.get', { form: 'dossier:nieuw' })).toBeNull();
    expect(await call('drafts.list', {})).toEqual([]);
  });

  it('a dossier\'s drafts go with the dossier; a draft for an unknown dossier is refused', async () => {
    const d = await call<Dossier>('dossier.create', { data: household() });
    await call('drafts.save', { form: `dossier:${d.id}`, dossierId: d.id, label: `Dossier ${d.number} bewerken`, data: {} });
    await call('dossier.delete', { id: d.id, confirmNumber: d.number });
    expect(await call('drafts.list', {})).toEqual([]);
    await expect(call('drafts.save', { form: 'dossier:x', dossierId: 'bestaat-niet', label: 'x', data: {} })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers LOCKED while the vault is locked', async () => {
    await call('vault.lock', {});
    await expect(call('drafts.list', {})).rejects.toMatchObject({ code: 'LOCKED' });
  });
});
