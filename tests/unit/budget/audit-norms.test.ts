// Audit of RULES.md a (bijstandsnormen), f (kinderbijslag, kindgebonden budget, zorgtoeslag) and the frequency rule
// against the real engine. Every expected figure is worked out by hand in the comment above it from RULES.md /
// norms.json (never from the code under test).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeBudget } from '../../../src/shared/budget/engine';
import { NormNotCoveredError, type NormSet } from '../../../src/shared/budget/norms';
import { toMonthly } from '../../../src/shared/frequency';
import { Money } from '../../../src/shared/money';
import { adult, bundledNorms, child, codes, dossier, inputs, RESOURCES } from './helpers';

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});
const s = (d: { toFixed(n: number): string } | null) => (d === null ? null : d.toFixed(2));
const pw = (amount: string) => ({ description: 'Bijstand', category: 'uitkering_participatiewet' as const, amount, frequency: 'maand' as const });

describe('a.2-a.4: the norm per household type and age band (incl. VT, table figure, never recomputed)', () => {
  it.each([
    // a.2: 21 tot AOW
    ['single 21+ 2026-07', [adult('aanvrager', '1980-01-01')], [], '2026-07-15', '1419.46'],
    ['single 21+ on the last day of the 2026-01 period', [adult('aanvrager', '1980-01-01')], [], '2026-06-30', '1401.50'],
    ['single 21+ on the first day of 2026-07', [adult('aanvrager', '1980-01-01')], [], '2026-07-01', '1419.46'],
    ['alleenstaande ouder = alleenstaande (a.1)', [adult('aanvrager', '1980-01-01')], [child('2015-01-01')], '2026-07-15', '1419.46'],
    ['couple 21+ 2026-07', [adult('aanvrager', '1980-01-01'), adult('partner', '1981-01-01')], [], '2026-07-15', '2027.79'],
    ['couple 21+ 2024-01', [adult('aanvrager', '1980-01-01'), adult('partner', '1981-01-01')], [], '2024-03-01', '1834.04'],
    // a.3: AOW-leeftijd
    ['single AOW 2026-07', [adult('aanvrager', '1950-01-01')], [], '2026-07-15', '1587.34'],
    ['couple both AOW 2026-07', [adult('aanvrager', '1950-01-01'), adult('partner', '1951-01-01')], [], '2026-07-15', '2176.10'],
    ['couple one AOW one 21+ (art. 22 c) 2026-07', [adult('aanvrager', '1950-01-01'), adult('partner', '1970-01-01')], [], '2026-07-15', '2176.10'],
    ['couple both AOW 2024-01 (law text 1932.32, not 1933.98)', [adult('aanvrager', '1950-01-01'), adult('partner', '1951-01-01')], [], '2024-03-01', '1932.32'],
    ['couple one AOW one 21+ 2026-01', [adult('aanvrager', '1950-01-01'), adult('partner', '1970-01-01')], [], '2026-03-01', '2144.16'],
    // a.4: 18 t/m 20
    ['single 18-20 2026-07', [adult('aanvrager', '2007-01-01')], [], '2026-07-15', '350.42'],
    ['both 18-20, no child', [adult('aanvrager', '2007-01-01'), adult('partner', '2006-01-01')], [], '2026-07-15', '700.84'],
    ['both 18-20, with child', [adult('aanvrager', '2007-01-01'), adult('partner', '2006-01-01')], [child('2025-01-01')], '2026-07-15', '1106.40'],
    ['one 18-20 + one 21+, no child', [adult('aanvrager', '2007-01-01'), adult('partner', '2000-01-01')], [], '2026-07-15', '1364.32'],
    ['one 18-20 + one 21+, with child', [adult('aanvrager', '2007-01-01'), adult('partner', '2000-01-01')], [child('2025-01-01')], '2026-07-15', '1769.88'],
    ['one 18-20 + one 21+ 2024-07 (1257.64 is this, not the 21+ single norm)', [adult('aanvrager', '2005-01-01'), adult('partner', '2000-01-01')], [], '2024-08-01', '1257.64'],
  ])('%s', (_name, adults, children, date, expected) => {
    const r = computeBudget(dossier({ adults, children }), inputs(), norms, date);
    expect(s(r.bijstandsnorm.value)).toBe(expected);
  });
});

