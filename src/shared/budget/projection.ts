// 24-month projection: the budget recomputed on the first day of each coming month, so children changing age
// band, income/expense items starting or ending, the vakantiegeld month and new norm periods show up. All 24
// months are always there: income, expenses, saldo and leefgeld need no norm table; the norm-based figures of
// a month no table covers (not even provisionally, see norms.ts) are null and the month says
// "normen nog niet bekend", never computed from an older table.
import type Decimal from 'decimal.js';
import { formatNlDate, monthsReached, lastDayOfPreviousMonth, monthsFrom, quarterStartOf } from '../dates';
import { Memo } from '../memo';
import { COST_ALLOWANCE_INCOME, EXPENSE_CATEGORY_GROUP, EXPENSE_CATEGORY_LABELS, INCOME_CATEGORY_LABELS, NON_ATTACHABLE_INCOME } from '../dossier/categories';
import type { BudgetDossier } from './household';
import { formatEuro, roundCents, sum, ZERO } from '../money';
import { DEFAULT_VAKANTIEGELD_MAAND, MONTH_NAMES, vakantiegeldSource } from './vakantiegeld';
import { LINEAR_FORMULA_FROM } from './bvv';
import { figuresOnly } from './explain';
import { computeBudgetFigures, NUL_AANBOD_SINCE, type BudgetResult } from './engine';
import type { BudgetInputs } from './inputs';
import { activeOn, costAllowancesOf, monthlyLine } from './lines';
import { describeCoverage, findPeriod, NormNotCoveredError, type NormSet } from './norms';
import { provisionalOf } from './provisional';
import { NORM_GROUP_LABELS, type NormGroup } from './norm-schema';

/** What an uncovered month says instead of its norm-based figures. */
export const NORMS_NOT_KNOWN = 'normen nog niet bekend';

export interface ProjectionMonth {
  /** "YYYY-MM". */
  month: string;
  /** Date the month was computed for: the reference date for the first month, else the 1st of the month. */
  date: string;
  /** Whether the norm-based figures could be computed (a norm table, possibly provisional, covers the month). */
  covered: boolean;
  /** Dutch reason when not covered: "normen nog niet bekend" plus which table is missing. */
  reason: string | null;
  /** "voorlopig: de normen per … zijn nog niet gepubliceerd" when computed with provisional norms. */
  provisional: string | null;
  /** Income as it comes in: the budget's income without the 1/12 of the yearly payments, plus those in their month. */
  inkomen: Decimal;
  /** Cost allowances (pleegvergoeding, bijzondere bijstand, pgb): not income, but in the saldo. */
  kostenvergoedingen: Decimal;
  uitgaven: Decimal;
  saldo: Decimal;
  /** Income − vaste lasten − reserveringsuitgaven − vakantiegeld reservation (+ the vakantiegeld in its month). */
  leefgeld: Decimal;
  /** Vakantiegeld paid in this month (already in `inkomen`), else null. */
  vakantiegeld: Decimal | null;
  bijstandsnorm: Decimal | null;
  vtlb: Decimal | null;
  afloscapaciteit: Decimal | null;
  kinderbijslagVerwacht: Decimal | null;
  kgbVerwacht: Decimal | null;
  /** Period starts in force, e.g. { bijstandsnormen: "2026-07-01" }. */
  normPeriods: Record<string, string>;
  negative: boolean;
  /** What changed compared with the previous month, and known events in this month (Dutch). */
  changes: string[];
}

export interface Projection {
  months: ProjectionMonth[];
  /** First month with a negative saldo, or null. */
  firstNegativeMonth: string | null;
  /** First month whose norm-based figures are unknown, or null. */
  firstUncoveredMonth: string | null;
  /** First month computed with provisional norms, or null. */
  firstProvisionalMonth: string | null;
}


