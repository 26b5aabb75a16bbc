// The projection runs the engine once per "month signature" (norm periods, ages, counted lines, quarter) and
// reuses that result for later months with the same signature; months without norm tables are found up front.
// Every month must hold the figures of the engine run from scratch on that month's date: a one-month projection
// on that date computes exactly that (one engine run, nothing reused). Only `changes` differs by design (it
// compares with the previous month), so it is compared separately with a projection where every month is fresh.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../../../src/core/app';
import { budgetInputsSchema, computeBudget, projectBudget, type NormSet } from '../../../src/shared/budget';
import { interchangeSchema, type DossierData } from '../../../src/shared/dossier/schema';
import { bundledNorms } from '../../support/budget';
import { adult, child, dossier } from './helpers';

let norms: NormSet;
const households: DossierData[] = [];
beforeAll(async () => {
  norms = await bundledNorms();
  const dir = path.join(defaultResourcesDir(), 'demo');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    households.push(...(interchangeSchema.parse(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))).dossiers as DossierData[]));
  }
});

// Mid-month, a quarter's first day, a leap day, provisional norms ahead, and dates whose later months have no tables.
const DATES = ['2025-12-31', '2026-01-01', '2026-03-15', '2026-06-30', '2026-11-23', '2027-05-31', '2028-02-29'];

