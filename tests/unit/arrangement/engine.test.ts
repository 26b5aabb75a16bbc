// The proposal engine against hand computations from RULES.md d.1 (pot, one concurrent percentage, preferent
// factor × that percentage capped at 100 %), d.2 (variants), d.1 nul-aanbod and the CJIB/DUO exclusions.
// Every expected figure below is worked out in the comment beside it, not taken from the engine.
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  computeProposal,
  toArrangementDebt,
  type ArrangementCapacity,
  type ArrangementDebt,
  type ArrangementParams,
} from '../../../src/shared/arrangement';
import { figure } from '../../../src/shared/budget/explain';
import type { Debt } from '../../../src/shared/dossier/schema';
import { arrangementParamsIn } from '../../../src/shared/contract/arrangements';
import { Money } from '../../../src/shared/money';

function capacity(monthly: string | null, holidayPerYear: string | null = '0'): ArrangementCapacity {
  return {
    monthly: figure('Afloscapaciteit', monthly === null ? null : new Money(monthly), 'test'),
    vtlb: figure('VTLB', new Money('1500'), 'test'),
    holidayPayPerYear: figure('Vakantiegeld', holidayPerYear === null ? null : new Money(holidayPerYear), 'test'),
    referenceDate: '2026-11-23',
    source: 'Budget (test)',
  };
}

function debt(id: string, creditor: string, claim: string, kind: 'preferent' | 'concurrent' = 'concurrent', extra: Partial<Debt> = {}): Debt {
  return { id, creditor, reference: `REF-${id}`, originalAmount: claim, currentAmount: claim, kind, status: 'open', ...extra };
}

function propose(debts: Debt[], cap: ArrangementCapacity, params: ArrangementParams = {}) {
  return computeProposal({ debts: debts.map((d, i) => toArrangementDebt(d, i)), capacity: cap, params });
}

const amounts = (r: ReturnType<typeof propose>) => Object.fromEntries(r.creditors.map((c) => [c.creditor, c.amount.value.toFixed(2)]));

