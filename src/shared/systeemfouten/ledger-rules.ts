// The rules against differencing (SYSTEEMFOUTEN.md 2.6, R1-R4), applied to a history of accepted exports:
// by the office's ledger before it signs, and by the association across the files it receives.
import type { ExportPayload, PeriodType } from './export';

export interface LedgerEntry {
  exportId: string;
  /** "2026-Q3", "2026-H1" or "2026". */
  period: string;
  schemaVersion: string;
  supersedes: string | null;
  /** privacy.levels of the payload. */
  levels: Record<string, string>;
  /** Households per cell, keyed "T1|M1.2|cjib" (T6 row totals as "T6#rows|M1.2"). */
  cells: Record<string, number>;
}

/** Fewer households than this in a quarter: the office exports per half-year or year instead (R6). */
export const SMALL_OFFICE_HOUSEHOLDS = 50;

export function periodType(value: string): PeriodType | null {
  if (/^\d{4}-Q[1-4]$/.test(value)) return 'quarter';
  if (/^\d{4}-H[12]$/.test(value)) return 'halfyear';
  if (/^\d{4}$/.test(value)) return 'year';
  return null;
}

/** Months covered, as [first, last] counted from year 0 (so ranges of different years compare). */
export function periodMonths(value: string): [number, number] {
  const year = Number(value.slice(0, 4));
  const base = year * 12;
  const q = /-Q([1-4])$/.exec(value);
  if (q) return [base + (Number(q[1]) - 1) * 3, base + Number(q[1]) * 3 - 1];
  const h = /-H([12])$/.exec(value);
  if (h) return [base + (Number(h[1]) - 1) * 6, base + Number(h[1]) * 6 - 1];
  return [base, base + 11];
}

/** First and last calendar day of a period. */
export function periodDates(value: string): { start: string; end: string } {
  const [a, b] = periodMonths(value);
  const y1 = Math.floor(a / 12);
  const m1 = (a % 12) + 1;
  const y2 = Math.floor(b / 12);
  const m2 = (b % 12) + 1;
  const lastDay = new Date(Date.UTC(y2, m2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${y1}-${pad(m1)}-01`, end: `${y2}-${pad(m2)}-${pad(lastDay)}` };
}

export function overlaps(a: string, b: string): boolean {
  const [a1, a2] = periodMonths(a);
  const [b1, b2] = periodMonths(b);
  return a1 <= b2 && b1 <= a2;
}

export function cellsOf(payload: Pick<ExportPayload, 'tables'>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of payload.tables) {
    for (const c of t.cells) out[[t.id, ...c.key].join('|')] = c.households;
    for (const r of t.rows ?? []) out[[`${t.id}#rows`, ...r.key].join('|')] = r.households;
  }
  return out;
}

export function ledgerEntryOf(payload: ExportPayload): LedgerEntry {
  return {
    exportId: payload.exportId,
    period: payload.period.value,
    schemaVersion: payload.schemaVersion,
    supersedes: payload.supersedes,
    levels: { ...payload.privacy.levels },
    cells: cellsOf(payload),
  };
}

/** The entries in force: everything not replaced by a later correction. */
export function currentEntries(history: readonly LedgerEntry[]): LedgerEntry[] {
  const replaced = new Set(history.map((e) => e.supersedes).filter((x): x is string => x !== null));
  return history.filter((e) => !replaced.has(e.exportId));
}

export type RuleVerdict = { ok: true; replaces: string | null } | { ok: false; reason: string };

export function checkLedgerRules(history: readonly LedgerEntry[], next: LedgerEntry, k: number): RuleVerdict {
  if (history.some((e) => e.exportId === next.exportId)) {
    return { ok: false, reason: 'Dit rapport (dezelfde export-id) is al eerder verwerkt.' };
  }
  const current = currentEntries(history);
  for (const e of current) {
    if (e.period !== next.period && overlaps(e.period, next.period)) {
      return { ok: false, reason: `De periode ${next.period} overlapt met het eerder geaccepteerde rapport over ${e.period}; perioden moeten los van elkaar liggen.` };
    }
  }
  const same = current.find((e) => e.period === next.period && e.schemaVersion === next.schemaVersion);
  if (!same) {
    if (next.supersedes !== null) return { ok: false, reason: 'De correctie verwijst naar een rapport dat voor deze periode niet geldt.' };
    return { ok: true, replaces: null };
  }
  if (next.supersedes === null) {
    return { ok: false, reason: `Over ${next.period} is al een rapport geaccepteerd. Een correctie vervangt de hele periode en verwijst naar dat rapport.` };
  }
  if (next.supersedes !== same.exportId) {
    return { ok: false, reason: 'De correctie verwijst niet naar het geldende rapport van deze periode.' };
  }
  const levelKeys = new Set([...Object.keys(same.levels), ...Object.keys(next.levels)]);
  for (const key of levelKeys) {
    if (same.levels[key] !== next.levels[key]) {
      return { ok: false, reason: 'Een correctie moet dezelfde detailniveaus gebruiken als het rapport dat zij vervangt.' };
    }
  }
  const keys = new Set([...Object.keys(same.cells), ...Object.keys(next.cells)]);
  for (const key of keys) {
    const diff = Math.abs((next.cells[key] ?? 0) - (same.cells[key] ?? 0));
    if (diff > 0 && diff < k) {
      return { ok: false, reason: `De correctie verandert een cel met minder dan ${k} huishoudens; zo'n kleine wijziging kan een gezin verraden. Neem haar mee in het jaarrapport.` };
    }
  }
  return { ok: true, replaces: same.exportId };
}
