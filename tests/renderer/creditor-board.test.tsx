// Dossier → Schuldeisers against a fake core whose answers come from the real board computation and the
// contract's serialiser (the same code the core runs), so the screen is tested on real figures.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { serializeBoard, type BoardView } from '../../src/shared/contract/creditor-board';
import { computeBoard, type BoardEvent, type BoardStep } from '../../src/shared/creditor-board/board';
import { computeProgress, type Payment } from '../../src/shared/creditor-board/payments';
import { recalculate } from '../../src/shared/creditor-board/recalc';
import type { Dossier } from '../../src/shared/dossier/schema';
import { householdData, storedDossier, VEENSTRA, veenstraSummary } from '../support/budget';
import { createFakeClient, fail, status, type Handlers, openDossierTab, type } from './fake-client';
import { schemeSchema, schemeTermCheck } from '../../src/shared/arrangement';
import { serializeTermCheck } from '../../src/shared/contract/scheme-conditions';
import { Money } from '../../src/shared/money';

const SUMMARY = veenstraSummary('schuldregeling');

const DEBTS = [
  { id: 'a', creditor: 'Woonstad Leeuwarden', kind: 'concurrent' as const, currentAmount: '1200.00' },
  { id: 'b', creditor: 'Zilveren Kruis', kind: 'concurrent' as const, currentAmount: '800.00' },
];
const DOSSIER: Dossier = storedDossier(
  householdData({
    ...VEENSTRA,
    debts: DEBTS.map((d) => ({ ...d, originalAmount: d.currentAmount, status: 'open' as const })),
  }),
  { id: 'd1', number: '2026-0007' },
);
const SETTINGS = { deadlineDays: 120, replyDays: 30, startDate: null };

/** A small in-memory core for the board: events and payments in arrays, figures from the real code. */
function fakeBoard(today: string, events: BoardEvent[] = [], payments: Payment[] = []) {
  let n = events.length + payments.length;
  const view = (): BoardView => {
    const board = computeBoard({ debts: DEBTS, events, settings: SETTINGS, today });
    const targets = board.creditors.map((c) => ({ debtId: c.debtId, creditor: c.creditor, target: c.claim.toFixed(2) }));
    return serializeBoard('d1', today, board, payments, computeProgress(targets, payments), 'vordering');
  };
  const handlers: Handlers = {
    'board.get': () => view(),
    'board.addEvent': (i) => {
      n += 1;
      events.push({ id: `e${n}`, debtId: i.debtId, step: i.step as BoardStep, date: i.date, note: i.note ?? null, amount: i.amount ?? null, createdAt: n });
      return view();
    },
    'payments.record': (i) => {
      n += 1;
      payments.push({ id: `p${n}`, debtId: i.debtId, month: i.month, amount: i.amount, paidOn: i.paidOn, note: null, createdAt: n });
      return view();
    },
  };
  return handlers;
}

function ev(debtId: string, step: BoardStep, date: string, i: number): BoardEvent {
  return { id: `x${i}`, debtId, step, date, note: null, amount: null, createdAt: i };
}

function app(handlers: Handlers) {
  const client = createFakeClient(
    {
      'dossier.list': () => [SUMMARY],
      'dossier.get': () => DOSSIER,
      'settings.get': () => ({ userName: 'Merel de Wit', autoLockMinutes: 10 }),
      // No zorgpremie scheme unless a test says so.
      'schemes.conditions': () => [],
      ...handlers,
    },
    status('unlocked'),
  );
  render(<App client={client} />);
  return client;
}

async function openBoard() {
  await openDossierTab('Veenstra, Ilse', 'Schuldeisers');
  await screen.findByRole('heading', { name: 'Schuldeisers' });
}

const rowOf = (name: string) => within(screen.getByRole('table', { name: 'Stand per schuldeiser' })).getByRole('rowheader', { name }).closest('tr')!;

afterEach(cleanup);

