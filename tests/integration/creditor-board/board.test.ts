// Creditor board, payments and letters through the real core on a real encrypted vault (router calls, as every
// shell makes them). The proposal uses a stated afloscapaciteit so the figures can be derived by hand:
// 100,00 x 18 months = 1.800,00; claims concurrent 2.000 + 1.000, preferent 1.000, factor 2:
// p_conc = 1800 / (3000 + 2 x 1000) = 36 %, p_pref = 72 %; offers 720,00 + 360,00 + 720,00 = 1.800,00.
// The CJIB fine (250,00) stays out of the regeling (RULES.md d.1), so it is not on the board.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, defaultResourcesDir, type Core } from '../../../src/core/app';
import { silentLogger } from '../../../src/core/logger';
import type { Envelope } from '../../../src/shared/contract/errors';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../src/shared/contract/procedures';
import { CHEAP_KDF } from '../../support/core';
import { extractPdf, squash } from '../budget-pdf/helpers';
import { TestClock } from '../services/helpers';

const PASSPHRASE = 'schuldeisers test wachtwoord';
const BSN = '111222333';
const DAY = 86_400_000;

let dataDir: string;
let core: Core;
let clock: TestClock;

async function tryCall<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<Envelope<ProcedureOutput<K>>> {
  return (await core.router.handle(name, input)) as Envelope<ProcedureOutput<K>>;
}
async function call<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>> {
  const env = await tryCall(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
  return env.value;
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'houvast-board-'));
  clock = new TestClock(Date.UTC(2026, 11, 1, 10, 0)); // 1 December 2026
  core = createCore({ dataDir, resourcesDir: defaultResourcesDir(), logger: silentLogger, kdf: CHEAP_KDF, clock });
  await call('vault.create', { name: 'Kantoor', passphrase: PASSPHRASE });
});
afterEach(async () => {
  await core.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

async function family() {
  const d = await call('dossier.create', {
    data: {
      status: 'schuldregeling',
      typeOfHelp: 'schuldhulpverlening',
      professional: 'Merel de Wit',
      adults: [{ role: 'aanvrager', firstName: 'Ilse', lastName: 'Veenstra', birthDate: '1990-04-12', bsn: BSN }],
      children: [{ firstName: 'Pieter', lastName: 'Veenstra', birthDate: '2015-05-01', livingInHousehold: true }],
      address: { street: 'Nieuwestad', houseNumber: '3', postcode: '8911 AA', city: 'Leeuwarden' },
      bankAccounts: [],
      incomes: [{ description: 'Loon', category: 'loon', amount: '2100.00', frequency: 'maand', personRole: 'aanvrager' }],
      expenses: [{ description: 'Huur', category: 'huur', amount: '750.00', frequency: 'maand' }],
      debts: [
        { creditor: 'Woonstad Leeuwarden', reference: 'HUUR-2291', originalAmount: '2000.00', currentAmount: '2000.00', kind: 'concurrent', status: 'open', creditorKind: 'verhuurder' },
        { creditor: 'Vattenfall', originalAmount: '1000.00', currentAmount: '1000.00', kind: 'concurrent', status: 'open', creditorKind: 'energie' },
        { creditor: 'Belastingdienst', reference: 'IB-2024', originalAmount: '1000.00', currentAmount: '1000.00', kind: 'preferent', status: 'open', creditorKind: 'belastingdienst' },
        { creditor: 'CJIB', reference: 'CJ-1', originalAmount: '250.00', currentAmount: '250.00', kind: 'concurrent', status: 'open', creditorKind: 'cjib' },
      ],
    },
  });
  await call('arrangement.saveInputs', {
    id: d.id,
    params: {
      capacityOverride: { amount: '100.00', reason: 'Vastgesteld met de VTLB-calculator' },
      holidayPayOverride: { amount: '0.00', reason: 'Geen vakantiegeld' },
    },
  });
  const id = (creditor: string) => d.debts.find((x) => x.creditor === creditor)!.id!;
  return { dossier: d, woonstad: id('Woonstad Leeuwarden'), vattenfall: id('Vattenfall'), belasting: id('Belastingdienst'), cjib: id('CJIB') };
}

describe('creditor board on a real vault', () => {
  it('holds the proposal\'s creditors with their offers and walks the steps until the regeling is in force', async () => {
    const f = await family();
    let b = await call('board.get', { dossierId: f.dossier.id });
    expect(b.creditors.map((c) => c.creditor)).toEqual(['Woonstad Leeuwarden', 'Vattenfall', 'Belastingdienst']);
    expect(b.targetSource).toBe('voorstel');
    expect(b.progress.creditors.map((c) => c.target)).toEqual(['720.00', '360.00', '720.00']);
    expect(b.progress.target).toBe('1800.00');
    expect(b.regeling).toBe('niet_gestart');

    for (const debtId of [f.woonstad, f.vattenfall, f.belasting]) await call('board.addEvent', { dossierId: f.dossier.id, debtId, step: 'voorstel_verstuurd', date: '2026-11-01' });
    // 1 November + 30 days = 1 December; on 2 December (clock + 1 day) the replies are 1 day late.
    // Deadline: 1 November + 120 days = 1 March 2027 (30 + 31 + 31 + 28 = 120); day 31, 89 left.
    clock.advance(DAY);
    b = await call('board.get', { dossierId: f.dossier.id });
    expect(b.reminders).toHaveLength(3);
    expect(b.reminders[0]).toContain('Woonstad Leeuwarden heeft niet gereageerd op het betaalvoorstel van 01-11-2026; een reactie werd uiterlijk 01-12-2026 verwacht (1 dag te laat).');
    expect(b.clock).toMatchObject({ startDate: '2026-11-01', deadline: '2027-03-01', daysElapsed: 31, daysLeft: 89 });

    await call('board.addEvent', { dossierId: f.dossier.id, debtId: f.woonstad, step: 'akkoord', date: '2026-11-20' });
    await call('board.addEvent', { dossierId: f.dossier.id, debtId: f.vattenfall, step: 'akkoord', date: '2026-11-22' });
    b = await call('board.addEvent', { dossierId: f.dossier.id, debtId: f.belasting, step: 'afwijzing', date: '2026-11-28', note: 'Wil 100 %' });
    expect(b.regeling).toBe('weigering');
    // Agreed 2000 + 1000 = 3000 of 4000 = 75,00 %; refused 1000 = 25,00 %; offered 720,00.
    expect(b.dwangakkoord).toMatchObject({ totalClaims: '4000.00', agreedClaims: '3000.00', agreedSharePct: '75.00', refusingClaims: '1000.00', refusingSharePct: '25.00' });
    expect(b.dwangakkoord!.refusing).toEqual([{ debtId: f.belasting, creditor: 'Belastingdienst', claim: '1000.00', offered: '720.00', state: 'afwijzing' }]);

    await call('board.addEvent', { dossierId: f.dossier.id, debtId: f.belasting, step: 'heroverweging', date: '2026-11-29' });
    b = await call('board.addEvent', { dossierId: f.dossier.id, debtId: f.belasting, step: 'akkoord', date: '2026-12-02' });
    expect(b.regeling).toBe('van_kracht');
    expect(b.inForceSince).toBe('2026-12-02');
    expect(b.reminders).toEqual([]);

    // The log says what happened without names or amounts.
    const log = await call('audit.list', { dossierId: f.dossier.id });
    expect(log.map((e) => e.detail)).toContain('Schuldeisersbord: Akkoord');
    expect(JSON.stringify(log)).not.toMatch(/Belastingdienst|Veenstra|720/);
  });

  it('refuses bad steps in Dutch and changes nothing', async () => {
    const f = await family();
    const future = await tryCall('board.addEvent', { dossierId: f.dossier.id, debtId: f.woonstad, step: 'akkoord', date: '2026-12-02' });
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Een stap kan niet in de toekomst liggen.' } });
    const cjib = await tryCall('board.addEvent', { dossierId: f.dossier.id, debtId: f.cjib, step: 'saldoverzoek', date: '2026-11-01' });
    expect(cjib).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Deze schuld staat niet (meer) op het schuldeisersbord.' } });
    const amount = await tryCall('board.addEvent', { dossierId: f.dossier.id, debtId: f.woonstad, step: 'akkoord', date: '2026-11-01', amount: '10.00' });
    expect(amount).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const badStep = await tryCall('board.addEvent', { dossierId: f.dossier.id, debtId: f.woonstad, step: 'gebeld' as never, date: '2026-11-01' });
    expect(badStep).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Kies een stap.' } });
    expect((await call('board.get', { dossierId: f.dossier.id })).creditors.every((c) => c.events.length === 0)).toBe(true);
  });

  it('records payments per creditor and month, with progress, and keeps them across lock and unlock', async () => {
    const f = await family();
    for (const [month, paidOn] of [
      ['2026-10', '2026-10-28'],
      ['2026-11', '2026-11-27'],
    ] as const) {
      await call('payments.record', { dossierId: f.dossier.id, debtId: f.woonstad, month, amount: '40.00', paidOn });
      await call('payments.record', { dossierId: f.dossier.id, debtId: f.vattenfall, month, amount: '20.00', paidOn });
      await call('payments.record', { dossierId: f.dossier.id, debtId: f.belasting, month, amount: '40.00', paidOn });
    }
    await call('vault.lock', {});
    await call('vault.unlock', { passphrase: PASSPHRASE });
    const b = await call('board.get', { dossierId: f.dossier.id });
    // Woonstad 80 of 720 = 11,1 %; Vattenfall 40 of 360 = 11,1 %; Belastingdienst 80 of 720 = 11,1 %;
    // regeling 200 of 1.800 = 11,1 %, remaining 1.600,00.
    expect(b.progress.creditors.map((c) => [c.creditor, c.paid, c.remaining, c.percent, c.months])).toEqual([
      ['Woonstad Leeuwarden', '80.00', '640.00', '11.1', 2],
      ['Vattenfall', '40.00', '320.00', '11.1', 2],
      ['Belastingdienst', '80.00', '640.00', '11.1', 2],
    ]);
    expect([b.progress.paid, b.progress.remaining, b.progress.percent]).toEqual(['200.00', '1600.00', '11.1']);
    expect(b.progress.perMonth).toEqual([
      { month: '2026-10', paid: '100.00' },
      { month: '2026-11', paid: '100.00' },
    ]);
    expect(b.payments).toHaveLength(6);

    // Schuldbemiddeling: 2 of 18 months paid; the remaining 16 months at 100,00 = 1.600,00, shared 720:360:720
    // = 2:1:2 -> 640 / 320 / 640; totals 720 (36,00 %), 360 (36,00 %), 720 (72,00 %): as proposed.
    expect(b.recalculation).toMatchObject({ term: 18, monthsPaid: 2, remainingMonths: 16, monthlyCapacity: '100.00', remainingPot: '1600.00' });
    expect(b.recalculation!.lines.map((l) => [l.paid, l.expected, l.total, l.percent])).toEqual([
      ['80.00', '640.00', '720.00', '36.00'],
      ['40.00', '320.00', '360.00', '36.00'],
      ['80.00', '640.00', '720.00', '72.00'],
    ]);
    // The income drops: afloscapaciteit 50,00. 16 x 50 = 800 -> 320 / 160 / 320; totals 400 (20,00 %), 200 (20,00 %), 400 (40,00 %).
    await call('arrangement.saveInputs', {
      id: f.dossier.id,
      params: { capacityOverride: { amount: '50.00', reason: 'Inkomen gedaald na ontslag' }, holidayPayOverride: { amount: '0.00', reason: 'Geen vakantiegeld' } },
    });
    const lower = await call('board.get', { dossierId: f.dossier.id });
    expect(lower.recalculation!.lines.map((l) => [l.expected, l.total, l.percent])).toEqual([
      ['320.00', '400.00', '20.00'],
      ['160.00', '200.00', '20.00'],
      ['320.00', '400.00', '40.00'],
    ]);
    expect(lower.recalculation!.totals).toEqual({ claim: '4000.00', paid: '200.00', expected: '800.00', total: '1000.00' });
    // Progress is measured against the recalculated outcome: 200 of 1.000 = 20,0 %.
    expect([lower.progress.target, lower.progress.paid, lower.progress.remaining, lower.progress.percent]).toEqual(['1000.00', '200.00', '800.00', '20.0']);

    const zero = await tryCall('payments.record', { dossierId: f.dossier.id, debtId: f.woonstad, month: '2026-11', amount: '0.00', paidOn: '2026-11-28' });
    expect(zero).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Het bedrag moet groter zijn dan nul.' } });
    const month = await tryCall('payments.record', { dossierId: f.dossier.id, debtId: f.woonstad, month: '2026-13', amount: '5.00', paidOn: '2026-11-28' });
    expect(month).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Kies een maand (jjjj-mm).' } });

    const after = await call('payments.remove', { dossierId: f.dossier.id, paymentId: b.payments[0]!.id });
    expect(after.progress.paid).toBe('160.00');
  });

  it('recalculates a schuldbemiddeling when the income in the dossier changes (no override: the budget engine)', async () => {
    // Alleenstaande ouder, one child of 7, WW below the norm (A = 1.419,46), full kindgebonden budget (Wkgb 2026:
    // 2.580 + ALO-kop 3.416 = 5.996 a year), no rent or premium entered (corrections 0,00). BVV = 95 % of the
    // income (art. 475dc Rv); VTLB = BVV + eigen risico 385 / 12 = 32,08; afloscapaciteit = 5 % × income − 32,08.
    // WW 1.241,60: BVV 1.179,52, VTLB 1.211,60, afloscapaciteit 30,00; pot 30 × 18 = 540,00 over claims 2.000 and
    // 1.000 (concurrent): 18 %, offers 360,00 and 180,00.
    const d = await call('dossier.create', {
      data: {
        status: 'schuldregeling',
        typeOfHelp: 'schuldhulpverlening',
        professional: 'Merel de Wit',
        adults: [{ role: 'aanvrager', firstName: 'Kim', lastName: 'Laagland', birthDate: '1988-06-01' }],
        children: [{ firstName: 'Bo', lastName: 'Laagland', birthDate: '2019-05-05', livingInHousehold: true }],
        address: { street: 'Dijkstraat', houseNumber: '2', postcode: '8011 AA', city: 'Zwolle' },
        bankAccounts: [],
        incomes: [
          { description: 'WW', category: 'uitkering_uwv', amount: '1241.60', frequency: 'maand', personRole: 'aanvrager' },
          { description: 'Kindgebonden budget', category: 'kindgebonden_budget', amount: '5996.00', frequency: 'jaar' },
        ],
        expenses: [],
        debts: [
          { creditor: 'Woonstad Zwolle', originalAmount: '2000.00', currentAmount: '2000.00', kind: 'concurrent', status: 'open', creditorKind: 'verhuurder' },
          { creditor: 'Vattenfall', originalAmount: '1000.00', currentAmount: '1000.00', kind: 'concurrent', status: 'open', creditorKind: 'energie' },
        ],
      },
    });
    const view = await call('arrangement.get', { id: d.id });
    expect([view.proposal.monthlyCapacity.value, view.proposal.pot.value]).toEqual(['30.00', '540.00']);
    expect(view.proposal.creditors.map((c) => c.amount.value)).toEqual(['360.00', '180.00']);
    const [woonstad, vattenfall] = d.debts.map((x) => x.id!);
    for (const [month, paidOn] of [
      ['2026-10', '2026-10-28'],
      ['2026-11', '2026-11-27'],
    ] as const) {
      await call('payments.record', { dossierId: d.id, debtId: woonstad!, month, amount: '20.00', paidOn });
      await call('payments.record', { dossierId: d.id, debtId: vattenfall!, month, amount: '10.00', paidOn });
    }
    // 2 of 18 months paid; 16 × 30,00 = 480,00 shared 360:180 = 2:1 -> 320,00 and 160,00; totals 360 and 180 (18 %).
    let b = await call('board.get', { dossierId: d.id });
    expect(b.recalculation).toMatchObject({ monthsPaid: 2, remainingMonths: 16, monthlyCapacity: '30.00', remainingPot: '480.00' });
    expect(b.recalculation!.lines.map((l) => [l.paid, l.expected, l.total, l.percent])).toEqual([
      ['40.00', '320.00', '360.00', '18.00'],
      ['20.00', '160.00', '180.00', '18.00'],
    ]);

    // The WW drops to 1.041,60: BVV 989,52, VTLB 1.021,60, afloscapaciteit 20,00. 16 × 20,00 = 320,00, 2:1 ->
    // 213,333.. -> 213,33 and 106,666.. -> 106,67 (together 320,00); totals 253,33 (12,67 %) and 126,67 (12,67 %).
    await call('dossier.saveItem', { id: d.id, kind: 'income', item: { ...d.incomes[0]!, amount: '1041.60' } });
    b = await call('board.get', { dossierId: d.id });
    expect(b.recalculation).toMatchObject({ monthsPaid: 2, remainingMonths: 16, monthlyCapacity: '20.00', remainingPot: '320.00' });
    expect(b.recalculation!.lines.map((l) => [l.paid, l.expected, l.total, l.percent])).toEqual([
      ['40.00', '213.33', '253.33', '12.67'],
      ['20.00', '106.67', '126.67', '12.67'],
    ]);
    expect(b.recalculation!.totals).toEqual({ claim: '3000.00', paid: '60.00', expected: '320.00', total: '380.00' });
  });

  it('makes letters from the saved proposal, stores them encrypted and prints the BSN only when chosen', async () => {
    const f = await family();
    await call('settings.update', { userName: 'Merel de Wit', organisation: 'Schuldhulp Friesland' });
    const made = await call('letters.create', { dossierId: f.dossier.id, kind: 'voorstel', debtId: f.belasting, recordSent: true });
    expect(made.letter).toMatchObject({ kind: 'voorstel', fileName: 'voorstel-2026-0001-Belastingdienst-2026-12-01.pdf', includesBsn: false });
    const text = squash((await extractPdf(Buffer.from(made.contentBase64, 'base64'))).text);
    expect(text).toContain(squash('Wij bieden u 72,00% van uw vordering van € 1.000,00, dat is € 720,00, tegen finale kwijting.'));
    expect(text).toContain(squash('Totaal € 4.000,00 € 1.800,00'));
    expect(text).toContain(squash('uiterlijk 31-12-2026'));
    // The sender: the user and the organisation from Instellingen.
    expect(text).toContain(squash('Schuldhulp Friesland Merel de Wit Ons kenmerk: 2026-0001'));
    expect(text).toContain(squash('CJIB (CJ-1): € 250,00'));
    expect(text).toContain(squash('Afloscapaciteit vastgesteld op 100,00 euro: Vastgesteld met de VTLB-calculator'));
    expect(text).not.toContain(BSN);

    const withBsn = await call('letters.create', { dossierId: f.dossier.id, kind: 'schuldenoverzicht', includeBsn: true });
    expect(withBsn.letter.includesBsn).toBe(true);
    expect(squash((await extractPdf(Buffer.from(withBsn.contentBase64, 'base64'))).text)).toContain(squash(`BSN ${BSN}`));

    // Recorded as sent on the board.
    const b = await call('board.get', { dossierId: f.dossier.id });
    expect(b.creditors.find((c) => c.debtId === f.belasting)).toMatchObject({ state: 'wacht_op_reactie', lastDate: '2026-12-01', replyDue: '2026-12-31' });

    const list = await call('letters.list', { dossierId: f.dossier.id });
    expect(list.map((l) => l.kind)).toEqual(['schuldenoverzicht', 'voorstel']);
    const got = await call('letters.get', { id: made.letter.id });
    expect(got.contentBase64).toBe(made.contentBase64);
    const log = await call('audit.list', { dossierId: f.dossier.id });
    expect(log.some((e) => e.action === 'dossier.exported' && e.detail === `Document ${made.letter.fileName} opgehaald`)).toBe(true);

    const wrong = await tryCall('letters.create', { dossierId: f.dossier.id, kind: 'voorstel', debtId: f.cjib });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Kies een schuldeiser die in de regeling zit.' } });
  });

  it('travels with the dossier in the interchange file (version 2) and comes back on import', async () => {
    const f = await family();
    await call('board.saveSettings', { dossierId: f.dossier.id, deadlineDays: 90, replyDays: 21, startDate: '2026-10-01' });
    await call('board.addEvent', { dossierId: f.dossier.id, debtId: f.vattenfall, step: 'saldo_ontvangen', date: '2026-10-05', amount: '1010.00', note: 'Brief 5 oktober' });
    await call('board.addEvent', { dossierId: f.dossier.id, debtId: f.belasting, step: 'akkoord', date: '2026-11-01' });
    await call('payments.record', { dossierId: f.dossier.id, debtId: f.woonstad, month: '2026-11', amount: '40.00', paidOn: '2026-11-27' });

    const exported = await call('dossier.export', { id: f.dossier.id, passphrase: PASSPHRASE });
    const file = JSON.parse(exported.content);
    expect(file.version).toBe(2);
    // Debts by position: Woonstad 0, Vattenfall 1, Belastingdienst 2.
    expect(file.creditorBoards).toEqual([
      {
        dossier: 0,
        settings: { deadlineDays: 90, replyDays: 21, startDate: '2026-10-01' },
        events: [
          { debt: 1, step: 'saldo_ontvangen', date: '2026-10-05', note: 'Brief 5 oktober', amount: '1010.00' },
          { debt: 2, step: 'akkoord', date: '2026-11-01', note: null, amount: null },
        ],
        payments: [{ debt: 0, month: '2026-11', amount: '40.00', paidOn: '2026-11-27', note: null }],
      },
    ]);

    const { imported } = await call('dossier.import', { file, onDuplicate: 'copy' });
    const copy = await call('board.get', { dossierId: imported[0]!.id });
    expect(copy.settings).toEqual({ deadlineDays: 90, replyDays: 21, startDate: '2026-10-01' });
    expect(copy.creditors.map((c) => [c.creditor, c.state, c.claim])).toEqual([
      ['Woonstad Leeuwarden', 'niet_benaderd', '2000.00'],
      ['Vattenfall', 'saldo_ontvangen', '1010.00'],
      ['Belastingdienst', 'akkoord', '1000.00'],
    ]);
    expect(copy.progress.paid).toBe('40.00');

    // A step naming a debt the dossier does not have: refused whole, in Dutch, nothing imported.
    const before = (await call('dossier.list', {})).length;
    const bad = { ...file, creditorBoards: [{ ...file.creditorBoards[0], events: [{ debt: 9, step: 'akkoord', date: '2026-11-01' }] }] };
    // 'copy': the household is already in the vault; without it the duplicate question (CONFLICT) comes first.
    const env = await tryCall('dossier.import', { file: bad, onDuplicate: 'copy' });
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'creditorBoards.0.events.0.debt', message: 'Er is geen schuld nummer 10 in dit dossier.' }] } });
    expect((await call('dossier.list', {})).length).toBe(before);
    // A version-1 file without the block still imports.
    const v1 = { format: 'houvast.dossier', version: 1, dossiers: file.dossiers.map((d: Record<string, unknown>) => ({ ...d, debts: [] })) };
    expect((await call('dossier.import', { file: v1, onDuplicate: 'copy' })).imported).toHaveLength(1);
  });
});