describe('age on the boundary day', () => {
  /* AOW age 67 (aow_leeftijd table): born 1959-07-15 reaches 67 on 2026-07-15. The day before: 21 tot AOW, 1419.46;
   * on the birthday: AOW, 1587.34. */
  it('AOW-leeftijd is reached on the 67th birthday', () => {
    const d = dossier({ adults: [adult('aanvrager', '1959-07-15')] });
    expect(s(computeBudget(d, inputs(), norms, '2026-07-14').bijstandsnorm.value)).toBe('1419.46');
    expect(s(computeBudget(d, inputs(), norms, '2026-07-15').bijstandsnorm.value)).toBe('1587.34');
  });
  /* 21st birthday 2026-07-15 (born 2005-07-15): the day before 350.42, on the day 1419.46. */
  it('21 is reached on the 21st birthday', () => {
    const d = dossier({ adults: [adult('aanvrager', '2005-07-15')] });
    expect(s(computeBudget(d, inputs(), norms, '2026-07-14').bijstandsnorm.value)).toBe('350.42');
    expect(s(computeBudget(d, inputs(), norms, '2026-07-15').bijstandsnorm.value)).toBe('1419.46');
  });
});

describe('art. 20 lid 3-4 verhoging 18-20 (from 2026-01-01 only)', () => {
  /* 2026-07: 350.42 + 762.24 = 1112.66 <= 1419.46. 2026-01: 345.99 + 746.45 = 1092.44 <= 1401.50. 2025-07: no verhoging
   * in the law text -> 337.98. */
  it.each([
    ['2026-07-15', '1112.66'],
    ['2026-03-01', '1092.44'],
    ['2025-08-01', '337.98'],
  ])('single 18-20 on %s: %s', (date, expected) => {
    const d = dossier({ adults: [adult('aanvrager', '2006-01-01')] });
    expect(s(computeBudget(d, inputs({ geenBeroepOpOuders: true }), norms, date).bijstandsnorm.value)).toBe(expected);
  });
});

describe('art. 22a kostendelersnorm ((40 + 30A)/A % x B, kostendelers 27+)', () => {
  /* 2026-07, B = 2027.79. Single + 1 kostendeler: A = 2, 50 % = 1013.895 -> 1013.90.
   * Couple + 1: A = 3, 2027.79 x 130 / 300 = 878.709 -> 878.71 each, 1757.42.
   * 2026-01 A = 7 (single + 6): 2002.13 x 250 / 700 = 715.046.. -> 715.05 (a.5); A = 8: 700.7455 -> 700.75. */
  it.each([
    [[adult('aanvrager', '1980-01-01')], 1, '2026-07-15', '1013.90'],
    [[adult('aanvrager', '1980-01-01'), adult('partner', '1981-01-01')], 1, '2026-07-15', '1757.42'],
    [[adult('aanvrager', '1980-01-01')], 6, '2026-03-01', '715.05'],
    [[adult('aanvrager', '1980-01-01')], 7, '2026-03-01', '700.75'],
    // a.4 last row: one 18-20 + one 21+ with kostendelers = table amount + the 21+ partner's kostendelersnorm.
    // 2026-07, A = 3: 350.42 + 878.71 = 1229.13 (no child); 755.98 + 878.71 = 1634.69 (with child).
    [[adult('aanvrager', '2007-01-01'), adult('partner', '2000-01-01')], 1, '2026-07-15', '1229.13'],
  ])('%#: %j with %i kostendeler(s) on %s', (adults, kostendelers, date, expected) => {
    const r = computeBudget(dossier({ adults }), inputs({ kostendelers }), norms, date);
    expect(s(r.bijstandsnorm.value)).toBe(expected);
  });
  it('one 18-20 + one 21+ with child and a kostendeler: 755.98 + 878.71 = 1634.69', () => {
    const d = dossier({ adults: [adult('aanvrager', '2007-01-01'), adult('partner', '2000-01-01')], children: [child('2025-01-01')] });
    expect(s(computeBudget(d, inputs({ kostendelers: 1 }), norms, '2026-07-15').bijstandsnorm.value)).toBe('1634.69');
  });
});

