// Dossier actions that change or remove data, and the activity report that postpones the auto-lock.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/renderer/App';
import type { Dossier } from '../../src/shared/dossier/schema';
import type { ProcedureOutput } from '../../src/shared/contract/procedures';
import { createFakeClient, fail, status, type Handlers } from './fake-client';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const DOSSIER: Dossier = {
  id: 'd9',
  number: '2026-0009',
  createdAt: 1,
  updatedAt: 2,
  status: 'stabilisatie',
  typeOfHelp: 'beschermingsbewind',
  professional: 'Merel de Wit',
  statusDates: {},
  fictitious: true,
  adults: [{ id: 'a', role: 'aanvrager', firstName: 'Gerda', lastName: 'Heidenrijk', birthDate: '1955-01-02', bsn: null }],
  children: [],
  address: null,
  contact: {},
  bankAccounts: [],
  incomes: [],
  expenses: [],
  debts: [
    { id: 'x', creditor: 'Zorgverzekeraar', originalAmount: '1000.00', currentAmount: '1234.56', kind: 'concurrent', status: 'open' },
    { id: 'y', creditor: 'Belastingdienst', originalAmount: '200', currentAmount: '0.44', kind: 'preferent', status: 'open' },
  ],
  notes: [],
};

function app(dossier: Dossier = DOSSIER, extra: Handlers = {}) {
  const client = createFakeClient(
    {
      ...extra,
      'dossier.list': () => [
        {
          id: 'd9',
          number: '2026-0009',
          displayName: 'Heidenrijk, Gerda',
          postcode: null,
          city: null,
          status: 'stabilisatie',
          typeOfHelp: 'beschermingsbewind',
          professional: 'Merel de Wit',
          childrenCount: 0,
          fictitious: true,
          updatedAt: 0,
        },
      ],
      'dossier.get': () => dossier,
      'dossier.delete': () => ({ deleted: true }),
    },
    status('unlocked'),
  );
  render(<App client={client} />);
  return client;
}

async function openDossier() {
  fireEvent.click(await screen.findByRole('link', { name: 'Heidenrijk, Gerda' }));
  await screen.findByRole('heading', { level: 1, name: /Heidenrijk, Gerda/ });
  // The heading can be in the DOM before React has run the screen's effects (findBy resolves on the mutation).
  await act(async () => {});
}