/** Income, expenses, saldo and leefgeld of a month from the dossier alone (same lines as the engine). */
function cashflow(dossier: BudgetDossier, date: string, inputs: BudgetInputs) {
  const active = dossier.incomes.filter((i) => activeOn(i, date));
  const monthly = (i: (typeof active)[number]) => monthlyLine(i.amount, i.frequency, i.instalments);
  const inc = sum(active.filter((i) => !COST_ALLOWANCE_INCOME.has(i.category)).map(monthly));
  const allowances = sum(active.filter((i) => COST_ALLOWANCE_INCOME.has(i.category)).map(monthly));
  // Each counted expense's monthly line once: all of them, and those of two Nibud groups, each summed in order.
  const groups: Record<string, string> = EXPENSE_CATEGORY_GROUP;
  const all: Decimal[] = [];
  const fixedLines: Decimal[] = [];
  const reservedLines: Decimal[] = [];
  for (const e of dossier.expenses) {
    if (!activeOn(e, date)) continue;
    const line = monthlyLine(e.amount, e.frequency, e.instalments);
    all.push(line);
    const group = groups[e.category];
    if (group === 'vaste_lasten') fixedLines.push(line);
    else if (group === 'reserveringsuitgaven') reservedLines.push(line);
  }
  const total = sum(all);
  const fixed = sum(fixedLines);
  const reserved = sum(reservedLines);
  // Like the engine: the allowances pay for costs listed among the expenses, so they count in saldo and leefgeld.
  const vg = cashflowVakantiegeld(dossier, inputs, date);
  return { inkomen: inc, kostenvergoedingen: allowances, uitgaven: total, leefgeld: inc.plus(allowances).minus(fixed).minus(reserved).minus(vg.reserved), vg };
}

/** The vakantiegeld of a month from the dossier alone (same source and rules as the engine, vakantiegeld.ts). */
function cashflowVakantiegeld(dossier: BudgetDossier, inputs: BudgetInputs, date: string): { reserved: Decimal; perJaar: Decimal } {
  const lines = dossier.incomes.map((i, index) => ({
    index,
    amount: i.amount,
    category: i.category,
    frequency: i.frequency,
    attachable: !NON_ATTACHABLE_INCOME.has(i.category),
    treatment: COST_ALLOWANCE_INCOME.has(i.category) ? 'kostenvergoeding' : 'inkomen',
    counted: activeOn(i, date),
    monthly: monthlyLine(i.amount, i.frequency, i.instalments),
  }));
  // Only the figures are read: no explanation words (explain.ts).
  const src = figuresOnly(() => vakantiegeldSource(lines, () => 'aanvrager', inputs.vakantiegeld, 'huishouden', () => undefined));
  return { reserved: src.reservering.value!, perJaar: src.perJaar };
}

/**
 * Everything on which the engine's figures read below depend and that changes with the date: the norm period
 * (and provisional start) of every table on the date (the kinderbijslag's also on the quarter's first day), the age groups the rules
 * use, which incomes and expenses count, and the dated rules (lineair BVV, nul-aanbod). Two months with the same
 * signature give the same figures, so the projection computes each signature once (most households: a handful
 * of engine runs for 24 months). Left out on purpose: what only the entitlement checks and the explanations use
 * (the previous quarter, exact ages), which the projection does not read.
 *
 * The signature is the norm part (NormSignature: `parts`, `provisionalKey`, kept per norm set and date) plus this
 * household's part returned here; the projection looks results up by the parts in turn, never by one long key
 * concatenated anew every month.
 */
function householdSignature(people: People, sig: NormSignature, date: string, active: string): string {
  const { qs, prevMonthEnd, aowAgeMonths } = sig;
  let key = '';
  // Adults: minor, 18-20, 21 and older, AOW age reached (in months, as household.ts compares it).
  for (const a of people.adults) {
    key += `${date < a.at18 ? 'm' : date < a.at21 ? 'j' : 'v'}${monthsReached(a.birthDate, date, aowAgeMonths) ? 'aow' : ''},`;
  }
  // Children: under 18 on the date; kgb supplement group on the last day of the previous month (vtlb.ts,
  // engine.ts); kinderbijslag band on the quarter's first day (engine.ts).
  for (const c of people.children) {
    const onDate = c.birthDate <= date ? (date < c.at18 ? 'k' : 'v') : 'x';
    const kgb = c.birthDate <= prevMonthEnd ? (prevMonthEnd < c.at12 ? 'a' : prevMonthEnd < c.at16 ? 'b' : prevMonthEnd < c.at18 ? 'c' : 'd') : 'x';
    const kb = c.birthDate <= qs ? (qs < c.at6 ? 'a' : qs < c.at12 ? 'b' : qs < c.at18 ? 'c' : 'd') : 'x';
    key += `${onDate}${kgb}${kb},`;
  }
  return key + active;
}

