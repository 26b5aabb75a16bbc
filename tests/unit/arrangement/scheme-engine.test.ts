// The zorgpremie scheme for one family (RULES.md e.5) and the dashboard aggregate, against hand computations;
// the bundled example schemes are valid data.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateScheme, computeSchemeFamily, schemeSchema, type ArrangementCapacity, type Scheme, type TermCheck } from '../../../src/shared/arrangement';
import { figure } from '../../../src/shared/budget/explain';
import type { Debt } from '../../../src/shared/dossier/schema';
import { Money } from '../../../src/shared/money';
import { householdData, RESOURCES } from '../../support/budget';

const SCHEME: Scheme = schemeSchema.parse({
  format: 'houvast.scheme',
  version: 1,
  id: 'test',
  name: 'Test',
  creditor: { name: 'Zorgverzekeraar Zuid', matchNames: ['zorgverzekeraar zuid'] },
  gemeente: 'Zwolle',
  route: 'bewind',
  maxMonths: 36,
  minMonthly: '35.00',
  maxMonthly: '60.00',
  conditions: { currentPremiumPaid: true, noNewArrears: true, other: [] },
  forgiveRemainder: true,
  validFrom: '2026-01-01',
  source: [],
  notes: [],
});

const cap = (monthly: string | null): ArrangementCapacity => ({
  monthly: figure('Afloscapaciteit', monthly === null ? null : new Money(monthly), 't'),
  vtlb: figure('VTLB', new Money(1000), 't'),
  holidayPayPerYear: figure('V', new Money(0), 't'),
  referenceDate: '2026-11-23',
  source: 't',
});

function family(arrears: string, monthly: string | null, scheme: Scheme = SCHEME, extra: Partial<Debt> = {}) {
  const d = householdData({
    adults: [{ role: 'aanvrager', firstName: 'A', lastName: 'B', birthDate: '1990-01-01' }],
    expenses: [{ description: 'Premie', category: 'zorgverzekering', amount: '150.00', frequency: 'maand' }],
    debts: [
      { creditor: 'Zorgverzekeraar Zuid', originalAmount: arrears, currentAmount: arrears, kind: 'concurrent', status: 'open', creditorKind: 'zorgverzekeraar', verification: 'gecontroleerd', ...extra },
      { creditor: 'Energie', originalAmount: '500.00', currentAmount: '500.00', kind: 'concurrent', status: 'open' },
    ],
  });
  return computeSchemeFamily({ scheme, dossier: { ...d, id: 'x', number: '2026-0001' }, capacity: cap(monthly), participation: null });
}