describe('dossier detail actions', () => {
  it('marks fictitious dossiers and totals debts exactly', async () => {
    app();
    await openDossier();
    expect(within(screen.getByRole('heading', { level: 1 })).getByText('Fictief')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Schulden' }));
    const totals = screen.getByRole('group', { name: 'Totalen schulden' });
    // The core's totals (dossier.debtTotals) arrive after the tab opens: 1.000,00 + 200 and 1.234,56 + 0,44.
    expect(await within(totals).findByText('€ 1.200,00')).toBeTruthy();
    expect(within(totals).getByText('€ 1.235,00')).toBeTruthy();
  });

  it('shows the monthly figures the core computed, each line and total as given (the renderer computes none)', async () => {
    // The core's answer for this dossier (hand computation, asserted against the core in
    // tests/contract/monthly-lines.test.ts): 100,00 a quarter is 33,333… a month, shown 33,33, three of them 99,99
    // (not 100,00, the unrounded sum); 10,00 a week is 10 × 52 / 12 = 43,333…, shown 43,33; 99,99 − 43,33 = 56,66.
    const quarter = (id: string, description: string) => ({ id, description, category: 'overig' as const, amount: '100.00', frequency: 'kwartaal' as const });
    const dossier: Dossier = {
      ...DOSSIER,
      incomes: [quarter('i1', 'Toelage A'), quarter('i2', 'Toelage B'), quarter('i3', 'Toelage C')],
      expenses: [{ id: 'e1', description: 'Boodschappen', category: 'voeding', amount: '10.00', frequency: 'week' }],
    };
    const client = app(dossier, {
      'dossier.monthlyLines': () => ({
        dossierId: 'd9',
        updatedAt: 2,
        incomes: ['i1', 'i2', 'i3'].map((id) => ({ id, monthly: '33.33' })),
        expenses: [{ id: 'e1', monthly: '43.33' }],
        totalIncome: '99.99',
        totalExpenses: '43.33',
        difference: '56.66',
      }),
    });
    await openDossier();
    fireEvent.click(screen.getByRole('tab', { name: 'Inkomsten en uitgaven' }));
    const totals = screen.getByRole('group', { name: 'Totalen per maand' });
    await waitFor(() => expect(within(totals).getByText('Inkomsten per maand').nextElementSibling!.textContent).toBe('€ 99,99'));
    expect(within(totals).getByText('Uitgaven per maand').nextElementSibling!.textContent).toBe('€ 43,33');
    expect(within(totals).getByText('Verschil per maand').nextElementSibling!.textContent).toBe('€ 56,66');
    const incomeTable = screen.getByRole('table', { name: 'Inkomsten' });
    expect(within(incomeTable).getAllByText('€ 33,33')).toHaveLength(3);
    expect(within(incomeTable).getByRole('row', { name: /Totaal per maand/ }).textContent).toContain('€ 99,99');
    expect(client.callsTo('dossier.monthlyLines')).toEqual([{ id: 'd9' }]);
  });

  it('shows no monthly figure until the core has answered for this version of the dossier, and says so when it cannot', async () => {
    let answer: (v: ProcedureOutput<'dossier.monthlyLines'>) => void = () => {};
    app({ ...DOSSIER, incomes: [{ id: 'i1', description: 'Loon', category: 'loon', amount: '1834.50', frequency: 'maand' }] }, {
      'dossier.monthlyLines': () => new Promise((resolve) => (answer = resolve)),
    });
    await openDossier();
    fireEvent.click(screen.getByRole('tab', { name: 'Inkomsten en uitgaven' }));
    const totals = screen.getByRole('group', { name: 'Totalen per maand' });
    expect(totals.getAttribute('aria-busy')).toBe('true');
    expect(within(totals).getByText('Inkomsten per maand').nextElementSibling!.textContent).toBe('…');
    // The amount as entered is the dossier's own; its monthly figure waits for the core.
    const cells = within(screen.getByRole('row', { name: /Loon/ })).getAllByRole('cell');
    expect([cells[2]!.textContent, cells[4]!.textContent]).toEqual(['€ 1.834,50', '…']);
    act(() =>
      answer({ dossierId: 'd9', updatedAt: 2, incomes: [{ id: 'i1', monthly: '1834.50' }], expenses: [], totalIncome: '1834.50', totalExpenses: '0.00', difference: '1834.50' }),
    );
    await waitFor(() => expect(within(totals).getByText('Inkomsten per maand').nextElementSibling!.textContent).toBe('€ 1.834,50'));
    expect(totals.getAttribute('aria-busy')).toBe('false');
  });

  it('says in Dutch when the monthly figures could not be computed', async () => {
    app({ ...DOSSIER, incomes: [{ id: 'i1', description: 'Loon', category: 'loon', amount: '1834.50', frequency: 'maand' }] }, {
      'dossier.monthlyLines': () => fail('NOT_FOUND', 'Dit dossier bestaat niet (meer).'),
    });
    await openDossier();
    fireEvent.click(screen.getByRole('tab', { name: 'Inkomsten en uitgaven' }));
    expect((await screen.findByRole('alert')).textContent).toBe('De bedragen per maand zijn niet berekend. Dit dossier bestaat niet (meer).');
    const totals = screen.getByRole('group', { name: 'Totalen per maand' });
    expect(within(totals).getByText('Inkomsten per maand').nextElementSibling!.textContent).toBe('…');
  });

  it('deletes only after the dossier number is typed', async () => {
    const client = app();
    await openDossier();
    fireEvent.click(screen.getByRole('button', { name: 'Verwijderen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dossier definitief verwijderen?' });
    const field = within(dialog).getByLabelText('Typ het dossiernummer ter bevestiging');
    fireEvent.change(field, { target: { value: '2026-0008' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Definitief verwijderen' }));
    await within(dialog).findByText('Het dossiernummer klopt niet. Er is niets verwijderd.');
    expect(client.callsTo('dossier.delete')).toEqual([]);

    fireEvent.change(field, { target: { value: '2026-0009' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Definitief verwijderen' }));
    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });
    expect(client.callsTo('dossier.delete')).toEqual([{ id: 'd9', confirmNumber: '2026-0009' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('tabs follow the ARIA pattern: arrow keys move the selection', async () => {
    app();
    await openDossier();
    const first = screen.getByRole('tab', { name: 'Huishouden' });
    expect(first.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    const second = screen.getByRole('tab', { name: 'Inkomsten en uitgaven' });
    expect(second.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(second);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(second.id);
    fireEvent.keyDown(second, { key: 'End' });
    expect(screen.getByRole('tab', { name: 'Logboek' }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('activity', () => {
  it('reports activity with session.touch at most once per 30 seconds while unlocked', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const client = app();
    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });
    // The activity listener is an effect: let it run (and take its start time) before the clock moves on. findBy
    // resolves as soon as the heading is in the DOM, which under load can be before React has run the effects.
    await act(async () => {});
    const touches = () => client.callsTo('session.touch').length;
    vi.setSystemTime(Date.now() + 31_000);
    act(() => {
      fireEvent.keyDown(window, { key: 'a' });
      fireEvent.pointerDown(window);
      fireEvent.keyDown(window, { key: 'b' });
    });
    await waitFor(() => expect(touches()).toBe(1));
    vi.setSystemTime(Date.now() + 10_000);
    act(() => void fireEvent.keyDown(window, { key: 'c' }));
    expect(touches()).toBe(1);
    vi.setSystemTime(Date.now() + 25_000);
    act(() => void fireEvent.pointerDown(window));
    await waitFor(() => expect(touches()).toBe(2));
  });
});
