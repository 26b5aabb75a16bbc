// The association side, pure part: add verified office payloads into national totals (office identity
// stripped: a cell keeps only the anonymous list of contributions, needed for the publication rule) and
// publish only cells with >= 10 households from >= 3 offices with no office above 85 %, rounded to 5.
import { TABLES, TABLE_TITLES, HIERARCHIES, labelOf, type Dimension, type TableId } from './hierarchy';
import type { ExportPayload } from './export';

export const MERGED_FORMAT = 'houvast.vereniging.totalen' as const;
export const PUBLISHED_FORMAT = 'houvast.vereniging.publicatie' as const;
export const PUBLISH_MIN_HOUSEHOLDS = 10;
export const PUBLISH_MIN_OFFICES = 3;
export const PUBLISH_MAX_OFFICE_SHARE = 0.85;
export const ROUNDING_BASE = 5;

export interface MergedCell {
  key: string[];
  households: number;
  events: number;
  /** Households per contributing office, largest first, without any office identity. */
  contributions: number[];
}
export interface MergedTable {
  id: TableId;
  dims: Dimension[];
  cells: MergedCell[];
}
export interface MergedFile {
  format: typeof MERGED_FORMAT;
  version: 1;
  year: string;
  periods: string[];
  offices: number;
  files: number;
  reporterRoles: string[];
  tables: MergedTable[];
}

/** One accepted office file: the office only as an opaque index for this merge (never written out). */
export interface AcceptedFile {
  office: number;
  payload: ExportPayload;
}

export function mergePayloads(files: readonly AcceptedFile[], year: string): MergedFile {
  const tables = new Map<TableId, Map<string, { key: string[]; households: number; events: number; byOffice: Map<number, number> }>>();
  for (const t of TABLES) tables.set(t.id, new Map());
  for (const f of files) {
    for (const t of f.payload.tables) {
      const cells = tables.get(t.id);
      if (!cells) continue;
      for (const c of t.cells) {
        // Keys stay as the office coded them: a coarser office value is the n.n.b. part of that node nationally.
        const k = c.key.join('|');
        let cell = cells.get(k);
        if (!cell) cells.set(k, (cell = { key: [...c.key], households: 0, events: 0, byOffice: new Map() }));
        cell.households += c.households;
        cell.events += c.events;
        cell.byOffice.set(f.office, (cell.byOffice.get(f.office) ?? 0) + c.households);
      }
    }
  }
  return {
    format: MERGED_FORMAT,
    version: 1,
    year,
    periods: [...new Set(files.map((f) => f.payload.period.value))].sort(),
    offices: new Set(files.map((f) => f.office)).size,
    files: files.length,
    reporterRoles: [...new Set(files.map((f) => f.payload.reporterRole))].sort(),
    tables: TABLES.map((t) => ({
      id: t.id,
      dims: [...t.dims],
      cells: [...tables.get(t.id)!.values()]
        .map((c) => ({ key: c.key, households: c.households, events: c.events, contributions: [...c.byOffice.values()].sort((a, b) => b - a) }))
        .sort((a, b) => (a.key.join('\u0001') < b.key.join('\u0001') ? -1 : 1)),
    })),
  };
}

export function roundToBase(n: number, base = ROUNDING_BASE): number {
  return Math.floor((n + base / 2) / base) * base;
}

export function publishable(c: MergedCell): boolean {
  if (c.households < PUBLISH_MIN_HOUSEHOLDS) return false;
  if (c.contributions.length < PUBLISH_MIN_OFFICES) return false;
  return Math.max(...c.contributions) <= PUBLISH_MAX_OFFICE_SHARE * c.households;
}

export interface PublishedCell {
  key: string[];
  labels: string[];
  households: number;
  events: number;
}
export interface PublishedTable {
  id: TableId;
  title: string;
  dims: Dimension[];
  cells: PublishedCell[];
}
export interface PublishedFile {
  format: typeof PUBLISHED_FORMAT;
  version: 1;
  year: string;
  periods: string[];
  rules: string;
  tables: PublishedTable[];
}

export const PUBLICATION_RULES =
  'Alleen cellen met minstens 10 huishoudens uit minstens 3 kantoren, waarbij geen kantoor meer dan 85 % bijdraagt; ' +
  'aantallen afgerond op 5. Geen cijfers per kantoor. Een huishouden kan door een bewindvoerder en een schuldhulpverlener ' +
  'beide gemeld zijn: er is niet ontdubbeld.';

/** The finest level of dimension d at which a code occurs; null for n.n.b. buckets and unknown codes. */
function finestLevel(d: Dimension, code: string): number | null {
  const levels = HIERARCHIES[d].levels;
  for (let i = 0; i < levels.length; i++) if (Object.values(levels[i]!).includes(code)) return i;
  return null;
}

/**
 * Labels of a merged table's cells. Offices may report a dimension at different levels; a value of an office that
 * reported coarser than another office in the same table is the n.n.b. part of that node nationally (e.g. "LD03"
 * beside "PV26"), so it is labelled as such, never as the node's total (SYSTEEMFOUTEN.md 2.8, step 6).
 */