/**
 * The people of a household with the days on which they reach the ages the signature compares: `ageOn(birth, d) >= n`
 * exactly when `d >= at(n)` (ISO strings compare as dates; a 29 February birthday is reached on 1 March in other
 * years, as ageOn counts it), so a month compares strings instead of working out ages.
 */
interface People {
  adults: { birthDate: string; at18: string; at21: string }[];
  children: { birthDate: string; at6: string; at12: string; at16: string; at18: string }[];
}

function peopleOf(dossier: BudgetDossier): People {
  const at = (birthDate: string, age: number): string => {
    const year = Number(birthDate.slice(0, 4)) + age;
    // Past year 9999 no ISO date reaches it: a text above every date.
    return year > 9999 ? '\uffff' : `${String(year).padStart(4, '0')}${birthDate.slice(4)}`;
  };
  return {
    adults: dossier.adults.map((a) => ({ birthDate: a.birthDate, at18: at(a.birthDate, 18), at21: at(a.birthDate, 21) })),
    children: dossier.children.map((c) => ({ birthDate: c.birthDate, at6: at(c.birthDate, 6), at12: at(c.birthDate, 12), at16: at(c.birthDate, 16), at18: at(c.birthDate, 18) })),
  };
}

interface NormSignature {
  /** The norm periods in force (start and end per table), without whether they are used provisionally. */
  parts: string;
  /** Which of those periods are used provisionally: `provisionalFrom` per "group@start", joined as a key. */
  provisionalKey: string;
  /**
   * `provisionalFrom` per "group@start" of the periods in force; null when one period is both provisional and
   * not on the dates the engine reads (the kinderbijslag on the quarter's first day and on the date).
   */
  provisional: ReadonlyMap<string, string | null> | null;
  /** First day of the date's quarter. */
  qs: string;
  /** Last day of the month before the date's month. */
  prevMonthEnd: string;
  aowAgeMonths: number;
}

/**
 * The part of a month's signature that depends on the norm set and the date alone, kept per norm set (the last
 * few: a vault's norm set lives until its norms change). Reference dates come from dossiers, so forgotten on lock.
 */
const NORM_SIGNATURES = new Memo<NormSet, Map<string, NormSignature>>('budget.normSignature', 4);

function normSignature(norms: NormSet, date: string): NormSignature {
  let byDate = NORM_SIGNATURES.get(norms);
  if (!byDate) NORM_SIGNATURES.set(norms, (byDate = new Map()));
  const known = byDate.get(date);
  if (known) return known;
  const parts: (string | number)[] = [];
  const qs = quarterStartOf(date);
  const prevMonthEnd = lastDayOfPreviousMonth(date);
  parts.push(date >= LINEAR_FORMULA_FROM ? 1 : 0, date >= NUL_AANBOD_SINCE ? 1 : 0);
  let provisional: Map<string, string | null> | null = new Map();
  for (const group of Object.keys(norms).sort()) {
    const table = norms[group as keyof NormSet];
    // The kinderbijslag is also read on the quarter's first day (AKW art. 12 lid 3; engine.ts).
    for (const d of group === 'kinderbijslag' ? [date, qs] : [date]) {
      const p = findPeriod(table, d);
      parts.push(p ? `${p.start}/${p.end}` : '-');
      if (p === null || provisional === null) continue;
      const id = `${group}@${p.start}`;
      const from = p.provisionalFrom ?? null;
      if (provisional.has(id) && provisional.get(id) !== from) provisional = null;
      else provisional.set(id, from);
    }
  }
  const aow = findPeriod(norms.aow_leeftijd, date);
  const aowAgeMonths = Number(aow?.figures['age_years'] ?? 67) * 12 + Number(aow?.figures['age_extra_months'] ?? 0);
  const provisionalKey = provisional === null ? 'gemengd' : [...provisional].map(([id, from]) => `${id}=${from ?? ''}`).join(',');
  const sig = { parts: parts.join(','), provisionalKey, provisional, qs, prevMonthEnd, aowAgeMonths };
  // A norm set lives as long as the vault's norms do not change; its dates are a few years of months at most,
  // but a caller asking many distinct reference dates must not grow the map without end.
  if (byDate.size >= 5_000) byDate.clear();
  byDate.set(date, sig);
  return sig;
}

