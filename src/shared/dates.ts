// Calendar dates are ISO "YYYY-MM-DD" strings (no time zone drift); timestamps are epoch ms.
import { addDays, addMonths, differenceInMonths, differenceInYears, endOfMonth, format, isValid, parse, parseISO, startOfMonth, startOfQuarter } from 'date-fns';
import { remembered } from './memo';

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Date functions remembered per input: the budget's month-by-month work asks the same few hundred dates many
 * times, and date-fns' parse + format cost more than the budget arithmetic itself. A few thousand dates cover a
 * projection's months and a page of households; more is a batch of many households, which gains nothing from them.
 */
const DATE_MEMO_LIMIT = 4_096;

/** A clock is injected everywhere so tests control time. */
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

export function isIsoDate(value: string): boolean {
  return ISO_DATE_PATTERN.test(value) && isRealDate(value);
}
// Remembered: every contract call with a date validates it (budget.get: ~0.1 ms of date-fns per call).
// Bounded and forgotten on lock (memo.ts): birth dates pass through here.
const isRealDate = remembered('dates.isRealDate', (iso: string): boolean => {
  const d = parseISO(iso);
  return isValid(d) && format(d, 'yyyy-MM-dd') === iso;
}, DATE_MEMO_LIMIT);

/** Local calendar date of a timestamp as ISO. */
export function isoDateOf(epochMs: number): string {
  return format(new Date(epochMs), 'yyyy-MM-dd');
}

/** "2026-12-31" -> "31-12-2026" (an impossible date throws, as date-fns does). */
export const formatNlDate: (iso: string) => string = remembered('dates.formatNlDate', (iso) => format(parseISO(iso), 'dd-MM-yyyy'), DATE_MEMO_LIMIT);

/** First day of the quarter of an ISO date ("2026-11-23" -> "2026-10-01"). */
export const quarterStartOf: (iso: string) => string = remembered('dates.quarterStartOf', (iso) => format(startOfQuarter(parseISO(iso)), 'yyyy-MM-dd'), DATE_MEMO_LIMIT);

/** Last day of the month before the month of an ISO date ("2026-03-14" -> "2026-02-28"). */
export const lastDayOfPreviousMonth: (iso: string) => string = remembered('dates.lastDayOfPreviousMonth', (iso) => format(addDays(startOfMonth(parseISO(iso)), -1), 'yyyy-MM-dd'), DATE_MEMO_LIMIT);

/** The first and last day of each of `count` calendar months from the month of an ISO date. */
export function monthsFrom(iso: string, count: number): readonly { start: string; end: string }[] {
  return monthRanges(`${iso}|${count}`);
}
const monthRanges = remembered('dates.monthsFrom', (key: string) => {
  const [iso, count] = key.split('|') as [string, string];
  const first = startOfMonth(parseISO(iso));
  if (!isValid(first)) throw new RangeError(`Ongeldige datum: ${iso}`);
  return Array.from({ length: Number(count) }, (_, i) => {
    const m = addMonths(first, i);
    return { start: format(m, 'yyyy-MM-dd'), end: format(endOfMonth(m), 'yyyy-MM-dd') };
  });
}, 512);

/** "31-12-2026" (or 31-12-2026 with slashes/dots) -> "2026-12-31"; null when not a real date. */
export function parseNlDate(input: string): string | null {
  const cleaned = input.trim().replace(/[/.]/g, '-');
  if (isIsoDate(cleaned)) return cleaned;
  const d = parse(cleaned, 'd-M-yyyy', new Date(2000, 0, 1));
  if (!isValid(d) || !/^\d{1,2}-\d{1,2}-\d{4}$/.test(cleaned)) return null;
  return format(d, 'yyyy-MM-dd');
}

/** ISO_DATE_PATTERN.test(s) by character codes: ageOn asks it twice per call, and a RegExp call costs more. */
function isoShaped(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false; // '-'
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false; // '0'-'9'
  }
  return true;
}

/** Whole years of age on a reference date (both ISO). */
export function ageOn(birthDate: string, referenceDate: string): number {
  // The budget engine asks this many times per household and month: on ISO strings the years and the "MM-DD"
  // parts compare directly (the same result as date-fns' differenceInYears, which a test checks).
  if (!isoShaped(birthDate) || !isoShaped(referenceDate)) return differenceInYears(parseISO(referenceDate), parseISO(birthDate));
  // Read as numbers from the character codes (no slices): fixed-width digits order as their strings do.
  const years = digitsValue(referenceDate, 0, 4) - digitsValue(birthDate, 0, 4);
  const refMd = monthDay(referenceDate);
  const birthMd = monthDay(birthDate);
  if (years > 0 || (years === 0 && refMd >= birthMd)) return years - (refMd < birthMd ? 1 : 0);
  return years + (refMd > birthMd ? 1 : 0);
}

/** The number written by the digits of `s` from `from` up to `to` (an ISO-shaped string has digits there). */
function digitsValue(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/** "MM-DD" of an ISO-shaped date as MM × 100 + DD: ordered as the text is. */
function monthDay(iso: string): number {
  return digitsValue(iso, 5, 7) * 100 + digitsValue(iso, 8, 10);
}

/**
 * Whether at least `months` whole months (date-fns' differenceInMonths) lie between a birth date and a date: the
 * AOW-age test. The whole months lie within a month of 12 × the whole years (ageOn) on either side, so date-fns'
 * own count (with its month-end rules) is needed only near the boundary: the budget asks this per adult and month.
 */
export function monthsReached(birthDate: string, date: string, months: number): boolean {
  const years = ageOn(birthDate, date);
  if (date < birthDate) return differenceInMonths(parseISO(date), parseISO(birthDate)) >= months;
  if (12 * years + 12 < months) return false;
  if (12 * years - 1 >= months) return true;
  return differenceInMonths(parseISO(date), parseISO(birthDate)) >= months;
}

/** Timestamp in nl-NL: "31-12-2026 14:05". */
export function formatNlDateTime(epochMs: number): string {
  return format(new Date(epochMs), 'dd-MM-yyyy HH:mm');
}
