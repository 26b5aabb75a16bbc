// The Schulden tab shows the core's counts and totals (dossier.debtTotals) and adds up nothing itself (issue 10 §5):
// the total row is the sum of the rows shown, with amounts added up by hand; until the core has answered for this
// version of the dossier the totals wait, and a failure is said in Dutch.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import type { ProcedureOutput } from '../../src/shared/contract/procedures';
import type { Debt, Dossier } from '../../src/shared/dossier/schema';
import { householdData, storedDossier } from '../support/budget';
import { createFakeClient, fail, status, type Handlers } from './fake-client';

afterEach(cleanup);

const debt = (id: string, creditor: string, originalAmount: string, currentAmount: string, s: Debt['status'] = 'open'): Debt => ({
  id,
  creditor,
  originalAmount,
  currentAmount,
  kind: 'concurrent',
  status: s,
});

const DOSSIER: Dossier = storedDossier(
  householdData({
    adults: [{ id: 'a', role: 'aanvrager', firstName: 'Gerda', lastName: 'Heidenrijk', birthDate: '1955-01-02' }],
    debts: [
      debt('x1', 'CJIB', '109.00', '109.00'),
      debt('x2', 'Zorgverzekeraar Zuid', '1216.80', '1243.80', 'in_schuldregeling'),
      debt('x3', 'Gemeente', '350.00', '125.55'),
      debt('x4', 'Belastingdienst', '200.00', '0.44', 'betaald'),
      debt('x5', 'Waterschap', '0.10', '0.20', 'betwist'),
    ],
  }),
  { id: 'd9', number: '2026-0009', updatedAt: 2 },
);
const SUMMARY = {
  id: 'd9',
  number: '2026-0009',
  displayName: 'Heidenrijk, Gerda',
  postcode: '1234 AB',
  city: 'Teststad',
  status: 'aanmelding' as const,
  typeOfHelp: 'schuldhulpverlening' as const,
  professional: 'Merel de Wit',
  childrenCount: 0,
  fictitious: false,
  updatedAt: 0,
};

function app(extra: Handlers = {}, dossier: Dossier = DOSSIER) {
  const client = createFakeClient(
    {
      'dossier.list': () => [SUMMARY],
      'dossier.get': () => dossier,
      ...extra,
    },
    status('unlocked'),
  );
  render(<App client={client} />);
  return client;
}

async function openDebts() {
  fireEvent.click(await screen.findByRole('link', { name: 'Heidenrijk, Gerda' }));
  await screen.findByRole('heading', { level: 1, name: /Heidenrijk, Gerda/ });
  fireEvent.click(screen.getByRole('tab', { name: 'Schulden' }));
}

/** "€ 1.243,80" → 124380 (the test's own reading of a shown amount). */
const cents = (text: string) => Number(text.replace(/[€\s.]/g, '').replace(',', ''));
const dd = (group: HTMLElement, term: string) => within(group).getByText(term).nextElementSibling!.textContent;

