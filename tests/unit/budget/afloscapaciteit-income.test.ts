// The income the afloscapaciteit is computed from is the one shown beside it (BVV-VTLB.md §1.5, RULES.md c/d.1:
// afloscapaciteit = netto inkomen − VTLB). With the beslag on one partner only, that is the debtor's own
// attachable income, not the household's: the budget screen, the plan PDF, the JSON and the letters all show
// `income.forAfloscapaciteit`, so it must be the income the engine subtracts the VTLB from.
//
// Couple (both 21+), aanvrager earns 2,800.00 net per month, partner 600.00; zorgtoeslag 100.00 (not attachable).
//   Household attachable income: 3,400.00. Beslag on the aanvrager: 2,800.00. On the partner: 600.00.
import { beforeAll, describe, expect, it } from 'vitest';
import { computeBudget } from '../../../src/shared/budget/engine';
import type { NormSet } from '../../../src/shared/budget/norms';
import { adult, bundledNorms, dossier, inputs } from './helpers';

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});

const couple = () =>
  dossier({
    adults: [adult('aanvrager', '1985-01-01'), adult('partner', '1986-01-01')],
    incomes: [
      { description: 'Loon', category: 'loon', amount: '2800.00', frequency: 'maand', personRole: 'aanvrager' },
      { description: 'Loon partner', category: 'loon', amount: '600.00', frequency: 'maand', personRole: 'partner' },
      { description: 'Zorgtoeslag', category: 'zorgtoeslag', amount: '100.00', frequency: 'maand' },
    ],
  });
const C = { aanvrager: '40000.00', partner: '8000.00' };

describe('the income for the afloscapaciteit', () => {
  it.each([
    ['huishouden', '3400.00'],
    ['aanvrager', '2800.00'],
    ['partner', '600.00'],
  ] as const)('beslag op %s: %s, and afloscapaciteit = that income − VTLB (not below 0)', (beslagOp, expected) => {
    const r = computeBudget(couple(), inputs({ beslagOp, belastbaarInkomenPerJaar: C }), norms, '2026-09-15');
    expect(r.income.forAfloscapaciteit.value!.toFixed(2)).toBe(expected);
    const v = r.vtlb.total.value!;
    const diff = r.income.forAfloscapaciteit.value!.minus(v);
    expect(r.afloscapaciteit.value!.toFixed(2)).toBe((diff.isNegative() ? diff.times(0) : diff).toFixed(2));
  });

  it('a single adult: the whole attachable income, whatever beslagOp says', () => {
    const d = dossier({
      adults: [adult('aanvrager', '1985-01-01')],
      incomes: [{ description: 'Loon', category: 'loon', amount: '2100.00', frequency: 'maand' }],
    });
    const r = computeBudget(d, inputs({ beslagOp: 'partner', belastbaarInkomenPerJaar: { aanvrager: '30000.00', partner: null } }), norms, '2026-09-15');
    expect(r.income.forAfloscapaciteit.value!.toFixed(2)).toBe('2100.00');
  });
});
