// Issue 9 §1: "Meld systeemfout" from the place the problem shows fills the form with codes only. The
// expected codes follow SYSTEEMFOUTEN.md's taxonomy, worked out by hand: an income under the beslagvrije voet
// and a shortfall against the bijstandsnorm breach the bestaansminimum (M1); kinderbijslag is paid by the SVB
// and the kindgebonden budget by Dienst Toeslagen, and missing either is an effect on the children (M12); a CJIB
// debt is penalty escalation (M3), a Toeslagen debt a terugvordering (M2). The creditor's free text only
// suggests a code and never ends up in the signal.
import { describe, expect, it } from 'vitest';
import { canReportWarning, prefillFromDebt, prefillFromWarning } from '../../../src/shared/signals/prefill';
import { signalDataSchema } from '../../../src/shared/signals/schema';
import { MECHANISMS } from '../../../src/shared/signals/vocabulary';

const groupOf = (code: string) => MECHANISMS.find((m) => m.code === code)?.group;

describe('a signal from a budget warning', () => {
  it.each([
    ['BVV_ONDER_ONDERGRENS', 'M1', 'deurwaarder'],
    ['BVV_OPGAVE_WIJKT_AF', 'M1', 'deurwaarder'],
    ['TEKORT', 'M1', 'gemeente'],
    ['MOGELIJK_NIET_GEBRUIK_KINDERBIJSLAG', 'M12', 'svb'],
    ['MOGELIJK_NIET_GEBRUIK_KGB', 'M12', 'toeslagen'],
  ])('%s: mechanism in %s, instantie %s, with the date and the monthly shortfall, valid as it stands', (code, group, instantie) => {
    expect(canReportWarning(code)).toBe(true);
    const p = prefillFromWarning(code, { date: '2026-09-14', shortfall: '123.45' })!;
    expect(p).toMatchObject({ instantie, source: 'budget', occurredOn: '2026-09-14', monthlyShortfall: '123.45' });
    expect(groupOf(p.mechanism)).toBe(group);
    // Two clicks: what is pre-filled is a complete, valid signal (the second click only saves it).
    expect(() => signalDataSchema.parse(p)).not.toThrow();
  });

  it('a stated BVV that differs is a systeemfout only when it is below what the law gives', () => {
    // Houvast € 1.500,00 against a stated € 1.400,00: too little is left free, M1.1.
    expect(canReportWarning('BVV_OPGAVE_WIJKT_AF', { statedBvvDifference: '100.00' })).toBe(true);
    // Against a stated € 1.600,00 the family keeps more than the law requires: nothing to report.
    expect(canReportWarning('BVV_OPGAVE_WIJKT_AF', { statedBvvDifference: '-100.00' })).toBe(false);
    expect(canReportWarning('BVV_OPGAVE_WIJKT_AF', { statedBvvDifference: '0.00' })).toBe(false);
    // The direction only matters for this warning.
    expect(canReportWarning('TEKORT', { statedBvvDifference: '-100.00' })).toBe(true);
  });

  it('a warning that is not about the system gives no form', () => {
    expect(canReportWarning('GEEN_BSN')).toBe(false);
    expect(prefillFromWarning('GEEN_BSN')).toBeNull();
  });
});

describe('a signal from a debt', () => {
  it.each([
    ['CJIB', null, 'cjib', 'M3'],
    ['Belastingdienst/Toeslagen', null, 'toeslagen', 'M2'],
    ['Woonstichting De Linie', 'Incassobureau Zuid', 'verhuurder', 'M8'],
    ['Bakkerij Jansen', null, 'overig', 'M4'],
    // Words ending in -ing are not the ING bank.
    ['Stichting Leergeld', null, 'overig', 'M4'],
    ['ING Bank', null, 'bank', 'M4'],
    // A waterschap levies a tax: not the drinking-water company (no code of its own in the vocabulary).
    ['Waterschap Rivierenland', null, 'overig', 'M4'],
    ['Hoogheemraadschap van Delfland', null, 'overig', 'M4'],
    ['Vitens drinkwater', null, 'water', 'M8'],
  ])('%s (%s): instantie %s, mechanism in %s, the amount and the date, never the creditor text', (creditor, collector, instantie, group) => {
    const p = prefillFromDebt({ id: 'debt-7', creditor, collector, currentAmount: '980.10', since: '2025-11-02' });
    expect(p).toMatchObject({ instantie, source: 'debt', sourceRef: 'debt-7', impactAmount: '980.10', occurredOn: '2025-11-02' });
    expect(groupOf(p.mechanism)).toBe(group);
    const stored = JSON.stringify(signalDataSchema.parse(p));
    expect(stored).not.toContain(creditor);
    if (collector) expect(stored).not.toContain(collector);
  });
});
