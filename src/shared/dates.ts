// Calendar dates are ISO "YYYY-MM-DD" strings (no time zone drift); timestamps are epoch ms.
import { addDays, differenceInYears, format, isValid, parse, parseISO, startOfMonth, startOfQuarter } from 'date-fns';

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A clock is injected everywhere so tests control time. */
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE_PATTERN.test(value)) return false;
  const d = parseISO(value);
  return isValid(d) && format(d, 'yyyy-MM-dd') === value;
}

/** Local calendar date of a timestamp as ISO. */
export function isoDateOf(epochMs: number): string {
  return format(new Date(epochMs), 'yyyy-MM-dd');
}

/** "2026-12-31" -> "31-12-2026". */
export function formatNlDate(iso: string): string {
  // Fast path for a real calendar date (the budget's month-by-month texts ask many); anything else goes through
  // date-fns as before (an impossible date still throws there).
  if (ISO_DATE_PATTERN.test(iso)) {
    const month = Number(iso.slice(5, 7));
    const day = Number(iso.slice(8, 10));
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonthOf(Number(iso.slice(0, 4)), month)) return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
  }
  return format(parseISO(iso), 'dd-MM-yyyy');
}

/** First day of the quarter of an ISO date ("2026-11-23" -> "2026-10-01"), by string arithmetic. */
export function quarterStartOf(iso: string): string {
  if (!ISO_DATE_PATTERN.test(iso)) return format(startOfQuarter(parseISO(iso)), 'yyyy-MM-dd');
  const month = Number(iso.slice(5, 7));
  return `${iso.slice(0, 5)}${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
}

/** Last day of the month before the month of an ISO date ("2026-03-14" -> "2026-02-28"), by string arithmetic. */
export function lastDayOfPreviousMonth(iso: string): string {
  if (!ISO_DATE_PATTERN.test(iso)) return format(addDays(startOfMonth(parseISO(iso)), -1), 'yyyy-MM-dd');
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(daysInMonthOf(y, m)).padStart(2, '0')}`;
}

/** Days in a month of the proleptic Gregorian calendar (month 1-12). */
export function daysInMonthOf(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** "31-12-2026" (or 31-12-2026 with slashes/dots) -> "2026-12-31"; null when not a real date. */
export function parseNlDate(input: string): string | null {
  const cleaned = input.trim().replace(/[/.]/g, '-');
  if (isIsoDate(cleaned)) return cleaned;
  const d = parse(cleaned, 'd-M-yyyy', new Date(2000, 0, 1));
  if (!isValid(d) || !/^\d{1,2}-\d{1,2}-\d{4}$/.test(cleaned)) return null;
  return format(d, 'yyyy-MM-dd');
}

/** Whole years of age on a reference date (both ISO). */
export function ageOn(birthDate: string, referenceDate: string): number {
  // The budget engine asks this many times per household and month: on ISO strings the years and the "MM-DD"
  // parts compare directly (the same result as date-fns' differenceInYears, which a test checks).
  if (!ISO_DATE_PATTERN.test(birthDate) || !ISO_DATE_PATTERN.test(referenceDate)) return differenceInYears(parseISO(referenceDate), parseISO(birthDate));
  const years = Number(referenceDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  const refMd = referenceDate.slice(5);
  const birthMd = birthDate.slice(5);
  if (referenceDate >= birthDate) return years - (refMd < birthMd ? 1 : 0);
  return years + (refMd > birthMd ? 1 : 0);
}

/** Timestamp in nl-NL: "31-12-2026 14:05". */
export function formatNlDateTime(epochMs: number): string {
  return format(new Date(epochMs), 'dd-MM-yyyy HH:mm');
}
