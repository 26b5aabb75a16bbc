// The bench's figures: every row holds what was measured, its goal and its anchor (the raw baseline the
// figure is compared with), and is printed as one table and optionally written as JSON (`--json <file>`).

export type RowStatus = 'ok' | 'over' | 'info' | 'error';

export interface BenchRow {
  /** Stable key for comparing runs, e.g. "search.keystroke". */
  id: string;
  /** What was measured, in words. */
  label: string;
  /** Dossiers in the vault it was measured on (null: no vault involved). */
  size: number | null;
  /** The measurement as text, e.g. "p50 3.1 ms, p95 7.9 ms". */
  figure: string;
  /** The number compared with the goal (in `unit`), null when there is nothing to compare. */
  value: number | null;
  unit: string;
  /** The goal as text, e.g. "p95 ≤ 50 ms". */
  goal: string;
  /** `value` must be at most this to meet the goal (null: informational row). */
  limit: number | null;
  /** The raw baseline, e.g. "Argon2id alone: 1,210 ms", or "-" when the goal is absolute. */
  anchor: string;
  status: RowStatus;
  note?: string;
  /** Printed under this heading instead of the vault size's. */
  group?: string;
}

export interface RowInput {
  id: string;
  label: string;
  size: number | null;
  figure: string;
  value?: number | null;
  unit?: string;
  goal: string;
  limit?: number | null;
  anchor?: string;
  note?: string;
  group?: string;
}

/** A row with its status worked out from value and limit. */
export function row(r: RowInput): BenchRow {
  const value = r.value ?? null;
  const limit = r.limit ?? null;
  const status: RowStatus = value === null || limit === null ? 'info' : value <= limit ? 'ok' : 'over';
  return {
    id: r.id,
    label: r.label,
    size: r.size,
    figure: r.figure,
    value,
    unit: r.unit ?? 'ms',
    goal: r.goal,
    limit,
    anchor: r.anchor ?? '-',
    status,
    ...(r.note ? { note: r.note } : {}),
    ...(r.group ? { group: r.group } : {}),
  };
}

/** A row for a step that failed: the run goes on, the error is shown where the figure would be. */
export function errorRow(id: string, label: string, size: number | null, goal: string, err: unknown): BenchRow {
  const message = err instanceof Error ? err.message : String(err);
  return { id, label, size, figure: `error: ${message.slice(0, 300)}`, value: null, unit: '', goal, limit: null, anchor: '-', status: 'error' };
}

// ---- numbers ------------------------------------------------------------------------------------------------

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) return { n: 0, p50: NaN, p95: NaN, max: NaN, mean: NaN };
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: s.at(-1)!, mean: s.reduce((a, b) => a + b, 0) / s.length };
}

/** Milliseconds with a sensible number of decimals: 0.042 ms, 3.1 ms, 1,234 ms. */
export function ms(v: number): string {
  if (!Number.isFinite(v)) return '-';
  if (v < 1) return `${v.toFixed(3)} ms`;
  // Two decimals up to 10 ms: a figure just over a 1 ms goal reads "1.03 ms", not "1.0 ms" marked over.
  if (v < 10) return `${v.toFixed(2)} ms`;
  if (v < 100) return `${v.toFixed(1)} ms`;
  return `${Math.round(v).toLocaleString('en-US')} ms`;
}

export function seconds(v: number): string {
  return `${(v / 1000).toFixed(v < 10_000 ? 2 : 1)} s`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

// ---- output -------------------------------------------------------------------------------------------------

const MARK: Record<RowStatus, string> = { ok: 'OK', over: 'OVER', info: '', error: 'ERROR' };

/** The rows as a text table, grouped by vault size, every figure beside its goal, anchor and verdict. */
export function formatRows(rows: readonly BenchRow[]): string {
  const lines: string[] = [];
  const groups = new Map<string, BenchRow[]>();
  for (const r of rows) {
    const key = r.group ?? (r.size === null ? 'Without a vault' : `Vault of ${count(r.size)} dossiers`);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const headers = ['', 'What', 'Measured', 'Goal', 'Anchor'];
  for (const [title, list] of groups) {
    lines.push('', `== ${title} ==`);
    const table = list.map((r) => [MARK[r.status], r.label, r.figure, r.goal, r.anchor]);
    const widths = headers.map((h, i) => Math.min(i === 1 ? 58 : i === 2 ? 44 : 40, Math.max(h.length, ...table.map((t) => t[i]!.length))));
    const fmt = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
    lines.push(fmt(headers));
    for (let i = 0; i < table.length; i++) {
      lines.push(fmt(table[i]!));
      if (list[i]!.note) lines.push(`${' '.repeat(widths[0]! + 2)}  ${list[i]!.note}`);
    }
  }
  const over = rows.filter((r) => r.status === 'over').length;
  const errors = rows.filter((r) => r.status === 'error').length;
  const ok = rows.filter((r) => r.status === 'ok').length;
  lines.push('', `${rows.length} figures: ${ok} within their goal, ${over} over their goal, ${errors} errors, ${rows.length - ok - over - errors} informational.`);
  return lines.join('\n');
}

export interface BenchJson {
  format: 'houvast.bench';
  version: 1;
  startedAt: string;
  machine: { cpus: number; node: string; platform: string };
  sizes: number[];
  rows: BenchRow[];
}