describe('golden: RULES.md d.1 distribution', () => {
  // A = 150.00 × 18 + 0 = 2700.00. Dc = 2000 + 3000 + 1000 = 6000, Dp = 1000, f = 2.
  // p_conc = 2700 / (6000 + 2 × 1000) = 0.3375 (33.75 %), p_pref = 0.675 (67.5 %).
  // Belastingdienst 1000 × 0.675 = 675.00; Energie 2000 × 0.3375 = 675.00; Verhuurder 3000 × 0.3375 = 1012.50;
  // Bank 1000 × 0.3375 = 337.50; sum 2700.00.
  const debts = [
    debt('1', 'Belastingdienst', '1000.00', 'preferent', { creditorKind: 'belastingdienst' }),
    debt('2', 'Energie BV', '2000.00', 'concurrent', { creditorKind: 'energie' }),
    debt('3', 'Woonstichting', '3000.00', 'concurrent', { creditorKind: 'verhuurder' }),
    debt('4', 'Kredietbank', '1000.00'),
  ];

  it('one concurrent percentage, preferent twice that, amounts that add up to the pot', () => {
    const r = propose(debts, capacity('150.00'));
    expect(r.status).toBe('voorstel');
    expect(r.pot.value!.toFixed(2)).toBe('2700.00');
    expect(r.percentages.concurrent.value!.toFixed()).toBe('33.75');
    expect(r.percentages.preferent.value!.toFixed()).toBe('67.5');
    expect(amounts(r)).toEqual({ Belastingdienst: '675.00', 'Energie BV': '675.00', Woonstichting: '1012.50', Kredietbank: '337.50' });
    expect(r.totals.amounts.value!.toFixed(2)).toBe('2700.00');
    expect(r.totals.claims.value!.toFixed(2)).toBe('7000.00');
  });

  it('monthly schedule (schuldbemiddeling): every month the same shares of 150.00, due at the end of each month', () => {
    // Month 1: 150 / 8000 = 0.01875 of each weighted claim: 37.50, 37.50, 56.25, 18.75.
    const r = propose(debts, capacity('150.00'));
    const bd = r.creditors.find((c) => c.creditor === 'Belastingdienst')!;
    expect(r.startDate).toBe('2026-12-01');
    expect(bd.schedule).toHaveLength(18);
    expect(bd.schedule[0]).toMatchObject({ month: 1, dueDate: '2026-12-31' });
    expect(bd.schedule[0]!.amount.toFixed(2)).toBe('37.50');
    expect(bd.schedule[17]).toMatchObject({ month: 18, dueDate: '2028-05-31' });
    for (const c of r.creditors) {
      const total = c.schedule.reduce((s, p) => s.plus(p.amount), new Decimal(0));
      expect(total.toFixed(2)).toBe(c.amount.value.toFixed(2));
    }
  });

  it('saneringskrediet: one payment of the whole amount at the start', () => {
    const r = propose(debts, capacity('150.00'), { variant: 'saneringskrediet', startDate: '2027-01-01' });
    for (const c of r.creditors) {
      expect(c.schedule).toHaveLength(1);
      expect(c.schedule[0]!.dueDate).toBe('2027-01-01');
      expect(c.schedule[0]!.amount.toFixed(2)).toBe(c.amount.value.toFixed(2));
    }
    expect(amounts(r).Woonstichting).toBe('1012.50');
  });

  it('factor 1 is plain pro rata: 2700 / 7000 = 38.571428...%', () => {
    // Belastingdienst 1000 × 27/70 = 385.714..., Energie 771.428..., Woonstichting 1157.142..., Kredietbank 385.714...
    // Nearest cents: 385.71 + 771.43 + 1157.14 + 385.71 = 2699.99; one cent short. Next tickets (k − ½) / claim:
    // Energie 77143.5/200000 = 0.3857175; Belastingdienst and Kredietbank 38571.5/100000 = 0.385715; Woonstichting
    // 115714.5/300000 = 0.385715. Lowest value 0.385715 is a three-way tie: the largest claim (Woonstichting) first.
    const r = propose(debts, capacity('150.00'), { factor: '1' });
    expect(amounts(r)).toEqual({ Belastingdienst: '385.71', 'Energie BV': '771.43', Woonstichting: '1157.15', Kredietbank: '385.71' });
  });
});

describe('golden: preferent capped at 100 %, the rest redistributed', () => {
  // A = 2700.00; Dp = 500 (Belastingdienst), Dc = 1000 + 2000. p_conc = 2700 / (3000 + 1000) = 0.675, f × p = 1.35 > 1:
  // preferent 100 % = 500.00; p_conc = (2700 − 500) / 3000 = 0.7333... Exact shares 733.333... and 1466.666...;
  // nearest cents 733.33 + 1466.67 + 500.00 = 2700.00.
  it('pays the preferent creditor in full and shares the rest equally among the concurrent ones', () => {
    const r = propose(
      [debt('1', 'Belastingdienst', '500.00', 'preferent'), debt('2', 'A-bedrijf', '1000.00'), debt('3', 'B-bedrijf', '2000.00')],
      capacity('150.00'),
    );
    expect(amounts(r)).toEqual({ Belastingdienst: '500.00', 'A-bedrijf': '733.33', 'B-bedrijf': '1466.67' });
    expect(r.percentages.preferent.value!.toFixed()).toBe('100');
    expect(r.percentages.concurrent.value!.toFixed(4)).toBe('73.3333');
    expect(r.creditors.find((c) => c.creditor === 'Belastingdienst')!.capped).toBe(true);
  });

  it('pays everybody in full when the pot exceeds all claims, and reports the surplus', () => {
    // 150 × 18 = 2700 > 500 + 1000 = 1500: surplus 1200.00.
    const r = propose([debt('1', 'Belastingdienst', '500.00', 'preferent'), debt('2', 'A-bedrijf', '1000.00')], capacity('150.00'));
    expect(amounts(r)).toEqual({ Belastingdienst: '500.00', 'A-bedrijf': '1000.00' });
    expect(r.totals.surplus.value!.toFixed(2)).toBe('1200.00');
    expect(r.warnings.map((w) => w.code)).toContain('OVERSCHOT');
  });
});

