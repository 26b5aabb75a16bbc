// From the vault's records to the exporter's coded events. This is the one place where case data meets the
// report, so every step is a named mapping to a vocabulary code: names, notes, addresses, exact dates and
// amounts never get past it. (tests/unit/systeemfouten/leak.test.ts switches steps off to prove the leak
// test would notice.)
import { differenceInYears, parseISO } from 'date-fns';
import { toCents } from '../money';
import { provinceOfPostcode } from '../signals/vocabulary';
import type { ExportEvent, ExportHousehold } from './export';

/** A household as the core reads it from a dossier (personal data stays in these objects). */
export interface SourceHousehold {
  key: string;
  adults: number;
  postcode: string | null;
  /**
   * The province the household lived in at the end of the period (SYSTEEMFOUTEN.md: the client's address at quarter
   * end), from the dossier's region history; null = not known. Absent: the province of `postcode`.
   */
  province?: string | null;
  children: readonly { birthDate: string; livingInHousehold: boolean }[];
}

/** A signal as stored. */
export interface SourceSignal {
  id: string;
  householdKey: string;
  instantie: string;
  mechanism: string;
  effects: readonly string[];
  route: string;
  routeResult: string;
  impactAmount: string | null;
  monthlyShortfall: string | null;
  note: string;
}

export interface Mappers {
  region(h: SourceHousehold): string;
  householdType(h: SourceHousehold): string;
  /** Minors living in the household at the end of the period; null = none (outside the report's scope). */
  minors(h: SourceHousehold, periodEnd: string): string | null;
  youngestAge(h: SourceHousehold, periodEnd: string): string | null;
  organisation(s: SourceSignal): string;
  category(s: SourceSignal): string;
  impact(s: SourceSignal): string;
  shortfall(s: SourceSignal): string;
  effects(s: SourceSignal): string[];
  route(s: SourceSignal): string;
  result(s: SourceSignal): string;
}

function minorAges(h: SourceHousehold, periodEnd: string): number[] {
  const end = parseISO(periodEnd);
  return h.children
    .filter((c) => c.livingInHousehold)
    .map((c) => differenceInYears(end, parseISO(c.birthDate)))
    .filter((age) => age >= 0 && age < 18);
}

function band(cents: number, bounds: readonly [number, string][], top: string): string {
  for (const [limit, code] of bounds) if (cents < limit) return code;
  return top;
}

export const DEFAULT_MAPPERS: Mappers = {
  // Province at the period's end, else from the PC4 digits only; the postcode itself never goes further.
  region: (h) => (h.province !== undefined ? h.province : provinceOfPostcode(h.postcode)) ?? 'PVONB',
  householdType: (h) => (h.adults >= 2 ? 'tweeouder' : h.adults === 1 ? 'eenouder' : 'overig'),
  minors: (h, end) => {
    const n = minorAges(h, end).length;
    return n === 0 ? null : n >= 4 ? '4+' : String(n);
  },
  // Age at the end of the period, never at the event date; never a birth year.
  youngestAge: (h, end) => {
    const ages = minorAges(h, end);
    if (ages.length === 0) return null;
    const y = Math.min(...ages);
    return y <= 3 ? '0-3' : y <= 11 ? '4-11' : '12-17';
  },
  organisation: (s) => s.instantie,
  category: (s) => s.mechanism,
  impact: (s) =>
    s.impactAmount === null
      ? 'onb'
      : band(toCents(s.impactAmount), [[25_000, 'lt250'], [100_000, '250-999'], [500_000, '1000-4999'], [2_000_000, '5000-19999']], 'ge20000'),
  shortfall: (s) =>
    s.monthlyShortfall === null ? 'onb' : band(toCents(s.monthlyShortfall), [[5_000, 'lt50'], [15_000, '50-149'], [30_000, '150-299']], 'ge300'),
  effects: (s) => [...s.effects],
  route: (s) => s.route,
  result: (s) => s.routeResult,
};

export interface Collected {
  events: ExportEvent[];
  households: ExportHousehold[];
  /** Signals included (stays local: recorded in the ledger so the office sees which cases it reported). */
  signalIds: string[];
  /** Households left out because no minor lived in them at the end of the period. */
  outOfScopeHouseholds: number;
}

export function collectEvents(
  sourceHouseholds: readonly SourceHousehold[],
  signals: readonly SourceSignal[],
  periodEnd: string,
  mappers: Mappers = DEFAULT_MAPPERS,
): Collected {
  const byKey = new Map(sourceHouseholds.map((h) => [h.key, h]));
  const index = new Map<string, number>();
  const households: ExportHousehold[] = [];
  const outOfScope = new Set<string>();
  const events: ExportEvent[] = [];
  const signalIds: string[] = [];
  for (const s of signals) {
    const h = byKey.get(s.householdKey);
    if (!h) continue;
    let i = index.get(h.key);
    if (i === undefined) {
      const minors = mappers.minors(h, periodEnd);
      const youngestAge = mappers.youngestAge(h, periodEnd);
      // The report is about households with children: without a minor at home the household is out of scope.
      if (minors === null || youngestAge === null) {
        outOfScope.add(h.key);
        continue;
      }
      i = households.length;
      index.set(h.key, i);
      households.push({ region: mappers.region(h), householdType: mappers.householdType(h), minors, youngestAge });
    }
    events.push({
      household: i,
      category: mappers.category(s),
      organisation: mappers.organisation(s),
      impact: mappers.impact(s),
      shortfall: mappers.shortfall(s),
      effects: mappers.effects(s),
      route: mappers.route(s),
      result: mappers.result(s),
    });
    signalIds.push(s.id);
  }
  return { events, households, signalIds, outOfScopeHouseholds: outOfScope.size };
}
