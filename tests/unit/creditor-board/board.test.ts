// The creditor board state machine (issue 8 §4). Expected dates and figures are counted by hand on the
// calendar (2026 is not a leap year) and from the claims in the fixture.
import { describe, expect, it } from 'vitest';
import { computeBoard, type BoardDebt, type BoardEvent, type BoardStep } from '../../../src/shared/creditor-board/board';
import { computeProgress } from '../../../src/shared/creditor-board/payments';

const DEBTS: BoardDebt[] = [
  { id: 'a', creditor: 'Woonstad Rotterdam', kind: 'concurrent', currentAmount: '1000.00' },
  { id: 'b', creditor: 'Belastingdienst', kind: 'preferent', currentAmount: '500.00' },
  { id: 'c', creditor: 'Zilveren Kruis', kind: 'concurrent', currentAmount: '1500.00' },
];
const SETTINGS = { deadlineDays: 120, replyDays: 30, startDate: null };

let seq = 0;
function ev(debtId: string, step: BoardStep, date: string, amount: string | null = null): BoardEvent {
  seq += 1;
  return { id: `e${seq}`, debtId, step, date, note: null, amount, createdAt: seq };
}
const requested = () => DEBTS.map((d) => ev(d.id, 'saldoverzoek', '2026-01-05'));

