// Plausibility (issue 6 part 6): missing essential lines and an implausibly large surplus are warnings that name
// what to check; the vakantiegeld reservation is shown per month. Figures derived by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { computeBudget } from '../../../src/shared/budget/engine';
import { toBudgetJson } from '../../../src/shared/budget/json';
import { budgetInputsSchema, LEGACY_VAKANTIEGELD_REDEN } from '../../../src/shared/budget/inputs';
import { budgetSections } from '../../../src/shared/presenter/budget';
import type { NormSet } from '../../../src/shared/budget/norms';
import { adult, bundledNorms, dossier, inputs } from './helpers';

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});

type E = { description: string; category: 'huur' | 'energie' | 'zorgverzekering' | 'voeding' | 'kleding'; amount: string; frequency: 'maand' };
const ALL: E[] = [
  { description: 'Huur', category: 'huur', amount: '800.00', frequency: 'maand' },
  { description: 'Energie', category: 'energie', amount: '150.00', frequency: 'maand' },
  { description: 'Zorgpremie', category: 'zorgverzekering', amount: '160.00', frequency: 'maand' },
  { description: 'Boodschappen', category: 'voeding', amount: '300.00', frequency: 'maand' },
];
const single = (income: string, expenses: E[], address = true) =>
  dossier({
    adults: [adult('aanvrager', '1985-01-01')],
    ...(address ? {} : { address: null }),
    incomes: [{ description: 'Loon', category: 'loon', amount: income, frequency: 'maand' }],
    expenses,
  });
const warning = (r: ReturnType<typeof computeBudget>, code: string) => r.warnings.find((w) => w.code === code);

describe('plausibility', () => {
  it('names the missing essential lines', () => {
    const r = computeBudget(single('1500.00', [ALL[0]!, ALL[3]!]), inputs(), norms, '2026-07-15');
    expect(warning(r, 'PLAUSIBILITEIT_ONTBREKENDE_POSTEN')!.message).toContain('er staat geen energie en zorgverzekering in het budget');
    expect(warning(computeBudget(single('1500.00', ALL), inputs(), norms, '2026-07-15'), 'PLAUSIBILITEIT_ONTBREKENDE_POSTEN')).toBeUndefined();
  });

  it('does not ask for rent and energy without a fixed address', () => {
    const r = computeBudget(single('1500.00', [ALL[2]!, ALL[3]!], false), inputs(), norms, '2026-07-15');
    expect(warning(r, 'PLAUSIBILITEIT_ONTBREKENDE_POSTEN')).toBeUndefined();
  });

  /* Expenses 800 + 150 + 160 + 300 = 1410. Income 2000: saldo 590, threshold max(250, 20 % x 2000 = 400) = 400
   * -> warned. Income 1810: saldo 400, threshold max(250, 362) = 362 -> warned. Income 1700: saldo 290, threshold
   * max(250, 340) = 340 -> not warned. */
  it('warns about a surplus above both € 250 and 20 % of the income', () => {
    expect(warning(computeBudget(single('2000.00', ALL), inputs(), norms, '2026-07-15'), 'PLAUSIBILITEIT_GROOT_OVERSCHOT')!.message).toContain('€ 590,00');
    expect(warning(computeBudget(single('1810.00', ALL), inputs(), norms, '2026-07-15'), 'PLAUSIBILITEIT_GROOT_OVERSCHOT')!.message).toContain('meer dan € 362,00');
    expect(warning(computeBudget(single('1700.00', ALL), inputs(), norms, '2026-07-15'), 'PLAUSIBILITEIT_GROOT_OVERSCHOT')).toBeUndefined();
  });
});

