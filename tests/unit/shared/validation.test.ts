import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BSN_ERROR, isValidBsn, normalizeBsn } from '../../../src/shared/validation/bsn';
import { formatIban, isValidIban, normalizeIban } from '../../../src/shared/validation/iban';
import { isValidPostcode, normalizePostcode } from '../../../src/shared/validation/postcode';

/** Independent elfproef for the property test (BigInt-free, written from RULES.md §h). */
function elfproef(nine: string): boolean {
  const weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];
  const total = weights.reduce((acc, w, i) => acc + w * Number(nine[i]), 0);
  return total % 11 === 0 && nine !== '000000000';
}

/** Independent mod-97 with BigInt. */
function mod97Ok(iban: string): boolean {
  const r = iban.slice(4) + iban.slice(0, 4);
  const n = BigInt(r.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55)));
  return n % 97n === 1n;
}

function makeNlIban(bank: string, account: string): string {
  const n = BigInt(`${bank}${account}NL00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55)));
  return `NL${String(98n - (n % 97n)).padStart(2, '0')}${bank}${account}`;
}

describe('BSN (elfproef)', () => {
  it('123456782 is valid, 123456789 is not', () => {
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
  });

  it('000000000 is rejected although its sum is 0', () => {
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('00000000')).toBe(false);
  });

  it('an 8-digit number gets a leading zero', () => {
    expect(normalizeBsn('12345672')).toBe('012345672');
    // 0+8+14+18+20+20+18+14-2 = 110 = 10 x 11
    expect(isValidBsn('12345672')).toBe(true);
    expect(isValidBsn('012345672')).toBe(true);
  });

  it('spaces, dots and dashes are ignored; other shapes are rejected', () => {
    expect(isValidBsn('1234.56.782')).toBe(true);
    expect(isValidBsn(' 123 456 782 ')).toBe(true);
    expect(isValidBsn('12345678')).toBe(false);
    for (const bad of ['', '1234567', '1234567820', '12345678a', 'abcdefghi']) expect(isValidBsn(bad)).toBe(false);
  });

  it('agrees with an independent elfproef on random 9-digit strings', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (s) => {
        expect(isValidBsn(s)).toBe(elfproef(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('has a Dutch error text', () => {
    expect(BSN_ERROR).toMatch(/elfproef/);
  });
});

describe('IBAN (mod-97)', () => {
  it('NL91ABNA0417164300 is valid, ...301 is not', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('NL91ABNA0417164301')).toBe(false);
  });

  it('spaces and lower case are normalised', () => {
    expect(normalizeIban(' nl91 abna 0417 1643 00 ')).toBe('NL91ABNA0417164300');
    expect(isValidIban('nl91 abna 0417 1643 00')).toBe(true);
  });

  it('formatIban groups by four', () => {
    expect(formatIban('NL91ABNA0417164300')).toBe('NL91 ABNA 0417 1643 00');
    expect(formatIban('nl91abna0417164300')).toBe('NL91 ABNA 0417 1643 00');
    expect(formatIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
  });

  it('rejects Dutch IBANs of the wrong shape even when mod-97 would pass', () => {
    expect(isValidIban('NL91ABNA041716430')).toBe(false);
    expect(isValidIban('NL9IABNA0417164300')).toBe(false);
    expect(isValidIban('')).toBe(false);
  });

  it('accepts a valid foreign IBAN', () => {
    expect(isValidIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isValidIban('BE68539007547034')).toBe(true);
  });

  it('every Dutch IBAN built with correct check digits is valid; any single changed digit is caught', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('ABNA', 'INGB', 'RABO', 'SNSB', 'ASNB', 'TRIO', 'KNAB', 'BUNQ'),
        fc.stringMatching(/^\d{10}$/),
        fc.integer({ min: 8, max: 17 }),
        fc.integer({ min: 1, max: 9 }),
        (bank, account, pos, delta) => {
          const iban = makeNlIban(bank, account);
          expect(isValidIban(iban)).toBe(true);
          const digit = (Number(iban[pos]) + delta) % 10;
          const changed = iban.slice(0, pos) + String(digit) + iban.slice(pos + 1);
          expect(isValidIban(changed)).toBe(mod97Ok(changed));
          expect(isValidIban(changed)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('postcode', () => {
  it.each([
    ['1234 AB', '1234 AB'],
    ['1234AB', '1234 AB'],
    ['1234ab', '1234 AB'],
    [' 9999 zz ', '9999 ZZ'],
    ['1000 AA', '1000 AA'],
  ])('normalizePostcode(%j) = %s', (input, expected) => {
    expect(normalizePostcode(input)).toBe(expected);
  });

  it.each(['1234 SA', '1234 SD', '1234 SS', '1234sa', '0123 AB', '123 AB', '12345 AB', '1234 A', '1234  AB', '1234-AB', 'ABCD 12', ''])(
    '%j is rejected',
    (input) => {
      expect(normalizePostcode(input)).toBeNull();
      expect(isValidPostcode(input)).toBe(false);
    },
  );

  it('SA, SD and SS are refused only as the whole letter pair', () => {
    expect(isValidPostcode('1234 AS')).toBe(true);
    expect(isValidPostcode('1234 SB')).toBe(true);
    expect(isValidPostcode('1234 DS')).toBe(true);
  });

  // RULES.md §h: the letters are two of A-Z (lower case is normalised); a character that only upper-cases into
  // A-Z ("ﬀ" -> "FF", dotless "ı" -> "I", "ß" -> "SS") is no postcode letter.
  it.each(['1234 ﬀ', '1234 ıı', '1234 ıA', '1234 ß'])('%j is rejected (not A-Z)', (input) => {
    expect(normalizePostcode(input)).toBeNull();
    expect(isValidPostcode(input)).toBe(false);
  });
});
