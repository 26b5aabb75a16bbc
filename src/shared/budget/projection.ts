// 24-month projection: the budget recomputed on the first day of each coming month, so children changing age
// band, income/expense items starting or ending and new norm periods show up. A month no table covers is
// marked uncovered, never computed from an older table.
import type Decimal from 'decimal.js';
import { addMonths, format, parseISO, startOfMonth } from 'date-fns';
import type { DossierData } from '../dossier/schema';
import { computeBudget } from './engine';
import type { BudgetInputs } from './inputs';
import { NormNotCoveredError, type NormSet } from './norms';

export interface ProjectionMonth {
  /** "YYYY-MM". */
  month: string;
  /** Date the month was computed for: the reference date for the first month, else the 1st of the month. */
  date: string;
  covered: boolean;
  /** Dutch reason when not covered. */
  reason: string | null;
  inkomen: Decimal | null;
  uitgaven: Decimal | null;
  saldo: Decimal | null;
  bijstandsnorm: Decimal | null;
  vtlb: Decimal | null;
  afloscapaciteit: Decimal | null;
  kinderbijslagVerwacht: Decimal | null;
  /** Period starts in force, e.g. { bijstandsnormen: "2026-07-01" }. */
  normPeriods: Record<string, string>;
  negative: boolean;
  /** What changed compared with the previous month (Dutch). */
  changes: string[];
}

export interface Projection {
  months: ProjectionMonth[];
  /** First month with a negative saldo, or null. */
  firstNegativeMonth: string | null;
  firstUncoveredMonth: string | null;
}

export function projectBudget(dossier: DossierData, inputs: BudgetInputs, norms: NormSet, referenceDate: string, count = 24): Projection {
  const months: ProjectionMonth[] = [];
  const first = startOfMonth(parseISO(referenceDate));
  let prevBands: (string | null)[] | null = null;
  let prevPeriods: Record<string, string> | null = null;
  let prevType: string | null = null;
  for (let i = 0; i < count; i++) {
    const date = i === 0 ? referenceDate : format(addMonths(first, i), 'yyyy-MM-dd');
    const month = date.slice(0, 7);
    try {
      const r = computeBudget(dossier, inputs, norms, date);
      const normPeriods: Record<string, string> = {};
      for (const t of r.normPeriods) normPeriods[t.group] = t.periodStart;
      const bands = r.children.perChild.map((c) => c.band);
      const changes: string[] = [];
      if (prevPeriods) {
        for (const [g, start] of Object.entries(normPeriods)) {
          if (prevPeriods[g] !== undefined && prevPeriods[g] !== start) changes.push(`Nieuwe normperiode ${g} vanaf ${start}.`);
        }
      }
      if (prevBands) {
        r.children.perChild.forEach((c, idx) => {
          if (prevBands![idx] !== c.band) changes.push(`Kind ${c.child}: leeftijdsgroep kinderbijslag ${c.band ?? 'geen'} (was ${prevBands![idx] ?? 'geen'}).`);
        });
      }
      if (prevType !== null && prevType !== r.household.type) changes.push(`Huishouden wordt: ${r.household.typeLabel}.`);
      prevBands = bands;
      prevPeriods = normPeriods;
      prevType = r.household.type;
      const saldo = r.budget.saldo.value;
      months.push({
        month,
        date,
        covered: true,
        reason: null,
        inkomen: r.income.total.value,
        uitgaven: r.budget.expensesTotal.value,
        saldo,
        bijstandsnorm: r.bijstandsnorm.value,
        vtlb: r.vtlb.total.value,
        afloscapaciteit: r.afloscapaciteit.value,
        kinderbijslagVerwacht: r.children.kinderbijslagExpected.value,
        normPeriods,
        negative: saldo !== null && saldo.isNegative(),
        changes,
      });
    } catch (e) {
      if (!(e instanceof NormNotCoveredError)) throw e;
      months.push({
        month,
        date,
        covered: false,
        reason: e.message,
        inkomen: null,
        uitgaven: null,
        saldo: null,
        bijstandsnorm: null,
        vtlb: null,
        afloscapaciteit: null,
        kinderbijslagVerwacht: null,
        normPeriods: {},
        negative: false,
        changes: [],
      });
      prevBands = null;
      prevPeriods = null;
      prevType = null;
    }
  }
  return {
    months,
    firstNegativeMonth: months.find((m) => m.negative)?.month ?? null,
    firstUncoveredMonth: months.find((m) => !m.covered)?.month ?? null,
  };
}
