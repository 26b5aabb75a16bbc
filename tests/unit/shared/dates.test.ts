import { describe, expect, it } from 'vitest';
import { ageOn, formatNlDate, isIsoDate, lastDayOfPreviousMonth, monthsFrom, parseNlDate, quarterStartOf } from '../../../src/shared/dates';

describe('dates', () => {
  it.each([
    ['31-12-2026', '2026-12-31'],
    ['1-2-2026', '2026-02-01'],
    ['01/02/2026', '2026-02-01'],
    ['01.02.2026', '2026-02-01'],
    [' 29-02-2024 ', '2024-02-29'],
    ['2026-07-01', '2026-07-01'],
  ])('parseNlDate(%j) = %s', (input, expected) => {
    expect(parseNlDate(input)).toBe(expected);
  });

  it.each(['29-02-2025', '31-04-2026', '32-01-2026', '00-01-2026', '15-13-2026', '2025-02-29', 'gisteren', '', '1-1-26'])(
    'parseNlDate(%j) is null',
    (input) => {
      expect(parseNlDate(input)).toBeNull();
    },
  );

  it('leap years: 29 February exists in 2024 and 2000, not in 2025 or 1900', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
  });

  it('isIsoDate requires the exact YYYY-MM-DD shape', () => {
    expect(isIsoDate('2026-7-1')).toBe(false);
    expect(isIsoDate('2026-07-01T00:00:00Z')).toBe(false);
    expect(isIsoDate('20260701')).toBe(false);
  });

  it('formatNlDate and parseNlDate round-trip', () => {
    for (const iso of ['2024-02-29', '2026-01-01', '1957-08-05', '2026-12-31']) {
      expect(formatNlDate(iso)).toMatch(/^\d{2}-\d{2}-\d{4}$/);
      expect(parseNlDate(formatNlDate(iso))).toBe(iso);
    }
    expect(formatNlDate('2026-12-31')).toBe('31-12-2026');
  });

  it('ageOn counts whole years around a birthday', () => {
    expect(ageOn('2007-01-19', '2026-01-18')).toBe(18);
    expect(ageOn('2007-01-19', '2026-01-19')).toBe(19);
    expect(ageOn('2007-01-19', '2026-01-20')).toBe(19);
    expect(ageOn('1957-08-05', '2026-07-01')).toBe(68);
    expect(ageOn('2026-07-01', '2026-07-01')).toBe(0);
  });

  it('ageOn for a 29 February birthday', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  // Calendar facts by hand: quarters start in January, April, July and October; 2028 and 2000 are leap years, 2100 not.
  it('quarterStartOf, lastDayOfPreviousMonth and formatNlDate on boundaries, asked twice (remembered answers stay right)', () => {
    for (let round = 0; round < 2; round++) {
      expect(formatNlDate('2028-02-29')).toBe('29-02-2028');
      expect(quarterStartOf('2026-11-23')).toBe('2026-10-01');
      expect(quarterStartOf('2026-03-31')).toBe('2026-01-01');
      expect(quarterStartOf('2026-04-01')).toBe('2026-04-01');
      expect(quarterStartOf('2026-09-30')).toBe('2026-07-01');
      expect(lastDayOfPreviousMonth('2026-01-15')).toBe('2025-12-31');
      expect(lastDayOfPreviousMonth('2028-03-01')).toBe('2028-02-29');
      expect(lastDayOfPreviousMonth('2000-03-31')).toBe('2000-02-29');
      expect(lastDayOfPreviousMonth('2100-03-01')).toBe('2100-02-28');
      expect(lastDayOfPreviousMonth('2026-05-31')).toBe('2026-04-30');
    }
  });

  it('monthsFrom gives each calendar month with its last day, across a year end and a leap February', () => {
    expect(monthsFrom('2027-11-30', 4)).toEqual([
      { start: '2027-11-01', end: '2027-11-30' },
      { start: '2027-12-01', end: '2027-12-31' },
      { start: '2028-01-01', end: '2028-01-31' },
      { start: '2028-02-01', end: '2028-02-29' },
    ]);
    expect(monthsFrom('2026-01-31', 2)).toEqual([
      { start: '2026-01-01', end: '2026-01-31' },
      { start: '2026-02-01', end: '2026-02-28' },
    ]);
    expect(monthsFrom('2026-06-15', 24)).toHaveLength(24);
    expect(monthsFrom('2026-06-15', 24)[23]).toEqual({ start: '2028-05-01', end: '2028-05-31' });
    expect(() => monthsFrom('2026-13-01', 2)).toThrow(RangeError);
  });

  it('every day from 1900 to 2100: a real ISO date, shown as DD-MM-YYYY, its quarter start and the day before its month', () => {
    // The calendar counted with UTC milliseconds, apart from date-fns; the last day of the previous month is the day
    // before the first of the month.
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const DAY = 86_400_000;
    let days = 0;
    const wrong: string[] = [];
    for (let ms = Date.UTC(1900, 0, 1); ms <= Date.UTC(2100, 11, 31); ms += DAY, days++) {
      const d = iso(ms);
      const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
      if (!isIsoDate(d)) wrong.push(`${d} not a date`);
      if (formatNlDate(d) !== `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`) wrong.push(`${d} shown as ${formatNlDate(d)}`);
      if (parseNlDate(formatNlDate(d)) !== d) wrong.push(`${d} read back as ${parseNlDate(formatNlDate(d))}`);
      if (quarterStartOf(d) !== iso(Date.UTC(y, m - 1 - ((m - 1) % 3), 1))) wrong.push(`${d} quarter from ${quarterStartOf(d)}`);
      if (lastDayOfPreviousMonth(d) !== iso(Date.UTC(y, m - 1, 1) - DAY)) wrong.push(`${d} month before ends ${lastDayOfPreviousMonth(d)}`);
    }
    expect(wrong).toEqual([]);
    expect(days).toBe(73_414);
  });

  it('formatNlDate still refuses an impossible date', () => {
    expect(() => formatNlDate('2025-02-29')).toThrow(RangeError);
    expect(() => formatNlDate('2026-13-01')).toThrow(RangeError);
  });
});
