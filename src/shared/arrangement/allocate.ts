// The deterministic cent rule of the distribution: a divisor method (Sainte-Laguë / Webster) with caps.
//
// Each creditor i has a claim c_i (cents) and a weight w_i = f_i × c_i (f_i = the preferent factor, or 1).
// Think of every cent of every claim as a ticket: the k-th cent of creditor i has the value (k − ½) / w_i.
// The pot of A cents goes to the A tickets with the lowest values, ties broken by a stable key of the
// creditor (claim descending, then creditor name, reference and id) — never by the order of the input. Hence:
//  - the amounts add up to the pot exactly (or to all claims when the pot is larger);
//  - nobody gets more than the claim (creditor i has only c_i tickets);
//  - each amount is its exact share (RULES.md d.1: concurrent p, preferent min(1, f × p), what a capped
//    preferent creditor cannot take going to the others) rounded to the nearest cent, except where the cents
//    would not add up: then the divisor rule decides which shares round the other way;
//  - more pot never lowers anyone's amount: the tickets for A + 1 cents are those for A plus one more;
//  - creditor order never changes a result: the ticket order does not depend on it.
// Fast: every ticket at or below the exact level x (where Σ min(w_i x, c_i) = A) is handed out at once
// (round(w_i x)); only the few cents that do not add up are then added or taken back one by one.
import Decimal from 'decimal.js';
import { Money } from '../money';

export interface AllocationClaim {
  id: string;
  /** Claim in whole cents (> 0). */
  claimCents: number;
  /** 1 for concurrent, the preferent factor for preferent. */
  factor: Decimal;
  /** Stable tie-break key (see compareTieKey). */
  creditor: string;
  reference: string | null;
}

export interface Allocation {
  /** Cents per claim id. */
  cents: Map<string, number>;
  /** Exact water level x: the concurrent fraction (0..1) of the rule; 1 when everything is paid. */
  level: Decimal;
  /** Sum handed out (= min(pot, total claims)). */
  totalCents: number;
}

/** Stable order of creditors for ties: larger claim first, then name, reference, id (plain code-point order). */
export function compareTieKey(a: AllocationClaim, b: AllocationClaim): number {
  if (a.claimCents !== b.claimCents) return b.claimCents - a.claimCents;
  const s = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return s(a.creditor, b.creditor) || s(a.reference ?? '', b.reference ?? '') || s(a.id, b.id);
}

/** The water level x for a pot of `pot` cents (pot below the total of the claims). */
function waterLevel(pot: Decimal, claims: readonly AllocationClaim[]): { num: Decimal; den: Decimal; capped: Set<string> } {
  // A creditor with factor f is full at x = 1 / f: larger factors fill first.
  const byThreshold = [...claims].sort((a, b) => b.factor.comparedTo(a.factor));
  const capped = new Set<string>();
  let cappedSum = new Money(0);
  let i = 0;
  for (;;) {
    const uncapped = byThreshold.slice(i);
    const den = uncapped.reduce((s, c) => s.plus(c.factor.times(c.claimCents)), new Money(0));
    const num = pot.minus(cappedSum);
    const next = uncapped[0];
    // Is x = num / den beyond the next creditor's cap (x × f > 1, i.e. num × f > den)? Then cap that group.
    if (next && num.times(next.factor).greaterThanOrEqualTo(den)) {
      const f = next.factor;
      while (i < byThreshold.length && byThreshold[i]!.factor.equals(f)) {
        capped.add(byThreshold[i]!.id);
        cappedSum = cappedSum.plus(byThreshold[i]!.claimCents);
        i += 1;
      }
      if (i === byThreshold.length) return { num: new Money(1), den: new Money(1), capped };
      continue;
    }
    return { num, den, capped };
  }
}

export function allocateCents(potCents: number, claims: readonly AllocationClaim[]): Allocation {
  const cents = new Map<string, number>();
  const total = claims.reduce((s, c) => s + c.claimCents, 0);
  if (claims.length === 0) return { cents, level: new Money(0), totalCents: 0 };
  if (potCents >= total) {
    for (const c of claims) cents.set(c.id, c.claimCents);
    return { cents, level: new Money(1), totalCents: total };
  }
  const pot = new Money(potCents);
  const { num, den, capped } = waterLevel(pot, claims);
  const weight = (c: AllocationClaim) => c.factor.times(c.claimCents);
  // Every ticket with value <= x: the k-th ticket (2k − 1) / (2 w) <= num / den  <=>  k <= floor(w × num / den + 1/2).
  let handed = 0;
  for (const c of claims) {
    const n = capped.has(c.id)
      ? c.claimCents
      : Math.min(c.claimCents, weight(c).times(num).times(2).plus(den).divToInt(den.times(2)).toNumber());
    cents.set(c.id, n);
    handed += n;
  }
  // Tickets (2a − 1) / (2w) compared by cross-multiplication: (2a − 1) × w_b  vs  (2b − 1) × w_a.
  const cmpTickets = (ka: number, a: AllocationClaim, kb: number, b: AllocationClaim): number => {
    const c = weight(b).times(2 * ka - 1).comparedTo(weight(a).times(2 * kb - 1));
    return c !== 0 ? c : compareTieKey(a, b);
  };
  // Too few: hand out the next tickets, lowest first.
  while (handed < potCents) {
    let best: AllocationClaim | null = null;
    for (const c of claims) {
      const a = cents.get(c.id)!;
      if (a >= c.claimCents) continue;
      if (best === null || cmpTickets(a + 1, c, cents.get(best.id)! + 1, best) < 0) best = c;
    }
    if (best === null) break;
    cents.set(best.id, cents.get(best.id)! + 1);
    handed += 1;
  }
  // Too many (rounding up to the nearest cent): take back the highest tickets, last in the order first.
  while (handed > potCents) {
    let worst: AllocationClaim | null = null;
    for (const c of claims) {
      const a = cents.get(c.id)!;
      if (a <= 0) continue;
      if (worst === null || cmpTickets(a, c, cents.get(worst.id)!, worst) > 0) worst = c;
    }
    if (worst === null) break;
    cents.set(worst.id, cents.get(worst.id)! - 1);
    handed -= 1;
  }
  return { cents, level: num.dividedBy(den), totalCents: handed };
}
