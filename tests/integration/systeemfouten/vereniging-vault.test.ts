// Vereniging mode as its own vault type (issue 9 §3), through the real core on real encrypted vaults: the kind
// is chosen at creation and bound to the database; a vereniging vault refuses every case-file procedure in
// Dutch and holds the key register, the received office files (checked one by one on receipt) and the
// publications, encrypted; a kantoor vault has no such store. Uses the fictitious demo office exports.
import { readFileSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../../../src/core/app';
import { KANTOOR_REFUSAL, VERENIGING_REFUSAL } from '../../../src/shared/contract/vault-kind';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../src/shared/contract/procedures';
import { startTestCore, type TestCoreHandle } from '../../support/core';

const DIR = path.join(defaultResourcesDir(), 'demo', 'systeemfouten', 'kantoren');
const PASSPHRASE = 'vereniging kluis wachtwoord';
const REGISTER = JSON.parse(readFileSync(path.join(DIR, 'sleutelregister.json'), 'utf8')) as { keys: { keyId: string; office: string; publicKeyPem: string }[] };
const FILES = readdirSync(DIR)
  .filter((n) => n.startsWith('kantoor-'))
  .sort()
  .map((name) => ({ name, text: readFileSync(path.join(DIR, name), 'utf8') }));

let h: TestCoreHandle;
beforeEach(async () => {
  h = await startTestCore({ cheapKdf: true, prefix: 'vereniging-kluis' });
});
afterEach(async () => h.cleanup());

async function tryCall<K extends ProcedureName>(name: K, input: ProcedureInput<K>) {
  return h.core.router.handle(name, input);
}
async function call<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>> {
  const env = await h.core.router.handle(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
  return env.value as ProcedureOutput<K>;
}

describe('a vereniging vault', () => {
  it('is chosen at creation and refuses every case-file procedure with a clear Dutch message', async () => {
    const created = await call('vault.create', { name: 'Branchevereniging', passphrase: PASSPHRASE, kind: 'vereniging' });
    expect(created.status.vault).toMatchObject({ name: 'Branchevereniging', kind: 'vereniging' });
    for (const [name, input] of [
      ['dossier.list', {}],
      ['dossier.create', { data: {} }],
      ['dossier.import', { file: {} }],
      ['signals.list', {}],
      ['report.preview', { period: '2026-Q3' }],
      ['budget.get', { id: 'x' }],
      ['schemes.list', {}],
    ] as const) {
      const env = await tryCall(name as ProcedureName, input as never);
      // Input that is already invalid fails validation first; everything that passes it is refused by kind.
      if (!env.ok && env.error.code === 'VALIDATION') continue;
      expect(env, name).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: VERENIGING_REFUSAL } });
    }
    // What the association needs still runs.
    expect((await tryCall('settings.get', {})).ok).toBe(true);
    expect((await tryCall('audit.list', {})).ok).toBe(true);
    expect((await tryCall('association.store.get', {})).ok).toBe(true);
  });

  it('stores the key register, the received files with their verdicts and the publication, encrypted', async () => {
    await call('vault.create', { name: 'Branchevereniging', passphrase: PASSPHRASE, kind: 'vereniging' });
    for (const k of REGISTER.keys) await call('association.store.registerKey', { office: k.office, publicKeyPem: k.publicKeyPem, registeredOn: '2026-01-05' });
    let store = await call('association.store.get', {});
    expect(store.keys.map((k) => k.keyId).sort()).toEqual(REGISTER.keys.map((k) => k.keyId).sort());
    const again = await tryCall('association.store.registerKey', { office: 'Dubbel', publicKeyPem: REGISTER.keys[0]!.publicKeyPem });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // A tampered copy (one byte of the payload changed) and an unreadable file are refused with their reason.
    const first = JSON.parse(FILES[0]!.text) as { payload: string };
    const payload = Buffer.from(first.payload, 'base64').toString('utf8').replace('"households":', '"households": ');
    const tampered = { name: 'gewijzigd.json', text: JSON.stringify({ ...first, payload: Buffer.from(payload).toString('base64') }) };
    const r = await call('association.store.receive', { files: [...FILES, tampered, { name: 'kapot.json', text: 'geen json' }] });
    expect(r.received.filter((x) => x.accepted)).toHaveLength(FILES.length);
    expect(r.received.filter((x) => !x.accepted)).toEqual([
      { name: 'gewijzigd.json', accepted: false, reason: 'De handtekening klopt niet: het bestand is na ondertekening gewijzigd.' },
      { name: 'kapot.json', accepted: false, reason: 'Het bestand is geen geldige JSON.' },
    ]);
    // The same file again is a duplicate.
    const dup = await call('association.store.receive', { files: [FILES[0]!] });
    expect(dup.received).toEqual([{ name: FILES[0]!.name, accepted: false, reason: 'Dit bestand is al eerder ontvangen (dubbel).' }]);
    store = dup.store;
    expect(store.files.filter((f) => f.status === 'geaccepteerd')).toHaveLength(FILES.length);
    expect(store.files.find((f) => f.fileName === FILES[0]!.name && f.status === 'geaccepteerd')!.office).toBe(REGISTER.keys.find((k) => FILES[0]!.name.startsWith('kantoor-01'))!.office);

    // Publishing from the store gives the same tables as merging the picked files.
    const published = await call('association.store.publish', { year: '2026' });
    const picked = await call('association.merge', { files: FILES, register: readFileSync(path.join(DIR, 'sleutelregister.json'), 'utf8') });
    expect(published.publicationId).toBeTruthy();
    expect(published.published).toEqual(picked.published);
    expect(published.csv).toBe(picked.csv);
    store = await call('association.store.get', {});
    expect(store.publications).toEqual([{ id: published.publicationId, year: '2026', createdAt: expect.any(Number), files: FILES.length }]);
    const stored = await call('association.store.publication', { id: published.publicationId! });
    expect(stored.published).toEqual(published.published);

    // A revoked key: its files no longer enter the next publication.
    const revoked = REGISTER.keys[0]!;
    await call('association.store.revokeKey', { keyId: revoked.keyId });
    const after = await call('association.store.publish', { year: '2026' });
    expect(after.rejected.length).toBeGreaterThan(0);
    for (const x of after.rejected) expect(x.reason).toBe('Ondertekend met een ingetrokken sleutel.');

    // Encrypted at rest: no office name in the database file.
    await call('vault.lock', {});
    const vaultDir = (await call('vault.status', {})).vault!.path;
    const bytes = await readFile(path.join(vaultDir, 'vault.db'));
    expect(bytes.includes(Buffer.from(REGISTER.keys[1]!.office))).toBe(false);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  });

  it('keeps its kind when someone edits the keyfile: the database\'s copy wins', async () => {
    await call('vault.create', { name: 'Branchevereniging', passphrase: PASSPHRASE, kind: 'vereniging' });
    const dir = (await call('vault.status', {})).vault!.path;
    await call('vault.lock', {});
    const keyfile = path.join(dir, 'vault.key.json');
    const k = JSON.parse(await readFile(keyfile, 'utf8'));
    expect(k.kind).toBe('vereniging');
    await writeFile(keyfile, JSON.stringify({ ...k, kind: 'kantoor' }));
    const unlocked = await call('vault.unlock', { passphrase: PASSPHRASE });
    expect(unlocked.vault?.kind).toBe('vereniging');
    expect(await tryCall('dossier.list', {})).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: VERENIGING_REFUSAL } });
  });
});

describe('a kantoor vault', () => {
  it('is the default, holds dossiers and has no association store (merging picked files still works)', async () => {
    const created = await call('vault.create', { name: 'Kantoor', passphrase: PASSPHRASE });
    expect(created.status.vault?.kind).toBe('kantoor');
    expect((await tryCall('dossier.list', {})).ok).toBe(true);
    expect(await tryCall('association.store.get', {})).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: KANTOOR_REFUSAL } });
    const merged = await call('association.merge', { files: FILES.slice(0, 3), register: readFileSync(path.join(DIR, 'sleutelregister.json'), 'utf8') });
    expect(merged.accepted).toHaveLength(3);
  });
});
