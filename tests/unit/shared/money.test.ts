import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AMOUNT_PATTERN,
  Money,
  amountDecimal,
  roundCentsRatio,
  fromCents,
  formatEuro,
  money,
  parseEuroInput,
  roundCents,
  sum,
  toAmountString,
  centsText,
  centsToAmount,
  toCents,
} from '../../../src/shared/money';

const cents = fc.integer({ min: -99_999_999_999, max: 99_999_999_999 });

/** Formats cents the way a Dutch user types an amount: thousands dots, decimal comma. */
function typedNl(c: number): string {
  const neg = c < 0;
  const abs = Math.abs(c);
  const euros = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}${euros},${String(abs % 100).padStart(2, '0')}`;
}

describe('money', () => {
  it('sums of cents are exact (no float drift)', () => {
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 50 }), (list) => {
        const total = sum(list.map((c) => fromCents(c)));
        const expected = list.reduce((a, b) => a + BigInt(b), 0n);
        expect(toCents(total)).toBe(Number(expected));
      }),
    );
  });

  it('0.10 + 0.20 is exactly 0.30', () => {
    expect(sum([money('0.10'), money('0.20')]).equals(money('0.30'))).toBe(true);
    expect(toAmountString(sum([money('0.1'), money('0.2')]))).toBe('0.30');
  });

  it('toCents and fromCents round-trip', () => {
    fc.assert(
      fc.property(cents, (c) => {
        expect(toCents(fromCents(c))).toBe(c);
      }),
    );
  });

  it('parse -> format -> parse round-trips nl-NL input such as "1.234,56"', () => {
    fc.assert(
      fc.property(cents, (c) => {
        const parsed = parseEuroInput(typedNl(c));
        expect(parsed).not.toBeNull();
        expect(toCents(parsed!)).toBe(c);
        const formatted = formatEuro(parsed!);
        const reparsed = parseEuroInput(formatted.replace('€ ', '').replace(/^-€ /, '-'));
        expect(reparsed).not.toBeNull();
        expect(reparsed!.equals(parsed!)).toBe(true);
      }),
    );
  });

  it.each([
    ['1.234,56', '1234.56'],
    ['1234,56', '1234.56'],
    ['1234.56', '1234.56'],
    ['€ 12,5', '12.5'],
    ['-10', '-10'],
    ['1.234.567', '1234567'],
    ['  7,05 ', '7.05'],
  ])('parseEuroInput(%j) = %s', (input, expected) => {
    expect(parseEuroInput(input)?.equals(money(expected))).toBe(true);
  });

  it.each(['', 'abc', '1,234', '12,345', '1.23.4', '1,2,3', '€', '--5', '1.2345'])('parseEuroInput(%j) is null', (input) => {
    expect(parseEuroInput(input)).toBeNull();
  });

  // nl-NL groups thousands from a first group of 1-3 digits that never starts with 0 (Intl never writes "0.500"):
  // "0.500" is no € 500 and no grouping at all, so it is refused rather than read as five hundred euro.
  it.each(['0.500', '000.500', '00.123', '0.123,45', '-0.500', '01.234'])('parseEuroInput(%j) is null (leading zero group)', (input) => {
    expect(parseEuroInput(input)).toBeNull();
  });

  it.each([
    ['1331.425', '1331.43'], // RULES.md a.1: 1401.50 x 0.95, half-up
    ['0.005', '0.01'],
    ['0.004999', '0.00'],
    ['2.675', '2.68'], // a float would give 2.67
    ['-1.005', '-1.01'], // half-up away from zero
    ['1419.453', '1419.45'],
  ])('roundCents(%s) = %s (half-up)', (input, expected) => {
    expect(roundCents(money(input)).toFixed(2)).toBe(expected);
  });

  it('a sum starts like 0 + the first value: a lone zero is +0, a long value is cut to the 40-digit precision', () => {
    // sum() starts from its first value instead of from 0 (issue 10 §1); what 0 + x would change must still change.
    const minusZero = money('-0.001').toDecimalPlaces(2);
    expect(minusZero.isNegative()).toBe(true);
    expect(sum([minusZero]).isNegative()).toBe(false);
    expect(sum([minusZero, minusZero]).isNegative()).toBe(false);
    expect(sum([]).toString()).toBe('0');
    // 41 significant digits (1, 39 zeros, 5): 0 + x rounds x half-up to 40 of them.
    const long = money(`1.${'0'.repeat(39)}5`);
    expect(sum([long]).toString()).toBe(`1.${'0'.repeat(38)}1`);
    const one = money('12.34');
    expect(sum([one])).toBe(one);
    expect(sum([one, money('0.66')]).toString()).toBe('13');
  });

  it('roundCents returns an amount in cents as it is and rounds every other value once', () => {
    const cents = money('10.50');
    expect(roundCents(cents)).toBe(cents);
    expect(roundCents(money('10.505')).toFixed(2)).toBe('10.51');
    expect(roundCents(money('-10.505')).toFixed(2)).toBe('-10.51');
    // A Decimal of another constructor (other precision or rounding) becomes a Money, rounded half-up.
    const Other = Decimal.clone({ precision: 5, rounding: Decimal.ROUND_DOWN });
    const rounded = roundCents(new Other('2.675'));
    expect(rounded.toFixed(2)).toBe('2.68');
    expect(rounded.constructor).toBe(money(0).constructor);
  });

  it('1401.50 x 0.95 rounds to 1331.43', () => {
    expect(toAmountString(money('1401.50').times('0.95'))).toBe('1331.43');
  });

  it('toCents refuses three decimals instead of rounding silently', () => {
    expect(() => toCents('1.005')).toThrow(RangeError);
    expect(() => toCents(money('0.001'))).toThrow(RangeError);
    expect(toCents('1.5')).toBe(150);
    expect(toCents('-0.07')).toBe(-7);
  });

  it('formatEuro gives nl-NL formatting with a normal space', () => {
    expect(formatEuro('1234.56')).toBe('€ 1.234,56');
    expect(formatEuro(money('0'))).toBe('€ 0,00');
    expect(formatEuro('1419.46')).toBe('€ 1.419,46');
    expect(formatEuro('1234567.891')).toBe('€ 1.234.567,89');
  });

  it('toAmountString rounds half-up to cents and never prints a negative zero', () => {
    const cases: [string, string][] = [
      ['1234.565', '1234.57'], ['-1234.565', '-1234.57'], ['2.675', '2.68'], ['0.004999', '0.00'], ['-0.001', '0.00'],
      ['-0.0049', '0.00'], ['-0.005', '-0.01'], ['-0', '0.00'], ['1e-30', '0.00'], ['123456789012.345', '123456789012.35'],
    ];
    for (const [input, expected] of cases) expect(toAmountString(money(input)), input).toBe(expected);
  });

  it('formatEuro gives the same text for a string and a Decimal, asked again and again (remembered texts)', () => {
    for (let i = 0; i < 3; i++) {
      expect(formatEuro('1234.5')).toBe('€ 1.234,50');
      expect(formatEuro(money('1234.5'))).toBe('€ 1.234,50');
      expect(formatEuro('0.005')).toBe('€ 0,01');
      expect(formatEuro(money('0.004'))).toBe('€ 0,00');
    }
  });

  it('formatEuro shows negative amounts with a minus sign', () => {
    const out = formatEuro('-1234.56');
    expect(out).toMatch(/^[-\u2212]\s?€ 1\.234,56$|^€ -1\.234,56$/);
    expect(out).toContain('1.234,56');
    expect(out).not.toBe(formatEuro('1234.56'));
  });

  it('formatEuro writes what nl-NL currency formatting (Intl) writes, for every amount in cents and for more decimals', () => {
    // Written out by hand since issue 10 (Intl cost ~10 µs an amount); Intl stays the reference.
    const intl = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
    const reference = (amount: string) => intl.format(amount as unknown as number).replace(/\u00a0/g, ' ');
    expect(formatEuro('-0.01')).toBe('€ -0,01');
    expect(formatEuro('-999999.99')).toBe('€ -999.999,99');
    expect(formatEuro(money('100000'))).toBe('€ 100.000,00');
    for (const odd of ['-0', '-0.00', '-0.0', '0', '007.5', '-0.5', '1234.5', '1e3', '12.345', '-12.005', '+5', '0.004']) {
      expect(formatEuro(odd), odd).toBe(reference(toAmountString(money(odd))));
    }
    fc.assert(
      fc.property(cents, (c) => {
        const amount = fromCents(c);
        expect(formatEuro(amount)).toBe(reference(toAmountString(amount)));
        expect(formatEuro(amount.toFixed(2))).toBe(reference(amount.toFixed(2)));
      }),
      { numRuns: 2000 },
    );
    const longer = fc.tuple(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), fc.integer({ min: 0, max: 6 })).map(([units, scale]) => money(units.toString()).dividedBy(10 ** scale));
    fc.assert(
      fc.property(longer, (d) => {
        expect(formatEuro(d)).toBe(reference(toAmountString(d)));
      }),
      { numRuns: 2000 },
    );
  });

  it('formatEuro of a string reads plain amounts directly and prints every string as Intl prints its Decimal', () => {
    const intl = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
    const reference = (amount: string) => intl.format(amount as unknown as number).replace(/\u00a0/g, ' ');
    const texts = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        fc.constantFrom('', '0', '00'),
        fc.oneof(fc.nat({ max: 999 }), fc.nat({ max: 999_999_999_999 }), fc.constantFrom(0, 1000, 999_999, 1_000_000)),
        fc.constantFrom('', '.', '.0', '.00', '.5', '.05', '.50', '.99', '.123', '.1a', 'e2', ' '),
      )
      .map(([sign, zeros, units, decimals]) => `${sign}${zeros}${units}${decimals}`);
    fc.assert(
      fc.property(texts, (text) => {
        let decimal: Decimal | null = null;
        try {
          decimal = money(text);
        } catch {
          expect(() => formatEuro(text)).toThrow();
          return;
        }
        expect(formatEuro(text), text).toBe(reference(toAmountString(decimal)));
      }),
      { numRuns: 10_000 },
    );
  });

  it('AMOUNT_PATTERN accepts canonical strings only', () => {
    for (const ok of ['0', '1234.56', '-5.5', '999999999999.99']) expect(AMOUNT_PATTERN.test(ok)).toBe(true);
    for (const bad of ['1,5', '1.234', '1e3', '', '.5', '1.', '+1', '1234567890123']) expect(AMOUNT_PATTERN.test(bad)).toBe(false);
  });

  it('centsText prints an amount of at most two decimals exactly as toFixed(2) does, and declines any other', () => {
    const decimals = fc.tuple(fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }), fc.integer({ min: 0, max: 6 })).map(([units, scale]) => money(units.toString()).dividedBy(10 ** scale));
    fc.assert(
      fc.property(decimals, (d) => {
        const text = centsText(d);
        if (d.decimalPlaces() > 2 || d.e >= 21) return text === null;
        return text === d.toFixed(2) && text === toAmountString(d);
      }),
      { numRuns: 5000 },
    );
    for (const [input, expected] of [['0', '0.00'], ['-0', '0.00'], ['5', '5.00'], ['-5.5', '-5.50'], ['0.05', '0.05'], ['1234.5', '1234.50'], ['-0.01', '-0.01']] as const) {
      expect(centsText(money(input)), input).toBe(expected);
    }
    expect(centsText(money('0.005'))).toBeNull();
  });

  it('centsText reads a value below 1e14 from its words exactly as toFixed(2) prints it (word boundaries, signs, zeros)', () => {
    // The plain way: print when at most two decimals, decline otherwise.
    const plain = (d: Decimal): string | null => (d.decimalPlaces() > 2 ? null : d.toFixed(2));
    const small = fc
      .tuple(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), fc.integer({ min: 0, max: 10 }))
      .map(([units, scale]) => money(units.toString()).dividedBy(new Decimal(10).pow(scale)));
    fc.assert(
      fc.property(small, (d) => centsText(d) === plain(d)),
      { numRuns: 20_000 },
    );
    const edges = ['0', '-0', '0.01', '-0.01', '0.1', '0.10', '0.001', '0.00000001', '0.0000001', '0.00000010', '9999999.99', '10000000', '10000000.01',
      '-10000000.5', '99999999999999.99', '100000000000000', '100000000000000.01', '12345678.00000001', '1e13', '-1e-8', '20000000000000'];
    for (const text of edges) expect(centsText(money(text)), text).toBe(plain(money(text)));
    expect(centsText(money(0).negated())).toBe('0.00');
    expect(centsText(money(-0.5).plus('0.5'))).toBe('0.00');
  });

  it('amountDecimal gives the Money new Money(amount) gives (sign, exponent, words) for every canonical amount, null otherwise', () => {
    const amounts = fc
      .tuple(
        fc.boolean(),
        fc.oneof(fc.integer({ min: 0, max: 999_999_999_999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(0, 9_999_999, 10_000_000, 10_000_001, 20_000_000, 100_000_000_000)),
        fc.constantFrom('', '0', '00'),
        fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 9 }).map(String), fc.integer({ min: 0, max: 99 }).map((c) => String(c).padStart(2, '0'))),
      )
      .map(([negative, units, zeros, decimals]) => `${negative ? '-' : ''}${zeros}${units}${decimals === '' ? '' : `.${decimals}`}`)
      .filter((text) => AMOUNT_PATTERN.test(text));
    const same = (text: string): boolean => {
      const fast = amountDecimal(text)!;
      const plain = new Money(text);
      return fast.constructor === Money && fast.s === plain.s && fast.e === plain.e && JSON.stringify(fast.d) === JSON.stringify(plain.d) && fast.toString() === plain.toString();
    };
    fc.assert(fc.property(amounts, same), { numRuns: 20_000 });
    for (const text of ['0', '-0', '0.00', '-0.00', '0.05', '-0.5', '0.10', '10000000', '10000000.00', '10000000.01', '999999999999.99', '-100000000000', '007.50', '1234567.8']) {
      expect(same(text), text).toBe(true);
    }
    for (const bad of ['1,5', '1.234', '1e3', '', '.5', '1.', '+1', '1234567890123', ' 1']) expect(amountDecimal(bad)).toBeNull();
  });

  it('sum of whole-cent amounts in integer arithmetic gives the Money that adding them one by one gives', () => {
    // The plain way: start from the first value (or ZERO), then plus, as sum() always did.
    const plainSum = (values: Decimal[]): Decimal => {
      let total: Decimal | null = null;
      for (const v of values) total = total === null ? (v.constructor === Money && v.d !== null && v.d.length <= 5 && !v.isZero() ? v : money(0).plus(v)) : total.plus(v);
      return total ?? money(0);
    };
    const sameMoney = (a: Decimal, b: Decimal) => a.constructor === b.constructor && a.s === b.s && a.e === b.e && JSON.stringify(a.d) === JSON.stringify(b.d);
    const amount = fc.oneof(
      cents.map((c) => fromCents(c)),
      fc.integer({ min: -10_000, max: 10_000 }).map((c) => fromCents(c)),
      fc.constantFrom(money(0), money(0).negated(), money('0.5'), money('-0.05'), money('10000000'), money('-10000000.01'), money('9999999999999.99'), money('10000000000000'), money('0.001'), money('-1e-8')),
      fc.tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 4 })).map(([u, scale]) => money(u.toString()).dividedBy(10 ** scale)),
      cents.map((c) => new Decimal(c).dividedBy(100)),
    );
    fc.assert(
      fc.property(fc.array(amount, { minLength: 0, maxLength: 12 }), (values) => {
        const fast = sum(values);
        const plain = plainSum(values);
        expect(sameMoney(fast, plain), values.map(String).join(' + ')).toBe(true);
        expect(fast.toString()).toBe(plain.toString());
      }),
      { numRuns: 20_000 },
    );
    // A sum of exactly zero keeps Decimal's own sign rules (the plain way).
    for (const parts of [['1.50', '-1.50'], ['-0', '-0'], ['0', '-0'], ['-0.01', '0.01', '0']]) {
      const values = parts.map((p) => money(p));
      expect(sameMoney(sum(values), plainSum(values)), parts.join(' + ')).toBe(true);
    }
  });

  it('roundCents of a value with more decimals gives the Money toDecimalPlaces(2, half-up) gives (words, sign, carries)', () => {
    const sameMoney = (a: Decimal, b: Decimal) => a.constructor === b.constructor && a.s === b.s && a.e === b.e && JSON.stringify(a.d) === JSON.stringify(b.d);
    const plain = (d: Decimal) => new Money(d).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    const values = fc.oneof(
      fc.tuple(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.integer({ min: 0, max: 9 })).map(([u, scale]) => money(u.toString()).dividedBy(new Decimal(10).pow(scale))),
      fc.tuple(cents, fc.integer({ min: 1, max: 400 })).map(([c, by]) => fromCents(c).times(12).dividedBy(by)),
      fc.tuple(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.constantFrom(5, 50, 500, 4999, 5001, 9999, 5)).map(([u, tail]) => money(`${u}.00${tail}`)),
      fc.integer({ min: -2_000_000, max: 2_000_000 }).map((m) => money(m).dividedBy(1000)),
    );
    fc.assert(
      fc.property(values, (d) => {
        const rounded = roundCents(d);
        expect(sameMoney(rounded, plain(d)), d.toString()).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    for (const text of ['0.005', '-0.005', '0.0049999', '-0.004', '0.995', '-0.995', '9999999.995', '99999.9949', '0.00000005', '0.000000005', '1.5e-8', '9999999999999.995', '12.3456789012345678']) {
      expect(sameMoney(roundCents(money(text)), plain(money(text))), text).toBe(true);
    }
  });

  it('roundCentsRatio gives the Money roundCents(value × times / by) gives, in integer cents for whole-cent values', () => {
    const sameMoney = (a: Decimal, b: Decimal) => a.constructor === b.constructor && a.s === b.s && a.e === b.e && JSON.stringify(a.d) === JSON.stringify(b.d);
    const plain = (v: Decimal, times: number, by: number) => roundCents(times === 1 ? v.dividedBy(by) : v.times(times).dividedBy(by));
    const values = fc.oneof(
      cents.map((c) => fromCents(c)),
      fc.integer({ min: -1000, max: 1000 }).map((c) => fromCents(c)),
      fc.constantFrom(money(0), money(0).negated(), money('0.06'), money('-0.06'), money('9999999999999.99'), money('12.345'), money('-0.005')),
      fc.tuple(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), fc.integer({ min: 0, max: 4 })).map(([u, scale]) => money(u.toString()).dividedBy(10 ** scale)),
      cents.map((c) => new Decimal(c).dividedBy(100)),
    );
    const ratios = fc.oneof(fc.constantFrom([1, 12], [12, 52], [1, 3], [1, 2], [3, 13]), fc.tuple(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 400 })));
    fc.assert(
      fc.property(values, ratios, (v, [times, by]) => {
        expect(sameMoney(roundCentsRatio(v, times, by), plain(v, times, by)), `${v.toString()} × ${times} / ${by}`).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    // Halves of a cent round away from zero.
    for (const [text, times, by] of [['0.01', 1, 2], ['-0.01', 1, 2], ['0.13', 12, 52], ['-0.13', 12, 52], ['0.03', 1, 12]] as const) {
      expect(sameMoney(roundCentsRatio(money(text), times, by), plain(money(text), times, by)), text).toBe(true);
    }
  });

  it('centsToAmount prints integer cents exactly as fromCents(cents).toFixed(2)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.maxSafeInteger(), fc.constant(Number.MIN_SAFE_INTEGER)), (c) => centsToAmount(c) === fromCents(c).toFixed(2)),
      { numRuns: 5000 },
    );
    for (const [c, expected] of [[0, '0.00'], [5, '0.05'], [-5, '-0.05'], [100, '1.00'], [-123456, '-1234.56'], [140150, '1401.50']] as const) expect(centsToAmount(c)).toBe(expected);
  });
});