describe('projectBudget with one engine run per month signature', () => {
  it('gives every month the figures of the engine run from scratch on its date, for all demo households', () => {
    const variants = [budgetInputsSchema.parse({}), budgetInputsSchema.parse({ vakantiegeld: { bedragPerJaar: '1200.00', maand: 5 } })];
    expect(households.length).toBeGreaterThanOrEqual(9);
    let uncovered = 0;
    let covered = 0;
    for (const d of households) {
      for (const inputs of variants) {
        for (const date of DATES) {
          const projection = projectBudget(d, inputs, norms, date);
          expect(projection.months).toHaveLength(24);
          for (const m of projection.months) {
            const { changes: _c, ...figures } = m;
            const { changes: _s, ...scratch } = projectBudget(d, inputs, norms, m.date, 1).months[0]!;
            expect(figures, `${d.number} ${date} → ${m.month}`).toEqual(scratch);
            if (m.covered) {
              covered++;
              const r = computeBudget(d, inputs, norms, m.date);
              expect(m.bijstandsnorm).toEqual(r.bijstandsnorm.value);
              expect(m.afloscapaciteit).toEqual(r.afloscapaciteit.value);
              expect(m.kgbVerwacht).toEqual(r.children.kgbExpected.value);
            } else {
              uncovered++;
              expect(() => computeBudget(d, inputs, norms, m.date)).toThrow(m.reason!.replace(/^normen nog niet bekend: /, ''));
            }
          }
        }
      }
    }
    // The dates above reach both kinds of month.
    expect(covered).toBeGreaterThan(0);
    expect(uncovered).toBeGreaterThan(0);
  });

  it('says in each month what changed in the age groups and the household, as the engine from scratch finds it', () => {
    const inputs = budgetInputsSchema.parse({});
    let bandChanges = 0;
    for (const d of households) {
      for (const date of DATES) {
        const months = projectBudget(d, inputs, norms, date).months;
        for (let i = 1; i < months.length; i++) {
          const [a, b] = [months[i - 1]!, months[i]!];
          if (!a.covered || !b.covered) continue;
          const [ra, rb] = [computeBudget(d, inputs, norms, a.date), computeBudget(d, inputs, norms, b.date)];
          rb.children.perChild.forEach((c, idx) => {
            const line = `Kind ${c.child}: leeftijdsgroep kinderbijslag ${c.band ?? 'geen'} (was ${ra.children.perChild[idx]!.band ?? 'geen'}).`;
            const changed = ra.children.perChild[idx]!.band !== c.band;
            if (changed) bandChanges++;
            expect(b.changes.includes(line), `${d.number} ${b.month} kind ${c.child}`).toBe(changed);
          });
          expect(b.changes.includes(`Huishouden wordt: ${rb.household.typeLabel}.`)).toBe(ra.household.type !== rb.household.type);
        }
      }
    }
    expect(bandChanges).toBeGreaterThan(0);
  });

  it('follows every boundary inside the projection: AOW age, 21st birthday, child age groups, a birth, lines starting and ending', () => {
    const inputs = budgetInputsSchema.parse({});
    // 67 (the bundled AOW age) on 2026-04-15; 21 on 2026-10-01; children turning 6, 12, 16 and 18 on a 1st and
    // on another day of the month, and one born in the projection.
    const households = [
      dossier({
        adults: [adult('aanvrager', '1959-04-15'), adult('partner', '1962-02-01')],
        incomes: [
          { description: 'Loon', category: 'loon', amount: '1800.00', frequency: 'maand', endDate: '2026-08-31' },
          { description: 'AOW', category: 'overig', amount: '1500.00', frequency: 'maand', startDate: '2026-10-01' },
        ],
        expenses: [{ description: 'Huur', category: 'huur', amount: '900.00', frequency: 'maand', endDate: '2027-02-14' }],
      }),
      dossier({
        adults: [adult('aanvrager', '2005-10-01')],
        children: [child('2020-11-01'), child('2014-05-01'), child('2010-08-17'), child('2008-09-01'), child('2026-09-01')],
        incomes: [{ description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1419.46', frequency: 'maand' }],
        expenses: [{ description: 'Huur', category: 'huur', amount: '700.00', frequency: 'vierweken', startDate: '2026-07-20' }],
      }),
    ];
    for (const d of households) {
      for (const date of ['2026-03-15', '2026-06-01']) {
        const projection = projectBudget(d, inputs, norms, date);
        for (const m of projection.months) {
          const { changes: _c, ...figures } = m;
          const { changes: _s, ...scratch } = projectBudget(d, inputs, norms, m.date, 1).months[0]!;
          expect(figures, `${date} → ${m.month}`).toEqual(scratch);
        }
      }
    }
  });

  it('reaches each birthday on the day the engine counts it: 29 February, a quarter start, a month end', () => {
    // The signature compares dates with the days each age is reached. One change per household, in months whose
    // norm periods stay the same (so nothing else tells the months apart): 21 on 1 March 2026; 21 for a 29 February
    // birthday on 1 March 2025; 6 on 1 April 2026, a quarter's first day (kinderbijslag band); 12 on 30 April 2026,
    // the last day before May (kindgebonden budget supplement).
    const inputs = budgetInputsSchema.parse({});
    const bijstand = [{ description: 'Bijstand', category: 'uitkering_participatiewet' as const, amount: '1200.00', frequency: 'maand' as const }];
    const alone = (birthDate: string) => dossier({ adults: [adult('aanvrager', birthDate)], incomes: bijstand });
    const parent = (childBirthDate: string) => dossier({ adults: [adult('aanvrager', '1990-05-05')], children: [child(childBirthDate)], incomes: bijstand });
    const cases = [
      { d: alone('2005-03-01'), date: '2026-01-15', month: '2026-03' },
      { d: alone('2004-02-29'), date: '2025-01-15', month: '2025-03' },
      { d: parent('2020-04-01'), date: '2026-01-15', month: '2026-04' },
      { d: parent('2014-04-30'), date: '2026-01-15', month: '2026-05' },
    ];
    for (const { d, date, month } of cases) {
      const months = projectBudget(d, inputs, norms, date).months;
      for (const m of months) {
        const { changes: _c, ...figures } = m;
        const { changes: _s, ...scratch } = projectBudget(d, inputs, norms, m.date, 1).months[0]!;
        expect(figures, `${date} → ${m.month}`).toEqual(scratch);
      }
      // The birthday changes a figure in that month (else this case would prove nothing).
      const at = months.findIndex((m) => m.month === month);
      expect(months[at]!, month).not.toEqual({ ...months[at - 1]!, month: months[at]!.month, date: months[at]!.date, changes: months[at]!.changes });
    }
  });
});
