// The beslagvrije voet without a woonadres (art. 475da lid 4 Rv) with the reductions of art. 475db and the 95 % cap
// of art. 475dc lid 1, through the real engine and the bundled norm tables. Every expected figure is worked out by
// hand in the comment above it from /work/shared/domain/BVV-VTLB.md (§1.5 reductions, §1.6 cap, §1.7 lid 4, §1.8
// algorithm) and RULES.md b.1 steps 9 and 10, never taken from the code.
//
// Art. 475db reduces "de beslagvrije voet bedoeld in art. 475da", which includes lid 4: (a) the spouse's non-attached
// income, at most half of the BVV; (b) the debtor's own non-attached income; (c) loonheffing auto van de zaak, in that
// order (§1.5). §1.8: bvv −= min(partner, bvv/2); bvv −= own; bvv −= auto; bvv = min(bvv, 0.95 × the debtor's income);
// rounded half-up to cents.
//
// Lid 4: 47.5 % × B. B = 2002.13 (Jan 2026) -> 0.475 × 2002.13 = 951.01175 -> 951.01;
//                      B = 2027.79 (Jul 2026) -> 0.475 × 2027.79 = 963.20025 -> 963.20 (§1.7, RULES.md b.1 step 10).
// Before this fix the reductions were not applied: the BVV was min(47.5 % × B, 95 % of the debtor's income).
import { beforeAll, describe, expect, it } from 'vitest';
import { computeBudget, type BudgetResult } from '../../../src/shared/budget/engine';
import type { NormSet } from '../../../src/shared/budget/norms';
import { adult, bundledNorms, codes, dossier, inputs, s } from './helpers';

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});

const JAN = '2026-03-15';
const JUL = '2026-09-15';

type Income = { description: string; category: 'loon' | 'overig'; amount: string; frequency: 'maand'; personRole?: 'aanvrager' | 'partner' };
const loon = (amount: string, personRole: 'aanvrager' | 'partner' = 'aanvrager'): Income => ({ description: 'Loon', category: 'loon', amount, frequency: 'maand', personRole });
const overig = (amount: string, personRole: 'aanvrager' | 'partner' = 'aanvrager'): Income => ({ description: 'Niet-beslagen inkomen', category: 'overig', amount, frequency: 'maand', personRole });

const single = (incomes: Income[]) => dossier({ adults: [adult('aanvrager', '1985-01-01')], address: null, incomes });
const couple = (incomes: Income[]) => dossier({ adults: [adult('aanvrager', '1985-01-01'), adult('partner', '1986-01-01')], address: null, incomes });

const step = (r: BudgetResult, kind: string) => s(r.bvvBerekening!.steps.find((x) => x.kind === kind)?.figure.value);
const kinds = (r: BudgetResult) => r.bvvBerekening!.steps.map((x) => x.kind);

/** The steps shown add up: base − the deductions shown (not below 0), then the lower of that and the cap. */
function expectStepsAddUp(r: BudgetResult): void {
  const steps = r.bvvBerekening!.steps;
  const base = steps.find((x) => x.kind === 'geen_woonadres')!.figure.value!;
  const after = steps.filter((x) => x.kind.startsWith('aftrek_')).reduce((acc, x) => acc.plus(x.figure.value!), base);
  const floored = after.isNegative() ? after.times(0) : after;
  const before = steps.find((x) => x.kind === 'voor_inkomenstoets');
  if (before) expect(s(before.figure.value)).toBe(s(floored));
  const cap = steps.find((x) => x.kind === 'inkomenstoets')!.figure.value!;
  const result = steps.find((x) => x.kind === 'uitkomst')!.figure.value!;
  expect(s(result)).toBe(s(floored.lessThan(cap) ? floored : cap));
  expect(s(result)).toBe(s(r.beslagvrijeVoet.value));
}