describe('kostendelers from 27 (RULES.md i): a child of 27+ living at home is asked about', () => {
  /* Single parent (1960), son born 1999-05-01: 27 on 2026-05-01. Kostendelers from age 27: on 2026-07-15 he is 27 and
   * counts; on 2026-04-15 (26) he does not. Entered as a kostendeler (A = 2): 50 % of 2027.79 = 1013.895 -> 1013.90,
   * and no warning. Not entered: the warning names the rule, the norm is not changed by guessing. */
  const d = () => dossier({ adults: [adult('aanvrager', '1960-01-01')], children: [child('1999-05-01')] });
  it('warns when the child is 27 or older and the number of kostendelers leaves him out', () => {
    const r = computeBudget(d(), inputs(), norms, '2026-07-15');
    expect(codes(r)).toContain('KOSTENDELERS_ONVOLLEDIG');
    expect(r.warnings.find((w) => w.code === 'KOSTENDELERS_ONVOLLEDIG')!.message).toContain('art. 22a Participatiewet');
  });
  it('does not warn the day before the 27th birthday, nor once he is counted', () => {
    expect(codes(computeBudget(d(), inputs(), norms, '2026-04-30'))).not.toContain('KOSTENDELERS_ONVOLLEDIG');
    const counted = computeBudget(d(), inputs({ kostendelers: 1 }), norms, '2026-07-15');
    expect(codes(counted)).not.toContain('KOSTENDELERS_ONVOLLEDIG');
    expect(s(counted.bijstandsnorm.value)).toBe('1013.90');
  });
  it('a child of 27 who does not live at home is no kostendeler', () => {
    const away = dossier({ adults: [adult('aanvrager', '1960-01-01')], children: [child('1999-05-01', false)] });
    expect(codes(computeBudget(away, inputs(), norms, '2026-07-15'))).not.toContain('KOSTENDELERS_ONVOLLEDIG');
  });
});

describe('a.1 vakantietoeslag: excl. = incl. x 0.95; the user text says 5 % and prints no conflict', () => {
  /* 2026-07 single 21+: table excl. 1348.49 (= 1419.46 x 0.95 = 1348.487 -> 1348.49). */
  it('uses the table excl. figure', () => {
    const r = computeBudget(dossier({ adults: [adult('aanvrager', '1980-01-01')] }), inputs(), norms, '2026-07-15');
    expect(s(r.bijstandsnormExclVakantietoeslag.value)).toBe('1348.49');
  });
  /* AOW single 2026-07 has no excl. figure: 1587.34 x 0.95 = 1507.973 -> 1507.97. RULES.md a.1: "explanations shown to
   * users say 'vakantietoeslag 5 % (zoals in de gepubliceerde normbedragen)' and print no 'conflict'" (no 4,8 %). */
  it('derives it with the 5 % rule and words it as RULES.md a.1 says', () => {
    const r = computeBudget(dossier({ adults: [adult('aanvrager', '1950-01-01')] }), inputs(), norms, '2026-07-15');
    expect(s(r.bijstandsnormExclVakantietoeslag.value)).toBe('1507.97');
    const rule = r.bijstandsnormExclVakantietoeslag.explanation.rule;
    expect(rule).toContain('vakantietoeslag 5 % (zoals in de gepubliceerde normbedragen)');
    expect(rule).not.toMatch(/4,8|conflict/i);
  });
});

describe('a peildatum no table covers is refused with a Dutch message', () => {
  it('refuses 2023-12-31 (bijstandsnormen start 2024-01-01)', () => {
    const d = dossier({ adults: [adult('aanvrager', '1980-01-01')] });
    let err: unknown;
    try {
      computeBudget(d, inputs(), norms, '2023-12-31');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NormNotCoveredError);
    expect((err as Error).message).toMatch(/^Er is geen normtabel .* voor 31-12-2023\./);
  });
  /* DOC-AMBIGUOUS: RULES.md says 2027-01 figures are ❌ (refuse); issue 7 asks for 6 provisional months. */
  it('refuses 2027-07-01 (past the provisional window)', () => {
    const d = dossier({ adults: [adult('aanvrager', '1980-01-01')] });
    expect(() => computeBudget(d, inputs(), norms, '2027-07-01')).toThrow(NormNotCoveredError);
  });
  it('uses 2027-01-01 provisionally (issue 7), marked voorlopig', () => {
    const d = dossier({ adults: [adult('aanvrager', '1980-01-01')] });
    const r = computeBudget(d, inputs(), norms, '2027-01-01');
    expect(r.provisional).not.toBeNull();
  });
});

