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

const demo03 = () => dossierDataSchema.parse(JSON.parse(readFileSync(path.join(RESOURCES, 'demo', '03-jonge-moeder-baby.json'), 'utf8')).dossiers[0]);

describe('demo 03: an afloscapaciteit that is all vakantiegeld (BVV-VTLB.md, RULES.md c.1)', () => {
  /*
   * Demo 03 on 2026-11-23 (alleenstaande ouder, bijstand 18-20 with verhoging, no belastbaar inkomen entered):
   * netto beslagbaar inkomen = 1057.03 + vakantietoeslag 667.56 / 12 (= 55.63) = 1112.66 per month.
   * BVV: 95 % × A (1419.46) = 1348.49, but never above 95 % of the income incl. vakantiebijslag (art. 475dc lid 1
   * Rv): 0.95 × 1112.66 = 1057.027 -> 1057.03. VTLB = 1057.03 + eigen risico 385 / 12 = 32.08 + woonlasten
   * (512.75 − 301.00) − J 200.71 = 11.04 + zorg (149.95 − 129.00) − 47.00 = −26.05 + kindgebonden budget
   * (2580 + 3416) / 12 = 499.67 − 499.67 received = 0.00 -> 1074.10. Afloscapaciteit = 1112.66 − 1074.10 = 38.56.
   * The income paid every month (1057.03) is below the VTLB (1074.10), so the monthly part is 0.00 and the whole
   * 38.56 is the vakantiegeld share (≤ 55.63): over 18 months 38.56 × 18 = 694.08, paid with the yearly
   * vakantiegeld.
   */
  it('gives 38.56 a month, all of it vakantiegeld, and says why in plain words', () => {
    const d = demo03();
    const budget = computeBudget(d, budgetInputsSchema.parse({}), norms, '2026-11-23');
    expect(budget.vtlb.total.value!.toFixed(2)).toBe('1074.10');
    expect(budget.afloscapaciteit.value!.toFixed(2)).toBe('38.56');
    const detail = budget.afloscapaciteitDetail;
    expect(detail.maandelijks.value!.toFixed(2)).toBe('0.00');
    expect(detail.vakantiegeldPerMaand.value!.toFixed(2)).toBe('38.56');
    expect(detail.vakantiegeldOverLooptijd.value!.toFixed(2)).toBe('694.08');
    expect(detail.vakantiegeldPerMaand.explanation.rule).toContain('Hier is de hele afloscapaciteit vakantiegeld, en dat klopt met de regels');
    expect(detail.vakantiegeldPerMaand.explanation.rule).toContain('art. 475dc lid 1 Rv');
    const p = proposalForDossier(d, budget, {}, 'Budget demo 03');
    expect(p.monthlyCapacity.value!.toFixed(2)).toBe('0.00');
    expect(p.pot.value!.toFixed(2)).toBe('694.08');
  });

  it('does not say so when part of the afloscapaciteit comes in every month (demo 07)', () => {
    const budget = computeBudget(demo07(), inputs07(), norms, '2026-07-15');
    expect(budget.afloscapaciteitDetail.vakantiegeldPerMaand.explanation.rule).not.toContain('Hier is de hele afloscapaciteit vakantiegeld');
  });
});

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

describe('every figure of a proposal carries its explanation (issue 8 §2)', () => {
  it('has a rule and inputs on each figure, and says which budget it came from', () => {
    const d = demo07();
    const budget = computeBudget(d, inputs07(), norms, '2026-07-15');
    const p = proposalForDossier(d, budget, {}, 'Budget demo 07');
    expect(p.status).toBe('voorstel');
    const figures = [p.monthlyCapacity, p.holidayPay, p.pot, p.percentages.concurrent, p.percentages.preferent, p.totals.claims, p.totals.amounts, ...p.creditors.map((c) => c.amount)];
    expect(p.creditors.length).toBeGreaterThan(0);
    for (const f of figures) {
      expect(f.explanation.rule.trim().length, f.label).toBeGreaterThan(10);
      expect(typeof f.explanation.inputs, f.label).toBe('object');
    }
    // The afloscapaciteit keeps the budget's own inputs (netto inkomen and VTLB) beside its rule.
    expect(Object.keys(p.monthlyCapacity.explanation.inputs)).toEqual(expect.arrayContaining(['netto inkomen', 'VTLB']));
    expect(p.source).toContain('Budget demo 07');
    expect(p.source).toContain('15-07-2026');
  });
});
