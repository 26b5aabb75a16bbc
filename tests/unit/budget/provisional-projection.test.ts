// Issue 7 (norms never stop the work) and issue 6 part 6 (the projection runs all 24 months and moves with known
// events). Every bundled table ends on 2026-12-31; expected figures below are derived by hand from those tables.
import { beforeAll, describe, expect, it } from 'vitest';
import { computeBudget } from '../../../src/shared/budget/engine';
import { toBudgetJson } from '../../../src/shared/budget/json';
import { NormNotCoveredError, type NormSet } from '../../../src/shared/budget/norms';
import { normBasedFigures } from '../../../src/shared/budget/provisional';
import { projectBudget } from '../../../src/shared/budget/projection';
import { adult, bundledNorms, child, dossier, inputs } from './helpers';

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});

const VOORLOPIG = 'voorlopig: de normen per 01-01-2027 zijn nog niet gepubliceerd';

/* Single parent (born 1990), child born 2014-11-10 (11 on 2026-10-01, 12 on 2026-11-10, still 12 on 2027-01-01).
 * Bijstand 1419.46, kinderbijslag received 362.35 per quarter (= 120.7833.. -> 120.78 per month), a side job of
 * 200.00 until 2027-02-28; rent 800.00. */
const family = () =>
  dossier({
    adults: [adult('aanvrager', '1990-01-01')],
    children: [child('2014-11-10')],
    incomes: [
      { description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1419.46', frequency: 'maand' },
      { description: 'Kinderbijslag', category: 'kinderbijslag', amount: '362.35', frequency: 'kwartaal' },
      { description: 'Bijbaan', category: 'overig', amount: '200.00', frequency: 'maand', endDate: '2027-02-28' },
    ],
    expenses: [{ description: 'Huur', category: 'huur', amount: '800.00', frequency: 'maand' }],
  });

describe('provisional norms (issue 7)', () => {
  it('computes 2027-03-01 with the 2026-07 figures, marked voorlopig on the result and every norm-based figure', () => {
    const r = computeBudget(family(), inputs(), norms, '2027-03-01');
    // Bijstandsnorm alleenstaande ouder 2026-07-01 (art. 21 a): 1419.46.
    expect(r.bijstandsnorm.value!.toFixed(2)).toBe('1419.46');
    expect(r.provisional).toMatchObject({ from: '2027-01-01', message: VOORLOPIG });
    expect(r.provisional!.groups).toEqual(expect.arrayContaining(['bijstandsnormen', 'beslagvrije_voet', 'kinderbijslag', 'kindgebonden_budget']));
    expect(r.warnings[0]).toMatchObject({ code: 'VOORLOPIGE_NORMEN' });
    expect(r.warnings[0]!.message).toContain('Voorlopig: de normen per 01-01-2027 zijn nog niet gepubliceerd');
    for (const f of normBasedFigures(r)) expect(f.provisional, f.label).toBe(VOORLOPIG);
    // Income and expenses rest on no norm: not marked.
    expect(r.income.total.provisional ?? null).toBeNull();
    expect(r.budget.saldo.provisional ?? null).toBeNull();
    const bijstand = r.normPeriods.find((t) => t.group === 'bijstandsnormen')!;
    expect(bijstand).toMatchObject({ periodStart: '2026-07-01', periodEnd: '2026-12-31', provisionalFrom: '2027-01-01' });
    // Kinderbijslag on the quarter start 2027-01-01, child 12 -> 426.29 / 3 = 142.0966.. -> 142.10.
    expect(r.children.kinderbijslagExpected.value!.toFixed(2)).toBe('142.10');

    const j = toBudgetJson(r);
    expect(j.voorlopig).toBe(VOORLOPIG);
    expect(j.normPeriod.bijstandsnormen).toMatchObject({ start: '2026-07-01', provisionalFrom: '2027-01-01' });
    expect(j.explanation.bijstandsnorm!.voorlopig).toBe(VOORLOPIG);
    expect(j.explanation.inkomenPerMaand!.voorlopig).toBeUndefined();
  });

  it('computes up to 2027-06-30 and refuses 2027-07-01 and later', () => {
    expect(computeBudget(family(), inputs(), norms, '2027-06-30').provisional!.from).toBe('2027-01-01');
    expect(computeBudget(family(), inputs(), norms, '2026-12-31').provisional).toBeNull();
    for (const date of ['2027-07-01', '2028-01-01']) {
      expect(() => computeBudget(family(), inputs(), norms, date)).toThrow(NormNotCoveredError);
    }
  });
});

describe('24-month projection', () => {
  // Toetsingsinkomen 20000 lies below the KGB drempelinkomen (29735.42): no afbouw.
  // Vakantietoeslag 850.00 per year in the dossier (the one source), paid in May: 850 / 12 = 70.8333.. -> 70.83 in
  // each month's budget income; the projection shows it as it comes in, so every month's income is the budget's
  // income - 70.83 and May adds 850.00.
  const withVakantiegeld = () => {
    const d = family();
    d.incomes.push({ description: 'Vakantietoeslag', category: 'uitkering_participatiewet', amount: '850.00', frequency: 'jaar', personRole: 'aanvrager' });
    return d;
  };
  const p = () => projectBudget(withVakantiegeld(), inputs({ vakantiegeld: { maand: 5, bedragPerJaar: null, reden: null }, toetsingsinkomenPerJaar: '20000.00' }), norms, '2026-10-01');
  const month = (m: string) => p().months.find((x) => x.month === m)!;

  it('always has 24 months; months no table covers keep income, expenses and saldo and say "normen nog niet bekend"', () => {
    const proj = p();
    expect(proj.months).toHaveLength(24);
    expect(proj.months.map((m) => m.month)[23]).toBe('2028-09');
    expect(proj.firstProvisionalMonth).toBe('2027-01');
    expect(proj.firstUncoveredMonth).toBe('2027-07');
    for (const m of proj.months.filter((x) => x.month >= '2027-07')) {
      expect(m.covered).toBe(false);
      expect(m.reason).toMatch(/^normen nog niet bekend: /);
      expect(m.bijstandsnorm).toBeNull();
      expect(m.afloscapaciteit).toBeNull();
      expect(m.kinderbijslagVerwacht).toBeNull();
      // Income without the side job (ended 2027-02-28): 1419.46 + 120.78 = 1540.24; saldo 1540.24 - 800 = 740.24
      // (May 2028 adds the vakantiegeld).
      if (m.month !== '2028-05') expect(m.saldo.toFixed(2)).toBe('740.24');
    }
    expect(month('2027-07').changes.join(' ')).toContain('normen nog niet bekend');
    for (const m of proj.months.filter((x) => x.month >= '2027-01' && x.month < '2027-07')) expect(m.provisional).toBe(VOORLOPIG);
    expect(month('2027-01').changes.join(' ')).toContain(VOORLOPIG);
  });

  /* Child turns 12 on 2026-11-10: KGB 12-15 supplement from December (month after the birthday): single parent below
   * the drempelinkomen, (2580 + 3416) / 12 = 499.666.. -> 499.67 in November, (2580 + 724 + 3416) / 12 = 560.00 from
   * December. Kinderbijslag moves to 12-17 on the next quarter start 2027-01-01: 362.35 / 3 -> 120.78 becomes
   * 426.29 / 3 -> 142.10. */
  it('moves with a child turning 12: KGB supplement the month after, kinderbijslag band the next quarter', () => {
    expect(month('2026-11').changes.join(' ')).toContain('Kind 1 wordt 12 (10-11-2026)');
    expect(month('2026-11').kgbVerwacht!.toFixed(2)).toBe('499.67');
    expect(month('2026-12').kgbVerwacht!.toFixed(2)).toBe('560.00');
    expect(month('2026-12').changes.join(' ')).toContain('verhoging kindgebonden budget 12-15 jaar vanaf deze maand');
    expect(month('2026-12').kinderbijslagVerwacht!.toFixed(2)).toBe('120.78');
    expect(month('2027-01').kinderbijslagVerwacht!.toFixed(2)).toBe('142.10');
    expect(month('2027-01').changes.join(' ')).toContain('leeftijdsgroep kinderbijslag 12-17 (was 6-11)');
  });

  /* A child turning 6 on a quarter's first day (born 2021-01-01: 6 on 2027-01-01) is 6 on the first day of that quarter (AKW art. 12 lid 3), so the 6-11 band starts in that quarter itself:
   * 2027-01 kinderbijslag 362.35 / 3 = 120.7833.. -> 120.78 (was 298.40 / 3 -> 99.47 in December). The month's event
   * says "vanaf dit kwartaal", not "vanaf het volgende kwartaal". */
  it('a birthday on a quarter’s first day moves the kinderbijslag band in that quarter, and says so', () => {
    const d = dossier({
      adults: [adult('aanvrager', '1990-01-01')],
      children: [child('2021-01-01')],
      incomes: [{ description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1419.46', frequency: 'maand' }],
    });
    const proj = projectBudget(d, inputs(), norms, '2026-11-15');
    const m = (k: string) => proj.months.find((x) => x.month === k)!;
    expect(m('2026-12').kinderbijslagVerwacht!.toFixed(2)).toBe('99.47');
    expect(m('2027-01').kinderbijslagVerwacht!.toFixed(2)).toBe('120.78');
    const text = m('2027-01').changes.join(' ');
    expect(text).toContain('Kind 1 wordt 6 (01-01-2027): kinderbijslag 6-11 jaar vanaf dit kwartaal');
    expect(text).not.toContain('vanaf het volgende kwartaal');
  });

  /* Side job until 2027-02-28: February 1419.46 + 120.78 + 200 = 1740.24 (saldo 940.24); March 1540.24 (740.24). */
  it('moves when an income ends', () => {
    expect(month('2027-02').inkomen.toFixed(2)).toBe('1740.24');
    expect(month('2027-02').changes.join(' ')).toContain('Inkomen stopt: Overig inkomen (Bijbaan), laatste dag 28-02-2027');
    expect(month('2027-03').inkomen.toFixed(2)).toBe('1540.24');
    expect(month('2027-03').saldo.toFixed(2)).toBe('740.24');
  });

  /* Vakantiegeld 850.00 in May: May 2027 income 1540.24 + 850.00 = 2390.24, saldo 1590.24. */
  it('adds the vakantiegeld in its month', () => {
    expect(month('2027-05').vakantiegeld!.toFixed(2)).toBe('850.00');
    expect(month('2027-05').inkomen.toFixed(2)).toBe('2390.24');
    expect(month('2027-05').saldo.toFixed(2)).toBe('1590.24');
    expect(month('2027-05').changes.join(' ')).toContain('Vakantiegeld in mei: € 850,00 komt binnen (per maand gereserveerd: € 70,83)');
    // Leefgeld = budget income 1611.07 - rent 800 (vaste lasten) - reservation 70.83 = 740.24; May + 850 = 1590.24.
    expect(month('2027-04').leefgeld.toFixed(2)).toBe('740.24');
    expect(month('2027-05').leefgeld.toFixed(2)).toBe('1590.24');
    // Without norms (2028-05) the same source from the dossier alone.
    expect(month('2028-05').vakantiegeld!.toFixed(2)).toBe('850.00');
    expect(month('2028-04').leefgeld.toFixed(2)).toBe('740.24');
    expect(month('2027-04').vakantiegeld).toBeNull();
    expect(month('2028-05').saldo.toFixed(2)).toBe('1590.24');
  });
});