/**
 * Which incomes and expenses count on the date ("1"/"0" per start and end) as a key: only the items with a start or
 * end date can change, so only they are listed (in the dossier's order); the others count on every date.
 */
function activityOf(dossier: BudgetDossier): (date: string) => string {
  const dated = [...dossier.incomes, ...dossier.expenses].filter((i) => i.startDate || i.endDate);
  if (dated.length === 0) return () => '';
  return (date) => {
    let key = '';
    for (const i of dated) key += `${!i.startDate || i.startDate <= date ? 1 : 0}${!i.endDate || i.endDate >= date ? 1 : 0}`;
    return key;
  };
}

/**
 * The message of the engine's NormNotCoveredError for a date, without throwing it: the tables it selects
 * unconditionally, in the engine's order (bijstandsnormen, beslagvrije voet, AOW-leeftijd). Null when they cover
 * the date. Kept per norm set and date: every projection asks the same months.
 */
function uncoveredOn(norms: NormSet, date: string): string | null {
  let byDate = UNCOVERED.get(norms);
  if (!byDate) UNCOVERED.set(norms, (byDate = new Map()));
  const known = byDate.get(date);
  if (known !== undefined) return known;
  let message: string | null = null;
  for (const group of ['bijstandsnormen', 'beslagvrije_voet', 'aow_leeftijd'] as const) {
    const table = norms[group];
    if (findPeriod(table, date) === null) {
      message = new NormNotCoveredError(group, date, describeCoverage(table)).message;
      break;
    }
  }
  if (byDate.size >= 5_000) byDate.clear();
  byDate.set(date, message);
  return message;
}

const UNCOVERED = new Memo<NormSet, Map<string, string | null>>('budget.uncoveredOn', 4);

interface DatedEvent {
  /** The day it happens (ISO). */
  date: string;
  /** Not named in the first month (an item starting before the reference date already counts). */
  laterOnly: boolean;
  text(): string;
}

/** The first days of the quarters, as "MM-DD". */
const QUARTER_FIRST_DAYS: readonly string[] = ['01-01', '04-01', '07-01', '10-01'];

/**
 * Known events from the dossier, in the order a month lists them: items starting, items stopping, birthdays. Listed
 * once per projection; a month names those on its first through last day (`eventsIn`).
 */
