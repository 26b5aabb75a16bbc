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

/** Round to cents, half-up (the default whenever a rule says "round"). */
export function roundCents(value: Decimal): Decimal {
  // Most values are cents already: a Money with at most two decimals is its own rounding (Decimal is immutable), one
  // Decimal fewer per call. toDecimalPlaces copies a Money itself; only another constructor's value is converted.
  if (value.constructor !== Money) return new Money(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  if (value.d !== null && value.decimalPlaces() <= 2) return value;
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
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
  // Below 1e21 toString never switches to exponent notation for a value with at most two decimals.
  if (value.e >= 21 || value.decimalPlaces() > 2) return null;
  const text = value.toString();
  const dot = text.indexOf('.');
  if (dot < 0) return text === '-0' ? '0.00' : `${text}.00`;
  return text.length - dot === 2 ? `${text}0` : text;
}

export function sum(values: Iterable<Decimal>): Decimal {
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

/** Display in nl-NL: "€ 1.234,56". Rounds half-up to cents first so display never uses float rounding. */
export function formatEuro(value: Decimal | string): string {
  if (typeof value !== 'string') return euroText(toAmountString(value));
  // A stored amount ("1234.50", as every dossier read prints it) is its own cents text: no Decimal needed.
  const plain = PLAIN_AMOUNT.exec(value);
  if (plain !== null) {
    const [, sign, units, decimals = ''] = plain;
    const zero = units === '0' && /^0*$/.test(decimals);
    return euroText(`${zero ? '' : sign}${units}.${decimals.padEnd(2, '0')}`);
  }
  return euroText(toAmountString(new Money(value)));
}

/** An amount string that Decimal would print unchanged: no leading zeros, at most two decimals. */
const PLAIN_AMOUNT = /^(-?)(0|[1-9]\d*)(?:\.(\d{1,2}))?$/;

/**
 * "-1234.56" -> "€ -1.234,56": nl-NL's currency pattern (Intl.NumberFormat('nl-NL', { style: 'currency',
 * currency: 'EUR' }) with a normal space), written out. Intl took ~10 µs an amount and a budget view formats
 * hundreds of amounts, most of them new to each household; a test holds both equal.
 */
function euroText(cents: string): string {
  const negative = cents.charCodeAt(0) === 45; // '-'
  const digits = negative ? cents.slice(1) : cents;
  const dot = digits.length - 3;
  let grouped = digits.slice(Math.max(0, dot - 3), dot);
  for (let end = dot - 3; end > 0; end -= 3) grouped = `${digits.slice(Math.max(0, end - 3), end)}.${grouped}`;
  return `€ ${negative ? '-' : ''}${grouped},${digits.slice(dot + 1)}`;
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
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)) {
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