describe('f.1 kinderbijslag: band by age on the first day of the quarter, quarterly / 3', () => {
  /* Peildatum 2026-08-15: quarter start 2026-07-01, table 2026-07 (298.40 / 362.35 / 426.29).
   * born 2020-07-01: 6 on 2026-07-01 -> 6-11: 362.35 / 3 = 120.7833 -> 120.78;
   * born 2020-07-02: 5 -> 0-5: 298.40 / 3 = 99.4667 -> 99.47;
   * born 2008-07-02: 17 -> 12-17: 426.29 / 3 = 142.0967 -> 142.10;
   * born 2008-07-01: 18 -> none. */
  it.each([
    ['2020-07-01', '120.78'],
    ['2020-07-02', '99.47'],
    ['2008-07-02', '142.10'],
    ['2008-07-01', '0.00'],
  ])('child born %s on 2026-08-15: %s per month', (birth, expected) => {
    const d = dossier({ adults: [adult('aanvrager', '1980-01-01')], children: [child(birth)] });
    const r = computeBudget(d, inputs(), norms, '2026-08-15');
    expect(s(r.children.kinderbijslagExpected.value)).toBe(expected);
  });
  /* A child born on the quarter's first day is 0 on that day (f.1: band by the age on the first day of the quarter) and
   * belongs to the household then: kinderbijslag for that quarter (svb.nl "Begindatum en einddatum": "Als uw kind op
   * 1 april is geboren, begint de kinderbijslag dus in het tweede kwartaal. Maar is uw kind op 2 april geboren, dan pas in
   * het derde kwartaal."). Born 2026-07-01, peildatum 2026-08-15: 298.40 / 3 = 99.4667 -> 99.47; born 2026-07-02: 0. */
  it.each([
    ['2026-07-01', '99.47'],
    ['2026-07-02', '0.00'],
  ])('child born %s (quarter starts 2026-07-01): %s per month', (birth, expected) => {
    const d = dossier({ adults: [adult('aanvrager', '1980-01-01')], children: [child(birth)] });
    expect(s(computeBudget(d, inputs(), norms, '2026-08-15').children.kinderbijslagExpected.value)).toBe(expected);
  });
  /* Peildatum 2026-06-30: quarter 2026-04-01, table 2026-01: born 2020-04-01 is 6 -> 358.30 / 3 = 119.4333 -> 119.43. */
  it('uses the table in force on the quarter start', () => {
    const d = dossier({ adults: [adult('aanvrager', '1980-01-01')], children: [child('2020-04-01')] });
    expect(s(computeBudget(d, inputs(), norms, '2026-06-30').children.kinderbijslagExpected.value)).toBe('119.43');
  });
  /* DOC-AMBIGUOUS: three children 0-5, 2026-07: exactly 3 x 298.40 / 3 = 298.40 per month ("do not round until
   * display", f.1); the app rounds per child (99.47 x 3 = 298.41, "round once, then add", ENGINEERING.md). */
  it('three children 0-5: per-child rounding (documented choice)', () => {
    const d = dossier({ adults: [adult('aanvrager', '1980-01-01')], children: [child('2022-01-01'), child('2023-01-01'), child('2024-01-01')] });
    expect(s(computeBudget(d, inputs(), norms, '2026-08-15').children.kinderbijslagExpected.value)).toBe('298.41');
  });
});

