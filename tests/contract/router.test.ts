// The contract at the router (ENGINEERING.md checklist 4 and 12): every procedure has input and output
// schemas and a handler; unknown names are refused; random names and payloads always get an envelope;
// a locked vault answers LOCKED for every procedure that needs it; no output carries key material.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, defaultResourcesDir, type Core } from '../../src/core/app';
import { silentLogger } from '../../src/core/logger';
import { ERROR_CODES, type Envelope } from '../../src/shared/contract/errors';
import { PROCEDURE_NAMES, contract, type ProcedureInput, type ProcedureName } from '../../src/shared/contract/procedures';
import { CHEAP_KDF } from '../support/core';
import { dataKeyFromKeyfile } from '../integration/vault/helpers';

const PASSPHRASE = 'router test wachtwoord';

const HOUSEHOLD: ProcedureInput<'dossier.create'>['data'] = {
  status: 'aanmelding',
  typeOfHelp: 'budgetbeheer',
  professional: 'Merel de Wit',
  adults: [{ role: 'aanvrager', firstName: 'Anna', lastName: 'Jansen', birthDate: '1985-04-12', bsn: '111222333' }],
  children: [],
  address: { street: 'Lindelaan', houseNumber: '3', postcode: '3511AB', city: 'Utrecht' },
  bankAccounts: [{ iban: 'NL91 ABNA 0417 1643 00' }],
  incomes: [],
  expenses: [],
  debts: [],
};

