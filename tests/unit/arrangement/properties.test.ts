// Properties of the distribution (fast-check): the amounts add up to the pot to the cent; no creditor gets
// more than its claim; each amount is its exact share rounded half-up to the cent whenever those roundings add
// up to the pot (a divisor rule cannot promise one cent in every case: fast-check finds pots of a few cents
// over many creditors where it is more; see docs/arrangements.md); the preferent/concurrent
// percentage ratio equals the factor unless the preferent creditors are capped at 100 %; more pot never
// lowers anyone's amount; the order of the creditors never changes a result.
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateCents, computeProposal, type AllocationClaim, type ArrangementDebt } from '../../../src/shared/arrangement';
import { figure } from '../../../src/shared/budget/explain';
import { Money } from '../../../src/shared/money';

const claimArb = fc.record({
  claimCents: fc.integer({ min: 1, max: 5_000_000 }),
  preferent: fc.boolean(),
  creditor: fc.constantFrom('Belastingdienst', 'Energie', 'Woonstichting', 'Bank', 'CAK', 'Gemeente'),
  reference: fc.option(fc.constantFrom('R1', 'R2', 'R3'), { nil: null }),
});
const factorArb = fc.constantFrom('1', '1.5', '2', '2.5', '3');

function toClaims(list: { claimCents: number; preferent: boolean; creditor: string; reference: string | null }[], factor: string): AllocationClaim[] {
  return list.map((c, i) => ({ id: `d${i}`, claimCents: c.claimCents, factor: new Money(c.preferent ? factor : 1), creditor: c.creditor, reference: c.reference }));
}

const total = (claims: AllocationClaim[]) => claims.reduce((s, c) => s + c.claimCents, 0);

