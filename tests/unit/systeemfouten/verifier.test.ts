// V1 the independent verifier on the serialised payload, V7 the bounds audit (Fréchet bounds cross-checked
// by brute-force integer feasibility on small tables), and the ledger rules R1-R4 (A3 differencing).
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/systeemfouten/dsse';
import { buildExport, toPayload, type ExportPayload } from '../../../src/shared/systeemfouten/export';
import { checkLedgerRules, ledgerEntryOf, overlaps, periodDates } from '../../../src/shared/systeemfouten/ledger-rules';
import { verifyPayloadText } from '../../../src/shared/systeemfouten-verifier/verify';
import { rng, syntheticEvents, Q1_META } from '../../support/systeemfouten';

const META = Q1_META;

function goodPayload(seed = 3): ExportPayload {
  const { events, households } = syntheticEvents(4000, 1500, rng(seed));
  const r = buildExport(events, households);
  if (!r.ok) throw new Error('fixture refused');
  return toPayload(r, META);
}

const findingsOf = (p: unknown) => verifyPayloadText(typeof p === 'string' ? p : JSON.stringify(p)).findings.map((f) => f.message);

describe('V1 the independent verifier', () => {
  it('accepts what the exporter produced', () => {
    expect(verifyPayloadText(canonicalJson(goodPayload())).findings).toEqual([]);
  });

  const mutations: [string, (p: ExportPayload & Record<string, unknown>) => void, RegExp][] = [
    ['an extra top-level field (free text)', (p) => (p.note = 'mevr. Jansen, Lindelaan 3'), /hoort niet in het rapport/],
    ['an extra field in a cell', (p) => ((p.tables[1]!.cells[0] as unknown as Record<string, unknown>).postcode = '3511 AB'), /hoort niet in het rapport/],
    ['free text instead of a code', (p) => (p.tables[1]!.cells[0]!.key[1] = 'Incassobureau De Vries'), /Onbekende code/],
    ['a count below k', (p) => (p.tables[0]!.cells[0]!.households = 4), /onder k/],
    ['a count of 0 listed', (p) => (p.tables[0]!.cells[0]!.households = 0), /onder k/],
    ['more households than events', (p) => (p.tables[0]!.cells[0]!.events = p.tables[0]!.cells[0]!.households - 1), /signalen past niet/],
    ['a missing table', (p) => p.tables.pop(), /precies 9 tabellen/],
    ['k lowered to 5', (p) => (p.privacy.k = 5), /minstens 10/],
    ['a month in the period', (p) => (p.period.value = '2026-03'), /periode past niet/],
    ['a gemeente name as region', (p) => (p.tables[2]!.cells[0]!.key[1] = 'Utrecht'), /Onbekende code/],
    ['a non-integer count', (p) => (p.tables[0]!.cells[0]!.households = 12.5), /Geen geldig aantal/],
  ];
  it.each(mutations)('refuses %s', (_name, mutate, reason) => {
    const p = goodPayload() as ExportPayload & Record<string, unknown>;
    mutate(p);
    expect(findingsOf(p).join('\n')).toMatch(reason);
  });

  it('refuses two levels of one dimension in one file (a province next to a landsdeel)', () => {
    const p = goodPayload();
    const t2 = p.tables.find((t) => t.id === 'T2')!;
    const level = p.privacy.levels.region;
    t2.cells[0]!.key[1] = level === 'L0' ? 'LD01' : 'PV20';
    expect(findingsOf(canonicalJson(p)).join('\n')).toMatch(/niet allemaal bij één niveau/);
  });

  it('refuses a T6 row in which every household has the same effect (group disclosure)', () => {
    const p = goodPayload();
    const t6 = p.tables.find((t) => t.id === 'T6')!;
    const row = t6.rows![0]!;
    const cell = t6.cells.find((c) => c.key[0] === row.key[0] && !['geen', 'nnb', '*'].includes(c.key[1]!))!;
    cell.households = row.households;
    cell.events = Math.max(cell.events, row.households);
    expect(findingsOf(p).join('\n')).toMatch(/Groepsonthulling/);
  });

  it('refuses text that is not JSON, and unsorted cells', () => {
    expect(findingsOf('{"schema": ')).toEqual(['De inhoud is geen geldige JSON.']);
    const p = goodPayload();
    p.tables[1]!.cells.reverse();
    expect(findingsOf(p).join('\n')).toMatch(/vaste volgorde/);
  });
});

