import { addDays, format, parseISO, startOfMonth, startOfQuarter } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { ageOn, formatNlDate, isIsoDate, lastDayOfPreviousMonth, parseNlDate, quarterStartOf } from '../../../src/shared/dates';

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

  // The budget's string arithmetic on ISO dates must agree with date-fns (the calendar reference) on every day.
  it('formatNlDate, quarterStartOf and lastDayOfPreviousMonth agree with date-fns on every day 1899-2101', () => {
    let mismatches = 0;
    for (let d = parseISO('1899-01-01'); d.getFullYear() <= 2101; d = addDays(d, 1)) {
      const iso = format(d, 'yyyy-MM-dd');
      if (formatNlDate(iso) !== format(d, 'dd-MM-yyyy')) mismatches++;
      if (quarterStartOf(iso) !== format(startOfQuarter(d), 'yyyy-MM-dd')) mismatches++;
      if (lastDayOfPreviousMonth(iso) !== format(addDays(startOfMonth(d), -1), 'yyyy-MM-dd')) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(formatNlDate('2028-02-29')).toBe('29-02-2028');
    expect(quarterStartOf('2026-11-23')).toBe('2026-10-01');
    expect(lastDayOfPreviousMonth('2026-01-15')).toBe('2025-12-31');
    expect(lastDayOfPreviousMonth('2100-03-01')).toBe('2100-02-28');
  });

  it('formatNlDate still refuses an impossible date', () => {
    expect(() => formatNlDate('2025-02-29')).toThrow(RangeError);
    expect(() => formatNlDate('2026-13-01')).toThrow(RangeError);
  });
});
