// Dutch display helpers for the budget plan PDF. Amounts go through formatEuro (half-up to cents at display);
// explanation inputs are decimal strings that are shown in nl-NL notation without changing their precision.
import type Decimal from 'decimal.js';
import { formatNlDate } from '../../../shared/dates';
import { euro as presentEuro, inputText } from '../../../shared/presenter';
import type { InputValue } from '../../../shared/budget/explain';
import { NORM_GROUP_LABELS, NORM_STATUS_LABELS, type NormGroup, type NormOrigin, type NormStatus } from '../../../shared/budget/norm-schema';

export const NOT_COMPUTABLE = 'niet te berekenen';
export const USER_SUPPLIED = 'door gebruiker ingevoerd';

/** "€ 1.234,56", or a Dutch "not computable" marker for a null figure: the shared presenter's formatting. */
export function euro(value: Decimal | string | null | undefined): string {
  return presentEuro(value);
}

/** "2026-07-01" -> "01-07-2026"; tolerates null. */
export function nlDate(iso: string | null | undefined): string {
  return iso ? formatNlDate(iso) : '—';
}

const DECIMAL_STRING = /^(≈)?(-)?(\d+)(?:\.(\d+))?$/;

/** Group thousands with "." and use "," as decimal separator, keeping every digit ("1419.46" -> "1.419,46"). */
export function nlDecimalString(s: string): string {
  const m = DECIMAL_STRING.exec(s);
  if (!m) return s;
  const [, approx = '', minus = '', int = '', frac] = m;
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${approx}${minus}${grouped}${frac !== undefined ? `,${frac}` : ''}`;
}

/** Amounts ("(1419.46 per maand)") and ISO dates inside free text in nl-NL notation. */
export function nlNumbersInText(text: string): string {
  return text
    .replace(/(?<![\d.])\d+\.\d+(?![\d.])/g, (x) => nlDecimalString(x))
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_, y: string, m: string, d: string) => `${d}-${m}-${y}`);
}

/** An explanation input as shown (the shared presenter): euro, %, factor, date, ja/nee. */
export function inputValue(v: InputValue, key = ''): string {
  return inputText(key, v);
}

export function statusLabel(status: NormStatus): string {
  return NORM_STATUS_LABELS[status];
}

export function originLabel(origin: NormOrigin): string {
  return origin === 'user' ? USER_SUPPLIED : 'meegeleverd met Houvast';
}

export function groupLabel(group: NormGroup): string {
  return NORM_GROUP_LABELS[group];
}

/** Source entries are "URL (description)" or free text; split off the URL so it can be a link. */
export function splitSource(source: string): { url: string | null; text: string } {
  const m = /(https?:\/\/[^\s)]+)/.exec(source);
  if (!m) return { url: null, text: source };
  return { url: m[1]!, text: source };
}

/** A readable Dutch name for a source URL: the shared presenter's (the screen names sources the same way). */
export { sourceName } from '../../../shared/presenter';