describe('no woonadres: own non-attached income (art. 475db lid 1 b)', () => {
  /* Jan, single. Income: loon 900.00 (attached) + 300.00 not attached, both periodic claims of the debtor.
   *   47.5 % × B = 951.01175 -> 951.01; minus own 300.00 = 651.01.
   *   Cap (475dc lid 1, §1.8: 95 % × (attached + own non-attached)) = 0.95 × 1200.00 = 1140.00: not binding -> 651.01.
   *   Before: 951.01.
   * VTLB (§4.1) = BVV + eigen risico 385 / 12 = 32.0833 -> 32.08 (+ PGL 0; no individual corrections without the
   * formula's fictitious amounts, as before) = 683.09 (before 983.09: exactly the BVV's change of −300.00).
   * Afloscapaciteit = 1200.00 − 683.09 = 516.91. */
  it('deducts the own non-attached income from 47.5 % of B', () => {
    const r = computeBudget(single([loon('900.00'), overig('300.00')]), inputs({ nietBeslagenEigenInkomenPerMaand: '300.00' }), norms, JAN);
    expect(r.beslagvrijeVoet.regime).toBe('geen_vast_adres');
    expect(codes(r)).toContain('GEEN_VAST_ADRES');
    expect(kinds(r)).toEqual(['geen_woonadres', 'aftrek_eigen', 'voor_inkomenstoets', 'inkomenstoets', 'uitkomst']);
    expect(step(r, 'geen_woonadres')).toBe('951.01');
    expect(step(r, 'aftrek_eigen')).toBe('-300.00');
    expect(step(r, 'voor_inkomenstoets')).toBe('651.01');
    expect(step(r, 'inkomenstoets')).toBe('1140.00');
    expect(s(r.beslagvrijeVoet.value)).toBe('651.01');
    expectStepsAddUp(r);
    expect(r.bvvBerekening!.vorm).toBeNull();
    expect(r.bvvBerekening!.kop).toBeNull();
    expect(s(r.vtlb.total.value)).toBe('683.09');
    expect(s(r.afloscapaciteit.value)).toBe('516.91');
    // The individual corrections stay "not computed" (0.00), for the reason they had before.
    const woon = r.vtlb.lines.find((l) => l.kind === 'woonlasten')!;
    expect(s(woon.figure.value)).toBe('0.00');
    expect(woon.figure.explanation.rule).toContain('geen vast woonadres');
  });

  /* Jul, single. Loon 500.00 + 50.00 not attached; own non-attached 50.00.
   *   47.5 % × B = 963.20025 -> 963.20; minus 50.00 = 913.20.
   *   Cap = 0.95 × 550.00 = 522.50 < 913.20 -> 522.50 (the cap decides after the reduction). Before: 522.50 too. */
  it('then caps at 95 % of the debtor’s income', () => {
    const r = computeBudget(single([loon('500.00'), overig('50.00')]), inputs({ nietBeslagenEigenInkomenPerMaand: '50.00' }), norms, JUL);
    expect(step(r, 'geen_woonadres')).toBe('963.20');
    expect(step(r, 'voor_inkomenstoets')).toBe('913.20');
    expect(step(r, 'inkomenstoets')).toBe('522.50');
    expect(s(r.beslagvrijeVoet.value)).toBe('522.50');
    expectStepsAddUp(r);
  });
});

describe('no woonadres: the spouse’s non-attached income, at most half (art. 475db lid 1 a)', () => {
  /* Jul, couple, beslag on the aanvrager (loon 1500.00); the partner earns 700.00, not attached.
   *   963.20; half = 481.60 < 700.00 -> deduct 481.60 -> 481.60. Cap 0.95 × 1500.00 = 1425.00 -> 481.60. Before: 963.20. */
  it('deducts at most half when the partner earns more than half', () => {
    const r = computeBudget(couple([loon('1500.00'), loon('700.00', 'partner')]), inputs({ beslagOp: 'aanvrager' }), norms, JUL);
    expect(kinds(r)).toEqual(['geen_woonadres', 'aftrek_partner', 'voor_inkomenstoets', 'inkomenstoets', 'uitkomst']);
    expect(step(r, 'aftrek_partner')).toBe('-481.60');
    expect(step(r, 'inkomenstoets')).toBe('1425.00');
    expect(s(r.beslagvrijeVoet.value)).toBe('481.60');
    expectStepsAddUp(r);
  });

  /* Jul, the same couple with a partner income of 300.00 (less than half, 481.60): 963.20 − 300.00 = 663.20. */
  it('deducts the whole partner income when it is less than half', () => {
    const r = computeBudget(couple([loon('1500.00'), loon('300.00', 'partner')]), inputs({ beslagOp: 'aanvrager' }), norms, JUL);
    expect(step(r, 'aftrek_partner')).toBe('-300.00');
    expect(s(r.beslagvrijeVoet.value)).toBe('663.20');
    expectStepsAddUp(r);
  });

  /* Jan, beslag on the partner (loon 1000.00); the aanvrager earns 2000.00, not attached. 951.01 / 2 = 475.505:
   * §1.8 951.01 − 475.505 = 475.505 -> half-up 475.51 (a deduction of 475.50 shown; half a cent is not deducted).
   * Cap 0.95 × 1000.00 = 950.00 -> 475.51. Before: 950.00 (the cap on the partner's own income). */
  it('rounds an odd half so that half the BVV remains, half-up', () => {
    const r = computeBudget(couple([loon('2000.00'), loon('1000.00', 'partner')]), inputs({ beslagOp: 'partner' }), norms, JAN);
    expect(step(r, 'aftrek_partner')).toBe('-475.50');
    expect(step(r, 'inkomenstoets')).toBe('950.00');
    expect(s(r.beslagvrijeVoet.value)).toBe('475.51');
    expectStepsAddUp(r);
  });

  /* Jan, both partners are debtors (beslagOp huishouden): no spouse's non-attached income (475db a does not apply).
   * Aanvrager 800.00 + 100.00 not attached, partner 600.00; own non-attached 100.00: 951.01 − 100.00 = 851.01.
   * Cap 0.95 × 1500.00 = 1425.00 -> 851.01. */
  it('deducts nothing for the spouse when the whole household is the debtor', () => {
    const r = computeBudget(couple([loon('800.00'), overig('100.00'), loon('600.00', 'partner')]), inputs({ nietBeslagenEigenInkomenPerMaand: '100.00' }), norms, JAN);
    expect(kinds(r)).not.toContain('aftrek_partner');
    expect(s(r.beslagvrijeVoet.value)).toBe('851.01');
    expectStepsAddUp(r);
  });
});

