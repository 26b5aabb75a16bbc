// Norm tables in memory: bundled and user-supplied files merged per group, periods with their exact validity,
// and the lookup of the period in force on a date. Pure: the Node loader (src/core/norms/load.ts) reads files.
import type Decimal from 'decimal.js';
import { addDays, addMonths, format, parseISO } from 'date-fns';
import { AppError } from '../contract/errors';
import { formatNlDate } from '../dates';
import { Money, roundCents } from '../money';
import { Memo } from '../memo';
import { normFormField } from './norm-form';
import {
  NORM_GROUP_LABELS,
  type NormFile,
  type NormGroup,
  type NormOrigin,
  type NormStatus,
} from './norm-schema';

export interface ResolvedPeriod {
  group: NormGroup;
  /** First day (ISO). */
  start: string;
  /** Last day, inclusive (ISO). */
  end: string;
  status: NormStatus;
  source: string[];
  origin: NormOrigin;
  figures: Readonly<Record<string, string>>;
  figureStatus: Readonly<Record<string, NormStatus>>;
  missing: readonly string[];
  notes: readonly string[];
  /**
   * Set when the period is used past its end because the next period has not been published yet (issue 7):
   * the first day after the last known period. Figures from it are "voorlopig".
   */
  provisionalFrom?: string;
}

/** How long past the end of the last known period its figures may be used provisionally (issue 7). */
export const PROVISIONAL_MONTHS = 6;

export interface NormTable {
  group: NormGroup;
  title: string;
  unit: string;
  indexationDates: readonly string[];
  source: readonly string[];
  figureLabels: Readonly<Record<string, string>>;
  /** Sorted by start; never overlapping. */
  periods: readonly ResolvedPeriod[];
}

/** All norm tables available to a calculation, one per group. */
export type NormSet = Partial<Record<NormGroup, NormTable>>;

/** Reference to the table period a figure came from: printed in every explanation. */
export interface NormTableRef {
  group: NormGroup;
  title: string;
  periodStart: string;
  periodEnd: string;
  status: NormStatus;
  origin: NormOrigin;
  source: string[];
  /** The figures used from this period, with their own status (e.g. "derived" for an excl.-VT norm). */
  figures: { key: string; label: string; value: string; status: NormStatus }[];
  /** First day the period is used past its end, the next one not being published (voorlopig); else null. */
  provisionalFrom: string | null;
}

/** A reference date that no period of a required group covers: refused, never served from an older table. */
export class NormNotCoveredError extends AppError {
  constructor(
    readonly group: NormGroup,
    readonly date: string,
    readonly coverage: string,
  ) {
    super(
      'NORM_NOT_COVERED',
      `Er is geen normtabel "${NORM_GROUP_LABELS[group]}" voor ${formatNlDate(date)}. ${coverage} ` +
        'Voeg een normtabel toe voor deze datum (Instellingen → Normen) of kies een andere peildatum.',
    );
    this.name = 'NormNotCoveredError';
  }
}

/** A figure the calculation needs but the period lacks; reported by name, never guessed. */
export interface MissingFigure {
  group: NormGroup;
  periodStart: string;
  key: string;
  label: string;
  /** Whether the table lists it explicitly as missing (known gap) rather than simply not containing it. */
  listedAsMissing: boolean;
  message: string;
}

function dayBefore(iso: string): string {
  return format(addDays(parseISO(iso), -1), 'yyyy-MM-dd');
}

/** First indexation date strictly after `start` (indexation dates are MM-DD). */
export function nextIndexationDate(start: string, indexationDates: readonly string[]): string {
  const year = Number(start.slice(0, 4));
  const candidates: string[] = [];
  for (const y of [year, year + 1]) for (const md of indexationDates) candidates.push(`${y}-${md}`);
  candidates.sort();
  return candidates.find((c) => c > start) ?? `${year + 1}-${[...indexationDates].sort()[0]}`;
}

/**
 * Merge files into a NormSet. Later files win for a period with the same start date, so pass bundled files
 * first and user files after them; every period keeps the origin of the file it came from.
 */