function datedEvents(dossier: BudgetDossier): DatedEvent[] {
  const out: DatedEvent[] = [];
  for (const i of dossier.incomes) {
    if (i.startDate) out.push({ date: i.startDate, laterOnly: true, text: () => `Inkomen begint: ${INCOME_CATEGORY_LABELS[i.category]} (${i.description}) vanaf ${formatNlDate(i.startDate!)}.` });
  }
  for (const e of dossier.expenses) {
    if (e.startDate) out.push({ date: e.startDate, laterOnly: true, text: () => `Uitgave begint: ${EXPENSE_CATEGORY_LABELS[e.category]} (${e.description}) vanaf ${formatNlDate(e.startDate!)}.` });
  }
  // An item whose last day falls in this month counts this month (activeOn on the 1st) and no longer next month.
  for (const i of dossier.incomes) {
    if (i.endDate) out.push({ date: i.endDate, laterOnly: false, text: () => `Inkomen stopt: ${INCOME_CATEGORY_LABELS[i.category]} (${i.description}), laatste dag ${formatNlDate(i.endDate!)}.` });
  }
  for (const e of dossier.expenses) {
    if (e.endDate) out.push({ date: e.endDate, laterOnly: false, text: () => `Uitgave stopt: ${EXPENSE_CATEGORY_LABELS[e.category]} (${e.description}), laatste dag ${formatNlDate(e.endDate!)}.` });
  }
  dossier.children.forEach((c, idx) => {
    if (!c.livingInHousehold) return;
    for (const age of [6, 12, 16, 18]) {
      const birthday = `${Number(c.birthDate.slice(0, 4)) + age}${c.birthDate.slice(4)}`;
      // The kinderbijslag band follows the age on a quarter's first day (AKW art. 12 lid 3): a birthday on that
      // day counts for the quarter it opens.
      const quarter = QUARTER_FIRST_DAYS.includes(birthday.slice(5)) ? 'dit kwartaal' : 'het volgende kwartaal';
      const what =
        age === 6
          ? `kinderbijslag 6-11 jaar vanaf ${quarter}`
          : age === 12
            ? `kinderbijslag 12-17 jaar vanaf ${quarter}; verhoging kindgebonden budget 12-15 jaar vanaf de volgende maand`
            : age === 16
              ? 'verhoging kindgebonden budget 16-17 jaar vanaf de volgende maand'
              : `${quarter === 'dit kwartaal' ? 'geen kinderbijslag meer vanaf dit kwartaal' : 'kinderbijslag stopt na dit kwartaal'}; kindgebonden budget stopt`;
      out.push({ date: birthday, laterOnly: false, text: () => `Kind ${idx + 1} wordt ${age} (${formatNlDate(birthday)}): ${what}.` });
    }
  });
  return out;
}

/** The events of one month (first day .. last day; the first month from the reference date). */
function eventsIn(events: readonly DatedEvent[], monthStart: string, monthEnd: string, first: boolean): string[] {
  const out: string[] = [];
  for (const e of events) if (!(first && e.laterOnly) && e.date >= monthStart && e.date <= monthEnd) out.push(e.text());
  return out;
}

interface MonthAmounts {
  cf: { inkomen: Decimal; kostenvergoedingen: Decimal; uitgaven: Decimal; leefgeld: Decimal };
  vg: { reserved: Decimal; perJaar: Decimal };
  vakantiegeld: Decimal | null;
  inkomen: Decimal;
  saldo: Decimal;
  leefgeld: Decimal;
}

/** A month's money as it comes in, from the engine's result (`r`) or, without norms, from the dossier alone. */
function monthAmounts(r: BudgetResult | null, fromDossier: ReturnType<typeof cashflow> | undefined, payMonth: boolean): MonthAmounts {
  const cf = r
    ? {
        inkomen: r.income.total.value!,
        kostenvergoedingen: costAllowancesOf(r),
        uitgaven: r.budget.expensesTotal.value!,
        leefgeld: r.budget.leefgeldPerMaand.value!,
      }
    : fromDossier!;
  // Reserved per month (in the month's budget income) and paid in its month; without norms the same source
  // from the dossier alone.
  const vg = r ? { reserved: r.budget.vakantiegeldReservering.value!, perJaar: r.vakantiegeld.perJaar } : fromDossier!.vg;
  const vakantiegeld = payMonth && vg.perJaar.greaterThan(0) ? roundCents(vg.perJaar) : null;
  const inkomen = cf.inkomen.minus(vg.reserved).plus(vakantiegeld ?? ZERO);
  const saldo = inkomen.plus(cf.kostenvergoedingen).minus(cf.uitgaven);
  const leefgeld = cf.leefgeld.plus(vakantiegeld ?? ZERO);
  return { cf, vg, vakantiegeld, inkomen, saldo, leefgeld };
}

/**
 * A result with the figures of `r` and the provisional mark of another month whose periods in force have the same
 * starts and ends: the engine's rule (provisionalOf over the periods used) on those periods as used that month.
 * Only what the projection reads is set (the figures' own marks and the warnings stay those of `r`).
 */
function withProvisional(r: BudgetResult, provisional: ReadonlyMap<string, string | null>): BudgetResult {
  const info = provisionalOf(r.normPeriods, (t) => provisional.get(`${t.group}@${t.periodStart}`) ?? null);
  return { ...r, provisional: info };
}

