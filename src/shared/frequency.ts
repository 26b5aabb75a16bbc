// Frequencies normalise to months exactly: weekly x 52/12, four-weekly x 13/12, quarterly / 3, yearly / 12.
import type Decimal from 'decimal.js';
import { Money } from './money';

export const FREQUENCIES = ['week', 'vierweken', 'maand', 'kwartaal', 'jaar'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  week: 'per week',
  vierweken: 'per vier weken',
  maand: 'per maand',
  kwartaal: 'per kwartaal',
  jaar: 'per jaar',
};

/** Exact factor from "per period" to "per month", as a fraction to avoid any rounding. */
const PER_MONTH: Record<Frequency, { num: number; den: number }> = {
  week: { num: 52, den: 12 },
  vierweken: { num: 13, den: 12 },
  maand: { num: 1, den: 1 },
  kwartaal: { num: 1, den: 3 },
  jaar: { num: 1, den: 12 },
};

/** Monthly equivalent with full precision: round only where a rule says so, or at display. */
export function toMonthly(amount: Decimal, frequency: Frequency): Decimal {
  const f = PER_MONTH[frequency];
  return new Money(amount).times(f.num).dividedBy(f.den);
}

/** Yearly equivalent, exact. */
export function toYearly(amount: Decimal, frequency: Frequency): Decimal {
  return toMonthly(amount, frequency).times(12);
}