export function buildNormSet(files: readonly NormFile[]): NormSet {
  const byGroup = new Map<NormGroup, { meta: NormFile; periods: Map<string, { file: NormFile; start: string }> }>();
  for (const file of files) {
    let entry = byGroup.get(file.group);
    if (!entry) {
      entry = { meta: file, periods: new Map() };
      byGroup.set(file.group, entry);
    }
    for (const start of Object.keys(file.periods)) entry.periods.set(start, { file, start });
  }
  const set: NormSet = {};
  for (const [group, { meta, periods }] of byGroup) {
    const starts = [...periods.keys()].sort();
    const resolved: ResolvedPeriod[] = starts.map((start, i) => {
      const { file } = periods.get(start)!;
      const p = file.periods[start]!;
      const next = starts[i + 1];
      // An explicit validTo wins, but never reaches into the next period (which may come from another file).
      const beforeNext = next !== undefined ? dayBefore(next) : null;
      const implied = beforeNext ?? dayBefore(nextIndexationDate(start, meta.indexationDates));
      const end = p.validTo === undefined ? implied : beforeNext !== null && p.validTo > beforeNext ? beforeNext : p.validTo;
      return {
        group,
        start,
        end,
        status: p.status,
        source: [...p.source],
        origin: file.origin,
        figures: { ...p.figures },
        figureStatus: { ...(p.figureStatus ?? {}) },
        missing: [...(p.missing ?? [])],
        notes: [...(p.notes ?? [])],
      };
    });
    const labels: Record<string, string> = {};
    for (const f of files) if (f.group === group) Object.assign(labels, f.figureLabels ?? {});
    set[group] = {
      group,
      title: meta.title,
      unit: meta.unit,
      indexationDates: [...meta.indexationDates],
      source: [...meta.source],
      figureLabels: labels,
      periods: resolved,
    };
  }
  return set;
}

/** Human description of what a table covers, e.g. "Beschikbaar: 01-01-2024 t/m 31-12-2026." */
export function describeCoverage(table: NormTable | undefined): string {
  if (!table || table.periods.length === 0) return 'Er zijn geen perioden voor deze normgroep.';
  // Asked for every uncovered month of every projection; the text depends only on the (immutable) periods.
  let text = COVERAGE_TEXTS.get(table.periods);
  if (text === undefined) {
    text = coverageText(table.periods);
    COVERAGE_TEXTS.set(table.periods, text);
  }
  return text;
}

const COVERAGE_TEXTS = new WeakMap<readonly ResolvedPeriod[], string>();

function coverageText(periods: readonly ResolvedPeriod[]): string {
  const ranges: { from: string; to: string }[] = [];
  for (const p of periods) {
    const last = ranges[ranges.length - 1];
    if (last && dayBefore(p.start) === last.to) last.to = p.end;
    else ranges.push({ from: p.start, to: p.end });
  }
  const last = periods[periods.length - 1]!;
  const from = format(addDays(parseISO(last.end), 1), 'yyyy-MM-dd');
  return (
    `Beschikbaar: ${ranges.map((r) => `${formatNlDate(r.from)} t/m ${formatNlDate(r.to)}`).join(', ')}; ` +
    `daarna voorlopig met de laatst bekende normen t/m ${formatNlDate(dayBefore(provisionalLimit(from)))}.`
  );
}

/** The period in force on `date`; throws NormNotCoveredError when none covers it. */
export function selectPeriod(table: NormTable, date: string): ResolvedPeriod {
  const p = findPeriod(table, date);
  if (!p) throw new NormNotCoveredError(table.group, date, describeCoverage(table));
  return p;
}

const PROVISIONAL_WINDOW = new WeakMap<ResolvedPeriod, { from: string; limit: string; provisional: ResolvedPeriod }>();

/**
 * Like selectPeriod but returns null instead of throwing. A date after the last known period, at most
 * PROVISIONAL_MONTHS past its end, gets that last period marked provisional (`provisionalFrom`): the work goes
 * on with the last known figures while the next ones are unpublished. A gap between two periods stays uncovered.
 */
export function findPeriod(table: NormTable | undefined, date: string): ResolvedPeriod | null {
  if (!table) return null;
  for (let i = table.periods.length - 1; i >= 0; i--) {
    const p = table.periods[i]!;
    if (p.start > date) continue;
    if (date <= p.end) return p;
    if (i !== table.periods.length - 1) return null;
    // The provisional window of a last period is asked every month of every projection: computed once per period.
    let window = PROVISIONAL_WINDOW.get(p);
    if (!window) {
      const from = format(addDays(parseISO(p.end), 1), 'yyyy-MM-dd');
      // One provisional copy per period (never changed by its users), so the caches keyed by a period hold for it too.
      window = { from, limit: provisionalLimit(from), provisional: { ...p, provisionalFrom: from } };
      PROVISIONAL_WINDOW.set(p, window);
    }
    return date < window.limit ? window.provisional : null;
  }
  return null;
}

/** First day that is refused when the norms from `from` on are unpublished: `from` + PROVISIONAL_MONTHS. */
export function provisionalLimit(from: string): string {
  return format(addMonths(parseISO(from), PROVISIONAL_MONTHS), 'yyyy-MM-dd');
}

/** The Dutch mark on every provisional figure. */
export function provisionalMessage(from: string): string {
  return `voorlopig: de normen per ${formatNlDate(from)} zijn nog niet gepubliceerd`;
}