/** The inner map of `outer` for `key`, made when missing. */
function within<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = outer.get(key);
  if (inner === undefined) outer.set(key, (inner = new Map()));
  return inner;
}

/**
 * `atReference`: the engine's result on the reference date when the caller already has it (budget.get computes it for the
 * screen); the first month is exactly that computation, so it is not run twice.
 */
export function projectBudget(dossier: BudgetDossier, inputs: BudgetInputs, norms: NormSet, referenceDate: string, count = 24, atReference?: BudgetResult): Projection {
  const months: ProjectionMonth[] = [];
  const calendar = monthsFrom(referenceDate, count);
  type Previous = { r: BudgetResult; bands: (string | null)[]; kgb: (string | null)[]; periods: Record<string, string>; type: string };
  let prev = null as Previous | null;
  let prevCovered = true;
  // The one vakantiegeld source (vakantiegeld.ts): the yearly payments count as 1/12 in each month's budget;
  // the projection shows money as it comes in, so that 1/12 moves to the month of payment.
  const vgMonth = inputs.vakantiegeld?.maand ?? DEFAULT_VAKANTIEGELD_MAAND;
  // Results by month signature: by the norm periods in force, then which of them are provisional, then the
  // household's part (householdSignature).
  const bySignature = new Map<string, Map<string, Map<string, BudgetResult>>>();
  // The same month signature apart from which periods are provisional: the same figures (a provisional period is
  // the last period's figures used past its end), only the provisional mark differs.
  const byFigures = new Map<string, Map<string, BudgetResult>>();
  const people = peopleOf(dossier);
  // Uncovered months: the cash flow depends on the date only through which items count.
  const cashflowByActivity = new Map<string, ReturnType<typeof cashflow>>();
  const events = datedEvents(dossier);
  const activity = activityOf(dossier);
  // Most months share their result (or dossier cash flow) with the month before: their amounts are worked out
  // once per source and kind of month (with or without the vakantiegeld payment).
  const amountsBySource = new Map<object, { paid: MonthAmounts | undefined; unpaid: MonthAmounts | undefined }>();
  for (let i = 0; i < count; i++) {
    const { start: monthStart, end: monthEnd } = calendar[i]!;
    const monthNumber = Number(monthStart.slice(5, 7));
    const date = i === 0 ? referenceDate : monthStart;
    const month = date.slice(0, 7);
    const changes = eventsIn(events, i === 0 ? referenceDate : monthStart, monthEnd, i === 0);
    const payMonth = monthNumber === vgMonth;
    const active = activity(date);

    let r: BudgetResult | null = null;
    let reason: string | null = null;
    const uncovered = uncoveredOn(norms, date);
    if (uncovered) reason = `${NORMS_NOT_KNOWN}: ${uncovered}`;
    else {
      // Only the date-independent figures of a result are read below (never its explanations: figures only), so a
      // month with the same signature as an earlier one reuses its result.
      const normSig = normSignature(norms, date);
      const own = householdSignature(people, normSig, date, active);
      const sameSignature = within(within(bySignature, normSig.parts), normSig.provisionalKey);
      const sameNorms = within(byFigures, normSig.parts);
      const known = sameSignature.get(own);
      const sameFigures = known || normSig.provisional === null ? undefined : sameNorms.get(own);
      if (known) r = known;
      else if (sameFigures) {
        r = withProvisional(sameFigures, normSig.provisional!);
        sameSignature.set(own, r);
      } else {
        try {
          r = i === 0 && atReference !== undefined && atReference.referenceDate === date ? atReference : computeBudgetFigures(dossier, inputs, norms, date);
          sameSignature.set(own, r);
          if (normSig.provisional !== null) sameNorms.set(own, r);
        } catch (e) {
          // Left: the kinderbijslag table on the quarter's first day, selected only when a child gets kinderbijslag.
          if (!(e instanceof NormNotCoveredError)) throw e;
          reason = `${NORMS_NOT_KNOWN}: ${e.message}`;
        }
      }
    }
    let fromDossier = r ? undefined : cashflowByActivity.get(active);
    if (!r && !fromDossier) {
      fromDossier = cashflow(dossier, date, inputs);
      cashflowByActivity.set(active, fromDossier);
    }
    const source: BudgetResult | ReturnType<typeof cashflow> = r ?? fromDossier!;
    let known = amountsBySource.get(source);
    if (!known) amountsBySource.set(source, (known = { paid: undefined, unpaid: undefined }));
    const amounts = payMonth ? (known.paid ??= monthAmounts(r, fromDossier, true)) : (known.unpaid ??= monthAmounts(r, fromDossier, false));
    const { cf, vg, vakantiegeld, inkomen, saldo, leefgeld } = amounts;
    if (vakantiegeld !== null) {
      changes.push(`Vakantiegeld in ${MONTH_NAMES[vgMonth - 1]}: ${formatEuro(vakantiegeld)} komt binnen (per maand gereserveerd: ${formatEuro(vg.reserved)}).`);
    }

    let normPeriods: Record<string, string> = {};
    if (r && prev?.r === r) {
      // The same result as the month before: the same periods, age groups and household, so nothing changed there.
      normPeriods = prev.periods;
    } else if (r) {
      for (const t of r.normPeriods) normPeriods[t.group] = t.periodStart;
      const bands = r.children.perChild.map((c) => c.band);
      const kgb = r.children.perChild.map((c) => c.kgbSupplementBand);
      if (prev) {
        for (const [g, start] of Object.entries(normPeriods)) {
          if (prev.periods[g] !== undefined && prev.periods[g] !== start) changes.push(`Nieuwe normperiode ${NORM_GROUP_LABELS[g as NormGroup].toLowerCase()} vanaf ${formatNlDate(start)}.`);
        }
        r.children.perChild.forEach((c, idx) => {
          if (prev!.bands[idx] !== c.band) changes.push(`Kind ${c.child}: leeftijdsgroep kinderbijslag ${c.band ?? 'geen'} (was ${prev!.bands[idx] ?? 'geen'}).`);
          if (prev!.kgb[idx] !== c.kgbSupplementBand && c.kgbSupplementBand !== null) {
            changes.push(`Kind ${c.child}: verhoging kindgebonden budget ${c.kgbSupplementBand} jaar vanaf deze maand.`);
          }
        });
        if (prev.type !== r.household.type) changes.push(`Huishouden wordt: ${r.household.typeLabel}.`);
      }
      prev = { r, bands, kgb, periods: normPeriods, type: r.household.type };
    }
    if (r) {
      if (r.provisional && (i === 0 || months[i - 1]?.provisional === null)) changes.push(`Vanaf deze maand ${r.provisional.message}.`);
    } else {
      if (prevCovered) changes.push(`Vanaf deze maand ${NORMS_NOT_KNOWN}: alleen inkomen, uitgaven en saldo zijn berekend.`);
      prev = null;
    }
    prevCovered = r !== null;
    months.push({
      month,
      date,
      covered: r !== null,
      reason,
      provisional: r?.provisional?.message ?? null,
      inkomen,
      kostenvergoedingen: cf.kostenvergoedingen,
      uitgaven: cf.uitgaven,
      saldo,
      leefgeld,
      vakantiegeld,
      bijstandsnorm: r ? r.bijstandsnorm.value : null,
      vtlb: r ? r.vtlb.total.value : null,
      afloscapaciteit: r ? r.afloscapaciteit.value : null,
      kinderbijslagVerwacht: r ? r.children.kinderbijslagExpected.value : null,
      kgbVerwacht: r ? r.children.kgbExpected.value : null,
      normPeriods,
      negative: saldo.isNegative() && !saldo.isZero(),
      changes,
    });
  }
  return {
    months,
    firstNegativeMonth: months.find((m) => m.negative)?.month ?? null,
    firstUncoveredMonth: months.find((m) => !m.covered)?.month ?? null,
    firstProvisionalMonth: months.find((m) => m.provisional !== null)?.month ?? null,
  };
}
