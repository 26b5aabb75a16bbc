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

/** Raw cells of one table at the given levels. */
function rawCells(table: (typeof TABLES)[number], events: readonly ExportEvent[], households: readonly ExportHousehold[], levels: Levels): CellMap {
  const cells: CellMap = new Map();
  const dims = table.dims as readonly Dimension[];
  // Pre-resolved level maps (hot loop at 100k events).
  const maps = dims.map((d) => HIERARCHIES[d].levels[levels[d]]!);
  for (const e of events) {
    const h = households[e.household]!;
    const values = dims.map((d, i) => {
      const m = maps[i]!;
      switch (d) {
        case 'category':
          return m[e.category];
        case 'organisation':
          return m[e.organisation];
        case 'impact':
          return m[e.impact];
        case 'shortfall':
          return m[e.shortfall];
        case 'route':
          return m[e.route];
        case 'result':
          return m[e.result];
        case 'region':
          return m[h.region];
        case 'householdType':
          return m[h.householdType];
        case 'minors':
          return m[h.minors];
        case 'youngestAge':
          return m[h.youngestAge];
        default:
          return null; // effect: below
      }
    });
    const effectAt = dims.indexOf('effect');
    if (effectAt >= 0) {
      const effects = e.effects.length > 0 ? e.effects : ['geen'];
      for (const eff of new Set(effects.map((x) => maps[effectAt]![x]))) {
        const v = [...values];
        v[effectAt] = eff;
        if (v.some((x) => x === undefined)) throw new Error('Onbekende code in een signaal');
        addTo(cells, v.join(SEP), e.household);
      }
    } else {
      if (values.some((x) => x === undefined)) throw new Error('Onbekende code in een signaal');
      addTo(cells, values.join(SEP), e.household);
    }
  }
  return cells;
}

function smallHouseholds(cells: CellMap, k: number, into: Set<number>): void {
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
  for (const [key, m] of cells) {
    if (m.size >= k) merge(key, m);
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
      if (m.size < k) {
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
  const levels: Levels = { ...START_LEVELS };
  const ladderSteps: Dimension[] = [];
  let raw = TABLES.map((t) => rawCells(t, events, households, levels));
  for (let step = 0; ; ) {
    const bad = new Set<number>();
    for (const c of raw) smallHouseholds(c, k, bad);
    if (bad.size <= budget) break;
    while (step < LADDER.length && levels[LADDER[step]!] >= topLevel(LADDER[step]!)) step++;
    if (step >= LADDER.length) break;
    const d = LADDER[step]!;
    levels[d] += 1;
    ladderSteps.push(d);
    step++;
    raw = TABLES.map((t) => rawCells(t, events, households, levels));
  }

  // 2. Recode small cells upward; 3. the T6 group-disclosure rule (effect goes up a level, then rebuild).
  for (;;) {
    const recoded = TABLES.map((t, i) => recode(raw[i]!, levels.category, k));
    const t6 = recoded[TABLES.findIndex((t) => t.id === 'T6')]!;
    if (homogeneousEffectRows(t6.cells).length > 0 && levels.effect < topLevel('effect')) {
      levels.effect += 1;
      ladderSteps.push('effect');
      raw = TABLES.map((t) => rawCells(t, events, households, levels));
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
    period: meta.period,
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
