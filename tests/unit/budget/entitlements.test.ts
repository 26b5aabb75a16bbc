// Entitlement checks (issue 6 part 5): kindgebonden budget with its afbouw, zorgtoeslag by the law formula, the
// tolerance for "mogelijk niet-gebruik", an automatic kinderbijslag band change, and a Participatiewet benefit above
// its own norm. Expected figures are derived by hand from the law (RULES.md f.2, f.3) and the bundled 2026 tables.
import { beforeAll, describe, expect, it } from 'vitest';
import { computeBudget, type BudgetResult } from '../../../src/shared/budget/engine';
import { toBudgetJson } from '../../../src/shared/budget/json';
import type { NormSet } from '../../../src/shared/budget/norms';
import { adult, bundledNorms, child, dossier, inputs } from './helpers';

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});

const codes = (r: BudgetResult) => r.warnings.map((w) => w.code);
const check = (r: BudgetResult, scheme: string) => r.entitlements.checks.find((c) => c.scheme === scheme)!;
const s = (d: { toFixed(n: number): string } | null) => (d === null ? null : d.toFixed(2));

type Line = { description: string; category: 'loon' | 'uitkering_participatiewet' | 'kindgebonden_budget' | 'zorgtoeslag' | 'kinderbijslag'; amount: string; frequency: 'maand' | 'kwartaal' };

/* Single parent, 2026-07-15, children born 2018-03-01 (8) and 2013-05-01 (13: the 12-15 supplement runs from the
 * month after the 12th birthday). Wkgb 2026: 2 x 2580 + 724 + ALO-kop 3416 = 9300 per year. */
const singleParent = (incomes: Line[]) =>
  dossier({ adults: [adult('aanvrager', '1988-01-01')], children: [child('2018-03-01'), child('2013-05-01')], incomes });

describe('kindgebonden budget: afbouw from the toetsingsinkomen (Wkgb art. 2 lid 7-8)', () => {
  /* Toetsingsinkomen 35000; drempelinkomen (single) 29735.42 (derived: reproduces the official BVV maxima, BVV-VTLB.md
   * §2 nr. 11; the published 29736 is it rounded): afbouw = 7.60 % x (35000 - 29735.42) = 0.076 x 5264.58 = 400.10808;
   * 9300 - 400.10808 = 8899.89192 per year; per month 8899.89192 / 12 = 741.6577 -> 741.66. */
  it('reduces the maximum by the afbouw percentage above the drempelinkomen (single parent)', () => {
    const r = computeBudget(
      singleParent([
        { description: 'Loon', category: 'loon', amount: '1900.00', frequency: 'maand' },
        { description: 'KGB', category: 'kindgebonden_budget', amount: '741.66', frequency: 'maand' },
      ]),
      inputs({ toetsingsinkomenPerJaar: '35000.00' }),
      norms,
      '2026-07-15',
    );
    expect(s(r.children.kgbExpected.value)).toBe('741.66');
    expect(r.children.kgbExpected.explanation.inputs).toMatchObject({ drempelinkomen: '29735.42', afbouw: '≈400.10808', 'kindgebonden budget per jaar': '≈8899.89192' });
    expect(check(r, 'kindgebonden_budget').verdict).toBe('in_orde');
    expect(codes(r)).not.toContain('MOGELIJK_NIET_GEBRUIK_KGB');
    expect(codes(r)).not.toContain('KGB_AFBOUW_ONBEKEND');
  });

  /* Couple, children born 2018-03-01 (8) and 2020-06-01 (6): 2 x 2580 = 5160 per year (no ALO-kop). Drempel with
   * partner 39140.42 (= 29735.42 + partner increase 9405). T = 45000: 0.076 x (45000 - 39140.42) = 0.076 x 5859.58
   * = 445.32808; 5160 - 445.32808 = 4714.67192; / 12 = 392.8893 -> 392.89. */
  it('uses the drempelinkomen plus the partner increase for a couple', () => {
    const d = dossier({
      adults: [adult('aanvrager', '1988-01-01'), adult('partner', '1987-01-01')],
      children: [child('2018-03-01'), child('2020-06-01')],
      incomes: [{ description: 'Loon', category: 'loon', amount: '2800.00', frequency: 'maand' }],
    });
    const r = computeBudget(d, inputs({ toetsingsinkomenPerJaar: '45000.00' }), norms, '2026-07-15');
    expect(s(r.children.kgbExpected.value)).toBe('392.89');
    // Nothing received: 392.89 missing, well beyond the tolerance.
    expect(check(r, 'kindgebonden_budget').verdict).toBe('mogelijk_niet_gebruik');
    expect(r.warnings.find((w) => w.code === 'MOGELIJK_NIET_GEBRUIK_KGB')!.message).toContain('€ 392,89');
  });

  /* Far above the drempel the afbouw exceeds the maximum: 0.076 x (200000 - 29735.42) = 12940.11 > 9300 -> 0. */
  it('never goes below zero', () => {
    const r = computeBudget(singleParent([{ description: 'Loon', category: 'loon', amount: '9000.00', frequency: 'maand' }]), inputs({ toetsingsinkomenPerJaar: '200000.00' }), norms, '2026-07-15');
    expect(s(r.children.kgbExpected.value)).toBe('0.00');
    expect(check(r, 'kindgebonden_budget').verdict).toBe('in_orde');
  });

  it('asks for the toetsingsinkomen above bijstand level instead of guessing', () => {
    const r = computeBudget(singleParent([{ description: 'Loon', category: 'loon', amount: '1900.00', frequency: 'maand' }]), inputs(), norms, '2026-07-15');
    expect(r.children.kgbExpected.value).toBeNull();
    expect(r.warnings.find((w) => w.code === 'KGB_AFBOUW_ONBEKEND')!.message).toContain('toetsingsinkomen');
    expect(check(r, 'kindgebonden_budget').verdict).toBe('niet_te_beoordelen');
  });
});