describe('no woonadres: loonheffing auto van de zaak (art. 475db lid 1 c) and the order of the reductions', () => {
  /* Jan, single, loon 1600.00, loonheffing auto van de zaak 85.40: 951.01 − 85.40 = 865.61. Cap 0.95 × 1600.00 =
   * 1520.00 -> 865.61. Before: 951.01. */
  it('deducts the loonheffing on the auto van de zaak', () => {
    const r = computeBudget(single([loon('1600.00')]), inputs({ loonheffingAutoVanDeZaakPerMaand: '85.40' }), norms, JAN);
    expect(kinds(r)).toEqual(['geen_woonadres', 'aftrek_auto', 'voor_inkomenstoets', 'inkomenstoets', 'uitkomst']);
    expect(step(r, 'aftrek_auto')).toBe('-85.40');
    expect(s(r.beslagvrijeVoet.value)).toBe('865.61');
    expectStepsAddUp(r);
  });

  /* Jan, couple, beslag on the partner (loon 1100.00 + 150.00 not attached); the aanvrager earns 2000.00, not
   * attached; own non-attached 150.00; auto 40.00.
   *   a: min(2000.00, 951.01 / 2 = 475.505) -> 951.01 − 475.505 = 475.505; b: − 150.00 = 325.505; c: − 40.00 = 285.505
   *   -> half-up 285.51. Cap 0.95 × 1250.00 = 1187.50 -> 285.51. Before: 951.01.
   *   (b and c before a would give (951.01 − 190.00) / 2 = 380.505 -> 380.51: the order matters.) */
  it('applies a, b and c in the statutory order', () => {
    const r = computeBudget(
      couple([loon('2000.00'), loon('1100.00', 'partner'), overig('150.00', 'partner')]),
      inputs({ beslagOp: 'partner', nietBeslagenEigenInkomenPerMaand: '150.00', loonheffingAutoVanDeZaakPerMaand: '40.00' }),
      norms,
      JAN,
    );
    expect(kinds(r)).toEqual(['geen_woonadres', 'aftrek_partner', 'aftrek_eigen', 'aftrek_auto', 'voor_inkomenstoets', 'inkomenstoets', 'uitkomst']);
    expect(step(r, 'aftrek_partner')).toBe('-475.50');
    expect(step(r, 'aftrek_eigen')).toBe('-150.00');
    expect(step(r, 'aftrek_auto')).toBe('-40.00');
    expect(step(r, 'inkomenstoets')).toBe('1187.50');
    expect(s(r.beslagvrijeVoet.value)).toBe('285.51');
    expectStepsAddUp(r);
    // The afloscapaciteit counts the debtor's income (the partner's 1250.00), as before.
    expect(r.bvvBerekening!.inkomenSchuldenaar.value!.toFixed(2)).toBe('1250.00');
  });
});

describe('no woonadres: what stays as it was', () => {
  /* Jan, single, loon 1500.00, nothing to deduct: 951.01 (cap 1425.00), the base, the cap and the outcome only.
   * A requested woonkostenverhoging (rent 1200.00) is not applied without a woonadres (as before), with a warning. */
  it('keeps 47.5 % of B and leaves the raises of lid 5 out', () => {
    const d = dossier({
      adults: [adult('aanvrager', '1985-01-01')],
      address: null,
      incomes: [loon('1500.00')],
      expenses: [{ description: 'Huur', category: 'huur', amount: '1200.00', frequency: 'maand' }],
    });
    const r = computeBudget(d, inputs({ woonkostenverhoging: true }), norms, JAN);
    expect(kinds(r)).toEqual(['geen_woonadres', 'inkomenstoets', 'uitkomst']);
    expect(s(r.beslagvrijeVoet.value)).toBe('951.01');
    expect(codes(r)).toContain('BVV_GEEN_WOONADRES_INVOER_NIET_GEBRUIKT');
    expect(codes(r)).not.toContain('BVV_BELASTBAAR_INKOMEN_NODIG');
    expect(r.beslagvrijeVoet.lowerBound).toBeNull();
    expect(r.beslagvrijeVoet.upperBound).toBeNull();
  });
});
