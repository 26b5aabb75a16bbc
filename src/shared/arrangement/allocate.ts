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

/** Factors are exact to 4 decimals (the contract allows no more); weights are integers in 1/10000 cent. */
const FACTOR_SCALE = 10_000n;

interface Scaled {
  c: AllocationClaim;
  claim: bigint;
  /** factor × 10000, integer */
  f: bigint;
  /** weight = factor × claim, scaled by 10000 */
  w: bigint;
}

function scale(c: AllocationClaim): Scaled {
  const f = c.factor.times(FACTOR_SCALE.toString());
  if (!f.isInteger()) throw new RangeError('factor has more than 4 decimals');
  const fb = BigInt(f.toFixed(0));
  const claim = BigInt(c.claimCents);
  return { c, claim, f: fb, w: fb * claim };
}

/**
 * The water level x = num / den × FACTOR_SCALE for a pot below the total of the claims, and the creditors that
 * are full at that level (a creditor with factor f is full at x = 1 / f, so larger factors fill first).
 */
function waterLevel(pot: bigint, claims: readonly Scaled[]): { num: bigint; den: bigint; capped: Set<string> } {
  const byThreshold = [...claims].sort((a, b) => (a.f === b.f ? 0 : a.f > b.f ? -1 : 1));
  const capped = new Set<string>();
  let cappedSum = 0n;
  let i = 0;
  for (;;) {
    let den = 0n;
    for (let k = i; k < byThreshold.length; k++) den += byThreshold[k]!.w;
    const num = pot - cappedSum;
    const next = byThreshold[i];
    // Beyond the next creditor's cap (f × x >= 1  <=>  f_scaled × num >= den)? Then cap that factor group.
    if (next && next.f * num >= den) {
      const f = next.f;
      while (i < byThreshold.length && byThreshold[i]!.f === f) {
        capped.add(byThreshold[i]!.c.id);
        cappedSum += byThreshold[i]!.claim;
        i += 1;
      }
      if (i === byThreshold.length) return { num: 1n, den: 1n, capped };
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
  const scaled = claims.map(scale);
  const { num, den, capped } = waterLevel(BigInt(potCents), scaled);
  // Every ticket with value <= x: the k-th ticket (2k − 1) / (2w) <= x  <=>  k <= floor(w x + 1/2), w x = w_s × num / den.
  const a = new Map<string, bigint>();
  let handed = 0n;
  for (const s of scaled) {
    let n: bigint;
    if (capped.has(s.c.id)) n = s.claim;
    else {
      n = (2n * s.w * num + den) / (2n * den);
      if (n > s.claim) n = s.claim;
    }
    a.set(s.c.id, n);
    handed += n;
  }
  // Tickets (2k − 1) / (2w) compared by cross-multiplication: (2ka − 1) × w_b  vs  (2kb − 1) × w_a; then the stable key.
  const cmp = (ka: bigint, x: Scaled, kb: bigint, y: Scaled): number => {
    const l = (2n * ka - 1n) * y.w;
    const r = (2n * kb - 1n) * x.w;
    return l < r ? -1 : l > r ? 1 : compareTieKey(x.c, y.c);
  };
  const pot = BigInt(potCents);
  // Too few: hand out the next tickets, lowest first.
  while (handed < pot) {
    let best: Scaled | null = null;
    for (const s of scaled) {
      const k = a.get(s.c.id)!;
      if (k >= s.claim) continue;
      if (best === null || cmp(k + 1n, s, a.get(best.c.id)! + 1n, best) < 0) best = s;
    }
    if (best === null) break;
    a.set(best.c.id, a.get(best.c.id)! + 1n);
    handed += 1n;
  }
  // Too many (rounding to the nearest cent went up): take back the highest tickets, last in the order first.
  while (handed > pot) {
    let worst: Scaled | null = null;
    for (const s of scaled) {
      const k = a.get(s.c.id)!;
      if (k <= 0n) continue;
      if (worst === null || cmp(k, s, a.get(worst.c.id)!, worst) > 0) worst = s;
    }
    if (worst === null) break;
    a.set(worst.c.id, a.get(worst.c.id)! - 1n);
    handed -= 1n;
  }
  for (const [id, n] of a) cents.set(id, Number(n));
  return { cents, level: new Money(num.toString()).times(FACTOR_SCALE.toString()).dividedBy(den.toString()), totalCents: Number(handed) };
}