describe('one family', () => {
  it('pays the arrears within the term when the afloscapaciteit allows', () => {
    // 1440.00 / 36 = 40.00 ≤ afloscapaciteit 80.00 and ≤ max 60.00: 40.00 × 36 = 1440.00, nothing forgiven.
    const f = family('1440.00', '80.00');
    expect([f.arrears.value.toFixed(2), f.monthly.value!.toFixed(2), f.months, f.forgiven.value!.toFixed(2)]).toEqual(['1440.00', '40.00', 36, '0.00']);
    expect(f.warnings).toEqual([]);
  });

  it('caps at the scheme maximum and forgives the rest', () => {
    // 3000 / 36 = 83.34 (rounded up); min(100.00, 83.34, max 60.00) = 60.00; 60 × 36 = 2160.00 paid, 840.00 forgiven.
    const f = family('3000.00', '100.00');
    expect([f.monthly.value!.toFixed(2), f.months, f.paid.value!.toFixed(2), f.forgiven.value!.toFixed(2)]).toEqual(['60.00', 36, '2160.00', '840.00']);
    expect(f.summary).toContain('scheldt Zorgverzekeraar Zuid € 840,00 kwijt');
  });

  it('pays small arrears at the minimum, sooner', () => {
    // 300 / 36 = 8.34 < minimum 35.00, afloscapaciteit 50.00 allows 35.00: ceil(300 / 35) = 9 months, 35 × 9 = 315 ≥ 300.
    const f = family('300.00', '50.00');
    expect([f.monthly.value!.toFixed(2), f.months, f.paid.value!.toFixed(2), f.forgiven.value!.toFixed(2)]).toEqual(['35.00', 9, '300.00', '0.00']);
  });

  it('is not feasible below the minimum, and asks for a missing afloscapaciteit', () => {
    const low = family('1000.00', '20.00');
    expect(low.feasible).toBe(false);
    expect(low.warnings.join(' ')).toContain('lager dan het minimum');
    const missing = family('1000.00', null);
    expect(missing.missing.map((m) => m.figure)).toEqual(['afloscapaciteit']);
    expect(missing.monthly.value).toBeNull();
  });

  it('keeps the restschuld when the scheme forgives nothing, and says so', () => {
    const f = family('3000.00', '100.00', { ...SCHEME, forgiveRemainder: false });
    expect(f.forgiven.value!.toFixed(2)).toBe('0.00');
    expect(f.warnings.join(' ')).toContain('€ 840,00');
  });

  it('shows what stays owed after the term as arrears − paid, forgiven or not (the figures add up)', () => {
    // 3000.00 − 60.00 × 36 (2160.00) = 840.00 owed after the term: forgiven by a forgiving scheme, kept otherwise.
    const forgiving = family('3000.00', '100.00');
    expect([forgiving.paid.value!.toFixed(2), forgiving.remainder.value!.toFixed(2), forgiving.forgiven.value!.toFixed(2)]).toEqual(['2160.00', '840.00', '840.00']);
    const keeping = family('3000.00', '100.00', { ...SCHEME, forgiveRemainder: false });
    expect([keeping.paid.value!.toFixed(2), keeping.remainder.value!.toFixed(2), keeping.forgiven.value!.toFixed(2)]).toEqual(['2160.00', '840.00', '0.00']);
    // Without afloscapaciteit nothing is paid yet known: no remainder either.
    expect(family('3000.00', null).remainder.value).toBeNull();
  });

  it('marks the family "voldoet niet" when the scheme does not apply on the reference date (tracked, not only warned)', () => {
    const f = family('1440.00', '80.00', { ...SCHEME, validUntil: '2026-06-30' });
    expect(f.warnings).toEqual([]);
    expect(f.eligibility.meets).toBe(false);
    expect(f.eligibility.reasons).toContain('De regeling geldt niet op de peildatum (23-11-2026).');
  });

  it('shows the CAK stage and the exit route', () => {
    const f = family('1440.00', '80.00', SCHEME, { premiumArrears: { months: 7, reportedToCak: false } });
    expect(f.premiumStage?.stage).toBe('melding');
    expect(f.summary).toMatch(/uitstroomroute \(art\. 18d lid 2 onder c Zvw\)/);
  });
});

