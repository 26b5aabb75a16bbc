// Kostendelersnorm (Participatiewet art. 22a) by its formula, for every period, and the art. 20 lid 3
// verhoging for 18-20-year-olds who cannot fall back on their parents. The law gives only the formula: the
// per-person amounts some municipalities publish are this formula rounded to cents, so the engine never needs a
// per-person list (the 2026-07 table has none).
import type Decimal from 'decimal.js';
import { fmt, type InputValue } from './explain';
import type { Household } from './household';
import type { NormUse, ResolvedPeriod } from './norms';
import { Money, roundCents } from '../money';

/**
 * Per-person kostendelersnorm: ((40 + 30 × A) / A) % of the gehuwdennorm, half-up to cents (this reproduces the
 * published 2024-01 amounts 917.02 / 794.75 / 733.62 / 696.94 / 672.48 / 655.01 / 641.91 for A = 2..8).
 */
export function kostendelersNormPerPerson(gehuwdennorm: Decimal, a: number): Decimal {
  if (!Number.isInteger(a) || a < 1) throw new RangeError('A moet een positief geheel getal zijn.');
  return roundCents(new Money(gehuwdennorm).times(40 + 30 * a).dividedBy(a).dividedBy(100));
}

/** The percentage ((40 + 30A)/A) as Dutch text with two decimals, for explanations. */
export function kostendelersPercentage(a: number): string {
  return new Money(40 + 30 * a).dividedBy(a).toDecimalPlaces(2).toFixed(2).replace('.', ',');
}

export interface NormOutcome {
  incl: Decimal | null;
  rule: string;
  inputs: Record<string, InputValue>;
}

const B_KEY = 'age_21_to_aow.couple.incl_holiday_pay';
const C_KEY = 'aow_age.couple.incl_holiday_pay';

/**
 * The bijstandsnorm for a household with kostendelende medebewoners (h.kostendelersA !== null):
 * - every adult of 21 up to AOW age: ((40 + 30A)/A) % of B (art. 22a lid 1, B = gehuwdennorm art. 21 b);
 * - every adult of AOW age: the same percentage of the AOW gehuwdennorm (art. 22a lid 2, art. 22 b);
 * - a couple of one 18-20 and one 21+ partner: the art. 22a lid 3 table amount plus the 21+ partner's
 *   kostendelersnorm;
 * - an aanvrager of 18-20 (alone, or with an 18-20 partner): no kostendelersnorm, the 18-20 norm applies.
 * Returns null when the 18-20 norm applies instead.
 */
export function kostendelersHouseholdNorm(h: Household, bijstand: ResolvedPeriod, use: NormUse): NormOutcome | null {
  const a = h.kostendelersA;
  if (a === null) return null;
  const groups = h.adults.map((x) => x.ageGroup);
  const young = groups.filter((g) => g === '18-20').length;
  if (young === groups.length) return null; // art. 22a does not apply to 18-20-year-olds
  const pct = kostendelersPercentage(a);
  const inputs: Record<string, InputValue> = { 'A (aantal kostendelers incl. aanvrager en partner)': a, percentage: `${pct} %` };
  const parts: (Decimal | null)[] = [];
  const needB = groups.some((g) => g === '21-aow');
  const needC = groups.some((g) => g === 'aow');
  const b = needB ? use.figure(bijstand, B_KEY) : null;
  const c = needC ? use.figure(bijstand, C_KEY) : null;
  if (needB) {
    inputs['B (gehuwdennorm art. 21 b, incl. VT)'] = fmt(b);
    if (b) inputs['kostendelersnorm per persoon 21 tot AOW'] = fmt(kostendelersNormPerPerson(b, a));
  }
  if (needC) {
    inputs['gehuwdennorm AOW-leeftijd (art. 22 b, incl. VT)'] = fmt(c);
    if (c) inputs['kostendelersnorm per persoon AOW-leeftijd'] = fmt(kostendelersNormPerPerson(c, a));
  }
  let extra = '';
  if (young === 1) {
    // art. 22a lid 3: the young partner gets a fixed amount, the 21+ partner his kostendelersnorm.
    const key = `young_partner_with_cost_sharers.${h.childrenUnder18 > 0 ? 'with_children' : 'without_children'}`;
    const amount = use.figure(bijstand, key);
    inputs['bedrag partner 18-20 (art. 22a lid 3)'] = fmt(amount);
    parts.push(amount);
    extra = ' Voor de partner van 18-20 jaar geldt het vaste bedrag van art. 22a lid 3 uit de tabel.';
  }
  for (const g of groups) {
    if (g === '21-aow') parts.push(b === null ? null : kostendelersNormPerPerson(b, a));
    if (g === 'aow') parts.push(c === null ? null : kostendelersNormPerPerson(c, a));
  }
  const incl = parts.some((p) => p === null) ? null : (parts as Decimal[]).reduce((x, y) => x.plus(y), new Money(0));
  const rule =
    `Kostendelersnorm (Participatiewet art. 22a): per volwassene ((40 + 30 × A) / A) % = ${pct} % van de gehuwdennorm ` +
    '(21 jaar tot AOW-leeftijd: art. 21 b; AOW-leeftijd: art. 22 b), half-up afgerond op centen; ' +
    'de norm van het huishouden is de som voor de volwassenen.' +
    extra;
  return { incl, rule, inputs };
}

export const VERHOGING_18_20_KEY = 'age_18_to_20_supplement_no_parental_support.amount';

/**
 * Art. 20 lid 3 (from 2026-01-01): an alleenstaande (ouder) of 18-20 who cannot fall back on his parents gets a
 * verhoging; norm plus verhoging is at most the comparable 21+ norm (lid 4). Returns the raised norm.
 */
export function verhoging1820(
  base: Decimal,
  bijstand: ResolvedPeriod,
  use: NormUse,
): { incl: Decimal | null; rule: string; inputs: Record<string, InputValue> } {
  const verhoging = use.has(bijstand, VERHOGING_18_20_KEY) ? use.figure(bijstand, VERHOGING_18_20_KEY) : null;
  const cap = use.figure(bijstand, 'age_21_to_aow.single.incl_holiday_pay');
  if (verhoging === null) {
    return {
      incl: base,
      rule: ' De verhoging van art. 20 lid 3 bestaat in deze periode niet (pas vanaf 1 januari 2026 in de wet); niet toegepast.',
      inputs: { 'verhoging art. 20 lid 3': null },
    };
  }
  const raised = base.plus(verhoging);
  const capped = cap !== null && raised.greaterThan(cap) ? cap : raised;
  return {
    incl: capped,
    rule:
      ' Plus de verhoging van art. 20 lid 3 (geen beroep op de ouders mogelijk); norm plus verhoging is niet hoger dan de norm ' +
      'voor een alleenstaande van 21 jaar of ouder (art. 20 lid 4).',
    inputs: { 'verhoging art. 20 lid 3': fmt(verhoging), 'maximum (norm alleenstaande 21+)': fmt(cap) },
  };
}