describe('allocateCents', () => {
  it('adds up to the pot (or to all claims), never above a claim, nearest cents whenever they add up', () => {
    fc.assert(
      fc.property(fc.array(claimArb, { minLength: 1, maxLength: 40 }), factorArb, fc.integer({ min: 0, max: 200_000_000 }), (list, f, pot) => {
        const claims = toClaims(list, f);
        const a = allocateCents(pot, claims);
        const sum = [...a.cents.values()].reduce((s, n) => s + n, 0);
        expect(sum).toBe(Math.min(pot, total(claims)));
        for (const c of claims) {
          const got = a.cents.get(c.id)!;
          expect(Number.isInteger(got)).toBe(true);
          expect(got).toBeLessThanOrEqual(c.claimCents);
        }
        // exact share = claim × min(1, factor × level); nearest cent half-up
        const nearest = claims.map((c) => new Money(c.claimCents).times(Money.min(1, c.factor.times(a.level))).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
        if (nearest.reduce((s, n) => s + n, 0) === sum) {
          claims.forEach((c, i) => expect(a.cents.get(c.id)).toBe(nearest[i]));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('more pot never lowers anyone’s amount', () => {
    fc.assert(
      fc.property(
        fc.array(claimArb, { minLength: 1, maxLength: 25 }),
        factorArb,
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        (list, f, pot, extra) => {
          const claims = toClaims(list, f);
          const small = allocateCents(pot, claims);
          const large = allocateCents(pot + extra, claims);
          const plusOne = allocateCents(pot + 1, claims);
          for (const c of claims) {
            expect(large.cents.get(c.id)!).toBeGreaterThanOrEqual(small.cents.get(c.id)!);
            expect(plusOne.cents.get(c.id)!).toBeGreaterThanOrEqual(small.cents.get(c.id)!);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('small claims and pots: monotone over every pot from 0 to the total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ claimCents: fc.integer({ min: 1, max: 60 }), preferent: fc.boolean(), creditor: fc.constantFrom('A', 'B', 'C'), reference: fc.constant(null) }), { minLength: 1, maxLength: 6 }),
        factorArb,
        (list, f) => {
          const claims = toClaims(list, f);
          let prev = allocateCents(0, claims);
          for (let pot = 1; pot <= total(claims); pot++) {
            const next = allocateCents(pot, claims);
            for (const c of claims) expect(next.cents.get(c.id)!).toBeGreaterThanOrEqual(prev.cents.get(c.id)!);
            prev = next;
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the order of the creditors never changes a result', () => {
    fc.assert(
      fc.property(
        fc.array(claimArb, { minLength: 1, maxLength: 30 }).chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list.map((_, i) => i), { minLength: list.length }))),
        factorArb,
        fc.integer({ min: 0, max: 100_000_000 }),
        ([list, order], f, pot) => {
          const claims = toClaims(list, f);
          const shuffled = order.map((i) => claims[i]!);
          const a = allocateCents(pot, claims);
          const b = allocateCents(pot, shuffled);
          for (const c of claims) expect(b.cents.get(c.id)).toBe(a.cents.get(c.id));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('computeProposal', () => {
  const cap = (monthly: string) => ({
    monthly: figure('Afloscapaciteit', new Money(monthly), 'test'),
    vtlb: figure('VTLB', new Money(1000), 'test'),
    holidayPayPerYear: figure('Vakantiegeld', new Money(0), 'test'),
    referenceDate: '2026-11-23',
    source: 'test',
  });

  it('preferent percentage = factor × concurrent percentage unless capped at 100 %', () => {
    fc.assert(
      fc.property(fc.array(claimArb, { minLength: 2, maxLength: 20 }), factorArb, fc.integer({ min: 0, max: 200_000 }), (list, f, monthlyCents) => {
        const debts: ArrangementDebt[] = list.map((c, i) => ({
          id: `d${i}`,
          creditor: c.creditor,
          reference: c.reference,
          creditorKind: 'overig',
          kind: c.preferent ? 'preferent' : 'concurrent',
          claim: new Money(c.claimCents).dividedBy(100),
          included: true,
          inclusionNote: null,
        }));
        const r = computeProposal({ debts, capacity: cap(new Money(monthlyCents).dividedBy(100).toFixed()), params: { factor: f } });
        const pc = r.percentages.concurrent.value!;
        const pp = r.percentages.preferent.value!;
        // Both come from one exact level; compared to 30 significant digits (the division itself has 40).
        if (pp.lessThan(100)) expect(pp.toSignificantDigits(30).toFixed()).toBe(pc.times(f).toSignificantDigits(30).toFixed());
        else expect(pc.times(f).greaterThanOrEqualTo(100)).toBe(true);
        // The shown amounts add up to the shown total, and that total to the pot (or to the claims).
        const shown = r.creditors.reduce((s, c) => s.plus(c.amount.value), new Decimal(0));
        expect(shown.toFixed(2)).toBe(r.totals.amounts.value!.toFixed(2));
        expect(shown.toFixed(2)).toBe(Money.min(r.pot.value!, r.totals.claims.value!).toFixed(2));
        // Every schedule adds up to its creditor's amount.
        for (const c of r.creditors) {
          expect(c.schedule.reduce((s, p) => s.plus(p.amount), new Decimal(0)).toFixed(2)).toBe(c.amount.value.toFixed(2));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the whole proposal (amounts and monthly schedules) does not depend on the order of the debts', () => {
    fc.assert(
      fc.property(
        fc.array(claimArb, { minLength: 1, maxLength: 12 }).chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list.map((_, i) => i), { minLength: list.length }))),
        factorArb,
        fc.integer({ min: 0, max: 50_000 }),
        ([list, order], f, monthlyCents) => {
          const debts: ArrangementDebt[] = list.map((c, i) => ({
            id: `d${i}`,
            creditor: c.creditor,
            reference: c.reference,
            creditorKind: 'overig',
            kind: c.preferent ? 'preferent' : 'concurrent',
            claim: new Money(c.claimCents).dividedBy(100),
            included: true,
            inclusionNote: null,
          }));
          const capacity = cap(new Money(monthlyCents).dividedBy(100).toFixed());
          const a = computeProposal({ debts, capacity, params: { factor: f } });
          const b = computeProposal({ debts: order.map((i) => debts[i]!), capacity, params: { factor: f } });
          const view = (r: typeof a) =>
            Object.fromEntries(r.creditors.map((c) => [c.debtId, [c.amount.value.toFixed(2), c.schedule.map((p) => `${p.month}:${p.amount.toFixed(2)}`).join(' ')]]));
          expect(view(b)).toEqual(view(a));
        },
      ),
      { numRuns: 60 },
    );
  });
});