describe('a family taken in with a reason', () => {
  function withParticipation(arrears: string, monthly: string, participation: Parameters<typeof computeSchemeFamily>[0]['participation']) {
    const d = householdData({
      adults: [{ role: 'aanvrager', firstName: 'A', lastName: 'B', birthDate: '1990-01-01' }],
      typeOfHelp: 'beschermingsbewind',
      expenses: [{ description: 'Premie', category: 'zorgverzekering', amount: '150.00', frequency: 'maand' }],
      debts: [{ creditor: 'Zorgverzekeraar Zuid', originalAmount: arrears, currentAmount: arrears, kind: 'concurrent', status: 'open', creditorKind: 'zorgverzekeraar', verification: 'gecontroleerd' }],
    });
    return computeSchemeFamily({ scheme: SCHEME, dossier: { ...d, id: 'x', number: '2026-0001' }, capacity: cap(monthly), participation });
  }
  const reason = { reason: 'Bewindvoerder betaalt het richtbedrag uit het budget', reasonsNotMet: ['x'], at: 1 };

  it('pays the agreed amount when the afloscapaciteit is below the minimum: 1.243,80 at 35,00 -> 36 months, nothing forgiven', () => {
    // 1243.80 / 35 = 35.54 -> 36 months (the maximum); 36 × 35 = 1260 >= 1243.80: all paid, 0 forgiven.
    const f = withParticipation('1243.80', '0.00', { status: 'lopend', agreedMonthly: new Money('35.00'), startDate: '2026-07-01', override: reason });
    expect(f.eligibility.meets).toBe(false);
    expect(f.override).toEqual(reason);
    expect([f.feasible, f.monthly.value!.toFixed(2), f.months, f.paid.value!.toFixed(2), f.forgiven.value!.toFixed(2)]).toEqual([true, '35.00', 36, '1243.80', '0.00']);
    expect(f.monthly.explanation.rule).toContain(reason.reason);
    expect(f.warnings.join(' ')).not.toMatch(/lager dan het minimum/);
  });

  it('forgives what the agreed amount leaves after the term: 2.000,00 at 35,00 -> 36 months, 1.260,00 paid, 740,00 forgiven', () => {
    const f = withParticipation('2000.00', '0.00', { status: 'akkoord', agreedMonthly: new Money('35.00'), startDate: null, override: reason });
    expect([f.months, f.paid.value!.toFixed(2), f.forgiven.value!.toFixed(2)]).toEqual([36, '1260.00', '740.00']);
  });

  it('without a reason, or once stopped, the computed figures stand', () => {
    const none = withParticipation('1243.80', '0.00', { status: 'lopend', agreedMonthly: new Money('35.00'), startDate: '2026-07-01' });
    expect([none.feasible, none.override]).toEqual([false, null]);
    const stopped = withParticipation('1243.80', '0.00', { status: 'gestopt', agreedMonthly: new Money('35.00'), startDate: '2026-07-01', override: reason });
    expect(stopped.feasible).toBe(false);
  });
});

describe('dashboard', () => {
  it('adds up families, arrears, monthly amounts and forgiveness, and counts per status', () => {
    const a = family('1440.00', '80.00');
    const b = family('3000.00', '100.00');
    const c = { ...family('1000.00', '20.00'), status: 'gestopt' as const };
    const d = aggregateScheme('test', '2026-11-23', [a, b, c]);
    // arrears 1440 + 3000 + 1000 = 5440; monthly 40 + 60 (stopped not counted) = 100; forgiven 0 + 840 = 840.
    expect([d.families, d.arrears.toFixed(2), d.monthly.toFixed(2), d.expectedForgiveness.toFixed(2)]).toEqual([3, '5440.00', '100.00', '840.00']);
    expect(d.byStatus).toMatchObject({ kandidaat: 2, gestopt: 1, lopend: 0 });
  });

  it('counts participating families per state of their conditions and names the breached ones', () => {
    const a = { ...family('1440.00', '80.00'), dossierId: 'a', status: 'lopend' as const };
    const b = { ...family('3000.00', '100.00'), dossierId: 'b', displayName: 'C, D', status: 'lopend' as const };
    const c = family('1000.00', '20.00'); // a candidate: no term check
    // Only the state and the reasons count for the dashboard.
    const term = (state: 'in_orde' | 'geschonden', reasons: string[]) => ({ state, reasons }) as unknown as TermCheck;
    const terms = new Map([
      ['a', term('in_orde', ['Alle 2 maanden sinds de start zijn volledig betaald.'])],
      ['b', term('geschonden', ['Geen betaling vastgelegd voor oktober 2026 (afgesproken € 40,00).'])],
      ['x', term('geschonden', ['not counted: a candidate'])],
    ]);
    const d = aggregateScheme('test', '2026-11-23', [a, b, c], terms);
    expect(d.byTermState).toEqual({ niet_gestart: 0, in_orde: 1, geschonden: 1, beeindigd: 0 });
    expect(d.breached).toEqual([{ dossierId: 'b', dossierNumber: '2026-0001', displayName: 'C, D', status: 'lopend', reasons: ['Geen betaling vastgelegd voor oktober 2026 (afgesproken € 40,00).'] }]);
  });
});

describe('bundled schemes', () => {
  it('are valid scheme data', () => {
    const dir = path.join(RESOURCES, 'schemes');
    const files = readdirSync(dir).filter((n) => n.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) expect(schemeSchema.safeParse(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))).success, f).toBe(true);
  });
});
