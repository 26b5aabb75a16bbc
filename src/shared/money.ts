// Money: always Decimal, never a JS number. Stored as integer cents, exchanged as "1234.56" strings.
import Decimal from 'decimal.js';

/** A Decimal constructor of our own so settings elsewhere never change how money rounds. */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

/** Canonical amount string in contracts and files: optional minus, digits, optional 1-2 decimals. */
export const AMOUNT_PATTERN = /^-?\d{1,12}(\.\d{1,2})?$/;

export function money(value: Decimal.Value): Decimal {
  return new Money(value);
}

export const ZERO = new Money(0);

/** Decimal keeps its digits in words of seven (base 1e7), aligned on the decimal point. */
const WORD = 1e7;
/** A fraction word of whole cents: its last five digits are zeros. */
const CENT_IN_WORD = 1e5;

/** How many of a Decimal's words stand before its decimal point, by its exponent: 0 below 1, 1 below 1e7, else 2. */
function integerWords(e: number): number {
  return e < 0 ? 0 : e < 7 ? 1 : 2;
}

/** The integer part of a value below 1e14 from its words (a zero lower word after the upper one is dropped by Decimal). */
function integerPart(d: readonly number[], intWords: number): number {
  return intWords === 0 ? 0 : intWords === 1 ? d[0]! : d[0]! * WORD + (d.length > 1 ? d[1]! : 0);
}

/** The cents (0-99) of a value below 1e14 from its only fraction word; -1 when it has more than two decimals. */
function fractionCents(d: readonly number[], intWords: number): number {
  if (d.length > intWords + 1) return -1;
  if (d.length <= intWords) return 0;
  const fraction = d[intWords]!;
  return fraction % CENT_IN_WORD === 0 ? fraction / CENT_IN_WORD : -1;
}