describe('creditor board', () => {
  it('has not started before the first step', () => {
    const b = computeBoard({ debts: DEBTS, events: [], settings: SETTINGS, today: '2026-01-01' });
    expect(b.regeling).toBe('niet_gestart');
    expect(b.clock).toBeNull();
    expect(b.creditors.map((c) => c.state)).toEqual(['niet_benaderd', 'niet_benaderd', 'niet_benaderd']);
    expect(b.counts.niet_benaderd).toBe(3);
  });

  it('runs the 120-day clock from the first step: 5 January + 120 days = 5 May 2026', () => {
    // 5 Jan -> 10 Feb: 26 days left in January + 10 = 36; 120 - 36 = 84 left.
    const b = computeBoard({ debts: DEBTS, events: requested(), settings: SETTINGS, today: '2026-02-03' });
    expect(b.regeling).toBe('lopend');
    expect(b.clock).toMatchObject({ startDate: '2026-01-05', deadline: '2026-05-05', daysElapsed: 29, daysLeft: 91, expired: false });
    expect(b.clock!.text).toBe('Dag 29 van 120: nog 91 dagen (uiterlijk 05-05-2026).');
    const later = computeBoard({ debts: DEBTS, events: requested(), settings: SETTINGS, today: '2026-02-10' });
    expect(later.clock).toMatchObject({ daysElapsed: 36, daysLeft: 84 });
  });

  it('uses a configured deadline and start date', () => {
    const b = computeBoard({ debts: DEBTS, events: requested(), settings: { deadlineDays: 90, replyDays: 30, startDate: '2026-01-01' }, today: '2026-02-01' });
    // 1 Jan + 90 days: 31 (Jan) + 28 (Feb) + 31 (Mar) = 90 -> 1 April.
    expect(b.clock).toMatchObject({ startDate: '2026-01-01', deadline: '2026-04-01', daysElapsed: 31, daysLeft: 59 });
  });

  it('reminds when a reply is overdue (fake clock), not before', () => {
    // Saldoverzoek 5 Jan + 30 days = 4 Feb.
    const onTime = computeBoard({ debts: DEBTS, events: requested(), settings: SETTINGS, today: '2026-02-04' });
    expect(onTime.creditors[0]).toMatchObject({ state: 'wacht_op_saldo', replyDue: '2026-02-04', daysOverdue: 0, reminder: null });
    expect(onTime.reminders).toEqual([]);
    const late = computeBoard({ debts: DEBTS, events: requested(), settings: SETTINGS, today: '2026-02-10' });
    expect(late.creditors[0]!.daysOverdue).toBe(6);
    expect(late.reminders).toHaveLength(3);
    expect(late.reminders[0]).toBe(
      'Herinnering: Woonstad Rotterdam heeft niet gereageerd op het saldoverzoek van 05-01-2026; een reactie werd uiterlijk 04-02-2026 verwacht (6 dagen te laat).',
    );
  });

  it('takes the claim from the balance the creditor stated', () => {
    const events = [...requested(), ev('b', 'saldo_ontvangen', '2026-01-20', '520.00')];
    const b = computeBoard({ debts: DEBTS, events, settings: SETTINGS, today: '2026-02-10' });
    expect(b.creditors[1]).toMatchObject({ state: 'saldo_ontvangen', claimSource: 'saldo_schuldeiser', replyDue: null, reminder: null });
    expect(b.creditors[1]!.claim.toFixed(2)).toBe('520.00');
    expect(b.creditors[0]!.claim.toFixed(2)).toBe('1000.00');
    expect(b.reminders).toHaveLength(2);
  });

  it('is in force when every creditor agreed; the clock stops at the last akkoord', () => {
    const events = [
      ...requested(),
      ...DEBTS.map((d) => ev(d.id, 'voorstel_verstuurd', '2026-02-01')),
      ev('a', 'akkoord', '2026-03-01'),
      ev('c', 'akkoord', '2026-03-05'),
    ];
    const partial = computeBoard({ debts: DEBTS, events, settings: SETTINGS, today: '2026-03-06' });
    expect(partial.regeling).toBe('lopend');
    expect(partial.inForceSince).toBeNull();
    // b waits for a reply on the voorstel of 1 Feb: due 3 March, 3 days late on 6 March.
    expect(partial.creditors[1]).toMatchObject({ state: 'wacht_op_reactie', replyDue: '2026-03-03', daysOverdue: 3 });
    const all = computeBoard({ debts: DEBTS, events: [...events, ev('b', 'akkoord', '2026-03-10')], settings: SETTINGS, today: '2026-06-01' });
    expect(all.regeling).toBe('van_kracht');
    expect(all.inForceSince).toBe('2026-03-10');
    // 5 Jan -> 10 Mar: 26 + 28 + 10 = 64 days; the deadline has not "expired" once in force.
    expect(all.clock).toMatchObject({ daysElapsed: 64, expired: false });
    expect(all.clock!.text).toBe('Regeling bereikt op dag 64 van 120 (gestart 05-01-2026).');
    expect(all.reminders).toEqual([]);
    expect(all.dwangakkoord).toBeNull();
  });

  it('shows the options and the dwangakkoord figures when a creditor refuses', () => {
    const events = [
      ...requested(),
      ev('b', 'saldo_ontvangen', '2026-01-20', '520.00'),
      ...DEBTS.map((d) => ev(d.id, 'voorstel_verstuurd', '2026-02-01')),
      ev('a', 'akkoord', '2026-02-20'),
      ev('b', 'akkoord', '2026-02-21'),
      ev('c', 'afwijzing', '2026-02-22'),
    ];
    const b = computeBoard({ debts: DEBTS, events, settings: SETTINGS, today: '2026-02-25', offers: { a: '300.00', b: '312.00', c: '450.00' } });
    expect(b.regeling).toBe('weigering');
    const d = b.dwangakkoord!;
    // Claims 1000 + 520 (stated saldo) + 1500 = 3020; agreed 1520 = 50.331..% -> 50,33 %; refused 1500 = 49.668..% -> 49,67 %.
    expect(d.totalClaims.toFixed(2)).toBe('3020.00');
    expect(d.agreedClaims.toFixed(2)).toBe('1520.00');
    expect(d.agreedSharePct.toFixed(2)).toBe('50.33');
    expect(d.refusingClaims.toFixed(2)).toBe('1500.00');
    expect(d.refusingSharePct.toFixed(2)).toBe('49.67');
    expect([d.creditorsTotal, d.agreedCount, d.refusingCount, d.pendingCount]).toEqual([3, 2, 1, 0]);
    expect(d.refusing).toHaveLength(1);
    expect(d.refusing[0]!.creditor).toBe('Zilveren Kruis');
    expect(d.refusing[0]!.offered!.toFixed(2)).toBe('450.00');
    expect(b.options.join(' ')).toContain('art. 287a Faillissementswet');
    expect(b.options.join(' ')).toContain('Heroverweging');
  });

  it('treats "geen reactie" as a refusal and a heroverweging as waiting again', () => {
    const events = [...requested(), ev('c', 'geen_reactie', '2026-02-10')];
    const refused = computeBoard({ debts: DEBTS, events, settings: SETTINGS, today: '2026-02-11' });
    expect(refused.regeling).toBe('weigering');
    expect(refused.dwangakkoord!.refusing[0]!.state).toBe('geen_reactie');
    expect(refused.dwangakkoord!.pendingCount).toBe(2);
    const again = computeBoard({ debts: DEBTS, events: [...events, ev('c', 'heroverweging', '2026-02-11')], settings: SETTINGS, today: '2026-02-11' });
    expect(again.regeling).toBe('lopend');
    expect(again.creditors[2]).toMatchObject({ state: 'wacht_op_reactie', replyDue: '2026-03-13' });
  });

  it('orders steps on the same date by entry and warns when the deadline passed', () => {
    const events = [ev('a', 'akkoord', '2026-01-05'), ev('a', 'afwijzing', '2026-01-05')];
    const b = computeBoard({ debts: DEBTS.slice(0, 1), events: events.reverse(), settings: SETTINGS, today: '2026-05-10' });
    expect(b.creditors[0]!.state).toBe('afwijzing');
    expect(b.clock).toMatchObject({ daysLeft: -5, expired: true });
    expect(b.reminders[0]).toBe('De termijn van 120 dagen voor het bereiken van een regeling is op 05-05-2026 verstreken.');
  });
});