describe('vakantiegeld reservation (one source: the dossier)', () => {
  const withHolidayPay = (amount: string) => {
    const d = single('1500.00', ALL);
    d.incomes.push({ description: 'Vakantiegeld (netto, mei)', category: 'loon', amount, frequency: 'jaar', personRole: 'aanvrager' });
    return d;
  };
  /* Yearly line 1000.00 / 12 = 83.333.. -> 83.33 per month, in the income (1500 + 83.33 = 1583.33) and reserved.
   * Leefgeld = 1583.33 - vaste lasten (800 + 150 + 160 = 1110) - reserveringsuitgaven 0 - 83.33 = 390.00. */
  it('reserves the yearly income lines per month and keeps them out of the leefgeld', () => {
    const r = computeBudget(withHolidayPay('1000.00'), inputs(), norms, '2026-07-15');
    expect(r.budget.vakantiegeldReservering.value!.toFixed(2)).toBe('83.33');
    expect(r.income.total.value!.toFixed(2)).toBe('1583.33');
    expect(r.budget.leefgeldPerMaand.value!.toFixed(2)).toBe('390.00');
    expect(r.budget.vakantiegeldReservering.explanation.rule).toContain('Uit het dossier');
    expect(r.vakantiegeld).toMatchObject({ bron: 'dossier', maand: 5 });
    expect(r.vakantiegeld.perJaar.toFixed(2)).toBe('1000.00');
    const j = toBudgetJson(r);
    expect(j.vakantiegeldReserveringPerMaand).toBe('83.33');
    const leefgeld = budgetSections(j).find((s) => s.id === 'leefgeld')!;
    expect(leefgeld.rows.map((row) => [row.label, row.amount, row.sign])).toContainEqual(['Reservering vakantiegeld', '83.33', '−']);
    expect(toBudgetJson(computeBudget(single('1500.00', ALL), inputs(), norms, '2026-07-15')).vakantiegeldReserveringPerMaand).toBe('0.00');
  });

  /* Override 0 with a reason (the employer pays it monthly): nothing reserved, leefgeld 1583.33 - 1110 = 473.33. */
  it('takes an override with a reason, at most what the dossier holds', () => {
    const zero = computeBudget(withHolidayPay('1000.00'), inputs({ vakantiegeld: { maand: 5, bedragPerJaar: '0.00', reden: 'werkgever betaalt het per maand uit' } }), norms, '2026-07-15');
    expect(zero.budget.vakantiegeldReservering.value!.toFixed(2)).toBe('0.00');
    expect(zero.budget.leefgeldPerMaand.value!.toFixed(2)).toBe('473.33');
    expect(zero.budget.vakantiegeldReservering.explanation.rule).toContain('werkgever betaalt het per maand uit');
    // An amount above the dossier's yearly income is capped at it (1000.00 -> 83.33) and flagged.
    const high = computeBudget(withHolidayPay('1000.00'), inputs({ vakantiegeld: { maand: 6, bedragPerJaar: '2000.00', reden: 'loonstrook' } }), norms, '2026-07-15');
    expect(high.budget.vakantiegeldReservering.value!.toFixed(2)).toBe('83.33');
    expect(warning(high, 'VAKANTIEGELD_NIET_IN_DOSSIER')!.message).toContain('€ 2.000,00');
    expect(() => inputs({ vakantiegeld: { maand: 5, bedragPerJaar: '100.00', reden: null } })).toThrow(/reden/);
  });

  /* Stored before the dossier became the one source: { bedragPerJaar, maand } reads as an override with a stated
   * reason; without a yearly line in the dossier it reserves nothing and says where to enter it. */
  it('reads an old stored amount compatibly and says to move it into the dossier', () => {
    const parsed = budgetInputsSchema.parse({ vakantiegeld: { bedragPerJaar: '1000.00', maand: 5 } });
    expect(parsed.vakantiegeld).toEqual({ maand: 5, bedragPerJaar: '1000.00', reden: LEGACY_VAKANTIEGELD_REDEN });
    const r = computeBudget(single('1500.00', ALL), parsed, norms, '2026-07-15');
    expect(r.budget.vakantiegeldReservering.value!.toFixed(2)).toBe('0.00');
    expect(warning(r, 'VAKANTIEGELD_NIET_IN_DOSSIER')!.message).toContain('inkomenspost "per jaar"');
    // With the yearly line in the dossier the old amount (equal to it) changes nothing.
    expect(computeBudget(withHolidayPay('1000.00'), parsed, norms, '2026-07-15').budget.vakantiegeldReservering.value!.toFixed(2)).toBe('83.33');
  });
});
