// Display helpers for the budget screen: amounts arrive as decimal strings ("1234.56", or "≈120.783333" for
// an unrounded intermediate in an explanation) and are shown in nl-NL; never parsed into JS numbers for sums.
import { NORM_STATUS_LABELS, type NormOrigin, type NormStatus } from '../../../shared/budget/norm-schema';
import { formatNlDate } from '../../../shared/dates';
import { euro as presentEuro, inputText, monthLabel as presentMonth, normFigureText } from '../../../shared/presenter';


/** "1234.5" -> "€ 1.234,50"; null -> "niet te berekenen" (the shared presenter, as in the PDF and the CLI). */
export function euro(value: string | null | undefined): string {
  return presentEuro(value);
}

/** An explanation input as shown: the shared presenter (screen, PDF and CLI agree): euro, %, factor, date. */
export function inputValue(value: string | number | boolean | null, key = ''): string {
  return inputText(key, value);
}

export function isNegative(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.startsWith('-') && /[1-9]/.test(value);
}

export function statusLabel(status: string): string {
  return NORM_STATUS_LABELS[status as NormStatus] ?? status;
}

export function originLabel(origin: NormOrigin | string): string {
  return origin === 'user' ? 'door gebruiker ingevoerd' : 'meegeleverd';
}

export function periodLabel(start: string, end: string | null | undefined): string {
  return end ? `${formatNlDate(start)} t/m ${formatNlDate(end)}` : `vanaf ${formatNlDate(start)}`;
}

/** "2026-11" -> "nov 2026", or "nov '26" (short) for chart axes (the shared presenter). */
export function monthLabel(month: string, short = false): string {
  return presentMonth(month, short ? 'axis' : 'short');
}

/** A norm table figure: amounts in euro; fractions as percentages; ages and months as plain numbers. */
export function normFigure(key: string, value: string, group = ''): string {
  return normFigureText(group, key, value);
}
