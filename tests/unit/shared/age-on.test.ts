// ageOn works on the ISO strings directly (the engine asks it many times per household and month); it must give
// exactly what date-fns' differenceInYears gives over the parsed dates, leap days and dates before birth included.
import { differenceInMonths, differenceInYears, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, isIsoDate, monthsReached } from '../../../src/shared/dates';

const isoDate = fc.date({ min: new Date(1900, 0, 1), max: new Date(2100, 11, 31), noInvalidDate: true }).map((d) => format(d, 'yyyy-MM-dd'));
const reference = (birth: string, ref: string) => differenceInYears(parseISO(ref), parseISO(birth));

describe('ageOn', () => {
  it('equals differenceInYears for any two dates', () => {
    fc.assert(fc.property(isoDate, isoDate, (birth, ref) => ageOn(birth, ref) === reference(birth, ref)), { numRuns: 5000 });
  });

  it('counts birthdays by hand, leap days and a date before birth included', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
    expect(ageOn('1990-05-20', '2026-05-19')).toBe(35);
    expect(ageOn('1990-05-20', '2026-05-20')).toBe(36);
    expect(ageOn('2026-05-20', '2026-05-20')).toBe(0);
    expect(ageOn('2021-03-01', '2020-06-01')).toBe(reference('2021-03-01', '2020-06-01'));
    expect(ageOn('2021-03-01', '2019-02-01')).toBe(reference('2021-03-01', '2019-02-01'));
    // Hand-checked edge cases agree with date-fns too.
    for (const [b, r] of [['2008-02-29', '2026-02-28'], ['2008-02-29', '2026-03-01'], ['1990-05-20', '2026-05-19']] as const) expect(ageOn(b, r)).toBe(reference(b, r));
  });
});

// The AOW-age test (household.ts, projection.ts): whole months as date-fns counts them, with its month-end rules.
describe('monthsReached', () => {
  const months = (birth: string, on: string) => differenceInMonths(parseISO(on), parseISO(birth));
  it('equals differenceInMonths ≥ n for any two dates and any n near the whole months between them', () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: -14, max: 14 }), (birth, on, off) => {
        const n = months(birth, on) + off;
        return monthsReached(birth, on, n) === months(birth, on) >= n;
      }),
      { numRuns: 5000 },
    );
  });

  it('decides month ends and leap days exactly as date-fns does around an AOW age of 67 years and 3 months', () => {
    const aow = 67 * 12 + 3;
    for (const birth of ['1959-11-30', '1959-11-29', '1960-01-31', '1960-02-29', '1959-12-31', '1960-05-31']) {
      for (let y = 2026; y <= 2028; y++) {
        for (let m = 1; m <= 12; m++) {
          for (const day of ['01', '15', '28', '29', '30', '31']) {
            const on = `${y}-${String(m).padStart(2, '0')}-${day}`;
            if (!isIsoDate(on)) continue;
            expect(monthsReached(birth, on, aow), `${birth} ${on}`).toBe(months(birth, on) >= aow);
          }
        }
      }
    }
    // By hand: born 30-11-1959, 67 years and 3 months on 29-02-2027 does not exist; on 28-02-2027 the months are not full.
    expect(monthsReached('1959-11-30', '2027-02-27', aow)).toBe(false);
    expect(monthsReached('1959-11-30', '2027-03-01', aow)).toBe(true);
  });
});