function cellLabels(t: MergedTable): (key: string[]) => string[] {
  const finest = t.dims.map((d, i) => {
    let min = Infinity;
    for (const c of t.cells) {
      const l = finestLevel(d, c.key[i]!);
      if (l !== null && l < min) min = l;
    }
    return min;
  });
  return (key) =>
    key.map((code, i) => {
      const d = t.dims[i]!;
      const l = finestLevel(d, code);
      return l !== null && l > finest[i]! ? `${labelOf(d, code)}, n.n.b.` : labelOf(d, code);
    });
}

export function publish(merged: MergedFile): PublishedFile {
  return {
    format: PUBLISHED_FORMAT,
    version: 1,
    year: merged.year,
    periods: merged.periods,
    rules: PUBLICATION_RULES,
    tables: merged.tables.map((t) => {
      const labels = cellLabels(t);
      return {
        id: t.id,
        title: TABLE_TITLES[t.id],
        dims: t.dims,
        cells: t.cells.filter(publishable).map((c) => ({
          key: c.key,
          labels: labels(c.key),
          households: roundToBase(c.households),
          events: roundToBase(c.events),
        })),
      };
    }),
  };
}

function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function publishedCsv(p: PublishedFile): string {
  const lines = [['tabel', 'titel', 'dimensie 1', 'waarde 1', 'dimensie 2', 'waarde 2', 'dimensie 3', 'waarde 3', 'huishoudens (afgerond op 5)', 'signalen (afgerond op 5)']];
  for (const t of p.tables) {
    for (const c of t.cells) {
      const dims: string[] = [];
      for (let i = 0; i < 3; i++) dims.push(t.dims[i] ? HIERARCHIES[t.dims[i]!].name : '', c.labels[i] ?? '');
      lines.push([t.id, t.title, ...dims, String(c.households), String(c.events)]);
    }
  }
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** JSON-stat 2.0 collection: one dataset per table, sparse values (unpublished cells are absent). */
export function publishedJsonStat(p: PublishedFile): unknown {
  return {
    version: '2.0',
    class: 'collection',
    label: `Systeemfouten ${p.year}`,
    note: [p.rules],
    link: {
      item: p.tables.map((t) => {
        const categories = t.dims.map((_, i) => [...new Set(t.cells.map((c) => c.key[i]!))].sort());
        const size = categories.map((c) => c.length);
        const value: Record<string, number> = {};
        for (const c of t.cells) {
          let index = 0;
          c.key.forEach((k, i) => {
            index = index * size[i]! + categories[i]!.indexOf(k);
          });
          value[String(index)] = c.households;
        }
        return {
          class: 'dataset',
          label: `${t.id}: ${t.title}`,
          id: [...t.dims],
          size,
          dimension: Object.fromEntries(
            t.dims.map((d, i) => [
              d,
              {
                label: HIERARCHIES[d].name,
                category: {
                  index: Object.fromEntries(categories[i]!.map((code, j) => [code, j])),
                  label: Object.fromEntries(categories[i]!.map((code) => [code, t.cells.find((c) => c.key[i] === code)?.labels[i] ?? labelOf(d, code)])),
                },
              },
            ]),
          ),
          value,
        };
      }),
    },
  };
}

// ------------------------------------------------------------------------------------------ the dashboard

export interface DashboardChart {
  id: 'mechanisme' | 'instantie' | 'regio' | 'effect';
  title: string;
  /** How the bars were made, in Dutch: always from the published (rounded) cells only. */
  note: string;
  rows: { key: string; label: string; households: number }[];
}

const MARGIN_NOTE =
  'Som van de gepubliceerde cellen van deze tabel over alle mechanismen (elke cel afgerond op 5; niet-gepubliceerde cellen tellen niet mee). Een huishouden met signalen in meer mechanismen telt in elk daarvan mee.';

/**
 * The association dashboard's charts, from the published cells only (never from the merged totals): by
 * mechanism (T0 as published), and by instantie, region and effect on the household and children as sums of
 * the published cells of T1, T2 and T6.
 */
export function dashboardCharts(p: PublishedFile): DashboardChart[] {
  const table = (id: TableId) => p.tables.find((t) => t.id === id);
  const byDim = (id: TableId, chart: DashboardChart['id'], title: string): DashboardChart => {
    const sums = new Map<string, { label: string; households: number }>();
    for (const c of table(id)?.cells ?? []) {
      const row = sums.get(c.key[1]!) ?? { label: c.labels[1]!, households: 0 };
      row.households += c.households;
      sums.set(c.key[1]!, row);
    }
    return { id: chart, title, note: MARGIN_NOTE, rows: sortRows([...sums.entries()].map(([key, r]) => ({ key, ...r }))) };
  };
  return [
    {
      id: 'mechanisme',
      title: 'Huishoudens per mechanisme',
      note: 'De gepubliceerde cellen van tabel T0 (afgerond op 5).',
      rows: sortRows((table('T0')?.cells ?? []).map((c) => ({ key: c.key[0]!, label: c.labels[0]!, households: c.households }))),
    },
    byDim('T1', 'instantie', 'Huishoudens per instantie'),
    byDim('T2', 'regio', 'Huishoudens per regio'),
    byDim('T6', 'effect', 'Huishoudens per gevolg voor het huishouden en de kinderen'),
  ];
}

function sortRows<T extends { label: string; households: number }>(rows: T[]): T[] {
  return rows.sort((a, b) => b.households - a.households || a.label.localeCompare(b.label, 'nl'));
}
