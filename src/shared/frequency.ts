// Frequencies normalise to months exactly: weekly x 52/12, four-weekly x 13/12, quarterly / 3, yearly / 12,
// "in N termijnen per jaar" x N/12 (e.g. gemeentelijke belastingen in 10 termijnen).
import type Decimal from 'decimal.js';
import { Money } from './money';

export const FREQUENCIES = ['week', 'vierweken', 'maand', 'kwartaal', 'jaar', 'termijnen'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  week: 'per week',
  vierweken: 'per vier weken',
  maand: 'per maand',
  kwartaal: 'per kwartaal',
  jaar: 'per jaar',
  termijnen: 'per termijn (aantal termijnen per jaar)',
};

/** Instalments per year for the frequency "termijnen" (amount is per instalment). */
export const MIN_INSTALMENTS = 1;
export const MAX_INSTALMENTS = 52;

/** Dutch label including the number of instalments, e.g. "per termijn, 10 termijnen per jaar". */
export function frequencyLabel(frequency: Frequency, instalments?: number | null): string {
  if (frequency === 'termijnen') return instalments ? `per termijn, ${instalments} termijnen per jaar` : FREQUENCY_LABELS.termijnen;
  return FREQUENCY_LABELS[frequency];
}

/** Exact factor from "per period" to "per month", as a fraction to avoid any rounding. */
const PER_MONTH: Record<Exclude<Frequency, 'termijnen'>, { num: number; den: number }> = {
  week: { num: 52, den: 12 },
  vierweken: { num: 13, den: 12 },
  maand: { num: 1, den: 1 },
  kwartaal: { num: 1, den: 3 },
  jaar: { num: 1, den: 12 },
};

/** Monthly equivalent with full precision: round only where a rule says so, or at display. */
export function toMonthly(amount: Decimal, frequency: Frequency, instalments?: number | null): Decimal {
  if (frequency === 'termijnen') {
    // The schema requires the number of instalments with this frequency; without it the amount is unusable.
    if (!instalments || !Number.isInteger(instalments) || instalments < MIN_INSTALMENTS) {
      throw new RangeError('Aantal termijnen per jaar ontbreekt.');
    }
    return new Money(amount).times(instalments).dividedBy(12);
  }
  const f = PER_MONTH[frequency];
  return new Money(amount).times(f.num).dividedBy(f.den);
}

/** Yearly equivalent, exact. */
export function toYearly(amount: Decimal, frequency: Frequency, instalments?: number | null): Decimal {
  return toMonthly(amount, frequency, instalments).times(12);
}