describe('payment progress', () => {
  it('adds up per creditor and for the regeling', () => {
    const targets = [
      { debtId: 'a', creditor: 'A', target: '300.00' },
      { debtId: 'b', creditor: 'B', target: '150.00' },
    ];
    const pay = (debtId: string, month: string, amount: string, i: number) => ({ id: `p${i}`, debtId, month, amount, paidOn: `${month}-28`, note: null, createdAt: i });
    const p = computeProgress(targets, [pay('a', '2026-04', '16.67', 1), pay('a', '2026-05', '16.67', 2), pay('b', '2026-04', '8.33', 3)]);
    // a: 33.34 of 300 = 11.11..% -> 11,1 %; b: 8.33 of 150 = 5.553..% -> 5,6 %; total 41.67 of 450 = 9.26% -> 9,3 %.
    expect(p.creditors.map((c) => [c.paid.toFixed(2), c.remaining.toFixed(2), c.percent.toFixed(1), c.months])).toEqual([
      ['33.34', '266.66', '11.1', 2],
      ['8.33', '141.67', '5.6', 1],
    ]);
    expect([p.paid.toFixed(2), p.remaining.toFixed(2), p.target.toFixed(2), p.percent.toFixed(1)]).toEqual(['41.67', '408.33', '450.00', '9.3']);
    expect(p.perMonth.map((m) => [m.month, m.paid.toFixed(2)])).toEqual([
      ['2026-04', '25.00'],
      ['2026-05', '16.67'],
    ]);
  });
});

describe('recalculation in schuldbemiddeling when the income changes', () => {
  it('keeps what was paid and shares the new afloscapaciteit over the remaining months in the proposal\'s proportions', async () => {
    const { recalculate } = await import('../../../src/shared/creditor-board/recalc');
    // Proposal: 100/month x 18 = 1800: A 720 (of 2000), B 360 (of 1000), C preferent 720 (of 1000).
    // 6 months paid at 100: A 240, B 120, C 240. Income drops: afloscapaciteit 50 for the remaining 12 months = 600.
    // Shares 720:360:720 = 2:1:2 -> A 240, B 120, C 240. Totals A 480 (24,00 %), B 240 (24,00 %), C 480 (48,00 %).
    const r = recalculate({
      term: 18,
      monthsPaid: 6,
      monthlyCapacity: '50.00',
      creditors: [
        { debtId: 'a', creditor: 'A', claim: '2000.00', offer: '720.00', paid: '240.00' },
        { debtId: 'b', creditor: 'B', claim: '1000.00', offer: '360.00', paid: '120.00' },
        { debtId: 'c', creditor: 'C', claim: '1000.00', offer: '720.00', paid: '240.00' },
      ],
    });
    expect([r.remainingMonths, r.remainingPot.toFixed(2)]).toEqual([12, '600.00']);
    expect(r.lines.map((l) => [l.expected.toFixed(2), l.total.toFixed(2), l.percent.toFixed(2)])).toEqual([
      ['240.00', '480.00', '24.00'],
      ['120.00', '240.00', '24.00'],
      ['240.00', '480.00', '48.00'],
    ]);
    expect([r.totals.paid.toFixed(2), r.totals.expected.toFixed(2), r.totals.total.toFixed(2)]).toEqual(['600.00', '600.00', '1200.00']);
  });

  it('puts the cent difference on the largest claim so the lines add up', async () => {
    const { recalculate } = await import('../../../src/shared/creditor-board/recalc');
    // 3 equal offers, 1 month of 100.00 left: 33.333.. each -> 33.33 x 3 = 99.99; the cent goes to the largest claim (b).
    const r = recalculate({
      term: 2,
      monthsPaid: 1,
      monthlyCapacity: '100.00',
      creditors: [
        { debtId: 'a', creditor: 'A', claim: '500.00', offer: '50.00', paid: '0' },
        { debtId: 'b', creditor: 'B', claim: '900.00', offer: '50.00', paid: '0' },
        { debtId: 'c', creditor: 'C', claim: '700.00', offer: '50.00', paid: '0' },
      ],
    });
    expect(r.lines.map((l) => l.expected.toFixed(2))).toEqual(['33.33', '33.34', '33.33']);
    expect(r.totals.expected.toFixed(2)).toBe('100.00');
  });
});
