// Child benefits age band on the quarter start, items outside their dates, and the 24-month projection.
import { beforeAll, describe, expect, it } from 'vitest';
import { computeBudget } from '../../../src/shared/budget/engine';
import { toBudgetJson } from '../../../src/shared/budget/json';
import type { NormSet } from '../../../src/shared/budget/norms';
import { projectBudget } from '../../../src/shared/budget/projection';
import { adult, bundledNorms, child, dossier, inputs } from './helpers';

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});

// Child born 2020-08-10: 5 on 2026-07-01, 6 on 2026-08-10, 6 on 2026-10-01.
const family = () =>
  dossier({
    adults: [adult('aanvrager', '1990-01-01')],
    children: [child('2020-08-10')],
    incomes: [
      { description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1419.46', frequency: 'maand' },
      { description: 'Bijbaan', category: 'overig', amount: '300.00', frequency: 'maand', endDate: '2026-11-30' },
      { description: 'Oude uitkering', category: 'uitkering_uwv', amount: '999.00', frequency: 'maand', endDate: '2026-06-30' },
    ],
    expenses: [{ description: 'Huur', category: 'huur', amount: '1500.00', frequency: 'maand' }],
  });

describe('kinderbijslag age band', () => {
  /* On 2026-09-15 the child is 6, but on the quarter start 2026-07-01 it was 5 -> band 0-5: 298.40 / 3 = 99.4666..
   * -> 99.47 (rounded once per child, half-up). On 2026-10-01 (new quarter) it is 6 -> band 6-11:
   * 362.35 / 3 = 120.7833.. -> 120.78. */
  it('uses the age on the first day of the quarter', () => {
    const sep = computeBudget(family(), inputs(), norms, '2026-09-15');
    expect(sep.children.perChild[0]).toMatchObject({ ageOnQuarterStart: 5, band: '0-5' });
    expect(sep.children.kinderbijslagExpected.value!.toFixed()).toBe('99.47');
    const oct = computeBudget(family(), inputs(), norms, '2026-10-01');
    expect(oct.children.perChild[0]).toMatchObject({ ageOnQuarterStart: 6, band: '6-11' });
    expect(toBudgetJson(oct).kinderbijslagVerwacht).toBe('120.78');
  });

  /* Income items outside their dates do not count: on 2026-09-15 the UWV benefit (ended 2026-06-30) is out,
   * the side job (until 2026-11-30) is in: 1419.46 + 300.00 = 1719.46. */
  it('skips items outside their start and end dates', () => {
    const r = computeBudget(family(), inputs(), norms, '2026-09-15');
    expect(r.income.attachable.value!.toFixed(2)).toBe('1719.46');
    expect(r.income.lines.map((l) => l.counted)).toEqual([true, true, false]);
  });
});

describe('projection', () => {
  /*
   * From 2026-08-15: Aug-Sep band 0-5, October band 6-11 (change recorded).
   * Saldo: income 1419.46 + 300 (until 2026-11-30) - 1500 = 219.46 >= 0 through November; from December
   * 1419.46 - 1500 = -80.54 -> first negative month 2026-12.
   * January 2027: no bundled tables -> the 2026-07 tables are used provisionally (issue 7) through June 2027;
   * from July 2027 the norm-based figures say "normen nog niet bekend", income/expenses/saldo still count.
   */
  it('follows band changes, flags the first shortfall and marks provisional and uncovered months', () => {
    const p = projectBudget(family(), inputs(), norms, '2026-08-15');
    expect(p.months).toHaveLength(24);
    expect(p.months[0]).toMatchObject({ month: '2026-08', date: '2026-08-15', covered: true });
    const oct = p.months.find((m) => m.month === '2026-10')!;
    expect(oct.changes.join(' ')).toContain('6-11');
    expect(oct.kinderbijslagVerwacht!.toFixed()).toBe('120.78');
    expect(p.months.find((m) => m.month === '2026-11')!.saldo!.toFixed(2)).toBe('219.46');
    expect(p.months.find((m) => m.month === '2026-12')!.saldo!.toFixed(2)).toBe('-80.54');
    expect(p.firstNegativeMonth).toBe('2026-12');
    expect(p.firstProvisionalMonth).toBe('2027-01');
    const jan = p.months.find((m) => m.month === '2027-01')!;
    expect(jan).toMatchObject({ covered: true, provisional: 'voorlopig: de normen per 01-01-2027 zijn nog niet gepubliceerd' });
    expect(jan.bijstandsnorm!.toFixed(2)).toBe('1419.46');
    expect(p.firstUncoveredMonth).toBe('2027-07');
    const jul = p.months.find((m) => m.month === '2027-07')!;
    expect(jul).toMatchObject({ covered: false, bijstandsnorm: null, afloscapaciteit: null });
    expect(jul.reason).toContain('normen nog niet bekend');
    expect(jul.saldo.toFixed(2)).toBe('-80.54');
    expect(p.months.slice(11).every((m) => !m.covered)).toBe(true);
    const json = toBudgetJson(computeBudget(family(), inputs(), norms, '2026-08-15'), p);
    expect(json.eersteTekortMaand).toBe('2026-12');
    expect(json.projectie![4]).toMatchObject({ month: '2026-12', saldo: '-80.54', negative: true });
  });

  /* Norm period change inside the projection: from 2026-05-01, June uses 2026-01-01 norms (1401.50), July the
   * 2026-07-01 norms (1419.46). */
  it('switches norm periods on 1 July', () => {
    const p = projectBudget(family(), inputs(), norms, '2026-05-01', 3);
    expect(p.months.map((m) => m.bijstandsnorm!.toFixed(2))).toEqual(['1401.50', '1401.50', '1419.46']);
    expect(p.months[2]!.changes.join(' ')).toContain('bijstandsnormen');
  });
});