/** A valid input for every procedure; TypeScript makes this list complete. */
const SAMPLES: { [K in ProcedureName]: ProcedureInput<K> } = {
  'app.info': {},
  'vault.status': {},
  'core.restart': {},
  'job.cancel': { jobId: 'taak-12345678' },
  'vault.create': { name: 'Kluis', passphrase: PASSPHRASE },
  'vault.createDemo': {},
  'vault.recoveryKit': { recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH' },
  'vault.open': { path: '/bestaat/niet' },
  'vault.unlock': { passphrase: PASSPHRASE },
  'vault.unlockWithRecoveryCode': { recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH', newPassphrase: PASSPHRASE },
  'vault.lock': {},
  'vault.close': {},
  'vault.changePassphrase': { currentPassphrase: PASSPHRASE, newPassphrase: `${PASSPHRASE}!` },
  'vault.backup': {},
  'vault.listBackups': {},
  'vault.restoreBackup': { id: '2026-03-01T09-00-00.000Z-auto.db', passphrase: PASSPHRASE },
  'session.touch': {},
  'settings.get': {},
  'settings.update': { autoLockMinutes: 5 },
  'settings.office.get': {},
  'settings.office.update': { name: 'Bureau Houvast', postcode: '1234 AB' },
  'dossier.list': { query: 'jan' },
  'dossier.search': { query: 'jan', sort: { key: 'name', dir: 'asc' }, offset: 0, limit: 25 },
  'dossier.get': { id: 'x' },
  'dossier.create': { data: HOUSEHOLD },
  'dossier.update': { id: 'x', data: HOUSEHOLD },
  'dossier.saveItem': { id: 'x', kind: 'income', item: { description: 'Loon', category: 'loon', amount: '1834.50', frequency: 'maand' } },
  'dossier.removeItem': { id: 'x', kind: 'income', itemId: 'i1' },
  'dossier.saveDetails': { id: 'x', details: { status: 'aanmelding', typeOfHelp: 'beschermingsbewind', professional: 'M. de Vries', address: null } },
  'dossier.restoreItem': { id: 'x', removed: { kind: 'income', index: 0, item: { id: 'i1', description: 'Loon', category: 'loon', amount: '1834.50', frequency: 'maand' } } },
  'dossier.monthlyLines': { id: 'x' },
  'dossier.debtTotals': { id: 'x' },
  'dossier.addNote': { id: 'x', text: 'Notitie' },
  'dossier.check': { adults: [{ birthDate: '1985-04-12', bsn: '111222333' }], children: [] },
  'dossier.close': { id: 'x' },
  'dossier.delete': { id: 'x', confirmNumber: '2026-0001' },
  'dossier.import': { file: { format: 'houvast.dossier', version: 1, dossiers: [HOUSEHOLD] } },
  'dossier.export': { id: 'x', passphrase: PASSPHRASE },
  'audit.list': { limit: 10 },
  'audit.verify': {},
  'drafts.save': { form: 'dossier:nieuw', label: 'Nieuw dossier', data: { adults: [] } },
  'drafts.get': { form: 'dossier:nieuw' },
  'drafts.list': {},
  'drafts.discard': { form: 'dossier:nieuw' },
  'budget.get': { id: 'x', date: '2026-03-01' },
  'budget.batch': { date: '2026-07-01', page: { offset: 0, limit: 10 } },
  'budget.saveInputs': {
    id: 'x',
    inputs: { statedBvv: { amount: '1500.00', date: '2026-02-01', statedBy: 'Deurwaarder' }, kostendelers: 0, vtlbCorrections: [{ kind: 'woon_werk', amount: '25.00', note: 'Reiskosten' }] },
  },
  'budget.createPlan': { id: 'x', date: '2026-03-01' },
  'documents.list': { dossierId: 'x' },
  'documents.get': { id: 'x' },
  'norms.list': {},
  'norms.removeUserFile': { id: 'no-such-file' },
  'signals.list': { quarter: '2026-Q3', childEffect: true },
  'signals.create': { dossierId: 'x', data: { instantie: 'toeslagen', mechanism: 'M1.2' } },
  'signals.update': { id: 'x', data: { instantie: 'cjib', mechanism: 'M3.1', effects: ['stress'] } },
  'signals.delete': { id: 'x' },
  'report.preview': { period: '2026-Q3' },
  'report.export': { period: '2026-Q3', previewHash: 'a'.repeat(64) },
  'report.download': { exportId: 'x' },
  'association.merge': { files: [{ name: 'a.json', text: '{}' }], register: '{}' },
  'report.publicKey': {},
  'report.ledger': {},
  'norms.import': { file: { format: 'houvast.norms' } },
  'norms.addPeriod': { group: 'aow_leeftijd', start: '2028-01-01', figures: { age_years: '67', age_extra_months: '3' }, source: 'https://www.svb.nl/nl/aow/aow-leeftijd' },
  // Creditor board, payments and letters
  'board.get': { dossierId: 'x' },
  'board.addEvent': { dossierId: 'x', debtId: 'y', step: 'akkoord', date: '2026-03-01' },
  'board.removeEvent': { dossierId: 'x', eventId: 'e' },
  'board.saveSettings': { dossierId: 'x', deadlineDays: 120, replyDays: 30, startDate: null },
  'payments.record': { dossierId: 'x', debtId: 'y', month: '2026-03', amount: '25.00', paidOn: '2026-03-05' },
  'payments.remove': { dossierId: 'x', paymentId: 'p' },
  'letters.create': { dossierId: 'x', kind: 'schuldenoverzicht' },
  'letters.list': { dossierId: 'x' },
  'letters.get': { id: 'x' },
  'letters.exportToFolder': { dossierId: 'x', folder: '/tmp' },
  'schemes.produceBatch': { schemeId: 'voorbeeld-bewind-zorgpremie', dossierIds: ['x'] },
  'schemes.conditions': { dossierId: 'x' },
  // Payment arrangements and zorgpremie schemes
  'arrangement.get': { id: 'x' },
  'arrangement.preview': { id: 'x', params: { months: 24, monthsReason: 'Ondernemer (Bbz)', factor: '1.5', leaveOut: ['y'] } },
  'arrangement.saveInputs': { id: 'x', params: { variant: 'saneringskrediet' } },
  'schemes.list': {},
  'schemes.save': {
    scheme: {
      format: 'houvast.scheme', version: 1, id: 'test-regeling', name: 'Test', creditor: { name: 'ZV', matchNames: ['ZV'] }, gemeente: 'Utrecht',
      route: 'bewind', maxMonths: 36, minMonthly: '35.00', maxMonthly: null, conditions: { currentPremiumPaid: true, noNewArrears: true, other: [] },
      forgiveRemainder: true, validFrom: '2026-01-01', source: [], notes: [],
    },
  },
  'schemes.remove': { id: 'no-such-scheme' },
  'schemes.family': { schemeId: 'voorbeeld-bewind-zorgpremie', dossierId: 'x' },
  'schemes.batch': { schemeId: 'voorbeeld-bewind-zorgpremie', filters: { children: 'met' } },
  'schemes.setParticipant': { schemeId: 'voorbeeld-bewind-zorgpremie', dossierId: 'x', status: 'voorgesteld' },
  'schemes.dashboard': { schemeId: 'voorbeeld-bewind-zorgpremie' },
  'association.store.get': {},
  'association.store.registerKey': { office: 'Kantoor Noord', publicKeyPem: 'geen sleutel' },
  'association.store.revokeKey': { keyId: 'x' },
  'association.store.receive': { files: [{ name: 'a.json', text: '{}' }] },
  'association.store.publish': { year: '2026' },
  'association.store.publication': { id: 'x' },
};

let dataDir: string;
let core: Core;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'houvast-router-'));
  core = createCore({ dataDir, resourcesDir: defaultResourcesDir(), logger: silentLogger, kdf: CHEAP_KDF });
});
afterAll(async () => {
  await core.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

const handle = (name: unknown, input: unknown) => core.router.handle(name, input);

function expectEnvelope(env: unknown): void {
  expect(env).toBeTypeOf('object');
  const e = env as Envelope<unknown>;
  expect(typeof e.ok).toBe('boolean');
  if (!e.ok) {
    expect(ERROR_CODES).toContain(e.error.code);
    expect(e.error.message.length).toBeGreaterThan(0);
    // INTERNAL would mean a handler crashed on input the schema let through.
    expect(e.error.code, JSON.stringify(e.error)).not.toBe('INTERNAL');
  }
}

describe('the contract', () => {
  it('gives every procedure an input and an output zod schema, a summary and a lock flag', () => {
    expect(PROCEDURE_NAMES.length).toBeGreaterThan(10);
    for (const name of PROCEDURE_NAMES) {
      const def = contract[name];
      expect(def.input, name).toBeInstanceOf(z.ZodType);
      expect(def.output, name).toBeInstanceOf(z.ZodType);
      expect(typeof def.unlocked, name).toBe('boolean');
      expect(def.summary.length, name).toBeGreaterThan(0);
    }
  });

  it('has sample inputs that its own schemas accept (so the lock test below reaches the guard)', () => {
    for (const name of PROCEDURE_NAMES) {
      expect(contract[name].input.safeParse(SAMPLES[name]).success, name).toBe(true);
    }
  });

  it('names no output field like key material (walking the JSON Schema of every output)', () => {
    // Shown once on purpose: the recovery code at creation, and the demo vault's public passphrase.
    const ALLOWED: Partial<Record<ProcedureName, string[]>> = {
      'vault.create': ['recoveryCode'],
      'vault.createDemo': ['passphrase'],
      'app.info': ['demoPassphrase'],
      // The office report key's PUBLIC part, exported for registration with the association.
      'report.publicKey': ['keyId', 'publicKeyPem'],
      // "key" of a report cell is its coordinates (codes), not key material.
      'report.preview': ['key'],
      'association.merge': ['key'],
      'report.export': ['keyId'],
      'report.download': ['keyId'],
      'report.ledger': ['keyId'],
      // The association's register of office keys: PUBLIC keys by their id (the PEM itself is never sent back).
      'association.store.get': ['keys', 'keyId'],
      'association.store.registerKey': ['keys', 'keyId'],
      'association.store.revokeKey': ['keys', 'keyId'],
      'association.store.receive': ['keys', 'keyId'],
      // Report cells' coordinates, as in association.merge.
      'association.store.publish': ['key'],
      'association.store.publication': ['key'],
    };
    const FORBIDDEN = new Set(['key', 'keys', 'dek', 'kek', 'secret', 'secrets', 'salt', 'wrapped', 'wrap', 'cipher', 'ciphertext', 'nonce', 'iv', 'tag', 'token', 'password', 'passphrase', 'recovery', 'hex', 'kdf', 'argon']);
    const words = (field: string) => field.split(/(?=[A-Z])|[_\-.\s]/).map((w) => w.toLowerCase()).filter(Boolean);

    for (const name of PROCEDURE_NAMES) {
      const fields = new Set<string>();
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(walk);
        if (!node || typeof node !== 'object') return;
        const obj = node as Record<string, unknown>;
        if (obj.properties && typeof obj.properties === 'object') {
          for (const key of Object.keys(obj.properties)) fields.add(key);
        }
        Object.values(obj).forEach(walk);
      };
      for (const io of ['output', 'input'] as const) {
        walk(z.toJSONSchema(contract[name].output, { io, unrepresentable: 'any' }));
      }
      expect(fields.size, `${name} has no fields?`).toBeGreaterThan(0);
      for (const field of fields) {
        if (ALLOWED[name]?.includes(field)) continue;
        const bad = words(field).filter((w) => FORBIDDEN.has(w));
        expect(bad, `${name} output field "${field}"`).toEqual([]);
      }
    }
  });
});

describe('the router', () => {
  it('has a handler for every procedure (none answers UNKNOWN_PROCEDURE)', async () => {
    for (const name of PROCEDURE_NAMES) {
      if (name === 'vault.create' || name === 'vault.createDemo') continue; // they build vaults; used below
      const env = await handle(name, SAMPLES[name]);
      expectEnvelope(env);
      if (!env.ok) expect(env.error.code, name).not.toBe('UNKNOWN_PROCEDURE');
    }
  });

  it('refuses unknown names', async () => {
    for (const name of ['dossier.drop', 'vault', '', ' app.info', 'APP.INFO', '__proto__', 'constructor', 'hasOwnProperty', 'toString', 42, null, undefined, {}, ['app.info']]) {
      const env = await handle(name, {});
      expect(env, String(name)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: 'Onbekende opdracht.' } });
    }
  });

  it('answers NO_VAULT for every procedure that needs an unlocked vault while none is open', async () => {
    for (const name of PROCEDURE_NAMES.filter((n) => contract[n].unlocked)) {
      expect(await handle(name, SAMPLES[name]), name).toMatchObject({ ok: false, error: { code: 'NO_VAULT' } });
    }
  });

  it('answers LOCKED for every procedure that needs an unlocked vault while it is locked', async () => {
    const created = await handle('vault.create', SAMPLES['vault.create']);
    expect(created.ok).toBe(true);
    expect((await handle('vault.lock', {})).ok).toBe(true);
    const needUnlocked = PROCEDURE_NAMES.filter((n) => contract[n].unlocked);
    expect(needUnlocked).toEqual(expect.arrayContaining(['dossier.list', 'dossier.get', 'dossier.export', 'audit.list', 'settings.get']));
    for (const name of needUnlocked) {
      expect(await handle(name, SAMPLES[name]), name).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    }
    // And the ones that do not need it still answer.
    for (const name of ['app.info', 'vault.status'] as const) expect((await handle(name, {})).ok, name).toBe(true);
    expect((await handle('vault.unlock', { passphrase: PASSPHRASE })).ok).toBe(true);
  });

  it('answers random names and payloads with an envelope, never a throw, locked or unlocked', async () => {
    const call = fc.record({
      name: fc.oneof(
        fc.constantFrom(...PROCEDURE_NAMES.filter((n) => n !== 'vault.createDemo' && n !== 'vault.create' && n !== 'vault.close' && n !== 'vault.open')),
        fc.string(),
        fc.constantFrom('__proto__', 'constructor', 'dossier.', 'toString'),
      ),
      input: fc.oneof(
        fc.jsonValue(),
        fc.anything(),
        fc.dictionary(fc.constantFrom('id', 'query', 'passphrase', 'data', 'status', 'typeOfHelp', 'path', 'limit', 'file', 'text', 'confirmNumber', 'dossierId', 'autoLockMinutes', 'userName'), fc.jsonValue()),
      ),
    });
    for (const state of ['unlocked', 'locked'] as const) {
      if (state === 'locked') await handle('vault.lock', {});
      await fc.assert(
        fc.asyncProperty(call, async ({ name, input }) => {
          let env: unknown;
          await expect((async () => (env = await handle(name, input)))()).resolves.not.toThrow();
          expectEnvelope(env);
        }),
        { numRuns: 300 },
      );
    }
  });

  it('never hands out the data key, in any answer of a full session', async () => {
    await handle('vault.unlock', { passphrase: PASSPHRASE });
    // The key as anyone with the passphrase can unwrap it from the keyfile (no hook into the manager).
    const keys = [await dataKeyFromKeyfile(core.vault.status().vault!.path, PASSPHRASE)];
    const needles = keys.flatMap((k) => [k.toString('hex'), k.toString('hex').toUpperCase(), k.toString('base64')]);
    const answers: unknown[] = [];
    const created = await handle('dossier.create', { data: HOUSEHOLD });
    answers.push(created);
    const id = created.ok ? (created.value as { id: string }).id : 'x';
    for (const name of PROCEDURE_NAMES) {
      if (['vault.create', 'vault.createDemo', 'vault.lock', 'vault.close', 'vault.open', 'dossier.delete', 'vault.changePassphrase'].includes(name)) continue;
      const input = JSON.parse(JSON.stringify(SAMPLES[name]).replace(/"id":"x"/g, `"id":"${id}"`));
      answers.push(await handle(name, input));
    }
    answers.push(await handle('vault.status', {}));
    // The session really went through: the export (which holds the most) succeeded.
    expect(answers.some((a) => (a as Envelope<{ fileName?: string }>).ok && (a as { value: { fileName?: string } }).value.fileName)).toBe(true);
    const text = JSON.stringify(answers);
    for (const needle of needles) expect(text).not.toContain(needle);
    // Nothing shaped like a raw 256-bit key either. Allowlisted: the office report key's PUBLIC id (a SHA-256
    // of the public key, registered with the association) and the SHA-256 hashes of a report.
    const PUBLIC_HEX_FIELDS = new Set(['keyId', 'payloadSha256', 'previewHash']);
    const shaped = JSON.stringify(answers, (k, v: unknown) => (PUBLIC_HEX_FIELDS.has(k) ? '[public]' : v));
    expect(shaped).not.toMatch(/[0-9a-fA-F]{64}/);
  });
});