describe('f.2 kindgebonden budget', () => {
  /* Alleenstaande ouder at bijstand level, one child of 5, 2026: (2580 + 3416) / 12 = 499.6667 -> 499.67. */
  it('maximum with the ALO-kop at bijstand level', () => {
    const d = dossier({ adults: [adult('aanvrager', '1980-01-01')], children: [child('2021-01-01')], incomes: [pw('1419.46')] });
    expect(s(computeBudget(d, inputs(), norms, '2026-07-15').children.kgbExpected.value)).toBe('499.67');
  });
  /* 12-15 supplement from the month after the 12th birthday (2014-07-10): July 2026 none (499.67), August 2026
   * (2580 + 724 + 3416) / 12 = 560.00. */
  it('12-15 supplement starts the month after the birthday', () => {
    const d = dossier({ adults: [adult('aanvrager', '1980-01-01')], children: [child('2014-07-10')], incomes: [pw('1419.46')] });
    expect(s(computeBudget(d, inputs(), norms, '2026-07-31').children.kgbExpected.value)).toBe('499.67');
    expect(s(computeBudget(d, inputs(), norms, '2026-08-01').children.kgbExpected.value)).toBe('560.00');
  });
  /* 16-17 supplement: 16th birthday 2010-03-31 -> from April 2026: (2580 + 964 + 3416) / 12 = 580.00. */
  it('16-17 supplement from the month after the 16th birthday', () => {
    const d = dossier({ adults: [adult('aanvrager', '1980-01-01')], children: [child('2010-03-31')], incomes: [pw('1401.50')] });
    expect(s(computeBudget(d, inputs(), norms, '2026-03-31').children.kgbExpected.value)).toBe('560.00');
    expect(s(computeBudget(d, inputs(), norms, '2026-04-01').children.kgbExpected.value)).toBe('580.00');
  });
  /* Couple, one child of 5, T = 45000: drempel 29735.42 + 9405 = 39140.42 (39141 with the rounded figure gives the same
   * cent); 0.076 x 5859.58 = 445.32808; 2580 - 445.32808 = 2134.67192; / 12 = 177.889 -> 177.89. No ALO-kop. */
  it('afbouw for partners above drempel + partner increase, no ALO-kop', () => {
    const d = dossier({
      adults: [adult('aanvrager', '1980-01-01'), adult('partner', '1981-01-01')],
      children: [child('2021-01-01')],
      incomes: [{ description: 'Loon', category: 'loon', amount: '2900.00', frequency: 'maand' }],
    });
    expect(s(computeBudget(d, inputs({ toetsingsinkomenPerJaar: '45000.00' }), norms, '2026-07-15').children.kgbExpected.value)).toBe('177.89');
  });
});

describe('f.2 kindgebonden budget in a user table of the earlier layout', () => {
  /* A user table entered before the drempelinkomen had keys of its own holds it (unrounded) under
   * income_up_to_which_maximum_partners_approx only. Same couple as above: 39140.42 -> 177.89. With the figure
   * missing altogether the afbouw is not computed (null), never guessed. */
  const couple = () =>
    dossier({
      adults: [adult('aanvrager', '1980-01-01'), adult('partner', '1981-01-01')],
      children: [child('2021-01-01')],
      incomes: [{ description: 'Loon', category: 'loon', amount: '2900.00', frequency: 'maand' }],
    });
  const withKgbFigures = (edit: (figures: Record<string, string>) => void): NormSet => {
    const table = norms.kindgebonden_budget!;
    const periods = table.periods.map((p) => {
      const figures = { ...p.figures };
      edit(figures);
      return { ...p, figures };
    });
    return { ...norms, kindgebonden_budget: { ...table, periods } };
  };
  it('uses the drempelinkomen under the earlier key', () => {
    const old = withKgbFigures((f) => {
      f['income_up_to_which_maximum_partners_approx'] = '39140.42';
      delete f['drempelinkomen_partners'];
      delete f['drempelinkomen_single'];
    });
    expect(s(computeBudget(couple(), inputs({ toetsingsinkomenPerJaar: '45000.00' }), old, '2026-07-15').children.kgbExpected.value)).toBe('177.89');
  });
  it('leaves the afbouw out when no drempelinkomen is there at all', () => {
    const none = withKgbFigures((f) => {
      for (const k of ['income_up_to_which_maximum_partners_approx', 'drempelinkomen_partners']) delete f[k];
    });
    expect(computeBudget(couple(), inputs({ toetsingsinkomenPerJaar: '45000.00' }), none, '2026-07-15').children.kgbExpected.value).toBeNull();
  });
});

describe('f.3 zorgtoeslag', () => {
  /* Couple at bijstand level, 2026: 2 x 2119 - 4.289 % x 29735.42 = 4238 - 1275.35216 = 2962.64784; / 12 = 246.887
   * -> 246.89 (with 29736: 246.885 -> 246.89; RULES f.3 secondary maximum 246). */
  it('couple maximum', () => {
    const d = dossier({ adults: [adult('aanvrager', '1980-01-01'), adult('partner', '1981-01-01')], incomes: [pw('2027.79')] });
    const zt = computeBudget(d, inputs(), norms, '2026-07-15').entitlements.checks.find((c) => c.scheme === 'zorgtoeslag')!;
    expect(s(zt.expected.value)).toBe('246.89');
  });
  /* Partner not insured: 50 % of 2962.64784 = 1481.32392; / 12 = 123.4437 -> 123.44. */
  it('couple with one partner not insured gets half', () => {
    const d = dossier({ adults: [adult('aanvrager', '1980-01-01'), { ...adult('partner', '1981-01-01'), insuredInNl: false }], incomes: [pw('2027.79')] });
    const zt = computeBudget(d, inputs(), norms, '2026-07-15').entitlements.checks.find((c) => c.scheme === 'zorgtoeslag')!;
    expect(s(zt.expected.value)).toBe('123.44');
  });
});