describe('ties and the cent rule', () => {
  // 100.00 over three claims of 300.00: 33.333... each; nearest cents 99.99; one cent left, all next tickets equal;
  // tie-break: equal claims, then the creditor name: A-bedrijf.
  it('breaks a tie by claim, then name, whatever the input order', () => {
    const ds = [debt('x', 'C-bedrijf', '300.00'), debt('y', 'A-bedrijf', '300.00'), debt('z', 'B-bedrijf', '300.00')];
    const params = { potOverride: { amount: new Money('100.00'), reason: 'Saneringskrediet van de kredietbank' } };
    const r1 = propose(ds, capacity('0'), params);
    const r2 = propose([...ds].reverse(), capacity('0'), params);
    expect(amounts(r1)).toEqual({ 'A-bedrijf': '33.34', 'B-bedrijf': '33.33', 'C-bedrijf': '33.33' });
    expect(amounts(r2)).toEqual(amounts(r1));
    expect(r1.pot.explanation.rule).toContain('Saneringskrediet van de kredietbank');
  });
});

describe('term, holiday pay, overrides', () => {
  it('adds the holiday-pay contribution pro rata over the term', () => {
    // 100.00 × 24 + 600.00 × 24 / 12 = 2400 + 1200 = 3600.00.
    const r = propose([debt('1', 'A-bedrijf', '10000.00')], capacity('100.00', '600.00'), { months: 24, monthsReason: 'Ondernemer (Bbz)' });
    expect(r.holidayPay.value!.toFixed(2)).toBe('1200.00');
    expect(r.pot.value!.toFixed(2)).toBe('3600.00');
    expect(r.warnings.map((w) => w.code)).toContain('AFWIJKENDE_LOOPTIJD');
  });

  it('computes the pot from the exact afloscapaciteit and rounds it half-up to cents once', () => {
    // 100/3 × 18 = 600 exactly (no per-month rounding first); 10.0025 × 18 = 180.045 -> 180.05 (half-up).
    const third = propose([debt('1', 'A-bedrijf', '10000.00')], capacity(new Money(100).dividedBy(3).toFixed()));
    expect(third.pot.value!.toFixed(2)).toBe('600.00');
    const half = propose([debt('1', 'A-bedrijf', '10000.00')], capacity('10.0025'));
    expect(half.pot.value!.toFixed(2)).toBe('180.05');
  });

  it('uses a stated afloscapaciteit with its reason', () => {
    const r = propose([debt('1', 'A-bedrijf', '10000.00')], capacity('50.00'), { capacityOverride: { amount: new Money('80.00'), reason: 'Nieuwe baan per 1 januari' } });
    expect(r.pot.value!.toFixed(2)).toBe('1440.00'); // 80 × 18
    expect(r.monthlyCapacity.explanation.rule).toContain('Nieuwe baan per 1 januari');
  });
});

describe('nul-aanbod and missing figures', () => {
  it('offers a nul-aanbod with its own letter text when the afloscapaciteit is zero', () => {
    const r = propose([debt('1', 'A-bedrijf', '1000.00'), debt('2', 'Belastingdienst', '500.00', 'preferent')], capacity('0'));
    expect(r.status).toBe('nul_aanbod');
    expect(r.pot.value!.toFixed(2)).toBe('0.00');
    expect(r.creditors.every((c) => c.amount.value.isZero() && c.schedule.length === 0)).toBe(true);
    expect(r.nulAanbodText).toMatch(/nul-aanbod/);
    expect(r.nulAanbodText).toMatch(/finale kwijting/);
  });

  it('asks for the afloscapaciteit instead of guessing when the budget has none', () => {
    const r = propose([debt('1', 'A-bedrijf', '1000.00')], capacity(null));
    expect(r.status).toBe('ontbreekt');
    expect(r.missing.map((m) => m.figure)).toEqual(['afloscapaciteit']);
    expect(r.creditors).toEqual([]);
    expect(r.pot.value).toBeNull();
  });

  it('asks for the holiday-pay contribution when the budget does not give it', () => {
    const r = propose([debt('1', 'A-bedrijf', '1000.00')], capacity('100.00', null));
    expect(r.status).toBe('ontbreekt');
    expect(r.missing.map((m) => m.figure)).toEqual(['vakantiegeld']);
  });
});

