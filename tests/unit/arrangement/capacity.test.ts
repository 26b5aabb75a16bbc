// The arrangement's pot uses the budget engine's one vakantiegeld source (issue 6, second pass): the monthly part
// of the afloscapaciteit × term + the vakantiegeld share over the term. Figures derived by hand below.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { proposalForDossier } from '../../../src/shared/arrangement';
import { computeBudget } from '../../../src/shared/budget/engine';
import { budgetInputsSchema } from '../../../src/shared/budget/inputs';
import type { NormSet } from '../../../src/shared/budget/norms';
import { dossierDataSchema } from '../../../src/shared/dossier/schema';
import { bundledNorms, RESOURCES } from '../budget/helpers';

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});

const demo07 = () => dossierDataSchema.parse(JSON.parse(readFileSync(path.join(RESOURCES, 'demo', '07-werkend-gezin-beslag.json'), 'utf8')).dossiers[0]);
const inputs07 = (extra: object = {}) =>
  budgetInputsSchema.parse({ ...JSON.parse(readFileSync(path.join(RESOURCES, 'demo', 'invoer', '07-werkend-gezin-beslag.json'), 'utf8')), ...extra });

describe('arrangement pot from the one vakantiegeld source', () => {
  /*
   * Demo 07 on 2026-07-15 (derivation in tests/integration/budget/cli.test.ts): afloscapaciteit 2808.33333 − 2523.19
   * = 285.14333 -> 285.14. The debtor's yearly line (vakantiegeld 1900.00 / 12 = 158.333.. -> 158.33) is the
   * vakantiegeld share: monthly part 285.14 − 158.33 = 126.81; vakantiegeld per year 158.33 × 12 = 1899.96; over 18
   * months 1899.96 × 18 / 12 = 2849.94. Pot = 126.81 × 18 + 2849.94 = 2282.58 + 2849.94 = 5132.52 (= 285.14 × 18).
   */
  it('splits the afloscapaciteit into the monthly part and the vakantiegeld over the term', () => {
    const d = demo07();
    const budget = computeBudget(d, inputs07(), norms, '2026-07-15');
    const p = proposalForDossier(d, budget, {}, 'Budget demo 07');
    expect(p.monthlyCapacity.value!.toFixed(2)).toBe('126.81');
    expect(p.holidayPay.value!.toFixed(2)).toBe('2849.94');
    expect(p.pot.value!.toFixed(2)).toBe('5132.52');
    expect(p.holidayPay.explanation.rule).toContain('inkomensposten per jaar in het dossier');
  });

  /* Override 0.00 with a reason (paid monthly): no vakantiegeld share; monthly part 285.14, pot 285.14 × 18 = 5132.52. */
  it('follows an override of the vakantiegeld', () => {
    const d = demo07();
    const budget = computeBudget(d, inputs07({ vakantiegeld: { maand: 5, bedragPerJaar: '0.00', reden: 'werkgever betaalt het per maand' } }), norms, '2026-07-15');
    const p = proposalForDossier(d, budget, {}, 'Budget demo 07');
    expect(p.monthlyCapacity.value!.toFixed(2)).toBe('285.14');
    expect(p.holidayPay.value!.toFixed(2)).toBe('0.00');
    expect(p.pot.value!.toFixed(2)).toBe('5132.52');
    expect(p.holidayPay.explanation.rule).toContain('werkgever betaalt het per maand');
  });
});
