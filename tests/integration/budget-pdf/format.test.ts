// Dutch notation helpers of the budget plan: explanation inputs keep their precision, only the notation changes.
import { describe, expect, it } from 'vitest';
import { inputValue, nlDecimalString, nlNumbersInText, splitSource } from '../../../src/core/budget/plan-pdf/format';

describe('budget plan formatting', () => {
  it('writes decimal strings in nl-NL notation without rounding', () => {
    expect(nlDecimalString('1419.46')).toBe('1.419,46');
    expect(nlDecimalString('-1234567.5')).toBe('-1.234.567,5');
    expect(nlDecimalString('≈120.783333')).toBe('≈120,783333');
    expect(nlDecimalString('12')).toBe('12');
    expect(nlDecimalString('Alleenstaande ouder')).toBe('Alleenstaande ouder');
  });

  it('rewrites amounts and ISO dates inside free text', () => {
    expect(nlNumbersInText('1. Huur (1419.46 per maand) vanaf 2026-07-01, saldo -44.09')).toBe('1. Huur (1.419,46 per maand) vanaf 01-07-2026, saldo -44,09');
  });

  it('renders input values in Dutch', () => {
    expect(inputValue(true)).toBe('ja');
    expect(inputValue(false)).toBe('nee');
    expect(inputValue(null)).toBe('—');
    expect(inputValue(3)).toBe('3');
  });

  it('splits the URL off a source entry', () => {
    expect(splitSource('https://wetten.overheid.nl/BWBR0015703/2026-07-01 (Participatiewet)')).toEqual({
      url: 'https://wetten.overheid.nl/BWBR0015703/2026-07-01',
      text: 'https://wetten.overheid.nl/BWBR0015703/2026-07-01 (Participatiewet)',
    });
    expect(splitSource('Normenbrief gemeente').url).toBeNull();
  });
});