/** Period of `group` in force on `date` from a NormSet; throws when the group is absent or does not cover it. */
export function selectGroupPeriod(norms: NormSet, group: NormGroup, date: string): ResolvedPeriod {
  const table = norms[group];
  if (!table) throw new NormNotCoveredError(group, date, describeCoverage(undefined));
  return selectPeriod(table, date);
}

/** The Dutch label of a norm figure, worded as in the norm-entry form: never the table's internal key (issue 7). */
/** Norm figures as Decimal by their published text: every engine run reads the same few hundred (Decimal is immutable). */
// Bounded (memo.ts): user norm files can add figures, but never without end.
const NORM_DECIMALS = new Memo<string, Decimal>('norms.figure', 10_000);

/** A norm figure's text as Decimal: one shared Decimal per published text (what NormUse.figure returns). */
export function normDecimal(raw: string): Decimal {
  let d = NORM_DECIMALS.get(raw);
  if (d === undefined) {
    d = new Money(raw);
    NORM_DECIMALS.set(raw, d);
  }
  return d;
}

/**
 * A norm figure as a number (the AOW age in years and months), remembered per shared Decimal (normDecimal):
 * Decimal's toNumber prints and parses the value on every call, and every engine run asks it twice. Norm data only.
 */
const NORM_NUMBERS = new Memo<Decimal, number>('norms.number', 1_000);

export function normNumber(figure: Decimal): number {
  let n = NORM_NUMBERS.get(figure);
  if (n === undefined) NORM_NUMBERS.set(figure, (n = figure.toNumber()));
  return n;
}

/**
 * Values worked out from one norm figure alone (a quarter's kinderbijslag per month, 95 % of a norm), per figure
 * and rule: every household asks the same few. Keyed by the shared Decimal of a norm figure (normDecimal), so it
 * holds norm data only; bounded and forgotten on lock like the figures themselves.
 */
const NORM_DERIVED = new Memo<Decimal, Map<(figure: Decimal) => Decimal, Decimal>>('norms.derived', 2_000);

/**
 * `rule(figure)`, remembered. `figure` must be a norm figure as NormUse.figure or normDecimal give it, `rule` a
 * module-level function of that figure alone (it is part of the key).
 */
export function fromNorm(figure: Decimal, rule: (figure: Decimal) => Decimal): Decimal {
  let byRule = NORM_DERIVED.get(figure);
  let value = byRule?.get(rule);
  if (value === undefined) {
    value = rule(figure);
    if (byRule === undefined) NORM_DERIVED.set(figure, (byRule = new Map()));
    byRule.set(rule, value);
  }
  return value;
}

/** A quarterly norm amount per month: / 3, half-up to cents (kinderbijslag, AKW art. 12). */
export const QUARTER_TO_MONTH = (perQuarter: Decimal): Decimal => roundCents(perQuarter.dividedBy(3));

/** A yearly norm amount per month: / 12, half-up to cents (eigen risico). */
export const YEAR_TO_MONTH = (perYear: Decimal): Decimal => roundCents(perYear.dividedBy(12));

export function figureLabel(table: NormTable | undefined, key: string): string {
  if (!table) return key;
  // Asked for every norm figure of every engine run; the label depends only on the table's (immutable) labels.
  let byKey = FIGURE_LABELS.get(table.figureLabels);
  if (!byKey) FIGURE_LABELS.set(table.figureLabels, (byKey = new Map()));
  let label = byKey.get(key);
  if (label === undefined) {
    label = normFormField(table.group, key, tableFigureLabel(table, key)).label;
    byKey.set(key, label);
  }
  return label;
}

const FIGURE_LABELS = new WeakMap<Readonly<Record<string, string>>, Map<string, string>>();

/** The table's own label for the longest known prefix, with the technical rest in brackets (the form words it). */
function tableFigureLabel(table: NormTable, key: string): string {
  const parts = key.split('.');
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join('.');
    const label = table.figureLabels[prefix];
    if (label !== undefined) {
      const rest = parts.slice(n).join('.');
      return rest ? `${label} (${rest})` : label;
    }
  }
  return key;
}

/** One figure of a period as a reference lists it (shared by every reference to it: frozen). */
type RefFigure = NormTableRef['figures'][number];

/**
 * What references to a period hold that depends on the norm set alone: the table title, the sources and, per figure
 * read, its listed entry and its Decimal. Worked out once per period instead of on every engine run (a household
 * reads some 40 norm figures); the shared parts are frozen, so no reference can change them for another.
 */
interface PeriodFacts {
  title: string;
  source: readonly string[];
  figures: Map<string, { entry: RefFigure; value: Decimal }>;
}

