// The core through its router (the in-process transport, as the CLI and Electron use it) on real vault
// folders: validation at the boundary, deletion for real, the append-only audit log, all-or-nothing
// import, export re-authentication, settings, events and the demo vault.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, defaultResourcesDir, type Core } from '../../../src/core/app';
import { createInProcessTransport } from '../../../src/core/inprocess';
import { silentLogger } from '../../../src/core/logger';
import { DEMO_PASSPHRASE } from '../../../src/core/services/demo';
import type { Transport } from '../../../src/shared/contract/client';
import type { Envelope } from '../../../src/shared/contract/errors';
import { interchangeSchema } from '../../../src/shared/dossier/schema';
import { BSN_ERROR } from '../../../src/shared/validation/bsn';
import { IBAN_CHECKSUM_ERROR } from '../../../src/shared/validation/iban';
import { POSTCODE_LETTERS_ERROR } from '../../../src/shared/validation/postcode';
import { BSNS, TestClock, household } from './helpers';
import { CHEAP_KDF } from '../../support/core';

const PASSPHRASE = 'een lang genoeg wachtwoord';

class FakeTimers {
  pending = new Map<number, () => void>();
  private next = 1;
  setTimeout(callback: () => void): unknown {
    const id = this.next++;
    this.pending.set(id, callback);
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fireAll(): void {
    const callbacks = [...this.pending.values()];
    this.pending.clear();
    for (const cb of callbacks) cb();
  }
}

let dataDir: string;
let core: Core;
let transport: Transport;
let clock: TestClock;
let timers: FakeTimers;
let events: unknown[];

async function call<T = any>(name: string, input: unknown = {}): Promise<T> {
  const env = await transport.invoke(name, input);
  if (!env.ok) throw new Error(`${name} failed: ${JSON.stringify(env.error)}`);
  return env.value as T;
}
async function fail(name: string, input: unknown = {}): Promise<{ code: string; message: string; issues?: { path: string; message: string }[] }> {
  const env: Envelope<unknown> = await transport.invoke(name, input);
  expect(env.ok, `${name} should fail`).toBe(false);
  if (env.ok) throw new Error('unreachable');
  return env.error;
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'houvast-core-'));
  clock = new TestClock();
  timers = new FakeTimers();
  core = createCore({ dataDir, resourcesDir: defaultResourcesDir(), logger: silentLogger, kdf: CHEAP_KDF, clock, timers });
  transport = createInProcessTransport(core);
  events = [];
  core.onEvent((event, payload) => {
    if (event === 'vault.status') events.push(payload);
  });
});
afterEach(async () => {
  await core.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

async function createVault(): Promise<{ path: string; recoveryCode: string }> {
  const created = await call('vault.create', { name: 'Kantoor', passphrase: PASSPHRASE });
  return { path: created.status.vault.path, recoveryCode: created.recoveryCode };
}

describe('boundary validation', () => {
  it.each([
    ['a BSN that fails the elfproef', (d: any) => (d.adults[0].bsn = '123456783'), 'data.adults.0.bsn', BSN_ERROR],
    ['an IBAN with a wrong checksum', (d: any) => (d.bankAccounts[0].iban = 'NL91ABNA0417164301'), 'data.bankAccounts.0.iban', IBAN_CHECKSUM_ERROR],
    ['a postcode with SA', (d: any) => (d.address.postcode = '1234 SA'), 'data.address.postcode', POSTCODE_LETTERS_ERROR],
    ['an amount with three decimals', (d: any) => (d.incomes[0].amount = '12.345'), 'data.incomes.0.amount', 'Vul een bedrag in met hoogstens twee decimalen.'],
  ])('refuses %s in Dutch and changes nothing', async (_label, spoil, issuePath, message) => {
    await createVault();
    const existing = await call('dossier.create', { data: household() });
    const auditBefore = (await call<unknown[]>('audit.list', {})).length;

    const bad = household();
    spoil(bad);
    const err = await fail('dossier.create', { data: bad });
    expect(err.code).toBe('VALIDATION');
    expect(err.issues).toContainEqual({ path: issuePath, message });
    const err2 = await fail('dossier.update', { id: existing.id, data: bad });
    expect(err2.issues).toContainEqual({ path: issuePath, message });

    expect(await call('dossier.list', {})).toHaveLength(1);
    const again = await call('dossier.get', { id: existing.id });
    expect({ ...again, updatedAt: 0 }).toEqual({ ...existing, updatedAt: 0 });
    // Only the get above was logged.
    expect((await call<unknown[]>('audit.list', {})).length).toBe(auditBefore + 1);
  });

  it('answers NOT_FOUND for a dossier that does not exist', async () => {
    await createVault();
    expect((await fail('dossier.get', { id: 'bestaat-niet' })).code).toBe('NOT_FOUND');
  });
});

describe('delete', () => {
  it('requires the dossier number, then removes the data for real (not in the files after lock)', async () => {
    const { path: vaultPath } = await createVault();
    const PLANTED_CHILD = 'Wobkje-Zwartsenberg';
    const keep = await call('dossier.create', { data: household() });
    const doomed = await call('dossier.create', {
      data: household({ children: [{ firstName: PLANTED_CHILD, lastName: 'Qvist', birthDate: '2016-05-05', livingInHousehold: true }] }),
    });
    await call('dossier.addNote', { id: doomed.id, text: `Notitie over ${PLANTED_CHILD}` });

    const wrong = await fail('dossier.delete', { id: doomed.id, confirmNumber: keep.number });
    expect(wrong).toMatchObject({ code: 'VALIDATION', message: 'Het dossiernummer klopt niet. Het dossier is niet verwijderd.' });
    expect(await call('dossier.list', { query: PLANTED_CHILD })).toHaveLength(1);

    expect(await call('dossier.delete', { id: doomed.id, confirmNumber: doomed.number })).toEqual({ deleted: true });
    expect(await call('dossier.list', { query: PLANTED_CHILD })).toEqual([]);
    const db = core.vault.db();
    for (const table of ['dossiers', 'persons', 'notes', 'incomes', 'expenses', 'debts', 'bank_accounts']) {
      const column = table === 'dossiers' ? 'id' : 'dossier_id';
      expect(db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`).get(doomed.id), table).toEqual({ n: 0 });
    }
    // Freed pages are zeroed (secure_delete) and no older page version stays behind in the WAL.
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    const wal = path.join(vaultPath, 'vault.db-wal');
    if (existsSync(wal)) expect(readFileSync(wal).length).toBe(0);
    await call('vault.lock');

    const needles = [Buffer.from(PLANTED_CHILD, 'utf8'), Buffer.from(PLANTED_CHILD, 'utf16le'), Buffer.from('Zwartsenberg', 'utf8')];
    const files = readdirSync(vaultPath).filter((f) => f.startsWith('vault.db'));
    expect(files).toContain('vault.db');
    for (const f of files) {
      const bytes = readFileSync(path.join(vaultPath, f));
      expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
      for (const needle of needles) expect(bytes.includes(needle), `${f} contains the planted name`).toBe(false);
    }
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect((await call<{ id: string }[]>('dossier.list', {})).map((d) => d.id)).toEqual([keep.id]);
  });
});

describe('audit log', () => {
  it('records vault and dossier events with the configured user name, without personal data', async () => {
    const { recoveryCode } = await createVault();
    await call('settings.update', { userName: 'Merel de Wit' });
    const d = await call('dossier.create', { data: household() });
    await call('dossier.get', { id: d.id });
    await call('dossier.update', { id: d.id, data: household({ children: [] }) });
    await call('dossier.close', { id: d.id });
    await call('vault.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: `${PASSPHRASE}!` });
    await call('vault.lock');
    await call('vault.unlock', { passphrase: `${PASSPHRASE}!` });
    await call('vault.lock');
    await call('vault.unlockWithRecoveryCode', { recoveryCode, newPassphrase: PASSPHRASE });

    const entries = await call<{ action: string; actor: string; detail: string | null; dossierNumber: string | null }[]>('audit.list', {});
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'vault.created',
      'settings.changed',
      'dossier.created',
      'dossier.opened',
      'dossier.changed',
      'dossier.closed',
      'vault.passphrase_changed',
      'vault.locked',
      'vault.unlocked',
      'vault.locked',
      'vault.recovered',
    ]);
    expect(entries.find((e) => e.action === 'dossier.changed')).toMatchObject({ actor: 'Merel de Wit', detail: 'Kinderen: kind 1 verwijderd; kind 2 verwijderd', dossierNumber: d.number });
    expect(entries.find((e) => e.action === 'settings.changed')!.detail).toBe('Naam gebruiker');
    const text = JSON.stringify(entries);
    for (const pii of ['Anna', 'Jansen', 'Noor', BSNS[0]!, '3511', 'NL91']) expect(text).not.toContain(pii);
    const forDossier = await call<unknown[]>('audit.list', { dossierId: d.id, limit: 2 });
    expect(forDossier).toHaveLength(2);
  });

  it('is append-only: UPDATE and DELETE on it fail, even through raw SQL', async () => {
    await createVault();
    await call('dossier.create', { data: household() });
    const db = core.vault.db();
    const before = db.prepare('SELECT * FROM audit_log ORDER BY id').all();
    expect(before.length).toBeGreaterThan(0);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'iemand anders'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT * FROM audit_log ORDER BY id').all()).toEqual(before);
  });
});

describe('import', () => {
  const file = (dossiers: unknown[]) => ({ format: 'houvast.dossier', version: 1, dossiers });

  it('rejects the whole file with per-path Dutch reasons and imports nothing', async () => {
    await createVault();
    const good = household();
    const bad = household();
    bad.adults[0] = { ...bad.adults[0]!, bsn: '123456783' };
    (bad.address as { postcode: string }).postcode = '0123 AB';
    const err = await fail('dossier.import', { file: file([good, bad]) });
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toBe('Het bestand is niet geldig (2 fouten). Er is niets geïmporteerd.');
    expect(err.issues).toEqual(
      expect.arrayContaining([
        { path: 'dossiers.1.adults.0.bsn', message: BSN_ERROR },
        { path: 'dossiers.1.address.postcode', message: 'Dit is geen geldige postcode: een postcode begint niet met een 0.' },
      ]),
    );
    expect(await call('dossier.list', {})).toEqual([]);
    expect((await call<{ action: string }[]>('audit.list', {})).map((e) => e.action)).toEqual(['vault.created']);

    for (const garbage of [null, 'tekst', [], { format: 'iets anders', version: 1, dossiers: [good] }, file([])]) {
      expect((await fail('dossier.import', { file: garbage })).code).toBe('VALIDATION');
    }
    expect(await call('dossier.list', {})).toEqual([]);
  });

  it('imports all dossiers of a valid file, keeping free numbers and renumbering taken ones', async () => {
    await createVault();
    const existing = await call('dossier.create', { data: household() });
    const result = await call<{ imported: { id: string; number: string }[] }>('dossier.import', {
      file: file([household({ number: existing.number }), household({ number: 'OUD-17' }), household()]),
      // The same household as `existing`: imported as copies, as asked.
      onDuplicate: 'copy',
    });
    expect(result.imported.map((i) => i.number)).toEqual(['2026-0002', 'OUD-17', '2026-0003']);
    expect(await call('dossier.list', {})).toHaveLength(4);
    const log = await call<{ action: string }[]>('audit.list', {});
    expect(log.filter((e) => e.action === 'dossier.imported')).toHaveLength(3);
  });
});

describe('export', () => {
  it('needs the passphrase again; a wrong one exports nothing and keeps the vault as it was', async () => {
    await createVault();
    const d = await call('dossier.create', { data: household({ notes: [{ text: 'Eerste notitie', author: 'M.' }] }) });

    expect((await fail('dossier.export', { id: d.id })).code).toBe('VALIDATION');
    const wrong = await fail('dossier.export', { id: d.id, passphrase: 'niet het wachtwoord' });
    expect(wrong).toMatchObject({ code: 'WRONG_PASSPHRASE', message: 'Het wachtwoord is onjuist. Er is niets gewijzigd.' });
    expect((await call('vault.status')).state).toBe('unlocked');
    expect((await call<{ action: string }[]>('audit.list', {})).map((e) => e.action)).not.toContain('dossier.exported');

    const exported = await call<{ fileName: string; content: string }>('dossier.export', { id: d.id, passphrase: PASSPHRASE });
    expect(exported.fileName).toBe(`dossier-${d.number}.json`);
    const parsedFile = interchangeSchema.parse(JSON.parse(exported.content));
    expect(parsedFile.dossiers).toHaveLength(1);
    expect(parsedFile.dossiers[0]!.adults[0]!.bsn).toBe(BSNS[0]);
    expect(parsedFile.dossiers[0]!.number).toBe(d.number);
    expect(exported.content).not.toContain(d.id); // vault-internal ids stay inside
    expect((await call<{ action: string; dossierId: string }[]>('audit.list', {}))[0]).toMatchObject({ action: 'dossier.exported', dossierId: d.id });

    // Round trip: importing the export into another vault gives the same household.
    await call('vault.create', { name: 'Ander kantoor', passphrase: PASSPHRASE });
    const { imported } = await call<{ imported: { id: string }[] }>('dossier.import', { file: JSON.parse(exported.content) });
    const copy = await call('dossier.get', { id: imported[0]!.id });
    const strip = (x: any) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'id' || k === 'createdAt' || k === 'updatedAt' ? undefined : v)));
    expect(strip(copy)).toEqual(strip(d));
  });

  it('answers LOCKED when the vault is locked', async () => {
    await createVault();
    const d = await call('dossier.create', { data: household() });
    await call('vault.lock');
    expect((await fail('dossier.export', { id: d.id, passphrase: PASSPHRASE })).code).toBe('LOCKED');
  });
});

describe('settings, events and auto-lock', () => {
  it('applies and remembers the auto-lock setting, and pushes a status event when it locks itself', async () => {
    await createVault();
    expect(await call('settings.get')).toEqual({ autoLockMinutes: 10, userName: 'Medewerker' });
    const err = await fail('settings.update', { autoLockMinutes: 0 });
    expect(err).toMatchObject({ code: 'VALIDATION', message: 'Automatisch vergrendelen kan na minstens 1 minuut.' });

    expect(await call('settings.update', { autoLockMinutes: 3 })).toEqual({ autoLockMinutes: 3, userName: 'Medewerker' });
    const status = await call('vault.status');
    expect(status.autoLockMinutes).toBe(3);
    expect(status.autoLockAt).toBe(clock.now() + 3 * 60_000);

    // A fresh core (the next start of the app) reads the setting from the vault on unlock.
    await core.dispose();
    core = createCore({ dataDir, resourcesDir: defaultResourcesDir(), logger: silentLogger, kdf: CHEAP_KDF, clock, timers });
    transport = createInProcessTransport(core);
    core.onEvent((event, payload) => {
      if (event === 'vault.status') events.push(payload);
    });
    const known = (await call('app.info')).knownVaults;
    expect(known.map((v: { name: string }) => v.name)).toEqual(['Kantoor']);
    await call('vault.open', { path: known[0].path });
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect((await call('vault.status')).autoLockMinutes).toBe(3);

    events.length = 0;
    clock.advance(3 * 60_000);
    timers.fireAll();
    expect(events.map((e: any) => e.state)).toEqual(['locked']);
    expect((await fail('dossier.list', {})).code).toBe('LOCKED');
  });

  it('answers app.info and NO_VAULT before any vault exists', async () => {
    const info = await call('app.info');
    expect(info).toMatchObject({ knownVaults: [], demoPassphrase: DEMO_PASSPHRASE, defaultVaultFolder: path.join(dataDir, 'vaults') });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect((await fail('dossier.list', {})).code).toBe('NO_VAULT');
    expect((await fail('settings.get', {})).code).toBe('NO_VAULT');
  });
});

describe('demo vault', () => {
  it('creates a locked demo vault with every demo household, all fictitious, and reuses it', async () => {
    const demoDir = path.join(defaultResourcesDir(), 'demo');
    const expected = readdirSync(demoDir)
      .filter((f) => f.endsWith('.json'))
      .reduce((n, f) => n + (JSON.parse(readFileSync(path.join(demoDir, f), 'utf8')) as { dossiers: unknown[] }).dossiers.length, 0);
    expect(expected).toBeGreaterThan(0);

    const first = await call('vault.createDemo');
    expect(first.passphrase).toBe(DEMO_PASSPHRASE);
    expect(first.status).toMatchObject({ state: 'locked', vault: { demo: true, path: path.join(dataDir, 'vaults', 'demo.houvast') } });
    expect(existsSync(path.join(dataDir, 'vaults', 'demo.houvast', 'vault.key.json'))).toBe(true);

    await call('vault.unlock', { passphrase: DEMO_PASSPHRASE });
    const list = await call<{ fictitious: boolean }[]>('dossier.list', {});
    expect(list).toHaveLength(expected);
    expect(list.every((d) => d.fictitious)).toBe(true);
    // Demo 07 comes with its budget inputs (resources/demo/invoer/): its BVV is computed at once. Hand computation
    // in tests/integration/budget/cli.test.ts: 1882.88 on 15-07-2026.
    const working = (await call<{ id: string; displayName: string }[]>('dossier.list', {})).find((d) => d.displayName.startsWith('Verhoeven'))!;
    const view = await call<{ result: { beslagvrijeVoet: { value: string | null } } }>('budget.get', { id: working.id, date: '2026-07-15' });
    expect(view.result.beslagvrijeVoet.value).toBe('1882.88');
    // The demo families carry fictitious systeemfouten with their (past) registration dates.
    const signals = await call<{ mechanism: string; recordedOn: string }[]>('signals.list', {});
    const demoSignals = JSON.parse(readFileSync(path.join(defaultResourcesDir(), 'demo', 'systeemfouten', 'demo-signals.json'), 'utf8')).signals;
    expect(signals.length).toBe(Object.values(demoSignals as Record<string, unknown[]>).flat().length);
    expect(signals.map((s) => s.mechanism)).toContain('M1.2');
    expect((await call<unknown[]>('signals.list', { quarter: '2026-Q3' })).length).toBe(signals.length);

    // Whatever is added to the demo vault is marked fictitious too.
    const added = await call('dossier.create', { data: household({ fictitious: false }) });
    expect(added.fictitious).toBe(true);
    const edited = await call('dossier.update', { id: added.id, data: household({ fictitious: false, children: [] }) });
    expect(edited.fictitious).toBe(true);
    await call('dossier.delete', { id: added.id, confirmNumber: added.number });

    const again = await call('vault.createDemo');
    expect(again.status.state).toBe('locked');
    await call('vault.unlock', { passphrase: DEMO_PASSPHRASE });
    expect(await call('dossier.list', {})).toHaveLength(expected);
  });
});