describe('zorgtoeslag by the law formula (Wet op de zorgtoeslag art. 2, RULES.md f.3)', () => {
  /* Single, T = 35000, 2026: standaardpremie 2119; normpremie = 1.912 % x 29735.42 + 13.73 % x (35000 - 29735.42)
   * = 568.5412304 + 722.826834 = 1291.3680644; zorgtoeslag = 2119 - 1291.3680644 = 827.6319356 per year;
   * / 12 = 68.9693.. -> 68.97. */
  it('computes the amount for a single person', () => {
    const d = dossier({ adults: [adult('aanvrager', '1985-01-01')], incomes: [{ description: 'Loon', category: 'loon', amount: '2300.00', frequency: 'maand' }] });
    const r = computeBudget(d, inputs({ toetsingsinkomenPerJaar: '35000.00' }), norms, '2026-07-15');
    const zt = check(r, 'zorgtoeslag');
    expect(s(zt.expected.value)).toBe('68.97');
    expect(zt.expected.explanation.inputs).toMatchObject({ standaardpremie: '2119.00', normpremie: '≈1291.368064' }); // shown to 6 decimals
    expect(zt.expected.explanation.tables[0]).toMatchObject({ group: 'zorgverzekering', periodStart: '2026-01-01' });
  });

  /* Couple, T = 45000: 2 x 2119 = 4238; normpremie = 4.289 % x 29735.42 + 13.73 % x (45000 - 29735.42)
   * = 1275.3521638 + 2095.826834 = 3371.1789978; 4238 - 3371.1789978 = 866.8210022; / 12 = 72.2351 -> 72.24. */
  it('computes the amount for a couple (two standard premiums, one joint claim)', () => {
    const d = dossier({
      adults: [adult('aanvrager', '1985-01-01'), adult('partner', '1986-01-01')],
      incomes: [{ description: 'Loon', category: 'loon', amount: '2900.00', frequency: 'maand' }],
    });
    const r = computeBudget(d, inputs({ toetsingsinkomenPerJaar: '45000.00' }), norms, '2026-07-15');
    expect(s(check(r, 'zorgtoeslag').expected.value)).toBe('72.24');
  });

  /* Above the income limit (40857, secondary) there is no zorgtoeslag. */
  it('gives nothing above the income limit', () => {
    const d = dossier({ adults: [adult('aanvrager', '1985-01-01')], incomes: [{ description: 'Loon', category: 'loon', amount: '2600.00', frequency: 'maand' }] });
    const r = computeBudget(d, inputs({ toetsingsinkomenPerJaar: '41000.00' }), norms, '2026-07-15');
    expect(s(check(r, 'zorgtoeslag').expected.value)).toBe('0.00');
    expect(codes(r)).not.toContain('MOGELIJK_NIET_GEBRUIK_ZORGTOESLAG');
  });

  /* At bijstand level without a toetsingsinkomen: assumed below the drempel -> 2119 - 568.55232 = 1550.44768;
   * / 12 = 129.2039.. -> 129.20. */
  it('assumes the maximum at bijstand level', () => {
    const d = dossier({ adults: [adult('aanvrager', '1985-01-01')], incomes: [{ description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1419.46', frequency: 'maand' }] });
    const r = computeBudget(d, inputs(), norms, '2026-07-15');
    expect(s(check(r, 'zorgtoeslag').expected.value)).toBe('129.20');
  });
});

describe('tolerance: "mogelijk niet-gebruik" only beyond € 1 or 1 %', () => {
  /* KGB expected 741.66 (above): margin = max(1.00, 1 % x 741.66 = 7.4166 -> 7.42) = 7.42.
   * Received 734.24: 7.42 less -> within; 734.23: 7.43 less -> flagged. */
  it('uses 1 % of a large amount', () => {
    const run = (kgb: string) =>
      computeBudget(
        singleParent([
          { description: 'Loon', category: 'loon', amount: '1900.00', frequency: 'maand' },
          { description: 'KGB', category: 'kindgebonden_budget', amount: kgb, frequency: 'maand' },
        ]),
        inputs({ toetsingsinkomenPerJaar: '35000.00' }),
        norms,
        '2026-07-15',
      );
    const within = run('734.24');
    expect(s(check(within, 'kindgebonden_budget').tolerance)).toBe('7.42');
    expect(check(within, 'kindgebonden_budget').verdict).toBe('in_orde');
    expect(s(check(within, 'kindgebonden_budget').difference.value)).toBe('-7.42');
    expect(codes(within)).not.toContain('MOGELIJK_NIET_GEBRUIK_KGB');
    const beyond = run('734.23');
    expect(check(beyond, 'kindgebonden_budget').verdict).toBe('mogelijk_niet_gebruik');
    expect(codes(beyond)).toContain('MOGELIJK_NIET_GEBRUIK_KGB');
  });

  /* Zorgtoeslag expected 68.97 (single, T 35000, see above): 1 % = 0.69, so the margin is € 1.00.
   * Received 67.97: 1.00 less -> within; 67.96: 1.01 less -> flagged. */
  it('uses € 1 for a small amount', () => {
    const run = (zt: string) =>
      computeBudget(
        dossier({
          adults: [adult('aanvrager', '1985-01-01')],
          incomes: [
            { description: 'Loon', category: 'loon', amount: '2300.00', frequency: 'maand' },
            { description: 'Zorgtoeslag', category: 'zorgtoeslag', amount: zt, frequency: 'maand' },
          ],
        }),
        inputs({ toetsingsinkomenPerJaar: '35000.00' }),
        norms,
        '2026-07-15',
      );
    expect(s(check(run('67.97'), 'zorgtoeslag').tolerance)).toBe('1.00');
    expect(check(run('67.97'), 'zorgtoeslag').verdict).toBe('in_orde');
    expect(check(run('67.96'), 'zorgtoeslag').verdict).toBe('mogelijk_niet_gebruik');
    expect(codes(run('67.96'))).toContain('MOGELIJK_NIET_GEBRUIK_ZORGTOESLAG');
  });
});

describe('an automatic kinderbijslag band change is never non-use', () => {
  /* Child born 2014-08-15: 11 on 2026-07-01 (band 6-11), 12 on 2026-10-01 (band 12-17). On 2026-10-15 the SVB
   * amount is 426.29 / 3 = 142.0966.. -> 142.10 per month; the household still receives the old band's
   * 362.35 per quarter = 120.7833.. -> 120.78, which was exactly right in the previous quarter. */
  const household = (kb: string | null) =>
    dossier({
      adults: [adult('aanvrager', '1985-01-01')],
      children: [child('2014-08-15')],
      incomes: [
        { description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1419.46', frequency: 'maand' },
        ...(kb === null ? [] : [{ description: 'Kinderbijslag', category: 'kinderbijslag' as const, amount: kb, frequency: 'kwartaal' as const }]),
      ],
    });

  it('calls the old band amount an automatic change, not non-use', () => {
    const r = computeBudget(household('362.35'), inputs(), norms, '2026-10-15');
    expect(s(r.children.kinderbijslagExpected.value)).toBe('142.10');
    const kb = check(r, 'kinderbijslag');
    expect(s(kb.received.value)).toBe('120.78');
    expect(kb.verdict).toBe('automatische_wijziging');
    expect(kb.message).toContain('6-11 naar 12-17');
    expect(codes(r)).not.toContain('MOGELIJK_NIET_GEBRUIK_KINDERBIJSLAG');
  });

  it('still flags a household that receives nothing', () => {
    const r = computeBudget(household(null), inputs(), norms, '2026-10-15');
    expect(check(r, 'kinderbijslag').verdict).toBe('mogelijk_niet_gebruik');
    expect(codes(r)).toContain('MOGELIJK_NIET_GEBRUIK_KINDERBIJSLAG');
  });
});

describe('Participatiewet benefit above its own norm', () => {
  /* Single adult, 2026-07-15: norm 1419.46 (art. 21 a). Benefit 1500.00 is 80.54 above, beyond the margin of
   * max(1, 14.19) -> "controleer het bedrag"; no warning says the income is above the norm. */
  it('asks to check the amount and never says the income is above the norm', () => {
    const d = dossier({ adults: [adult('aanvrager', '1985-01-01')], incomes: [{ description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1500.00', frequency: 'maand' }] });
    const r = computeBudget(d, inputs(), norms, '2026-07-15');
    const w = r.warnings.find((x) => x.code === 'PARTICIPATIEWET_CONTROLEER_HET_BEDRAG')!;
    expect(w.message).toMatch(/^Controleer het bedrag: de bijstandsuitkering \(€ 1\.500,00 per maand\) is hoger dan de bijstandsnorm van dit huishouden \(€ 1\.419,46/);
    expect(r.warnings.map((x) => x.message).join(' ')).not.toMatch(/inkomen ligt boven de bijstandsnorm/i);
  });

  it('says nothing for a benefit at its norm', () => {
    const d = dossier({ adults: [adult('aanvrager', '1985-01-01')], incomes: [{ description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1419.46', frequency: 'maand' }] });
    expect(codes(computeBudget(d, inputs(), norms, '2026-07-15'))).not.toContain('PARTICIPATIEWET_CONTROLEER_HET_BEDRAG');
  });
});

describe('JSON', () => {
  it('lists each check with expected, received and their difference', () => {
    const r = computeBudget(
      singleParent([
        { description: 'Loon', category: 'loon', amount: '1900.00', frequency: 'maand' },
        { description: 'KGB', category: 'kindgebonden_budget', amount: '700.00', frequency: 'maand' },
      ]),
      inputs({ toetsingsinkomenPerJaar: '35000.00' }),
      norms,
      '2026-07-15',
    );
    const kgb = toBudgetJson(r).aanspraken!.find((a) => a.regeling === 'kindgebonden_budget')!;
    // 700.00 - 741.66 = -41.66.
    expect(kgb).toMatchObject({ verwacht: '741.66', ontvangen: '700.00', verschil: '-41.66', marge: '7.42', oordeel: 'mogelijk_niet_gebruik' });
  });
});

// Insured per adult (issue 6, second pass): the dossier says per adult whether he or she is insured under the
// Zorgverzekeringswet (absent = yes). Wet op de zorgtoeslag art. 2: only an insured person has a claim; with a
// partner who is not insured, 50 % of the outcome.
describe('zorgtoeslag and eigen risico per insured adult', () => {
  const couple = (partnerInsured: boolean | undefined, aanvragerInsured?: boolean) =>
    dossier({
      adults: [
        { ...adult('aanvrager', '1985-01-01'), ...(aanvragerInsured === undefined ? {} : { insuredInNl: aanvragerInsured }) },
        { ...adult('partner', '1986-01-01'), ...(partnerInsured === undefined ? {} : { insuredInNl: partnerInsured }) },
      ],
      incomes: [{ description: 'Loon', category: 'loon', amount: '2900.00', frequency: 'maand' }],
    });

  /* Couple, T = 45000 (see above): 866.8210022 per year for two insured partners. Partner not insured: 50 % =
   * 433.4105011; / 12 = 36.1175.. -> 36.12. */
  it('gives half for a couple of whom one is insured', () => {
    const both = computeBudget(couple(undefined), inputs({ toetsingsinkomenPerJaar: '45000.00' }), norms, '2026-07-15');
    expect(s(check(both, 'zorgtoeslag').expected.value)).toBe('72.24');
    const one = computeBudget(couple(false), inputs({ toetsingsinkomenPerJaar: '45000.00' }), norms, '2026-07-15');
    const zt = check(one, 'zorgtoeslag');
    expect(s(zt.expected.value)).toBe('36.12');
    expect(zt.expected.explanation.rule).toContain('50 %');
    expect(zt.expected.explanation.inputs).toMatchObject({ 'verzekerde volwassenen': 1 });
  });

  it('gives nothing when nobody is insured', () => {
    const none = computeBudget(couple(false, false), inputs({ toetsingsinkomenPerJaar: '45000.00' }), norms, '2026-07-15');
    expect(s(check(none, 'zorgtoeslag').expected.value)).toBe('0.00');
    const single = dossier({ adults: [{ ...adult('aanvrager', '1985-01-01'), insuredInNl: false }], incomes: [{ description: 'Loon', category: 'loon', amount: '2300.00', frequency: 'maand' }] });
    expect(s(check(computeBudget(single, inputs({ toetsingsinkomenPerJaar: '35000.00' }), norms, '2026-07-15'), 'zorgtoeslag').expected.value)).toBe('0.00');
  });

  /* Eigen risico 385 / 12 = 32.0833.. -> 32.08 per insured adult: two insured 64.16, one insured 32.08. */
  it('counts the VTLB eigen risico per insured adult', () => {
    const er = (d: ReturnType<typeof couple>) => computeBudget(d, inputs({ toetsingsinkomenPerJaar: '45000.00' }), norms, '2026-07-15').vtlb.lines.find((l) => l.kind === 'eigen_risico')!.figure;
    expect(s(er(couple(undefined)).value)).toBe('64.16');
    const one = er(couple(false));
    expect(s(one.value)).toBe('32.08');
    expect(one.explanation.inputs).toMatchObject({ 'verzekerde volwassenen': 1, 'niet verzekerde volwassenen': 1 });
  });
});
