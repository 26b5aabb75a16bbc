// Round once, then add: every monthly line is rounded to cents a single time (half-up), and every total is
// the sum of those rounded lines, so what is shown beside a total always adds up to it (issue 6 part 3).
import type Decimal from 'decimal.js';
import { toMonthly, type Frequency } from '../frequency';
import { Memo } from '../memo';
import { amountDecimal, Money, roundCents } from '../money';

/**
 * Monthly lines per amount text, then per frequency (and number of instalments): the engine and the projection ask
 * the same lines every month. Keyed by the amount string itself, whose hash V8 computes once per string, rather
 * than by a key concatenated on every call (hashed anew each time: ~5 % of a figures-only engine run). Keyed by
 * household amounts, so bounded and forgotten on lock (memo.ts); a page of households fits in it.
 */
const MONTHLY_LINES = new Memo<string, Map<string | number, Decimal>>('budget.monthlyLine', 4_096);

/** Monthly amount of an income or expense line: exact normalisation (frequency.ts), then cents, half-up. */
export function monthlyLine(amount: string, frequency: Frequency, instalments?: number | null): Decimal {
  // A monthly amount in cents (most lines) is its own monthly line (× 1 / 1, nothing to round): parsed, not
  // remembered. Parsing it costs less than a memo's lookup and insert, and a remembered Decimal outlives V8's young
  // generation only to be dropped when the memo empties (measured: a figures-only run 15 % faster without).
  if (frequency === 'maand') {
    const parsed = amountDecimal(amount);
    if (parsed !== null) return parsed;
  }
  // A pure function of three small values and Decimal is immutable, so a shared result is safe. Only 'termijnen'
  // reads the number of instalments (frequency.ts); its lines are kept per number.
  const sub = frequency === 'termijnen' ? (instalments ?? frequency) : frequency;
  let perAmount = MONTHLY_LINES.get(amount);
  const known = perAmount?.get(sub);
  if (known !== undefined) return known;
  const value = roundCents(toMonthly(new Money(amount), frequency, instalments));
  if (!perAmount) MONTHLY_LINES.set(amount, (perAmount = new Map()));
  perAmount.set(sub, value);
  return value;
}

/** Whether a dated item counts on `date` (start and end inclusive). */
export function activeOn(item: { startDate?: string | null; endDate?: string | null }, date: string): boolean {
  return (!item.startDate || item.startDate <= date) && (!item.endDate || item.endDate >= date);
}

/**
 * Cost allowances per month (pleegvergoeding, bijzondere bijstand, pgb): not income, but counted in the saldo and
 * the leefgeld. Zero for a result without them.
 */
export function costAllowancesOf(r: { income: object }): Decimal {
  const f = (r.income as { costAllowances?: { value: Decimal | null } }).costAllowances;
  return f?.value ?? new Money(0);
}