describe('debts outside the regeling', () => {
  it('keeps CJIB and DUO out by default with the reason, and lets the professional override it', () => {
    const ds = [
      debt('1', 'CJIB', '400.00', 'concurrent', { creditorKind: 'cjib' }),
      debt('2', 'DUO', '5000.00', 'concurrent', { creditorKind: 'duo' }),
      debt('3', 'A-bedrijf', '1000.00'),
      debt('4', 'Oud', '0.00'),
    ];
    const r = propose(ds, capacity('10.00'));
    expect(r.creditors.map((c) => c.creditor)).toEqual(['A-bedrijf']);
    expect(r.excluded.map((e) => [e.creditor, e.reason.slice(0, 12)])).toEqual([
      ['CJIB', 'CJIB-boetes '],
      ['DUO', 'DUO-studiesc'],
      ['Oud', 'Er staat gee'],
    ]);
    // 10 × 18 = 180.00 all to A-bedrijf.
    expect(amounts(r)).toEqual({ 'A-bedrijf': '180.00' });

    const overridden = propose(
      [{ ...ds[0]!, inclusion: 'opnemen', inclusionReason: 'CJIB akkoord met deelname' }, ds[2]!],
      capacity('10.00'),
    );
    // 180 over 400 + 1000: p = 180/1400; CJIB 51.428... -> 51.43, A-bedrijf 128.571... -> 128.57; together 180.00.
    expect(amounts(overridden)).toEqual({ CJIB: '51.43', 'A-bedrijf': '128.57' });
  });

  it('leaves a creditor out in a what-if', () => {
    const r = propose([debt('1', 'A-bedrijf', '1000.00'), debt('2', 'B-bedrijf', '1000.00')], capacity('10.00'), { leaveOut: ['2'] });
    expect(amounts(r)).toEqual({ 'A-bedrijf': '180.00' });
    expect(r.excluded[0]!.reason).toMatch(/wat-als/);
  });
});

// Keep the ArrangementDebt type in use for readers of this file: toArrangementDebt gives ids to debts without one.
it('numbers debts without ids by position', () => {
  const d: ArrangementDebt = toArrangementDebt({ ...debt('x', 'A', '1.00'), id: undefined }, 4);
  expect(d.id).toBe('5');
});

describe('the saldi a proposal rests on', () => {
  it('warns about unchecked, out-of-date and disputed saldi without changing a figure', () => {
    const checked = debt('1', 'A-bedrijf', '1000.00', 'concurrent', { verification: 'gecontroleerd', recheckAfter: '2027-01-01' });
    const r = propose(
      [
        checked,
        debt('2', 'B-bedrijf', '1000.00', 'concurrent', { verification: 'ontvangen' }),
        debt('3', 'C-bedrijf', '1000.00', 'concurrent', { verification: 'gecontroleerd', recheckAfter: '2026-11-01' }),
        debt('4', 'D-bedrijf', '1000.00', 'concurrent', { verification: 'gecontroleerd', status: 'betwist' }),
      ],
      capacity('10.00'),
    );
    expect(r.warnings.map((w) => w.code)).toEqual(['SALDO_NIET_GECONTROLEERD', 'SALDO_VEROUDERD', 'BETWIST']);
    expect(r.warnings[0]!.message).toContain('B-bedrijf');
    expect(r.warnings[1]!.message).toContain('C-bedrijf');
    expect(r.warnings[2]!.message).toContain('D-bedrijf');
    // 180.00 over four equal claims: 45.00 each, warnings or not.
    expect(Object.values(amounts(r))).toEqual(['45.00', '45.00', '45.00', '45.00']);
    expect(propose([checked], capacity('10.00')).warnings).toEqual([]);
  });
});

