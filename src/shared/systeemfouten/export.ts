// The anonymised export (SYSTEEMFOUTEN.md 2.5): count tables of DISTINCT households, globally coarsened along
// the nested hierarchies by the ladder until at most 5 % of households sit in cells below k, then small cells
// moved up into n.n.b. buckets (never blanked), the rest one `unallocatedHouseholds` number, and the T6
// group-disclosure rule. Pure: the core feeds it coded events, signs and stores the result.
import {
  DIMENSIONS,
  HIERARCHIES,
  HIERARCHY_VERSION,
  LADDER,
  NNB,
  START_LEVELS,
  TABLES,
  TOP,
  categoryBucket,
  topLevel,
  type Dimension,
  type Levels,
  type TableId,
} from './hierarchy';

export const MIN_K = 10;
export const SUPPRESSION_BUDGET = 0.05;
/** At most this many events of one household count in one cell (bounded contribution). */
export const MAX_EVENTS_PER_HOUSEHOLD_CELL = 3;

export const PAYLOAD_SCHEMA = 'urn:houvast-vereniging:systeemfouten-export' as const;
export const PAYLOAD_SCHEMA_VERSION = '1.0.0' as const;
export const PAYLOAD_TYPE = 'application/vnd.houvast-vereniging.systeemfouten+json; v=1' as const;
export const REPORTER_ROLES = ['bewind', 'schuldhulp', 'other'] as const;
export type ReporterRole = (typeof REPORTER_ROLES)[number];
export const PERIOD_TYPES = ['quarter', 'halfyear', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** One signal as the exporter sees it: a household index and L0 codes. Nothing else exists here. */
export interface ExportEvent {
  household: number;
  category: string;
  organisation: string;
  impact: string;
  shortfall: string;
  effects: readonly string[];
  route: string;
  result: string;
}

/** What is known of a household at the end of the period (L0 codes). */
export interface ExportHousehold {
  region: string;
  householdType: string;
  minors: string;
  youngestAge: string;
}

export interface ExportOptions {
  /** k can be raised, never lowered below 10. */
  k?: number;
}

export interface Cell {
  key: string[];
  households: number;
  events: number;
}
export interface Table {
  id: TableId;
  dims: Dimension[];
  cells: Cell[];
  /** T6 only: distinct households per category row (a household can sit in several effect cells). */
  rows?: { key: string[]; households: number }[];
}

export type ExportRefusal =
  | { code: 'TOO_FEW_HOUSEHOLDS'; households: number; k: number }
  | { code: 'TOO_MANY_UNALLOCATED'; households: number; unallocated: number };

export type ExportResult =
  | {
      ok: true;
      k: number;
      levels: Levels;
      tables: Table[];
      households: number;
      recodedHouseholds: number;
      unallocatedHouseholds: number;
      /** Dimensions coarsened, in ladder order (for the preview). */
      ladderSteps: Dimension[];
    }
  | { ok: false; refusal: ExportRefusal };

export function effectiveK(k: number | undefined): number {
  // Configurable upwards only: a lower or invalid value falls back to the minimum.
  return k !== undefined && Number.isInteger(k) && k > MIN_K ? k : MIN_K;
}

type CellMap = Map<string, Map<number, number>>;
const SEP = '\u0001';

function addTo(cells: CellMap, key: string, household: number, n = 1): void {
  let m = cells.get(key);
  if (!m) {
    m = new Map();
    cells.set(key, m);
  }
  m.set(household, (m.get(household) ?? 0) + n);
}

/** Codes as small integers, per dimension and level, so the ladder's counting avoids strings (100k events). */
interface LevelIndex {
  /** L0 code -> index. */
  l0: Map<string, number>;
  /** Per level: L0 index -> index into codes[level]. */
  maps: Int32Array[];
  codes: string[][];
}
const INDEX: Record<Dimension, LevelIndex> = Object.fromEntries(
  DIMENSIONS.map((d) => {
    const h = HIERARCHIES[d];
    const l0 = new Map(h.codes.map((c, i) => [c, i]));
    const codes: string[][] = [];
    const maps: Int32Array[] = [];
    for (const level of h.levels) {
      const list = [...new Set(h.codes.map((c) => level[c]!))];
      codes.push(list);
      maps.push(Int32Array.from(h.codes.map((c) => list.indexOf(level[c]!))));
    }
    return [d, { l0, maps, codes }];
  }),
) as Record<Dimension, LevelIndex>;

interface Prepared {
  n: number;
  household: Int32Array;
  /** Per dimension (except effect) the L0 index of every event (household dimensions resolved per event). */
  dims: Partial<Record<Dimension, Int32Array>>;
  effects: Int32Array[];
}

function indexOf(d: Dimension, code: string): number {
  const i = INDEX[d].l0.get(code);
  if (i === undefined) throw new Error(`Onbekende code in dimensie ${d}`);
  return i;
}

function prepare(events: readonly ExportEvent[], households: readonly ExportHousehold[]): Prepared {
  const n = events.length;
  const household = new Int32Array(n);
  const dims: Partial<Record<Dimension, Int32Array>> = {};
  for (const d of DIMENSIONS) if (d !== 'effect') dims[d] = new Int32Array(n);
  const hh = households.map((h) => ({
    region: indexOf('region', h.region),
    householdType: indexOf('householdType', h.householdType),
    minors: indexOf('minors', h.minors),
    youngestAge: indexOf('youngestAge', h.youngestAge),
  }));
  const effects: Int32Array[] = [];
  events.forEach((e, i) => {
    household[i] = e.household;
    const h = hh[e.household];
    if (!h) throw new Error('Onbekend huishouden in een signaal');
    dims.category![i] = indexOf('category', e.category);
    dims.organisation![i] = indexOf('organisation', e.organisation);
    dims.impact![i] = indexOf('impact', e.impact);
    dims.shortfall![i] = indexOf('shortfall', e.shortfall);
    dims.route![i] = indexOf('route', e.route);
    dims.result![i] = indexOf('result', e.result);
    dims.region![i] = h.region;
    dims.householdType![i] = h.householdType;
    dims.minors![i] = h.minors;
    dims.youngestAge![i] = h.youngestAge;
    effects.push(Int32Array.from(new Set((e.effects.length > 0 ? e.effects : ['geen']).map((x) => indexOf('effect', x)))));
  });
  return { n, household, dims, effects };
}

type NumCells = Map<number, Map<number, number>>;

/** Raw cells of one table at the given levels, keyed by a mixed-radix number. */
function rawNumCells(table: (typeof TABLES)[number], p: Prepared, levels: Levels): { cells: NumCells; radix: number[] } {
  const dims = table.dims as readonly Dimension[];
  const radix = dims.map((d) => INDEX[d].codes[levels[d]]!.length);
  const maps = dims.map((d) => INDEX[d].maps[levels[d]]!);
  const cols = dims.map((d) => (d === 'effect' ? null : p.dims[d]!));
  const effectAt = dims.indexOf('effect');
  const cells: NumCells = new Map();
  const add = (key: number, h: number) => {
    let m = cells.get(key);
    if (!m) cells.set(key, (m = new Map()));
    m.set(h, (m.get(h) ?? 0) + 1);
  };
  for (let i = 0; i < p.n; i++) {
    const h = p.household[i]!;
    if (effectAt < 0) {
      let key = 0;
      for (let j = 0; j < dims.length; j++) key = key * radix[j]! + maps[j]![cols[j]![i]!]!;
      add(key, h);
    } else {
      const seen = new Set<number>();
      for (const eff of p.effects[i]!) {
        const ev = maps[effectAt]![eff]!;
        if (seen.has(ev)) continue;
        seen.add(ev);
        let key = 0;
        for (let j = 0; j < dims.length; j++) key = key * radix[j]! + (j === effectAt ? ev : maps[j]![cols[j]![i]!]!);
        add(key, h);
      }
    }
  }
  return { cells, radix };
}

function toCellMap(table: (typeof TABLES)[number], raw: { cells: NumCells; radix: number[] }, levels: Levels): CellMap {
  const dims = table.dims as readonly Dimension[];
  const out: CellMap = new Map();
  for (const [num, m] of raw.cells) {
    const parts: string[] = new Array(dims.length);
    let rest = num;
    for (let j = dims.length - 1; j >= 0; j--) {
      const r = raw.radix[j]!;
      parts[j] = INDEX[dims[j]!].codes[levels[dims[j]!]]![rest % r]!;
      rest = Math.floor(rest / r);
    }
    out.set(parts.join(SEP), m);
  }
  return out;
}

function smallHouseholds(cells: CellMap | NumCells, k: number, into: Set<number>): void {
  for (const m of cells.values()) if (m.size > 0 && m.size < k) for (const h of m.keys()) into.add(h);
}

/** Small cells move up into n.n.b. buckets; what still fails is unallocated (SYSTEEMFOUTEN.md 2.4). */
function recode(cells: CellMap, categoryLevel: number, k: number): { cells: CellMap; moved: Set<number>; unallocated: Set<number> } {
  const out: CellMap = new Map();
  const moved = new Set<number>();
  const unallocated = new Set<number>();
  const bucketKey = (key: string): string | null => {
    const parts = key.split(SEP);
    const rest = parts.slice(1);
    // Within a row first: the other dimensions become n.n.b.
    if (rest.some((p) => p !== NNB)) return [parts[0]!, ...rest.map(() => NNB)].join(SEP);
    // Then the row itself goes up: sub-code -> "<group>.nnb" -> "nnb".
    if (parts[0] === NNB) return null;
    return [categoryBucket(parts[0]!, categoryLevel), ...rest].join(SEP);
  };
  const merge = (key: string, m: Map<number, number>) => {
    for (const [h, n] of m) addTo(out, key, h, n);
  };
  // Cells at or above k stay as they are (shared, never written to: buckets always carry an n.n.b. code).
  for (const [key, m] of cells) {
    if (m.size >= k) out.set(key, m);
  }
  let pending: [string, Map<number, number>][] = [...cells].filter(([, m]) => m.size > 0 && m.size < k);
  while (pending.length > 0) {
    for (const [key, m] of pending) {
      const up = bucketKey(key);
      for (const h of m.keys()) moved.add(h);
      if (up === null) {
        for (const h of m.keys()) unallocated.add(h);
      } else {
        merge(up, m);
      }
    }
    pending = [];
    for (const [key, m] of [...out]) {
      if (m.size > 0 && m.size < k) {
        out.delete(key);
        pending.push([key, m]);
      }
    }
  }
  return { cells: out, moved, unallocated };
}

function rowHouseholds(cells: CellMap): Map<string, Set<number>> {
  const rows = new Map<string, Set<number>>();
  for (const [key, m] of cells) {
    const row = key.split(SEP)[0]!;
    let s = rows.get(row);
    if (!s) rows.set(row, (s = new Set()));
    for (const h of m.keys()) s.add(h);
  }
  return rows;
}

/** T6: a row where every household has the same non-"geen" effect discloses that effect (group disclosure). */
export function homogeneousEffectRows(cells: CellMap): string[] {
  const rows = rowHouseholds(cells);
  const out: string[] = [];
  for (const [key, m] of cells) {
    const [row, effect] = key.split(SEP) as [string, string];
    if (effect === 'geen' || effect === NNB || effect === TOP) continue;
    if (m.size === rows.get(row)!.size) out.push(row);
  }
  return [...new Set(out)];
}

function finish(cells: CellMap): Cell[] {
  const out: Cell[] = [];
  for (const [key, m] of cells) {
    let events = 0;
    for (const n of m.values()) events += Math.min(n, MAX_EVENTS_PER_HOUSEHOLD_CELL);
    out.push({ key: key.split(SEP), households: m.size, events });
  }
  return out.sort((a, b) => (a.key.join(SEP) < b.key.join(SEP) ? -1 : a.key.join(SEP) > b.key.join(SEP) ? 1 : 0));
}

export function buildExport(events: readonly ExportEvent[], households: readonly ExportHousehold[], options: ExportOptions = {}): ExportResult {
  const k = effectiveK(options.k);
  const present = new Set(events.map((e) => e.household));
  const total = present.size;
  if (total < k) return { ok: false, refusal: { code: 'TOO_FEW_HOUSEHOLDS', households: total, k } };
  const budget = Math.floor(SUPPRESSION_BUDGET * total);

  // 1. The ladder: coarsen one dimension globally per step until few enough households sit in small cells.
  const prepared = prepare(events, households);
  const levels: Levels = { ...START_LEVELS };
  const ladderSteps: Dimension[] = [];
  let raw = TABLES.map((t) => rawNumCells(t, prepared, levels));
  for (let step = 0; ; ) {
    const bad = new Set<number>();
    for (const c of raw) smallHouseholds(c.cells, k, bad);
    if (bad.size <= budget) break;
    while (step < LADDER.length && levels[LADDER[step]!] >= topLevel(LADDER[step]!)) step++;
    if (step >= LADDER.length) break;
    const d = LADDER[step]!;
    levels[d] += 1;
    ladderSteps.push(d);
    step++;
    // Only the tables holding the coarsened dimension change.
    raw = TABLES.map((t, i) => ((t.dims as readonly Dimension[]).includes(d) ? rawNumCells(t, prepared, levels) : raw[i]!));
  }

  // 2. Recode small cells upward; 3. the T6 group-disclosure rule (effect goes up a level, then rebuild).
  for (;;) {
    const recoded = TABLES.map((t, i) => recode(toCellMap(t, raw[i]!, levels), levels.category, k));
    const t6 = recoded[TABLES.findIndex((t) => t.id === 'T6')]!;
    if (homogeneousEffectRows(t6.cells).length > 0 && levels.effect < topLevel('effect')) {
      levels.effect += 1;
      ladderSteps.push('effect');
      raw = TABLES.map((t, i) => ((t.dims as readonly Dimension[]).includes('effect') ? rawNumCells(t, prepared, levels) : raw[i]!));
      continue;
    }
    const moved = new Set<number>();
    const unallocated = new Set<number>();
    for (const r of recoded) {
      for (const h of r.moved) moved.add(h);
      for (const h of r.unallocated) unallocated.add(h);
    }
    if (unallocated.size > budget) {
      return { ok: false, refusal: { code: 'TOO_MANY_UNALLOCATED', households: total, unallocated: unallocated.size } };
    }
    for (const h of unallocated) moved.delete(h);
    const tables: Table[] = TABLES.map((t, i) => {
      const table: Table = { id: t.id, dims: [...t.dims], cells: finish(recoded[i]!.cells) };
      if (t.id === 'T6') {
        table.rows = [...rowHouseholds(recoded[i]!.cells)]
          .map(([row, s]) => ({ key: [row], households: s.size }))
          .sort((a, b) => (a.key[0]! < b.key[0]! ? -1 : a.key[0]! > b.key[0]! ? 1 : 0));
      }
      return table;
    });
    return {
      ok: true,
      k,
      levels,
      tables,
      households: total,
      recodedHouseholds: moved.size,
      unallocatedHouseholds: unallocated.size,
      ladderSteps,
    };
  }
}

export interface PayloadMeta {
  exportId: string;
  supersedes: string | null;
  period: { type: PeriodType; value: string };
  reporterRole: ReporterRole;
  softwareVersion: string;
  createdOn: string;
}

export interface ExportPayload {
  schema: typeof PAYLOAD_SCHEMA;
  schemaVersion: string;
  hierarchyVersion: string;
  exportId: string;
  supersedes: string | null;
  period: { type: PeriodType; value: string };
  reporterRole: ReporterRole;
  privacy: {
    unit: 'household';
    k: number;
    rule: '0-or->=k, global recoding, no blanks';
    levels: Record<Dimension, string>;
    recodedHouseholds: number;
    unallocatedHouseholds: number;
  };
  tables: Table[];
  software: { name: 'houvast'; version: string };
  createdOn: string;
}

export const levelName = (n: number): string => `L${n}`;

/** The payload object (canonicalised and signed in the core). */
export function toPayload(result: Extract<ExportResult, { ok: true }>, meta: PayloadMeta): ExportPayload {
  return {
    schema: PAYLOAD_SCHEMA,
    schemaVersion: PAYLOAD_SCHEMA_VERSION,
    hierarchyVersion: HIERARCHY_VERSION,
    exportId: meta.exportId,
    supersedes: meta.supersedes,
    period: { type: meta.period.type, value: meta.period.value },
    reporterRole: meta.reporterRole,
    privacy: {
      unit: 'household',
      k: result.k,
      rule: '0-or->=k, global recoding, no blanks',
      levels: Object.fromEntries(DIMENSIONS.map((d) => [d, levelName(result.levels[d])])) as Record<Dimension, string>,
      recodedHouseholds: result.recodedHouseholds,
      unallocatedHouseholds: result.unallocatedHouseholds,
    },
    tables: result.tables,
    software: { name: 'houvast', version: meta.softwareVersion },
    createdOn: meta.createdOn,
  };
}
