import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FREQUENCIES, toMonthly, toYearly } from '../../../src/shared/frequency';
import { fromCents, money } from '../../../src/shared/money';

const amount = fc.integer({ min: 0, max: 99_999_999_999 }).map((c) => fromCents(c));

describe('frequency', () => {
  it.each([
    ['week', '100', '433.3333333333', '5200'],
    ['vierweken', '1200', '1300', '15600'],
    ['maand', '1419.46', '1419.46', '17033.52'],
    ['kwartaal', '298.40', '99.4666666667', '1193.6'],
    ['jaar', '2580', '215', '2580'],
  ] as const)('toMonthly(%s) keeps full precision', (freq, input, monthly10dp, yearly) => {
    const m = toMonthly(money(input), freq);
    // Not rounded to cents: more than two decimals survive until display.
    expect(m.toDecimalPlaces(10).toString()).toBe(monthly10dp);
    expect(m.times(12).equals(money(yearly))).toBe(true);
  });

  it('kinderbijslag per quarter / 3 is only rounded at display', () => {
    expect(toMonthly(money('426.29'), 'kwartaal').toDecimalPlaces(2).toFixed(2)).toBe('142.10');
  });

  it('weekly x 52 equals the monthly equivalent x 12 exactly', () => {
    fc.assert(
      fc.property(amount, (a) => {
        expect(toMonthly(a, 'week').times(12).equals(a.times(52))).toBe(true);
        expect(toYearly(a, 'week').equals(a.times(52))).toBe(true);
      }),
    );
  });

  it('four-weekly x 13, quarterly x 4, yearly x 1 per year, exactly', () => {
    fc.assert(
      fc.property(amount, (a) => {
        expect(toYearly(a, 'vierweken').equals(a.times(13))).toBe(true);
        expect(toYearly(a, 'kwartaal').equals(a.times(4))).toBe(true);
        expect(toYearly(a, 'jaar').equals(a)).toBe(true);
        expect(toYearly(a, 'maand').equals(a.times(12))).toBe(true);
      }),
    );
  });

  it('covers exactly the five frequencies and "in N termijnen per jaar"', () => {
    expect([...FREQUENCIES]).toEqual(['week', 'vierweken', 'maand', 'kwartaal', 'jaar', 'termijnen']);
  });
});
