// Why a date is not a date, in words a professional can act on ("29-02-2025 bestaat niet (2025 is geen
// schrikkeljaar)"). Accepts what a user types (dd-mm-jjjj, also with / or .) and ISO dates from files.
import { isIsoDate } from '../dates';

export const DATE_ERROR = 'Vul een geldige datum in (dd-mm-jjjj).';

const MONTH_NAMES = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(month: number, year: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** null when the value is a real calendar date; otherwise the reason, in Dutch. */
export function dateProblem(value: string): string | null {
  const s = value.trim();
  if (isIsoDate(s)) return null;
  if (s === '') return DATE_ERROR;
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (!nl && !iso) return DATE_ERROR;
  const [day, month, year] = nl ? [Number(nl[1]), Number(nl[2]), Number(nl[3])] : [Number(iso![3]), Number(iso![2]), Number(iso![1])];
  const shown = `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`;
  if (month < 1 || month > 12) return `${shown} bestaat niet (een jaar heeft 12 maanden)`;
  if (day < 1) return `${shown} bestaat niet (een maand begint op dag 1)`;
  if (month === 2 && day === 29 && !isLeapYear(year)) return `${shown} bestaat niet (${year} is geen schrikkeljaar)`;
  const max = daysInMonth(month, year);
  if (day > max) return `${shown} bestaat niet (${MONTH_NAMES[month - 1]} heeft ${max} dagen)`;
  return DATE_ERROR;
}