/** Per norm set (the last few: a vault's norm set lives until its norms change), per period object. Norm data only. */
const PERIOD_FACTS = new Memo<NormSet, Map<ResolvedPeriod, PeriodFacts>>('norms.periodFacts', 4);

function periodFactsOf(norms: NormSet): Map<ResolvedPeriod, PeriodFacts> {
  let byPeriod = PERIOD_FACTS.get(norms);
  if (byPeriod === undefined) PERIOD_FACTS.set(norms, (byPeriod = new Map()));
  return byPeriod;
}

/**
 * Collects which table periods and figures a calculation used, so each result can name them. One instance per
 * figure being explained.
 */
export class NormUse {
  /** Keyed by the period object; a NormUse reads each table on one date, so one object per period id. */
  private readonly refs = new Map<ResolvedPeriod, NormTableRef>();
  /** Each reference once, in the order of first use. */
  private readonly list: NormTableRef[] = [];
  readonly missing: MissingFigure[] = [];
  private readonly facts: Map<ResolvedPeriod, PeriodFacts>;

  constructor(private readonly norms: NormSet) {
    this.facts = periodFactsOf(norms);
  }

  private factsOf(period: ResolvedPeriod): PeriodFacts {
    let f = this.facts.get(period);
    if (f === undefined) {
      const table = this.norms[period.group];
      f = { title: table?.title ?? NORM_GROUP_LABELS[period.group], source: Object.freeze([...period.source]), figures: new Map() };
      // Periods of a norm set and their provisional copies: finite, but a caller passing fresh objects must not grow it.
      if (this.facts.size >= 1_000) this.facts.clear();
      this.facts.set(period, f);
    }
    return f;
  }

  /** Record that a period was consulted (even when no single figure was read from it). */
  period(period: ResolvedPeriod): NormTableRef {
    let ref = this.refs.get(period);
    if (ref === undefined) {
      // Another object for the same period (its provisional copy) shares the reference, as "group@start" did.
      for (const r of this.list) {
        if (r.group === period.group && r.periodStart === period.start) {
          ref = r;
          break;
        }
      }
      if (ref === undefined) {
        const facts = this.factsOf(period);
        ref = {
          group: period.group,
          title: facts.title,
          periodStart: period.start,
          periodEnd: period.end,
          status: period.status,
          origin: period.origin,
          // Shared and frozen (PeriodFacts): the same list for every reference to this period.
          source: facts.source as string[],
          figures: [],
          provisionalFrom: period.provisionalFrom ?? null,
        };
        this.list.push(ref);
      }
      this.refs.set(period, ref);
    }
    return ref;
  }

  /** A figure as Decimal, or null (recorded as missing) when the period lacks it. */
  figure(period: ResolvedPeriod, key: string): Decimal | null {
    const ref = this.period(period);
    const facts = this.factsOf(period);
    let known = facts.figures.get(key);
    if (known === undefined) {
      const raw = period.figures[key];
      if (raw === undefined) {
        this.missing.push(missingFigure(this.norms, period, key));
        return null;
      }
      const entry: RefFigure = Object.freeze({ key, label: figureLabel(this.norms[period.group], key), value: raw, status: period.figureStatus[key] ?? period.status });
      facts.figures.set(key, (known = { entry, value: normDecimal(raw) }));
    }
    if (!ref.figures.some((f) => f.key === key)) ref.figures.push(known.entry);
    return known.value;
  }

  has(period: ResolvedPeriod, key: string): boolean {
    return period.figures[key] !== undefined;
  }

  tables(): NormTableRef[] {
    return this.list.map(copyRef);
  }
}

/**
 * A reference with its own list of figures (the rest is shared). Written out rather than spread: a household's
 * run copies some fifty of them.
 */
export function copyRef(r: NormTableRef): NormTableRef {
  return {
    group: r.group,
    title: r.title,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    status: r.status,
    origin: r.origin,
    source: r.source,
    figures: [...r.figures],
    provisionalFrom: r.provisionalFrom,
  };
}

function missingFigure(norms: NormSet, period: ResolvedPeriod, key: string): MissingFigure {
  const table = norms[period.group];
  const label = figureLabel(table, key);
  const listed = period.missing.some((m) => {
    const name = m.split(' ')[0]!;
    return key === name || key.startsWith(`${name}.`);
  });
  return {
    group: period.group,
    periodStart: period.start,
    key,
    label,
    listedAsMissing: listed,
    message:
      `Ontbrekend normbedrag: ${label} in de tabel ${table?.title ?? NORM_GROUP_LABELS[period.group]} ` +
      `vanaf ${formatNlDate(period.start)}${listed ? ' (niet gepubliceerd)' : ''}. Dit bedrag wordt niet geschat.`,
  };
}
