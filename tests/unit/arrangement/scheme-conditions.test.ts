// Zorgpremie scheme conditions tracked per family (RULES.md e.3, e.5), with figures derived by hand:
// at selection a family that does not meet them is "voldoet niet" with the reason; during the term a missed
// or short month, or new arrears at the creditor, is "voorwaarde geschonden" with what happens next.
import { describe, expect, it } from 'vitest';
import {
  computeSchemeFamily,
  schemeSchema,
  schemeTermCheck,
  type ArrangementCapacity,
  type Scheme,
  type TermCheckInput,
} from '../../../src/shared/arrangement';
import { figure } from '../../../src/shared/budget/explain';
import type { Debt, DossierDataInput } from '../../../src/shared/dossier/schema';
import { Money } from '../../../src/shared/money';
import { householdData } from '../../support/budget';

const BEWIND: Scheme = schemeSchema.parse({
  format: 'houvast.scheme',
  version: 1,
  id: 'bewind',
  name: 'Bewind',
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
const BIJSTAND: Scheme = { ...BEWIND, id: 'bijstand', route: 'bijstand', minMonthly: '10.00', maxMonthly: '75.00' };
const PEILDATUM = '2026-11-23';

const cap = (monthly: string | null): ArrangementCapacity => ({
  monthly: figure('Afloscapaciteit', monthly === null ? null : new Money(monthly), 't'),
  vtlb: figure('VTLB', new Money(1000), 't'),
  holidayPayPerYear: figure('V', new Money(0), 't'),
  referenceDate: PEILDATUM,
  source: 't',
});

const PREMIE = { description: 'Premie', category: 'zorgverzekering' as const, amount: '150.00', frequency: 'maand' as const };
function family(arrears: string, monthly: string | null, scheme: Scheme, over: Partial<DossierDataInput> = {}) {
  const d = householdData({
    typeOfHelp: 'beschermingsbewind',
    adults: [{ role: 'aanvrager', firstName: 'A', lastName: 'B', birthDate: '1990-01-01' }],
    expenses: [PREMIE],
    debts: [{ creditor: 'Zorgverzekeraar Zuid', originalAmount: arrears, currentAmount: arrears, kind: 'concurrent', status: 'open', creditorKind: 'zorgverzekeraar', verification: 'gecontroleerd' }],
    ...over,
  });
  return computeSchemeFamily({ scheme, dossier: { ...d, id: 'x', number: '2026-0001' }, capacity: cap(monthly), participation: null });
}
const bijstandSince = (startDate: string) => [{ description: 'Bijstand', category: 'uitkering_participatiewet' as const, amount: '1100.00', frequency: 'maand' as const, personRole: 'aanvrager' as const, startDate }];

describe('at selection: voldoet niet, with the reason', () => {
  it('meets the bewind scheme: under bewind, premium budgeted, afloscapaciteit above the minimum', () => {
    // 1440.00 / 36 = 40.00 per month, between minimum 35.00 and maximum 60.00, within afloscapaciteit 80.00.
    expect(family('1440.00', '80.00', BEWIND).eligibility).toEqual({ meets: true, reasons: [] });
  });

  it('does not meet it below the minimum per month', () => {
    // Afloscapaciteit 20.00 < minimum 35.00.
    expect(family('1000.00', '20.00', BEWIND).eligibility).toEqual({
      meets: false,
      reasons: ['De afloscapaciteit (€ 20,00) is lager dan het minimum van de regeling (€ 35,00 per maand).'],
    });
  });

  it('without any afloscapaciteit and a minimum of 0 says that nothing can be paid (not "lower than € 0,00")', () => {
    const noMinimum: Scheme = { ...BEWIND, id: 'geen-minimum', minMonthly: '0.00' };
    expect(family('1000.00', '0.00', noMinimum).eligibility).toEqual({
      meets: false,
      reasons: ['Er is geen afloscapaciteit (€ 0,00 per maand): er kan niets worden betaald.'],
    });
  });

  it('asks for the afloscapaciteit rather than guessing', () => {
    expect(family('1000.00', null, BEWIND).eligibility.reasons).toEqual(['Niet te beoordelen: de afloscapaciteit ontbreekt. Vul de budgetgegevens aan.']);
  });

  it('needs the current premium in the budget and, on the bewind route, a beschermingsbewind', () => {
    const f = family('1440.00', '80.00', BEWIND, { typeOfHelp: 'schuldhulpverlening', expenses: [] });
    expect(f.eligibility.meets).toBe(false);
    expect(f.eligibility.reasons).toEqual([
      'Voorwaarde lopende premie: er staat geen zorgverzekeringspremie in de uitgaven, dus de lopende premie is niet naast de aflossing begroot.',
      'Route bewind: dit dossier is geen beschermingsbewind.',
    ]);
  });

  it('bijstand route: bijstand longer than a year, or a premium debt under € 600 (RULES.md e.3)', () => {
    // Bijstand since 1 March 2026 is less than a year before 23 November 2026.
    const recent = { typeOfHelp: 'schuldhulpverlening' as const, incomes: bijstandSince('2026-03-01') };
    expect(family('700.00', '80.00', BIJSTAND, recent).eligibility.reasons).toEqual([
      'Route bijstand: alleen bij bijstand langer dan 1 jaar of een premieschuld onder € 600,00; de bijstand in het dossier begon niet (aantoonbaar) meer dan een jaar voor de peildatum en de achterstand is € 700,00.',
    ]);
    // € 599,99 is under € 600: open without the year. € 600,00 is not under it.
    expect(family('599.99', '80.00', BIJSTAND, recent).eligibility.meets).toBe(true);
    expect(family('600.00', '80.00', BIJSTAND, recent).eligibility.meets).toBe(false);
    // Since 23 November 2025: exactly a year before the peildatum counts as a year.
    expect(family('700.00', '80.00', BIJSTAND, { incomes: bijstandSince('2025-11-23') }).eligibility.meets).toBe(true);
    expect(family('700.00', '80.00', BIJSTAND, { incomes: [] }).eligibility.reasons).toEqual([
      'Route bijstand: het dossier heeft op de peildatum geen bijstandsuitkering (Participatiewet).',
    ]);
  });

  it('term limit: without kwijtschelding the arrears must be paid within the term', () => {
    // 3000.00 / 36 = 83.34 > maximum 60.00: 60.00 x 36 = 2160.00 paid, 840.00 left, and nothing is forgiven.
    const f = family('3000.00', '100.00', { ...BEWIND, forgiveRemainder: false });
    expect(f.eligibility.reasons).toEqual([
      'Binnen de looptijd van hoogstens 36 maanden is de achterstand niet af te lossen (er blijft € 840,00 over) en deze regeling scheldt niets kwijt.',
    ]);
    // With kwijtschelding the same family meets the scheme (840.00 is forgiven after compliance).
    expect(family('3000.00', '100.00', BEWIND).eligibility.meets).toBe(true);
  });

  it('not on a date the scheme does not apply', () => {
    expect(family('1440.00', '80.00', { ...BEWIND, validUntil: '2026-06-30' }).eligibility.reasons).toEqual(['De regeling geldt niet op de peildatum (23-11-2026).']);
  });
});

// ------------------------------------------------------------------------------------------------- the term

const ZUID: Debt = { id: 'z1', creditor: 'Zorgverzekeraar Zuid', originalAmount: '1440.00', currentAmount: '1440.00', kind: 'concurrent', status: 'open', creditorKind: 'zorgverzekeraar', since: '2025-05-01' };
const pay = (month: string, amount: string, debtId = 'z1') => ({ debtId, month, amount: new Money(amount) });
function term(over: Partial<TermCheckInput> = {}) {
  return schemeTermCheck({
    scheme: BEWIND,
    // Started 1 August 2026 at 40.00 a month; on 23 November 2026 August, September and October are over.
    participation: { status: 'lopend', agreedMonthly: new Money('40.00'), startDate: '2026-08-01' },
    debts: [{ id: 'z1', debt: ZUID }],
    payments: [pay('2026-08', '40.00'), pay('2026-09', '40.00'), pay('2026-10', '40.00')],
    premiumStage: null,
    hasPremiumExpense: true,
    referenceDate: PEILDATUM,
    ...over,
  });
}

describe('during the term: voorwaarde geschonden, with what happens next', () => {
  it('is in order when every month that is over was paid in full (two payments in a month add up)', () => {
    const t = term({ payments: [pay('2026-08', '40.00'), pay('2026-09', '15.00'), pay('2026-09', '25.00'), pay('2026-10', '40.00'), pay('2026-11', '40.00')] });
    expect(t.state).toBe('in_orde');
    expect(t.months.map((m) => [m.month, m.paid.toFixed(2), m.missed])).toEqual([
      ['2026-08', '40.00', false],
      ['2026-09', '40.00', false],
      ['2026-10', '40.00', false],
    ]);
    expect(t.reasons).toEqual(['Alle 3 maanden sinds de start zijn volledig betaald.']);
    expect(t.next).toEqual([]);
  });

  it('flags a missed month and a short month, naming them, and says what happens next (law default)', () => {
    const t = term({ payments: [pay('2026-08', '40.00'), pay('2026-10', '25.00')] });
    expect(t.state).toBe('geschonden');
    expect(t.stateLabel).toBe('Voorwaarde geschonden');
    expect(t.missedMonths).toEqual(['2026-09', '2026-10']);
    expect(t.reasons).toEqual([
      'Geen betaling vastgelegd voor september 2026 (afgesproken € 40,00).',
      'In oktober 2026 is € 25,00 betaald van de afgesproken € 40,00.',
    ]);
    expect(t.next).toEqual([
      'Zorgverzekeraar Zuid mag de regeling beëindigen; de kwijtschelding van de restschuld geldt alleen als de voorwaarden zijn nagekomen.',
      'Loopt de premieachterstand op tot 6 maandpremies, dan meldt Zorgverzekeraar Zuid het gezin bij het CAK en volgt de bestuursrechtelijke premie (art. 18c en 18d Zvw).',
      'Route bewind: betaal de gemiste termijn(en) en de lopende premie zo snel mogelijk en meld dit aan de zorgverzekeraar, voordat die de regeling beëindigt.',
    ]);
  });

  it('does not count a payment to another creditor', () => {
    const t = term({ payments: [pay('2026-08', '40.00'), pay('2026-09', '40.00'), pay('2026-10', '40.00', 'energie')] });
    expect(t.missedMonths).toEqual(['2026-10']);
  });

  it('flags new arrears at the creditor (a debt there since the start)', () => {
    const nieuw: Debt = { ...ZUID, id: 'z2', originalAmount: '120.00', currentAmount: '120.00', since: '2026-10-05' };
    const t = term({ debts: [{ id: 'z1', debt: ZUID }, { id: 'z2', debt: nieuw }] });
    expect(t.state).toBe('geschonden');
    expect(t.reasons).toEqual(['Nieuwe achterstand bij Zorgverzekeraar Zuid sinds 05-10-2026: € 120,00.']);
    // Without that condition in the scheme, the same facts are no breach.
    const lenient = term({ scheme: { ...BEWIND, conditions: { ...BEWIND.conditions, noNewArrears: false } }, debts: [{ id: 'z1', debt: ZUID }, { id: 'z2', debt: nieuw }] });
    expect(lenient.state).toBe('in_orde');
  });

  it('after a CAK melding: dropping out restarts the bestuursrechtelijke premie (art. 18d lid 4 Zvw); the scheme\'s own text wins', () => {
    const cak = { stage: 'cak' as const, label: 'Bij het CAK', next: '', exits: [] };
    const t = term({ payments: [], premiumStage: cak as never });
    expect(t.next[1]).toBe('Valt het gezin uit de regeling, dan begint de bestuursrechtelijke premie via het CAK opnieuw (art. 18d lid 4 Zvw).');
    const own = term({ payments: [], scheme: { ...BEWIND, onBreach: ['Na twee gemiste maanden stopt de regeling.'] } });
    expect(own.next).toEqual(['Na twee gemiste maanden stopt de regeling.']);
  });

  it('bijstand route: the next step is the gemeente\'s inhouding', () => {
    expect(term({ scheme: BIJSTAND, payments: [] }).next[2]).toBe(
      'Route bijstand: de gemeente houdt premie en aflossing in op de uitkering; vraag de gemeente waarom de inhouding niet is doorgekomen en meld de oplossing aan de zorgverzekeraar.',
    );
  });

  it('counts no month before the start, none not yet over, and none after the term or after the arrears are paid off', () => {
    expect(term({ participation: { status: 'lopend', agreedMonthly: new Money('40.00'), startDate: '2026-11-10' }, payments: [] })).toMatchObject({ state: 'in_orde', months: [] });
    expect(term({ participation: { status: 'akkoord', agreedMonthly: new Money('40.00'), startDate: '2026-12-01' } }).state).toBe('niet_gestart');
    // A 3-month scheme started in January 2026: January-March are due, nothing after.
    const short = term({ scheme: { ...BEWIND, maxMonths: 3 }, participation: { status: 'lopend', agreedMonthly: new Money('40.00'), startDate: '2026-01-15' }, payments: [pay('2026-01', '40.00'), pay('2026-02', '40.00'), pay('2026-03', '40.00')] });
    expect(short.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(short.state).toBe('in_orde');
    // Paid off in September (debt marked betaald): October is not due.
    const off = term({ debts: [{ id: 'z1', debt: { ...ZUID, status: 'betaald', currentAmount: '0.00' } }], payments: [pay('2026-08', '40.00'), pay('2026-09', '40.00')] });
    expect(off.months.map((m) => m.month)).toEqual(['2026-08', '2026-09']);
    expect(off.reasons).toEqual(['De achterstand is afgelost.']);
  });

  it('is not started without a start date and amount, and not checked once ended', () => {
    expect(term({ participation: { status: 'lopend', agreedMonthly: null, startDate: null } }).state).toBe('niet_gestart');
    expect(term({ participation: { status: 'voorgesteld', agreedMonthly: new Money('40.00'), startDate: '2026-08-01' } }).state).toBe('niet_gestart');
    expect(term({ participation: { status: 'gestopt', agreedMonthly: new Money('40.00'), startDate: '2026-08-01' }, payments: [] }).state).toBe('beeindigd');
  });

  it('warns when the current premium is not in the budget', () => {
    expect(term({ hasPremiumExpense: false }).warnings).toEqual([
      'De lopende premie moet tijdens de regeling betaald worden; er staat geen zorgverzekeringspremie in de uitgaven van dit dossier.',
    ]);
  });
});