describe('dates where the rules change (RULES.md d.1, d.4)', () => {
  // d.1: "Until 30 June 2023: 36 months. From 1 July 2023: 18 months for new minnelijke schuldregelingen"; d.1/d.4:
  // until mid-2024 a minimum monthly amount of about 64.00 ("even if the VTLB was higher than income"), since
  // 1 July 2024 no minimum (nul-aanbod allowed). The date is the start of the regeling.
  const claims = [debt('1', 'A-bedrijf', '10000.00'), debt('2', 'Belastingdienst', '2000.00', 'preferent')];

  it('a regeling starting on 30 June 2023 has 36 months as its standard term, one starting on 1 July 2023 18', () => {
    // 100.00 × 36 = 3600.00 and 100.00 × 18 = 1800.00; neither is a different term, so no warning.
    const before = propose(claims, capacity('100.00'), { startDate: '2023-06-30' });
    expect([before.months, before.pot.value!.toFixed(2)]).toEqual([36, '3600.00']);
    expect(before.warnings.map((w) => w.code)).not.toContain('AFWIJKENDE_LOOPTIJD');
    const from = propose(claims, capacity('100.00'), { startDate: '2023-07-01' });
    expect([from.months, from.pot.value!.toFixed(2)]).toEqual([18, '1800.00']);
    expect(from.warnings.map((w) => w.code)).not.toContain('AFWIJKENDE_LOOPTIJD');
    // 18 months for a regeling that started before 1 July 2023 is the different term.
    const short = propose(claims, capacity('100.00'), { startDate: '2023-06-01', months: 18, monthsReason: 'Afgesproken met de schuldeisers' });
    expect(short.warnings.map((w) => w.code)).toContain('AFWIJKENDE_LOOPTIJD');
  });

  it('asks at least 64.00 a month of a regeling starting before 1 July 2024, and allows a nul-aanbod from that day', () => {
    // Start 2024-06-01, afloscapaciteit 0: 64.00 × 18 = 1152.00; Dc 10000, Dp 2000, f 2: p = 1152 / 14000 = 8.228571..%,
    // A-bedrijf 10000 × 0.0822857 = 822.857 -> 822.86; Belastingdienst 2000 × 0.1645714 = 329.143 -> 329.14; sum 1152.00.
    const june = propose(claims, capacity('0'), { startDate: '2024-06-01' });
    expect(june.status).toBe('voorstel');
    expect(june.monthlyCapacity.value!.toFixed(2)).toBe('64.00');
    expect(june.pot.value!.toFixed(2)).toBe('1152.00');
    expect(amounts(june)).toEqual({ 'A-bedrijf': '822.86', Belastingdienst: '329.14' });
    expect(june.nulAanbodText).toBeNull();
    expect(june.warnings.map((w) => w.code)).toContain('MINIMALE_AFDRACHT');
    // 30.00 is below the minimum too; 70.00 is above it and stays (70 × 18 = 1260.00).
    expect(propose(claims, capacity('30.00'), { startDate: '2024-06-01' }).pot.value!.toFixed(2)).toBe('1152.00');
    expect(propose(claims, capacity('70.00'), { startDate: '2024-06-01' }).pot.value!.toFixed(2)).toBe('1260.00');
    // Start 2024-07-01: the VTLB is the floor, a nul-aanbod.
    const july = propose(claims, capacity('0'), { startDate: '2024-07-01' });
    expect(july.status).toBe('nul_aanbod');
    expect(july.pot.value!.toFixed(2)).toBe('0.00');
    // Both rules before 1 July 2023: 64.00 × 36 = 2304.00.
    expect(propose(claims, capacity('0'), { startDate: '2023-01-01' }).pot.value!.toFixed(2)).toBe('2304.00');
  });

  it('asks a reason for a term other than the standard one of the start date', () => {
    expect(arrangementParamsIn.safeParse({ months: 36, startDate: '2023-03-01' }).success).toBe(true);
    expect(arrangementParamsIn.safeParse({ months: 18, startDate: '2023-03-01' }).success).toBe(false);
    expect(arrangementParamsIn.safeParse({ months: 36, startDate: '2027-01-01' }).success).toBe(false);
    expect(arrangementParamsIn.safeParse({ months: 36 }).success).toBe(false);
    expect(arrangementParamsIn.safeParse({ months: 18 }).success).toBe(true);
  });
});
