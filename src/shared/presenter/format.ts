// The one place that turns money, dates and months into Dutch text, for the screen, the PDF and the CLI alike,
// so the three never disagree. Amounts arrive as Decimal or as the engine's "1234.56" strings.
import type Decimal from 'decimal.js';
import { formatNlDate } from '../dates';
import { formatEuro } from '../money';

/** Shown for a figure the engine could not compute. */
export const NOT_COMPUTABLE = 'niet te berekenen';

const AMOUNT = /^-?\d+(\.\d+)?$/;

/** "1234.5" or Decimal -> "€ 1.234,50" (half-up to cents); null -> "niet te berekenen". */
export function euro(value: Decimal | string | null | undefined): string {
  if (value === null || value === undefined) return NOT_COMPUTABLE;
  if (typeof value === 'string' && !AMOUNT.test(value)) return value;
  return formatEuro(value);
}

/** "2026-07-01" -> "01-07-2026"; null -> "—". */
export function nlDate(iso: string | null | undefined): string {
  return iso ? formatNlDate(iso) : '—';
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTHS_SHORT = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** "2026-11" -> "november 2026"; short: "nov 2026"; axis: "nov '26". */
export function monthLabel(month: string, style: 'long' | 'short' | 'axis' = 'long'): string {
  const [y = '', m = '1'] = month.split('-');
  const i = Number(m) - 1;
  if (style === 'axis') return `${MONTHS_SHORT[i] ?? m} '${y.slice(2)}`;
  return `${(style === 'short' ? MONTHS_SHORT : MONTHS)[i] ?? m} ${y}`;
}

/** Dutch month name for 1..12. */
export function monthName(n: number): string {
  return MONTHS[n - 1] ?? String(n);
}
