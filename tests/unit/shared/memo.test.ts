// The shared memos (src/shared/memo.ts) stay within their bounds however many distinct households' amounts and
// dates pass through them, keep answering correctly when they empty themselves, and are all emptied by
// forgetMemos() (which a vault lock calls: tests/integration/budget/memo-lock.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { household } from '../../../bench/generate';
import { budgetInputsSchema, computeBudget } from '../../../src/shared/budget';
import { monthlyLine } from '../../../src/shared/budget/lines';
import { dossierDataSchema } from '../../../src/shared/dossier/schema';
import { bundledNorms } from '../../support/budget';
import { formatNlDate, isIsoDate, monthsFrom, quarterStartOf } from '../../../src/shared/dates';
import { forgetMemos, Memo, memoStats } from '../../../src/shared/memo';
import { formatEuro } from '../../../src/shared/money';

const stat = (name: string) => {
  const s = memoStats().find((m) => m.name === name);
  if (!s) throw new Error(`no memo ${name}`);
  return s;
};

afterEach(() => forgetMemos());

describe('Memo', () => {
  it('never holds more than its limit and still answers after it emptied itself', () => {
    const m = new Memo<string, number>('test.memo', 3);
    for (let i = 0; i < 10; i++) {
      m.set(`k${i}`, i);
      expect(m.size).toBeLessThanOrEqual(3);
      expect(m.get(`k${i}`)).toBe(i);
    }
    // k0-k2, then emptied at k3, k6 and k9.
    expect(stat('test.memo')).toEqual({ name: 'test.memo', size: 1, limit: 3 });
    forgetMemos();
    expect(m.size).toBe(0);
    expect(m.get('k9')).toBeUndefined();
  });
});

describe('the memos keyed by household data are bounded', () => {
  it('formatEuro remembers nothing: 20,000 distinct amounts leave every memo empty', () => {
    for (let c = 0; c < 20_000; c++) formatEuro(`${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
    expect(memoStats().filter((s) => s.size > 0)).toEqual([]);
    expect(formatEuro('1234.56')).toBe('€ 1.234,56');
    expect(formatEuro('-0.05')).toBe('€ -0,05');
  });

  it('monthlyLine: 20,000 distinct amounts per week', () => {
    for (let c = 1; c <= 20_000; c++) monthlyLine(`${c}.00`, 'week');
    const s = stat('budget.monthlyLine');
    expect(s.size).toBeLessThanOrEqual(s.limit);
    expect(s.limit).toBeLessThanOrEqual(10_000);
    // 12.00 a week × 52 / 12 = 52.00 a month; 100.00 four-weekly × 13 / 12 = 108.333… → 108.33.
    expect(monthlyLine('12.00', 'week').toFixed(2)).toBe('52.00');
    expect(monthlyLine('100.00', 'vierweken').toFixed(2)).toBe('108.33');
    // One amount text under several frequencies and numbers of instalments: each its own line.
    expect(monthlyLine('120.00', 'maand').toFixed(2)).toBe('120.00');
    expect(monthlyLine('120.00', 'jaar').toFixed(2)).toBe('10.00');
    expect(monthlyLine('120.00', 'termijnen', 10).toFixed(2)).toBe('100.00');
    expect(monthlyLine('120.00', 'termijnen', 11).toFixed(2)).toBe('110.00');
    expect(monthlyLine('120.00', 'kwartaal').toFixed(2)).toBe('40.00');
  });

  it('the date memos: 40 years of birth dates', () => {
    const start = Date.UTC(1950, 0, 1);
    for (let d = 0; d < 40 * 365; d++) {
      const iso = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
      isIsoDate(iso);
      formatNlDate(iso);
      quarterStartOf(iso);
      monthsFrom(iso, 24);
    }
    for (const name of ['dates.isRealDate', 'dates.formatNlDate', 'dates.quarterStartOf', 'dates.monthsFrom']) {
      const s = stat(name);
      expect(s.size, name).toBeGreaterThan(0);
      expect(s.size, name).toBeLessThanOrEqual(s.limit);
      expect(s.limit, name).toBeLessThanOrEqual(10_000);
    }
    expect(isIsoDate('1989-02-29')).toBe(false);
    expect(isIsoDate('1988-02-29')).toBe(true);
    expect(formatNlDate('1988-02-29')).toBe('29-02-1988');
    expect(quarterStartOf('1988-02-29')).toBe('1988-01-01');
  });

  it('the norm memos hold norm data only: more households on the same dates add nothing to them', async () => {
    // norms.periodFacts, norms.derived, norms.text, norms.collation and norms.number are keyed by norm periods,
    // norm figures and table names (issue 10 §1): their size depends on the norm set and the dates, never on how
    // many households were computed.
    const norms = await bundledNorms();
    const run = (from: number, to: number) => {
      for (let n = from; n < to; n++) {
        const d = dossierDataSchema.parse(household(2026, n));
        for (const date of ['2026-03-15', '2026-11-23']) computeBudget(d, budgetInputsSchema.parse({}), norms, date);
      }
    };
    const sizes = () => ['norms.periodFacts', 'norms.derived', 'norms.text', 'norms.collation', 'norms.number'].map((name) => stat(name).size);
    run(0, 40);
    const first = sizes();
    expect(first.every((n) => n > 0)).toBe(true);
    run(40, 160);
    expect(sizes()).toEqual(first);
    for (const name of ['norms.periodFacts', 'norms.derived', 'norms.text', 'norms.collation', 'norms.number']) expect(stat(name).limit, name).toBeLessThanOrEqual(10_000);
  });

  it('forgetMemos empties every one of them', () => {
    formatEuro('17.01');
    monthlyLine('17.01', 'jaar');
    formatNlDate('1977-07-17');
    expect(memoStats().reduce((n, s) => n + s.size, 0)).toBeGreaterThan(0);
    forgetMemos();
    expect(memoStats().filter((s) => s.size > 0)).toEqual([]);
  });
});
