// dossier.monthlyLines: the "Inkomsten en uitgaven" tab's monthly figures come from the core, each line rounded
// to cents once (half-up) and each total the sum of the lines shown. Expected figures are worked out by hand from
// the normalisation rules (weekly × 52/12, four-weekly × 13/12, quarterly / 3, yearly / 12, N instalments × N/12).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monthlyLinesOut, type MonthlyLinesOut } from '../../src/shared/contract/monthly-lines';
import type { Dossier, DossierDataInput } from '../../src/shared/dossier/schema';
import { valueOf as value } from '../support/envelope';
import { startTestCore, type TestCoreHandle } from '../support/core';
import { plantedHousehold } from '../support/households';

const PASS = 'een lang genoeg wachtwoord';
let rig: TestCoreHandle;
const call = (name: string, input: unknown = {}) => rig.core.router.handle(name, input);


async function create(overrides: Partial<DossierDataInput>): Promise<Dossier> {
  return value<Dossier>(await call('dossier.create', { data: plantedHousehold(overrides) }));
}

const lines = async (id: string) => value<MonthlyLinesOut>(await call('dossier.monthlyLines', { id }));

beforeEach(async () => {
  rig = await startTestCore({ cheapKdf: true, prefix: 'monthly-lines' });
  value(await call('vault.create', { name: 'Kantoor', passphrase: PASS }));
});
afterEach(async () => {
  await rig.cleanup();
});

describe('dossier.monthlyLines', () => {
  it('rounds each line once and totals the rounded lines (3 × 100,00 a quarter is 99,99 a month, not 100,00)', async () => {
    const quarter = (description: string) => ({ description, category: 'overig' as const, amount: '100.00', frequency: 'kwartaal' as const });
    const d = await create({
      incomes: [quarter('Toelage A'), quarter('Toelage B'), quarter('Toelage C')],
      expenses: [{ description: 'Boodschappen', category: 'voeding', amount: '10.00', frequency: 'week' }],
    });
    const out = await lines(d.id);
    // 100,00 / 3 = 33,333… → 33,33 per line; 33,33 × 3 = 99,99.
    expect(out.incomes).toEqual(d.incomes.map((i) => ({ id: i.id, monthly: '33.33' })));
    expect(out.totalIncome).toBe('99.99');
    // 10,00 × 52 / 12 = 43,333… → 43,33; difference 99,99 − 43,33 = 56,66.
    expect(out.expenses).toEqual([{ id: d.expenses[0]!.id, monthly: '43.33' }]);
    expect(out.totalExpenses).toBe('43.33');
    expect(out.difference).toBe('56.66');
    expect(out).toMatchObject({ dossierId: d.id, updatedAt: d.updatedAt });
  });

  it('rounds half-up, handles instalments and years, and gives a negative difference', async () => {
    const d = await create({
      // 12,30 × 13 / 12 = 13,325 exactly → 13,33 half-up (not 13,32 as banker's rounding would give).
      incomes: [{ description: 'Bijverdienste', category: 'overig', amount: '12.30', frequency: 'vierweken' }],
      expenses: [
        // 85,00 × 10 / 12 = 70,833… → 70,83.
        { description: 'Gemeentelijke belastingen', category: 'gemeentelijke_belastingen', amount: '85.00', frequency: 'termijnen', instalments: 10 },
        // 100,00 / 12 = 8,333… → 8,33.
        { description: 'Contributie', category: 'contributies', amount: '100.00', frequency: 'jaar' },
        { description: 'Huur', category: 'huur', amount: '612.45', frequency: 'maand' },
      ],
    });
    const out = await lines(d.id);
    expect(out.incomes.map((l) => l.monthly)).toEqual(['13.33']);
    expect(out.expenses.map((l) => l.monthly)).toEqual(['70.83', '8.33', '612.45']);
    // 70,83 + 8,33 + 612,45 = 691,61; 13,33 − 691,61 = −678,28.
    expect(out.totalExpenses).toBe('691.61');
    expect(out.difference).toBe('-678.28');
  });

  it('gives zeros for a dossier without income or expenses', async () => {
    const d = await create({});
    expect(await lines(d.id)).toEqual({ dossierId: d.id, updatedAt: d.updatedAt, incomes: [], expenses: [], totalIncome: '0.00', totalExpenses: '0.00', difference: '0.00' });
  });

  it('follows an edited item, carries the new dossier version and logs nothing', async () => {
    const d = await create({ incomes: [{ description: 'Loon', category: 'loon', amount: '1834.50', frequency: 'maand' }] });
    const before = await lines(d.id);
    expect(before.totalIncome).toBe('1834.50');
    const saved = value<Dossier>(
      await call('dossier.saveItem', { id: d.id, kind: 'income', item: { ...d.incomes[0]!, amount: '400.00', frequency: 'week' } }),
    );
    const audit = value<unknown[]>(await call('audit.list', {})).length;
    const after = await lines(d.id);
    // 400,00 × 52 / 12 = 1.733,333… → 1.733,33.
    expect(after).toMatchObject({ updatedAt: saved.updatedAt, incomes: [{ id: d.incomes[0]!.id, monthly: '1733.33' }], totalIncome: '1733.33' });
    expect(value<unknown[]>(await call('audit.list', {}))).toHaveLength(audit);
  });

  it('answers NOT_FOUND in Dutch for an unknown dossier and LOCKED while the vault is locked', async () => {
    const missing = await call('dossier.monthlyLines', { id: 'bestaat-niet' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    value(await call('vault.lock'));
    expect(await call('dossier.monthlyLines', { id: 'bestaat-niet' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});

describe('the output schema', () => {
  const ok: MonthlyLinesOut = {
    dossierId: 'd',
    updatedAt: 1,
    incomes: [{ id: 'a', monthly: '33.33' }, { id: 'b', monthly: '33.33' }, { id: 'c', monthly: '33.33' }],
    expenses: [{ id: 'e', monthly: '43.33' }],
    totalIncome: '99.99',
    totalExpenses: '43.33',
    difference: '56.66',
  };
  it('accepts figures that add up and refuses a total that is not the sum of the lines shown', () => {
    expect(monthlyLinesOut.safeParse(ok).success).toBe(true);
    // 100,00 is the unrounded sum of three thirds: beside three lines of 33,33 it would not add up.
    expect(monthlyLinesOut.safeParse({ ...ok, totalIncome: '100.00', difference: '56.67' }).success).toBe(false);
    expect(monthlyLinesOut.safeParse({ ...ok, totalExpenses: '43.34', difference: '56.65' }).success).toBe(false);
    expect(monthlyLinesOut.safeParse({ ...ok, difference: '56.67' }).success).toBe(false);
  });
});