/** All non-negative integer matrices with the given row and column sums (small sizes only). */
function feasible(rows: number[], cols: number[]): number[][][] {
  const out: number[][][] = [];
  const m = rows.length;
  const n = cols.length;
  const cur = rows.map(() => cols.map(() => 0));
  const rec = (i: number, j: number, colLeft: number[], rowLeft: number) => {
    if (i === m) {
      if (colLeft.every((c) => c === 0)) out.push(cur.map((r) => [...r]));
      return;
    }
    if (j === n - 1) {
      if (rowLeft > colLeft[j]!) return;
      cur[i]![j] = rowLeft;
      const next = [...colLeft];
      next[j]! -= rowLeft;
      rec(i + 1, 0, next, rows[i + 1] ?? 0);
      return;
    }
    for (let v = 0; v <= Math.min(rowLeft, colLeft[j]!); v++) {
      cur[i]![j] = v;
      const next = [...colLeft];
      next[j]! -= v;
      rec(i, j + 1, next, rowLeft - v);
    }
  };
  rec(0, 0, [...cols], rows[0] ?? 0);
  return out;
}

describe('V7 bounds audit', () => {
  it('Fréchet bounds equal the brute-force integer range, and with margins 0 or >= k no cell is pinned to 1..k-1', () => {
    const k = 10;
    // One category row of two tables: margins r (3 values) and t (2 values) with total T; all >= k or 0.
    for (const [rows, cols] of [
      [[10, 12, 0], [11, 11]],
      [[10, 10, 10], [20, 10]],
      [[25, 0, 10], [10, 25]],
    ] as [number[], number[]][]) {
      const total = rows.reduce((s, x) => s + x, 0);
      const all = feasible(rows, cols);
      expect(all.length).toBeGreaterThan(0);
      rows.forEach((r, i) =>
        cols.forEach((t, j) => {
          const values = all.map((mat) => mat[i]![j]!);
          const lo = Math.min(...values);
          const hi = Math.max(...values);
          expect([lo, hi]).toEqual([Math.max(0, r + t - total), Math.min(r, t)]);
          if (lo === hi) expect(lo === 0 || lo >= k).toBe(true);
        }),
      );
    }
  });

  it('the verifier runs the audit on every pair of tables sharing the category and passes real exports', () => {
    // With every listed cell >= k the upper bound min(r, t) is >= k, so a pin to 1..k-1 needs a cell < k,
    // which the 0-or->=k rule already refuses: the audit is a second line, expected silent on valid files.
    for (const seed of [1, 2, 3]) expect(verifyPayloadText(canonicalJson(goodPayload(seed))).ok).toBe(true);
  });
});

