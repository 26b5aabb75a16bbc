// Property tests (fast-check) on the engine and the frequency normalisation.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeBudget } from '../../../src/shared/budget/engine';
import type { NormSet } from '../../../src/shared/budget/norms';
import { toMonthly } from '../../../src/shared/frequency';
import { Money } from '../../../src/shared/money';
import { adult, bundledNorms, dossier, inputs } from './helpers';

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});

const cents = (min: number, max: number) => fc.integer({ min, max }).map((c) => new Money(c).dividedBy(100).toFixed(2));
const FREQ = fc.constantFrom('week', 'vierweken', 'maand', 'kwartaal', 'jaar') as fc.Arbitrary<'week' | 'vierweken' | 'maand' | 'kwartaal' | 'jaar'>;
const DATES = fc.constantFrom('2024-03-01', '2024-09-15', '2025-02-01', '2025-08-20', '2026-01-10', '2026-07-15', '2026-12-31');

function household(amounts: { amount: string; frequency: 'week' | 'vierweken' | 'maand' | 'kwartaal' | 'jaar' }[], couple: boolean) {
  return dossier({
    adults: couple ? [adult('aanvrager', '1980-01-01'), adult('partner', '1981-01-01')] : [adult('aanvrager', '1980-01-01')],
    incomes: amounts.map((a, i) => ({ description: `Inkomen ${i}`, category: 'loon' as const, ...a })),
  });
}

describe('properties', () => {
  it('afloscapaciteit is never negative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: cents(0, 500_000), frequency: FREQ }), { maxLength: 4 }),
        fc.boolean(),
        DATES,
        fc.option(cents(0, 500_000), { nil: null }),
        fc.array(cents(0, 100_000), { maxLength: 3 }),
        (incomes, couple, date, stated, corrections) => {
          const r = computeBudget(
            household(incomes, couple),
            inputs({
              statedBvv: stated === null ? null : { amount: stated, date, statedBy: 'Deurwaarder' },
              vtlbCorrections: corrections.map((amount) => ({ kind: 'overig' as const, amount, note: 'test' })),
            }),
            norms,
            date,
          );
          const a = r.afloscapaciteit.value;
          if (a !== null) expect(a.isNegative()).toBe(false);
          else expect(r.warnings.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('more attachable income never lowers the afloscapaciteit (same BVV regime)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 0, max: 300_000 }), fc.boolean(), DATES, cents(0, 400_000), cents(0, 10_000_000), (x, y, couple, date, stated, belastbaar) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        // The same belastbaar inkomen (C) for both runs: only the net income differs.
        const run = (c: number) =>
          computeBudget(
            household([{ amount: new Money(c).dividedBy(100).toFixed(2), frequency: 'maand' }], couple),
            inputs({ statedBvv: { amount: stated, date, statedBy: 'CJIB' }, belastbaarInkomenPerJaar: { aanvrager: belastbaar, partner: '0.00' } }),
            norms,
            date,
          );
        const a = run(lo);
        const b = run(hi);
        // Across the norm the BVV switches from 95 % of income to the stated figure (the law's "kop"); compare
        // within one regime, where the property must hold.
        if (a.beslagvrijeVoet.regime !== b.beslagvrijeVoet.regime) return;
        expect(b.afloscapaciteit.value!.greaterThanOrEqualTo(a.afloscapaciteit.value!)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('normalised frequencies add up over a year exactly', () => {
    fc.assert(
      fc.property(cents(0, 10_000_000), (amount) => {
        const x = new Money(amount);
        expect(toMonthly(x, 'week').times(12).equals(x.times(52))).toBe(true);
        expect(toMonthly(x, 'vierweken').times(12).equals(x.times(13))).toBe(true);
        expect(toMonthly(x, 'kwartaal').times(12).equals(x.times(4))).toBe(true);
        expect(toMonthly(x, 'jaar').times(12).equals(x)).toBe(true);
        expect(toMonthly(x, 'maand').equals(x)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  // Round once: a weekly amount becomes amount × 52 / 12, rounded half-up to cents a single time, so twelve
  // months differ from 52 weeks by at most 12 × half a cent.
  it('the engine normalises a weekly income exactly and rounds it to cents once', () => {
    fc.assert(
      fc.property(cents(0, 1_000_000), (amount) => {
        const r = computeBudget(household([{ amount, frequency: 'week' }], false), inputs(), norms, '2026-07-15');
        const exact = new Money(amount).times(52).dividedBy(12);
        expect(r.income.total.value!.equals(exact.toDecimalPlaces(2, Money.ROUND_HALF_UP))).toBe(true);
        expect(r.income.total.value!.times(12).minus(new Money(amount).times(52)).abs().lessThanOrEqualTo('0.06')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
