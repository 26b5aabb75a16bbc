// Schuldbemiddeling: the creditors get what is actually reserved, so when the income (and with it the
// afloscapaciteit) changes, the expected outcome is recalculated (RULES.md d.2): what was paid stays paid;
// the remaining months bring the current afloscapaciteit each, shared in the proportions of the proposal
// (which already hold the preferent factor). Each creditor's share is rounded half-up to cents and the cent
// difference goes to the largest claim (RULES.md d.4), so the lines add up to the remaining total exactly.
import type Decimal from 'decimal.js';
import { money, roundCents, sum, ZERO } from '../money';

export interface RecalcCreditor {
  debtId: string;
  creditor: string;
  claim: string;
  /** The proposal's amount over the whole term (sets the proportions). */
  offer: string;
  paid: string;
}

export interface RecalcLine {
  debtId: string;
  creditor: string;
  claim: Decimal;
  paid: Decimal;
  /** Expected over the remaining months. */
  expected: Decimal;
  total: Decimal;
  /** total / claim in percent, 2 decimals half-up. */
  percent: Decimal;
}

export interface Recalculation {
  term: number;
  monthsPaid: number;
  remainingMonths: number;
  monthlyCapacity: Decimal;
  remainingPot: Decimal;
  lines: RecalcLine[];
  totals: { claim: Decimal; paid: Decimal; expected: Decimal; total: Decimal };
}

export function recalculate(input: { term: number; monthsPaid: number; monthlyCapacity: string; creditors: readonly RecalcCreditor[] }): Recalculation {
  const remainingMonths = Math.max(0, input.term - input.monthsPaid);
  const capacity = money(input.monthlyCapacity);
  const pot = roundCents(capacity.isNegative() ? ZERO : capacity.times(remainingMonths));
  const offers = input.creditors.map((c) => money(c.offer));
  const offerTotal = sum(offers);
  // A nul-aanbod has no proportions of its own: then the claims set them.
  const weights = offerTotal.isZero() ? input.creditors.map((c) => money(c.claim)) : offers;
  const weightTotal = sum(weights);
  const expected = weights.map((w) => (weightTotal.isZero() ? ZERO : roundCents(pot.times(w).div(weightTotal))));
  const diff = pot.minus(sum(expected));
  if (!diff.isZero() && expected.length > 0) {
    let largest = 0;
    input.creditors.forEach((c, i) => {
      if (money(c.claim).greaterThan(money(input.creditors[largest]!.claim))) largest = i;
    });
    expected[largest] = expected[largest]!.plus(diff);
  }
  const lines = input.creditors.map((c, i): RecalcLine => {
    const claim = money(c.claim);
    const paid = money(c.paid);
    const total = paid.plus(expected[i]!);
    return { debtId: c.debtId, creditor: c.creditor, claim, paid, expected: expected[i]!, total, percent: claim.isZero() ? ZERO : total.div(claim).times(100).toDecimalPlaces(2) };
  });
  return {
    term: input.term,
    monthsPaid: input.monthsPaid,
    remainingMonths,
    monthlyCapacity: capacity,
    remainingPot: pot,
    lines,
    totals: {
      claim: sum(lines.map((l) => l.claim)),
      paid: sum(lines.map((l) => l.paid)),
      expected: sum(lines.map((l) => l.expected)),
      total: sum(lines.map((l) => l.total)),
    },
  };
}