describe('ledger rules (R1-R4)', () => {
  const p = (value: string, cells: Record<string, number>, exportId: string, supersedes: string | null = null, levels = { region: 'L0' }) => ({
    exportId,
    period: value,
    schemaVersion: '1.0.0',
    supersedes,
    levels,
    cells,
  });
  const A = p('2026-Q1', { 'T0|M1.2': 20 }, 'a');

  it('periods: dates, overlap', () => {
    expect(periodDates('2026-Q1')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(periodDates('2026-H2')).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect(periodDates('2024-Q1').end).toBe('2024-03-31');
    expect(overlaps('2026-Q1', '2026-H1')).toBe(true);
    expect(overlaps('2026-Q2', '2026-H2')).toBe(false);
    expect(overlaps('2026', '2026-Q4')).toBe(true);
  });

  it('R1 disjoint periods, R3 one export per period, R4 whole-period corrections changing every cell by 0 or >= k', () => {
    expect(checkLedgerRules([], A, 10)).toEqual({ ok: true, replaces: null });
    expect(checkLedgerRules([A], p('2026-H1', { 'T0|M1.2': 40 }, 'b'), 10)).toMatchObject({ ok: false, reason: expect.stringMatching(/overlapt/) });
    expect(checkLedgerRules([A], p('2026-Q2', { 'T0|M1.2': 40 }, 'b'), 10)).toEqual({ ok: true, replaces: null });
    expect(checkLedgerRules([A], p('2026-Q1', { 'T0|M1.2': 30 }, 'b'), 10)).toMatchObject({ ok: false, reason: expect.stringMatching(/al een rapport/) });
    expect(checkLedgerRules([A], A, 10)).toMatchObject({ ok: false, reason: expect.stringMatching(/al eerder verwerkt/) });
    // +10: allowed; +1: refused; a new cell of 3 would be a difference of 3: refused.
    expect(checkLedgerRules([A], p('2026-Q1', { 'T0|M1.2': 30 }, 'b', 'a'), 10)).toEqual({ ok: true, replaces: 'a' });
    expect(checkLedgerRules([A], p('2026-Q1', { 'T0|M1.2': 21 }, 'b', 'a'), 10)).toMatchObject({ ok: false, reason: expect.stringMatching(/minder dan 10/) });
    expect(checkLedgerRules([A], p('2026-Q1', { 'T0|M1.2': 20, 'T0|M2.1': 3 }, 'b', 'a'), 10)).toMatchObject({ ok: false });
    expect(checkLedgerRules([A], p('2026-Q1', { 'T0|M1.2': 30 }, 'b', 'a', { region: 'L1' }), 10)).toMatchObject({ ok: false, reason: expect.stringMatching(/detailniveaus/) });
    expect(checkLedgerRules([A], p('2026-Q1', { 'T0|M1.2': 30 }, 'b', 'x'), 10)).toMatchObject({ ok: false });
    // After a correction, the next one must replace the correction, not the original.
    const B = p('2026-Q1', { 'T0|M1.2': 30 }, 'b', 'a');
    expect(checkLedgerRules([A, B], p('2026-Q1', { 'T0|M1.2': 40 }, 'c', 'a'), 10)).toMatchObject({ ok: false });
    expect(checkLedgerRules([A, B], p('2026-Q1', { 'T0|M1.2': 40 }, 'c', 'b'), 10)).toEqual({ ok: true, replaces: 'b' });
  });

  it('A3: random sequences of (re)exports: any two accepted files of a period differ per cell by 0 or >= k', () => {
    const r = rng(99);
    for (let run = 0; run < 200; run++) {
      const history: ReturnType<typeof p>[] = [];
      for (let step = 0; step < 8; step++) {
        const period = ['2026-Q1', '2026-Q2', '2026-H1', '2026'][Math.floor(r() * 4)]!;
        const cells = { 'T0|M1.2': 10 + Math.floor(r() * 25), 'T0|M2.1': r() < 0.5 ? 0 : 10 + Math.floor(r() * 5) };
        const sameCurrent = history.filter((e) => e.period === period && !history.some((x) => x.supersedes === e.exportId)).pop();
        const next = p(period, cells, `e${run}-${step}`, r() < 0.6 && sameCurrent ? sameCurrent.exportId : null);
        if (checkLedgerRules(history, next, 10).ok) history.push(next);
      }
      const byPeriod = new Map<string, typeof history>();
      for (const e of history) byPeriod.set(e.period, [...(byPeriod.get(e.period) ?? []), e]);
      for (const [period, entries] of byPeriod) {
        for (const other of byPeriod.keys()) if (other !== period) expect(overlaps(period, other)).toBe(false);
        for (let i = 1; i < entries.length; i++) {
          for (const key of new Set([...Object.keys(entries[i - 1]!.cells), ...Object.keys(entries[i]!.cells)])) {
            const diff = Math.abs((entries[i]!.cells[key] ?? 0) - (entries[i - 1]!.cells[key] ?? 0));
            expect(diff === 0 || diff >= 10).toBe(true);
          }
        }
      }
    }
  });

  it('ledger entries carry the per-cell counts of every table, T6 row totals included', () => {
    const e = ledgerEntryOf(goodPayload());
    expect(Object.keys(e.cells).some((k) => k.startsWith('T6#rows|'))).toBe(true);
    expect(Object.keys(e.cells).some((k) => k.startsWith('T7|'))).toBe(true);
  });
});
