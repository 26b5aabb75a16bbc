// Plausibility (issue 6 part 6): missing essential lines and an implausibly large surplus are warnings that name
// what to check; the vakantiegeld reservation is shown per month. Figures derived by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { computeBudget } from '../../../src/shared/budget/engine';
import { toBudgetJson } from '../../../src/shared/budget/json';
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

describe('vakantiegeld reservation', () => {
  /* 1000.00 per year / 12 = 83.333.. -> 83.33 per month. */
  it('shows the yearly vakantiegeld as a reservation per month', () => {
    const r = computeBudget(single('1500.00', ALL), inputs({ vakantiegeld: { bedragPerJaar: '1000.00', maand: 5 } }), norms, '2026-07-15');
    expect(r.budget.vakantiegeldReservering!.value!.toFixed(2)).toBe('83.33');
    expect(toBudgetJson(r).vakantiegeldReserveringPerMaand).toBe('83.33');
    expect(toBudgetJson(computeBudget(single('1500.00', ALL), inputs(), norms, '2026-07-15')).vakantiegeldReserveringPerMaand).toBe('0.00');
  });
});