describe('Dossier → Schuldeisers', () => {
  it('shows each creditor\'s state, the 120-day clock and an overdue reminder', async () => {
    // Saldoverzoek on 5 January; on 10 February the reply (due 4 February) is 6 days late; day 36 of 120.
    app(fakeBoard('2026-02-10', [ev('a', 'saldoverzoek', '2026-01-05', 1), ev('b', 'saldoverzoek', '2026-01-05', 2)]));
    await openBoard();
    expect(screen.getByRole('heading', { name: 'Regeling: Schuldeisers worden benaderd' })).toBeTruthy();
    expect(screen.getByText(/Dag 36 van 120: nog 84 dagen \(uiterlijk 05-05-2026\)/)).toBeTruthy();
    const row = rowOf('Woonstad Leeuwarden');
    expect(within(row).getByText('Wacht op saldo')).toBeTruthy();
    expect(row.textContent).toContain('€ 1.200,00');
    expect(row.textContent).toContain('04-02-2026');
    expect(row.textContent).toContain('6 d te laat');
    const reminders = screen.getByRole('alert');
    expect(within(reminders).getByText('2 herinneringen')).toBeTruthy();
    expect(reminders.textContent).toContain('Woonstad Leeuwarden heeft niet gereageerd op het saldoverzoek van 05-01-2026');
    // The total is the sum of the shown claims: 1200 + 800.
    expect(within(screen.getByRole('table', { name: 'Stand per schuldeiser' })).getByRole('rowheader', { name: 'Totaal' }).closest('tr')!.textContent).toContain('€ 2.000,00');
  });

  it('takes a configured deadline and reply term: the clock and the reminder follow them', async () => {
    // Saldoverzoek on 5 January, today 10 February (day 36). Deadline 90 days: 5 January + 90 = 5 April 2026, 54 days
    // left. Reply term 21 days: due 26 January, so 15 days late.
    const today = '2026-02-10';
    const events = [ev('a', 'saldoverzoek', '2026-01-05', 1), ev('b', 'saldoverzoek', '2026-01-05', 2)];
    let settings: { deadlineDays: number; replyDays: number; startDate: string | null } = SETTINGS;
    const view = (): BoardView => {
      const board = computeBoard({ debts: DEBTS, events, settings, today });
      const targets = board.creditors.map((c) => ({ debtId: c.debtId, creditor: c.creditor, target: c.claim.toFixed(2) }));
      return serializeBoard('d1', today, board, [], computeProgress(targets, []), 'vordering');
    };
    const client = app({
      'board.get': () => view(),
      'board.saveSettings': (i) => {
        settings = { deadlineDays: i.deadlineDays ?? 120, replyDays: i.replyDays ?? 30, startDate: i.startDate ?? null };
        return view();
      },
    });
    await openBoard();
    expect(screen.getByText(/Dag 36 van 120: nog 84 dagen \(uiterlijk 05-05-2026\)/)).toBeTruthy();
    fireEvent.click(screen.getByText('Termijnen instellen'));
    const form = screen.getByRole('form', { name: 'Termijnen' });
    type(within(form).getByLabelText(/Termijn voor een regeling \(dagen\)/), '90');
    type(within(form).getByLabelText(/Reactietermijn schuldeisers \(dagen\)/), '21');
    fireEvent.click(within(form).getByRole('button', { name: 'Termijnen opslaan' }));
    await screen.findByText(/Dag 36 van 90: nog 54 dagen \(uiterlijk 05-04-2026\)/);
    expect(client.callsTo('board.saveSettings')[0]).toEqual({ dossierId: 'd1', deadlineDays: 90, replyDays: 21, startDate: null });
    const row = rowOf('Woonstad Leeuwarden');
    expect(row.textContent).toContain('26-01-2026');
    expect(row.textContent).toContain('15 d te laat');
  });

  it('records steps until every creditor agreed: the regeling is in force', async () => {
    const client = app(fakeBoard(new Date().toISOString().slice(0, 10)));
    await openBoard();
    for (const name of ['Woonstad Leeuwarden', 'Zilveren Kruis']) {
      fireEvent.click(screen.getByRole('button', { name: `Stap vastleggen voor ${name}` }));
      const form = await screen.findByRole('form', { name: `Stap vastleggen: ${name}` });
      type(within(form).getByLabelText('Stap'), 'akkoord');
      fireEvent.click(within(form).getByRole('button', { name: 'Vastleggen' }));
      await screen.findByText(`Vastgelegd: Akkoord bij ${name}.`);
    }
    expect(client.callsTo('board.addEvent')[0]).toMatchObject({ dossierId: 'd1', debtId: 'a', step: 'akkoord' });
    expect(screen.getByRole('heading', { name: 'Regeling: Regeling van kracht' })).toBeTruthy();
    expect(screen.getByText(/Alle schuldeisers zijn akkoord. De regeling is van kracht sinds/)).toBeTruthy();
  });

  it('refuses a step without a choice, in Dutch, without calling the core', async () => {
    const client = app(fakeBoard('2026-02-10'));
    await openBoard();
    fireEvent.click(screen.getByRole('button', { name: 'Stap vastleggen voor Zilveren Kruis' }));
    const form = await screen.findByRole('form', { name: 'Stap vastleggen: Zilveren Kruis' });
    type(within(form).getByLabelText('Datum'), '31-02-2026');
    fireEvent.click(within(form).getByRole('button', { name: 'Vastleggen' }));
    const summary = await within(form).findByRole('alert');
    expect(summary.textContent).toContain('Kies een stap.');
    // 2026 is no leap year: February has 28 days, so the shared date check names the impossible day.
    expect(summary.textContent).toContain('31-02-2026 bestaat niet (februari heeft 28 dagen)');
    expect(client.callsTo('board.addEvent')).toHaveLength(0);
  });

  it('shows the options and the dwangakkoord figures when a creditor refuses', async () => {
    app(fakeBoard('2026-03-01', [ev('a', 'akkoord', '2026-02-20', 1), ev('b', 'afwijzing', '2026-02-22', 2)]));
    await openBoard();
    const options = screen.getByRole('region', { name: 'Niet alle schuldeisers gaan akkoord: mogelijkheden' });
    expect(options.textContent).toContain('Dwangakkoord (art. 287a Faillissementswet)');
    // 1200 of 2000 agreed = 60,00 %; 800 refused = 40,00 %.
    expect(within(options).getByRole('rowheader', { name: 'Akkoord' }).closest('tr')!.textContent).toMatch(/1€ 1\.200,0060,00 %/);
    expect(within(options).getByRole('rowheader', { name: 'Afgewezen of geen reactie' }).closest('tr')!.textContent).toMatch(/1€ 800,0040,00 %/);
    expect(options.textContent).toContain('Zilveren Kruis: vordering € 800,00 (afgewezen)');
  });

  it('records a payment and shows the progress per creditor and for the regeling', async () => {
    const client = app(fakeBoard('2026-04-30'));
    await openBoard();
    const form = screen.getByRole('form', { name: 'Betaling vastleggen' });
    type(within(form).getByLabelText('Schuldeiser'), 'b');
    type(within(form).getByLabelText('Maand van de regeling'), '2026-04');
    type(within(form).getByLabelText('Bedrag'), '80,00');
    type(within(form).getByLabelText('Betaald op'), '28-04-2026');
    fireEvent.click(within(form).getByRole('button', { name: 'Betaling vastleggen' }));
    await screen.findByText('Betaling aan Zilveren Kruis vastgelegd.');
    expect(client.callsTo('payments.record')[0]).toEqual({ dossierId: 'd1', debtId: 'b', month: '2026-04', amount: '80.00', paidOn: '2026-04-28' });
    const progress = screen.getByRole('table', { name: 'Voortgang per schuldeiser' });
    // Zilveren Kruis: 80 of 800 = 10,0 %; regeling: 80 of 2000 = 4,0 %.
    expect(within(progress).getByRole('rowheader', { name: 'Zilveren Kruis' }).closest('tr')!.textContent).toContain('€ 800,00€ 80,00€ 720,00 10,0 %');
    expect(within(progress).getByRole('rowheader', { name: 'Regeling totaal' }).closest('tr')!.textContent).toContain('€ 2.000,00€ 80,00€ 1.920,004,0 %');
  });

  it('shows the recalculation of a schuldbemiddeling with the current income', async () => {
    const handlers = fakeBoard('2026-04-30');
    // 18 months proposed; 6 paid. Afloscapaciteit now 30,00: 12 x 30 = 360, shared 1200:800 = 3:2 -> 216 / 144.
    const r = recalculate({
      term: 18,
      monthsPaid: 6,
      monthlyCapacity: '30.00',
      creditors: [
        { debtId: 'a', creditor: 'Woonstad Leeuwarden', claim: '1200.00', offer: '540.00', paid: '180.00' },
        { debtId: 'b', creditor: 'Zilveren Kruis', claim: '800.00', offer: '360.00', paid: '120.00' },
      ],
    });
    const board = computeBoard({ debts: DEBTS, events: [], settings: SETTINGS, today: '2026-04-30' });
    const progress = computeProgress(r.lines.map((l) => ({ debtId: l.debtId, creditor: l.creditor, target: l.total.toFixed(2) })), []);
    app({ ...handlers, 'board.get': () => serializeBoard('d1', '2026-04-30', board, [], progress, 'voorstel', r) });
    await openBoard();
    const region = screen.getByRole('region', { name: 'Herberekening met het huidige inkomen (schuldbemiddeling)' });
    expect(region.textContent).toContain('Betaald in 6 van 18 maanden. Met de huidige afloscapaciteit van € 30,00 per maand brengen de resterende 12 maanden samen € 360,00 op');
    // Woonstad: 180 + 216 = 396 of 1200 = 33,00 %; Zilveren Kruis: 120 + 144 = 264 of 800 = 33,00 %.
    expect(within(region).getByRole('rowheader', { name: 'Woonstad Leeuwarden' }).closest('tr')!.textContent).toContain('€ 1.200,00€ 180,00€ 216,00€ 396,0033,00 %');
    expect(within(region).getByRole('rowheader', { name: 'Totaal' }).closest('tr')!.textContent).toContain('€ 2.000,00€ 300,00€ 360,00€ 660,00');
  });

  it('shows a zorgpremie scheme whose condition was broken: the missed month, what happens next, the override reason', async () => {
    const scheme = schemeSchema.parse({
      format: 'houvast.scheme', version: 1, id: 'zz', name: 'Zorgpremie Zwolle', creditor: { name: 'Zilveren Kruis', matchNames: ['Zilveren Kruis'] }, gemeente: 'Zwolle',
      route: 'bewind', maxMonths: 36, minMonthly: '35.00', maxMonthly: null, conditions: { currentPremiumPaid: true, noNewArrears: true, other: [] }, forgiveRemainder: true,
      validFrom: '2026-01-01', source: [], notes: [], onBreach: ['Na een gemiste maand belt de verzekeraar binnen twee weken.'],
    });
    const term = schemeTermCheck({
      scheme,
      participation: { status: 'lopend', agreedMonthly: new Money('40.00'), startDate: '2026-02-01' },
      debts: [{ id: 'b', debt: { creditor: 'Zilveren Kruis', originalAmount: '800.00', currentAmount: '800.00', kind: 'concurrent', status: 'open' } }],
      payments: [{ debtId: 'b', month: '2026-02', amount: new Money('40.00') }],
      premiumStage: null,
      hasPremiumExpense: true,
      referenceDate: '2026-04-30',
    });
    app({
      ...fakeBoard('2026-04-30'),
      'schemes.conditions': () => [
        { schemeId: 'zz', schemeName: 'Zorgpremie Zwolle', creditor: 'Zilveren Kruis', status: 'lopend', override: { reason: 'Inkomen stijgt per mei', reasonsNotMet: [], at: 1 }, term: serializeTermCheck(term) },
      ],
    });
    await openBoard();
    const group = await screen.findByRole('group', { name: 'Voorwaarden Zorgpremie Zwolle' });
    expect(group.textContent).toContain('Voorwaarde geschonden');
    expect(group.textContent).toContain('Geen betaling vastgelegd voor maart 2026 (afgesproken € 40,00).');
    expect(group.textContent).toContain('Wat er nu gebeurt');
    expect(group.textContent).toContain('Na een gemiste maand belt de verzekeraar binnen twee weken.');
    expect(group.textContent).toContain('Inkomen stijgt per mei');
    const months = within(group).getByRole('table', { name: 'Betalingen per maand voor Zorgpremie Zwolle' });
    expect(within(months).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['feb 2026€ 40,00€ 40,00betaald', 'mrt 2026€ 40,00€ 0,00gemist']);
  });

  it('shows a core error in words', async () => {
    app({ 'board.get': () => fail('NOT_FOUND', 'Dit dossier bestaat niet (meer).') });
    fireEvent.click(await screen.findByRole('link', { name: 'Veenstra, Ilse' }));
    await screen.findByRole('heading', { level: 1, name: /Veenstra, Ilse/ });
    fireEvent.click(screen.getByRole('tab', { name: 'Schuldeisers' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Dit dossier bestaat niet (meer).'));
  });
});