describe('the Schulden tab\'s totals', () => {
  it('shows the core\'s totals; the total row is the sum of the rows shown', async () => {
    const client = app();
    await openDebts();
    const group = screen.getByRole('group', { name: 'Totalen schulden' });
    // 109,00 + 1.216,80 + 350,00 + 200,00 + 0,10 = 1.875,90; 109,00 + 1.243,80 + 125,55 + 0,44 + 0,20 = 1.478,99;
    // one of five is betaald.
    await waitFor(() => expect(dd(group, 'Oorspronkelijk totaal')).toBe('€ 1.875,90'));
    expect(dd(group, 'Huidig totaal')).toBe('€ 1.478,99');
    expect(dd(group, 'Aantal schulden')).toBe('5 (4 niet betaald)');

    const table = screen.getByRole('table', { name: 'Schulden' });
    const body = within(table).getAllByRole('row').filter((r) => r.closest('tbody'));
    expect(body).toHaveLength(5);
    const shown = body.map((r) => within(r).getAllByRole('cell').slice(3, 5).map((c) => c.textContent!));
    expect(shown).toEqual([
      ['€ 109,00', '€ 109,00'],
      ['€ 1.216,80', '€ 1.243,80'],
      ['€ 350,00', '€ 125,55'],
      ['€ 200,00', '€ 0,44'],
      ['€ 0,10', '€ 0,20'],
    ]);
    const foot = within(table).getByRole('row', { name: /Totaal/ });
    const totals = within(foot).getAllByRole('cell').filter((c) => c.textContent!.startsWith('€')).map((c) => c.textContent!);
    expect(totals).toEqual(['€ 1.875,90', '€ 1.478,99']);
    for (const col of [0, 1]) expect(cents(totals[col]!)).toBe(shown.reduce((n, row) => n + cents(row[col]!), 0));
    expect(client.callsTo('dossier.debtTotals')).toEqual([{ id: 'd9' }]);
  });

  it('shows per status how many debts and what they add up to, the total row the sum of the statuses', async () => {
    app();
    await openDebts();
    const table = await screen.findByRole('table', { name: 'Schulden per status' });
    const rows = within(table)
      .getAllByRole('row')
      .filter((r) => r.closest('tbody'))
      .map((r) => Array.from(r.children).map((c) => c.textContent));
    // Open: CJIB and Gemeente, 109,00 + 350,00 = 459,00 and 109,00 + 125,55 = 234,55.
    expect(rows).toEqual([
      ['Open', '2', '€ 459,00', '€ 234,55'],
      ['In schuldregeling', '1', '€ 1.216,80', '€ 1.243,80'],
      ['Betaald', '1', '€ 200,00', '€ 0,44'],
      ['Betwist', '1', '€ 0,10', '€ 0,20'],
    ]);
    const foot = Array.from(within(table).getByRole('row', { name: /Totaal/ }).children).map((c) => c.textContent!);
    expect(foot).toEqual(['Totaal', '5', '€ 1.875,90', '€ 1.478,99']);
    for (const col of [2, 3]) expect(cents(foot[col]!)).toBe(rows.reduce((n, row) => n + cents(row[col]!), 0));
  });

  it('shows no table per status when every debt has the same status (it would repeat the totals)', async () => {
    app({}, { ...DOSSIER, debts: DOSSIER.debts.filter((d) => d.status === 'open') });
    await openDebts();
    const group = screen.getByRole('group', { name: 'Totalen schulden' });
    await waitFor(() => expect(dd(group, 'Aantal schulden')).toBe('2 (2 niet betaald)'));
    expect(screen.queryByRole('table', { name: 'Schulden per status' })).toBeNull();
  });

  it('waits for the core\'s answer for this version of the dossier (the rows are the dossier\'s own amounts)', async () => {
    let answer: (v: ProcedureOutput<'dossier.debtTotals'>) => void = () => {};
    app({ 'dossier.debtTotals': () => new Promise((resolve) => (answer = resolve)) });
    await openDebts();
    const group = screen.getByRole('group', { name: 'Totalen schulden' });
    expect(group.getAttribute('aria-busy')).toBe('true');
    expect(dd(group, 'Huidig totaal')).toBe('…');
    expect(dd(group, 'Aantal schulden')).toBe('…');
    expect(within(screen.getByRole('row', { name: /Totaal/ })).getAllByRole('cell').map((c) => c.textContent)).toContain('…');
    expect(within(screen.getByRole('row', { name: /CJIB/ })).getAllByRole('cell')[4]!.textContent).toBe('€ 109,00');
    const lines = DOSSIER.debts.map((d) => ({ id: d.id!, original: d.originalAmount, current: d.currentAmount }));
    act(() => answer({ dossierId: 'd9', updatedAt: 2, lines, count: 5, unpaid: 4, totalOriginal: '1875.90', totalCurrent: '1478.99', byStatus: [] }));
    await waitFor(() => expect(dd(group, 'Huidig totaal')).toBe('€ 1.478,99'));
    expect(group.getAttribute('aria-busy')).toBe('false');
  });

  it('says in Dutch when the totals could not be computed', async () => {
    app({ 'dossier.debtTotals': () => fail('NOT_FOUND', 'Dit dossier bestaat niet (meer).') });
    await openDebts();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('De totalen van de schulden zijn niet berekend. Dit dossier bestaat niet (meer).'));
  });
});
