// ageOn works on the ISO strings directly (the engine asks it many times per household and month); it must give
// exactly what date-fns' differenceInYears gives over the parsed dates, leap days and dates before birth included.
import { differenceInYears, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn } from '../../../src/shared/dates';

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