describe('frequency normalisation (week x 52/12, vier weken x 13/12, kwartaal / 3, jaar / 12)', () => {
  /* 100 per week = 5200 / 12 = 433.333..; 1000 per 4 weeks = 13000 / 12 = 1083.333..; 100 per quarter = 33.333..;
   * 1200 per year = 100. Exact, not rounded. */
  it('is exact', () => {
    expect(toMonthly(new Money('100'), 'week').times(12).toFixed(6)).toBe('5200.000000');
    expect(toMonthly(new Money('1000'), 'vierweken').times(12).toFixed(6)).toBe('13000.000000');
    expect(toMonthly(new Money('100'), 'kwartaal').times(3).toFixed(6)).toBe('100.000000');
    expect(toMonthly(new Money('1200'), 'jaar').toFixed(6)).toBe('100.000000');
  });
  /* In the budget: a line of 250 per week = 1083.333.. -> 1083.33; 1300 per 4 weeks = 1408.333.. -> 1408.33;
   * vakantiegeld 1200 per year -> 100.00 in the income and 100.00 reserved. Total 2591.66. */
  it('budget lines and the vakantiegeld reservation', () => {
    const d = dossier({
      adults: [adult('aanvrager', '1980-01-01')],
      incomes: [
        { description: 'Loon', category: 'loon', amount: '250.00', frequency: 'week' },
        { description: 'Uitkering', category: 'uitkering_uwv', amount: '1300.00', frequency: 'vierweken' },
        { description: 'Vakantiegeld', category: 'loon', amount: '1200.00', frequency: 'jaar' },
      ],
    });
    const r = computeBudget(d, inputs(), norms, '2026-07-15');
    expect(r.income.lines.map((l) => s(l.monthly))).toEqual(['1083.33', '1408.33', '100.00']);
    expect(s(r.income.total.value)).toBe('2591.66');
    expect(s(r.budget.vakantiegeldReservering.value)).toBe('100.00');
  });
});

// The project's reference (outside the repository): compared where it is present.
const REFERENCE = '/work/shared/domain/norms.json';

describe.skipIf(!existsSync(REFERENCE))('shipped norm tables equal norms.json figure by figure', () => {
  const ref = JSON.parse(readFileSync(REFERENCE, 'utf8')) as Record<string, { periods?: Record<string, unknown>; maximum?: { periods: Record<string, unknown> } }>;
  const flat = (o: unknown, pre = '', out: Record<string, string> = {}): Record<string, string> => {
    if (o && typeof o === 'object' && !Array.isArray(o)) for (const [k, v] of Object.entries(o)) flat(v, `${pre}${k}.`, out);
    else if (typeof o === 'string' || typeof o === 'number') out[pre.slice(0, -1)] = String(o);
    return out;
  };
  const refPeriods = (group: string) => (group === 'beslagvrije_voet' ? ref.beslagvrije_voet!.maximum!.periods : ref[group]?.periods) ?? null;
  it('every shipped figure with a counterpart has the same value', () => {
    const mismatches: string[] = [];
    for (const f of readdirSync(path.join(RESOURCES, 'norms'))) {
      const file = JSON.parse(readFileSync(path.join(RESOURCES, 'norms', f), 'utf8')) as { group: string; periods: Record<string, { figures: Record<string, string> }> };
      const periods = refPeriods(file.group);
      if (!periods) continue;
      for (const [start, p] of Object.entries(file.periods)) {
        const rf = flat(periods[start] ?? {});
        for (const [k, v] of Object.entries(p.figures)) {
          if (rf[k] !== undefined && !new Money(rf[k]).equals(new Money(v))) mismatches.push(`${file.group} ${start} ${k}: ${v} vs ${rf[k]}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