/** Round to cents, half-up (the default whenever a rule says "round"). */
export function roundCents(value: Decimal): Decimal {
  // Most values are cents already: a Money with at most two decimals is its own rounding (Decimal is immutable), one
  // Decimal fewer per call. toDecimalPlaces copies a Money itself; only another constructor's value is converted.
  if (value.constructor !== Money) return new Money(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  if (value.d !== null && value.decimalPlaces() <= 2) return value;
  return roundedFromWords(value) ?? value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * roundCents of a Money below 1e13 with more than two decimals, from its words: half-up to cents depends only on the
 * third decimal (5 or more rounds away from zero, whatever follows), which sits in the first fraction word. Made as
 * one Money (centsDecimal) instead of toDecimalPlaces' copy and rounding pass (a fast-check test compares both). Null
 * for anything else and for a result of zero (whose sign Decimal decides): the caller rounds the plain way.
 */
function roundedFromWords(value: Decimal): Decimal | null {
  const d = value.d;
  const e = value.e;
  // Below 1e-7 the first word is not the first fraction word.
  if (d === null || e >= 13 || e < -7) return null;
  const intWords = integerWords(e);
  const fraction = d.length > intWords ? d[intWords]! : 0;
  let cents = Math.floor(fraction / CENT_IN_WORD);
  if (Math.floor(fraction / (CENT_IN_WORD / 10)) % 10 >= 5) cents++;
  let units = integerPart(d, intWords);
  if (cents === 100) {
    units++;
    cents = 0;
  }
  if (units === 0 && cents === 0) return null;
  return centsDecimal(value.s < 0, units, cents);
}

/**
 * roundCents(value × times / by) for small positive integers `times` and `by` (a year per month: 1 / 12; a month per
 * week: 12 / 52), in integer cents when the value is whole cents below 1e13: half-up, a remainder of half the divisor
 * or more rounds away from zero. Decimal's 40-digit quotient gives the same: a quotient by at most a few hundred lies
 * exactly on a half or far from one (a fast-check test compares both). The plain way for anything else and for 0.
 */
export function roundCentsRatio(value: Decimal, times: number, by: number): Decimal {
  if (value.constructor === Money) {
    const cents = wholeCents(value);
    const scaled = cents === null ? 0 : Math.abs(cents) * times;
    if (scaled !== 0 && scaled < SAFE_CENTS) {
      let quotient = Math.floor(scaled / by);
      if (2 * (scaled % by) >= by) quotient++;
      if (quotient !== 0) return centsDecimal(cents! < 0, Math.floor(quotient / 100), quotient % 100);
    }
  }
  return roundCents(times === 1 ? value.dividedBy(by) : value.times(times).dividedBy(by));
}

/** "1234.5" -> 123450 cents. Refuses more than two decimals rather than rounding silently. */
export function toCents(amount: string | Decimal): number {
  const d = new Money(amount);
  const cents = d.times(100);
  if (!cents.isInteger()) throw new RangeError(`amount has more than two decimals: ${d.toString()}`);
  if (cents.abs().greaterThan(Number.MAX_SAFE_INTEGER)) throw new RangeError('amount out of range');
  return cents.toNumber();
}

/** 123450 cents -> Decimal 1234.50. */
export function fromCents(cents: number | bigint): Decimal {
  return new Money(cents.toString()).dividedBy(100);
}

/** Integer cents -> "1234.50", as fromCents(cents).toFixed(2) prints it, in integer arithmetic (every dossier read maps its amounts). */
export function centsToAmount(cents: number): string {
  if (!Number.isSafeInteger(cents)) return fromCents(cents).toFixed(2);
  const abs = Math.abs(cents);
  const rest = abs % 100;
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${rest < 10 ? '0' : ''}${rest}`;
}

/** Decimal -> canonical "1234.50" string (two decimals, rounded half-up). */
export function toAmountString(value: Decimal): string {
  // The same text as roundCents(value).toFixed(2) without the intermediate Decimal (every amount of every budget
  // view passes here); only a tiny negative amount prints "-0.00" this way, and rounded to cents it is 0.
  const plain = centsText(value);
  if (plain !== null) return plain;
  const text = value.toFixed(2, Decimal.ROUND_HALF_UP);
  return text === '-0.00' ? '0.00' : text;
}

/**
 * A value with at most two decimals as "1234.50" without rounding: its own digits padded, which is what
 * toFixed(2) prints, minus toFixed's copy and rounding pass (most amounts are exact cents). Null otherwise.
 */
export function centsText(value: Decimal): string | null {
  const small = smallCentsText(value);
  if (small !== undefined) return small;
  // Below 1e21 toString never switches to exponent notation for a value with at most two decimals.
  if (value.e >= 21 || value.decimalPlaces() > 2) return null;
  const text = value.toString();
  const dot = text.indexOf('.');
  if (dot < 0) return text === '-0' ? '0.00' : `${text}.00`;
  return text.length - dot === 2 ? `${text}0` : text;
}

/**
 * centsText of a value below 1e14 (at most two integer words and one fraction word), read from Decimal's words with
 * number arithmetic (exact: below 2^53) instead of printing every digit and searching the text; every amount of an
 * explanation and of a budget view is such a value. Null when it has more than two decimals; undefined when the
 * value is not that small (centsText then prints it the general way).
 */
function smallCentsText(value: Decimal): string | null | undefined {
  const d = value.d;
  const e = value.e;
  if (d === null || e >= 14) return undefined;
  // A first significant digit past the second decimal: more than two decimals (zero has exponent 0).
  if (e < -2) return null;
  const intWords = integerWords(e);
  const cents = fractionCents(d, intWords);
  if (cents < 0) return null;
  const units = integerPart(d, intWords);
  // Zero prints without its sign, as toString does.
  const sign = value.s < 0 && (units !== 0 || cents !== 0) ? '-' : '';
  return `${sign}${units}.${cents < 10 ? '0' : ''}${cents}`;
}

/**
 * A canonical amount string (AMOUNT_PATTERN) as a Money, the same value with the same digits, sign and exponent as
 * `new Money(amount)` gives: built from its integer part and cents (at most 12 + 2 digits, exact as numbers)
 * without Decimal's general parser (every monthly line of every household is parsed). Null for any other string.
 */
export function amountDecimal(amount: string): Decimal | null {
  if (!AMOUNT_PATTERN.test(amount)) return null;
  const negative = amount.charCodeAt(0) === 45; // '-'
  const dot = amount.indexOf('.');
  const units = Number(dot < 0 ? amount.slice(negative ? 1 : 0) : amount.slice(negative ? 1 : 0, dot));
  const decimals = dot < 0 ? '' : amount.slice(dot + 1);
  const cents = decimals.length === 0 ? 0 : decimals.length === 1 ? Number(decimals) * 10 : Number(decimals);
  return centsDecimal(negative, units, cents);
}

/**
 * The Money of ± units.cents (units below 1e14, cents 0-99) with the words, exponent and sign Decimal gives that
 * value (a negative zero stays one, as Decimal parses "-0").
 */
function centsDecimal(negative: boolean, units: number, cents: number): Decimal {
  // Made by the constructor (zero is its cheapest case) so it has every field a Money has, in the same order.
  const value = new Money(0);
  const x = value as unknown as { s: number; e: number; d: number[] };
  x.s = negative ? -1 : 1;
  if (units === 0 && cents === 0) return value;
  const words: number[] = units === 0 ? [] : units < WORD ? [units] : [Math.floor(units / WORD), units % WORD];
  // Trailing zero words are dropped: the cents word when there are none, and a zero lower integer word after it.
  if (cents !== 0) words.push(cents * CENT_IN_WORD);
  else if (words.length === 2 && words[1] === 0) words.pop();
  x.d = words;
  // The exponent is that of the first significant digit.
  x.e = units !== 0 ? digitCount(units) - 1 : cents >= 10 ? -1 : -2;
  return value;
}

function digitCount(n: number): number {
  let count = 1;
  for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) count++;
  return count;
}

export function sum(values: Iterable<Decimal>): Decimal {
  if (Array.isArray(values) && values.length > 1) {
    const fast = centsSum(values as readonly Decimal[]);
    if (fast !== null) return fast;
  }
  // ZERO + v is v itself for a non-zero Money of at most 40 digits (the precision; five base-1e7 words hold at most
  // 35), so the sum starts from the first value instead: one Decimal fewer per sum, and a sum of one value is that
  // value. A zero (+0 or -0) still starts from ZERO, whose sum with -0 is +0.
  let total: Decimal | null = null;
  for (const v of values) {
    if (total !== null) total = total.plus(v);
    else total = v.constructor === Money && v.d !== null && v.d.length <= 5 && !v.isZero() ? v : ZERO.plus(v);
  }
  return total ?? ZERO;
}

/** Whole cents below 2^52: sums of a few of them stay exact integers as numbers. */
const SAFE_CENTS = 2 ** 52;

/**
 * The exact sum of two or more amounts of whole cents below 1e13 (most sums: monthly lines, groups, totals) in integer
 * arithmetic on their words, as one new Money: the value, sign, exponent and words that adding them one by one with
 * plus gives (a fast-check test compares both), without a Decimal per addition. Null when any value is not such an
 * amount, or the sum is 0 (whose sign follows Decimal's rules for zeros): sum() then adds the plain way.
 */
function centsSum(values: readonly Decimal[]): Decimal | null {
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const cents = wholeCents(values[i]!);
    if (cents === null) return null;
    total += cents;
    if (total >= SAFE_CENTS || total <= -SAFE_CENTS) return null;
  }
  if (total === 0) return null;
  const abs = Math.abs(total);
  return centsDecimal(total < 0, Math.floor(abs / 100), abs % 100);
}

/** A value's signed whole cents read from its words, when it has at most two decimals and is below 1e13; else null. */
function wholeCents(value: Decimal): number | null {
  const d = value.d;
  const e = value.e;
  // Zero has exponent 0; a first significant digit past the second decimal means more than two decimals.
  if (d === null || e >= 13 || e < -2) return null;
  const intWords = integerWords(e);
  const cents = fractionCents(d, intWords);
  if (cents < 0) return null;
  const abs = integerPart(d, intWords) * 100 + cents;
  return value.s < 0 ? -abs : abs;
}

/** Display in nl-NL: "€ 1.234,56". Rounds half-up to cents first so display never uses float rounding. */
export function formatEuro(value: Decimal | string): string {
  if (typeof value !== 'string') return euroText(toAmountString(value));
  // A stored amount ("1234.50", as every dossier read prints it) is its own cents text: no Decimal needed.
  return plainEuroText(value) ?? euroText(toAmountString(new Money(value)));
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;

function digitsBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) return false;
  }
  return true;
}

/**
 * formatEuro of an amount string that Decimal would print unchanged (optional minus, no leading zeros, at most two
 * decimals: /^-?(0|[1-9]\d*)(\.\d{1,2})?$/), read in one pass of character codes instead of a regular expression's
 * match and the padded copy it needed (every line of every explanation is named by its amount). Null for any other.
 */
function plainEuroText(value: string): string | null {
  const negative = value.charCodeAt(0) === 45; // '-'
  const start = negative ? 1 : 0;
  const dot = value.indexOf('.');
  const end = dot < 0 ? value.length : dot;
  if (end === start || !digitsBetween(value, start, end)) return null;
  if (value.charCodeAt(start) === DIGIT_0 && end - start > 1) return null; // a leading zero
  const places = dot < 0 ? 0 : value.length - dot - 1;
  if (dot >= 0 && (places < 1 || places > 2 || !digitsBetween(value, dot + 1, value.length))) return null;
  const units = value.slice(start, end);
  const decimals = places === 0 ? '00' : places === 1 ? `${value.slice(dot + 1)}0` : value.slice(dot + 1);
  // Zero ("-0", "-0.00") prints without its sign, as Decimal does.
  const sign = negative && !(units === '0' && decimals === '00') ? '-' : '';
  return `€ ${sign}${groupThousands(units)},${decimals}`;
}

/** "1234567" -> "1.234.567" (nl-NL groups of three). */
function groupThousands(units: string): string {
  if (units.length <= 3) return units;
  let grouped = units.slice(-3);
  for (let end = units.length - 3; end > 0; end -= 3) grouped = `${units.slice(Math.max(0, end - 3), end)}.${grouped}`;
  return grouped;
}

/**
 * "-1234.56" -> "€ -1.234,56": nl-NL's currency pattern (Intl.NumberFormat('nl-NL', { style: 'currency',
 * currency: 'EUR' }) with a normal space), written out. Intl took ~10 µs an amount and a budget view formats
 * hundreds of amounts, most of them new to each household; a test holds both equal.
 */
function euroText(cents: string): string {
  const negative = cents.charCodeAt(0) === 45; // '-'
  const dot = cents.length - 3;
  return `€ ${negative ? '-' : ''}${groupThousands(cents.slice(negative ? 1 : 0, dot))},${cents.slice(dot + 1)}`;
}

/**
 * Parse what a Dutch user types: "1.234,56", "1234,56", "1234.56", "€ 12,5", "-10".
 * Returns null for anything that is not an amount with at most two decimals.
 */
export function parseEuroInput(input: string): Decimal | null {
  let s = input.trim().replace(/^€\s*/, '').replace(/\s/g, '');
  if (s === '') return null;
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  let normalized: string;
  // nl-NL never writes a leading zero group ("0.500", "00.123"): such text is no thousands grouping and stays unread.
  if (/^[1-9]\d{0,2}(\.\d{3})+(,\d{1,2})?$/.test(s)) {
    normalized = s.replace(/\./g, '').replace(',', '.'); // 1.234,56
  } else if (/^\d+(,\d{1,2})?$/.test(s)) {
    normalized = s.replace(',', '.'); // 1234,56
  } else if (/^\d+(\.\d{1,2})?$/.test(s)) {
    normalized = s; // 1234.56 (machine style; a dot followed by three digits was handled above)
  } else {
    return null;
  }
  const d = new Money(normalized);
  return negative ? d.negated() : d;
}
