// Debts v2 on the Schulden tab: creditor kind, verification and re-check date, in/out of the regeling with a
// reason, the statement split into hoofdsom/rente/kosten and a zorgverzekeraar's premium arrears; typed the
// Dutch way, sent canonical, shown in the debt row, and refused in Dutch when the statement does not add up.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import type { DossierSummary } from '../../src/shared/contract/procedures';
import type { Dossier } from '../../src/shared/dossier/schema';
import { createFakeClient, onlySavedItem, status, withSavedItem, type } from './fake-client';

afterEach(cleanup);

const SUMMARY: DossierSummary = {
  id: 'd1',
  number: '2026-0009',
  displayName: 'Molenbeek, Yara',
  postcode: '8011 MR',
  city: 'Zwolle',
  status: 'stabilisatie',
  typeOfHelp: 'beschermingsbewind',
  professional: 'Anouk Veldhuis',
  childrenCount: 0,
  fictitious: true,
  updatedAt: Date.UTC(2026, 10, 5, 10, 0),
};

const DOSSIER: Dossier = {
  id: 'd1',
  number: '2026-0009',
  createdAt: 1,
  updatedAt: 2,
  status: 'stabilisatie',
  typeOfHelp: 'beschermingsbewind',
  professional: 'Anouk Veldhuis',
  statusDates: {},
  fictitious: true,
  adults: [{ id: 'a1', role: 'aanvrager', firstName: 'Yara', lastName: 'Molenbeek', birthDate: '1990-08-21', bsn: null }],
  children: [],
  address: null,
  contact: {},
  bankAccounts: [],
  incomes: [],
  expenses: [],
  debts: [
    { id: 'x1', creditor: 'CJIB', originalAmount: '109.00', currentAmount: '109.00', kind: 'concurrent', status: 'open', creditorKind: 'cjib', verification: 'gecontroleerd' },
    {
      id: 'x2',
      creditor: 'Zorgverzekeraar Zuid',
      originalAmount: '1216.80',
      currentAmount: '1243.80',
      kind: 'concurrent',
      status: 'open',
      creditorKind: 'zorgverzekeraar',
      verification: 'ontvangen',
      recheckAfter: '2027-01-15',
      statement: { date: '2026-10-15', principal: '1216.80', interest: '0.00', costs: '27.00' },
      premiumArrears: { months: 8, monthlyPremium: '152.10', reportedToCak: true, reportedToCakOn: '2026-04-01' },
    },
  ],
  notes: [],
};

function unlockedApp(dossier: Dossier) {
  const client = createFakeClient(
    {
      'dossier.list': () => [SUMMARY],
      'settings.get': () => ({ userName: 'Anouk Veldhuis', autoLockMinutes: 10 }),
      'dossier.get': () => dossier,
      'dossier.update': (i) => ({ ...dossier, ...(i.data as object) }) as Dossier,
      'dossier.saveItem': (i) => withSavedItem(dossier, i),
    },
    status('unlocked'),
  );
  render(<App client={client} />);
  return client;
}

const field = (label: string) => screen.getByLabelText(label, { exact: true });

async function openDebts() {
  fireEvent.click(await screen.findByRole('link', { name: 'Molenbeek, Yara' }));
  await screen.findByRole('heading', { level: 1, name: /Molenbeek, Yara/ });
  fireEvent.click(screen.getByRole('tab', { name: 'Schulden' }));
}

/** The one debt the form sent: dossier.saveItem with only that debt, never the whole dossier. */
function savedDebt(client: ReturnType<typeof unlockedApp>): Dossier['debts'][number] {
  const { kind, item } = onlySavedItem(client);
  expect(kind).toBe('debt');
  return item as Dossier['debts'][number];
}

describe('debts v2 on the Schulden tab', () => {
  it('shows kind, verification, re-check date, exclusion and the wanbetalersregeling stage in the row', async () => {
    unlockedApp(DOSSIER);
    await openDebts();
    const cjib = screen.getByRole('cell', { name: /^CJIB\b/ }).closest('tr')!;
    expect(cjib.textContent).toContain('Saldo gecontroleerd');
    expect(cjib.textContent).toContain('buiten de schuldregeling');
    const zv = screen.getByRole('cell', { name: /^Zorgverzekeraar Zuid/ }).closest('tr')!;
    expect(zv.textContent).toContain('opnieuw opvragen na 15-01-2027');
    expect(zv.textContent).toContain('Aangemeld bij het CAK: bestuursrechtelijke premie');
  });

  it('edits the statement and arrears the Dutch way and sends them canonical, keeping the rest', async () => {
    const client = unlockedApp(DOSSIER);
    await openDebts();
    fireEvent.click(screen.getByRole('button', { name: 'Schuld Zorgverzekeraar Zuid bewerken' }));
    expect((field('Hoofdsom') as HTMLInputElement).value).toBe('1.216,80');
    type(field('Huidig bedrag'), '1.260,80');
    type(field('Kosten'), '44,00');
    type(field('Achterstand in maandpremies'), '9');
    type(field('Saldo'), 'gecontroleerd');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.saveItem')).toHaveLength(1));
    expect(savedDebt(client)).toMatchObject({
      id: 'x2',
      currentAmount: '1260.80',
      creditorKind: 'zorgverzekeraar',
      verification: 'gecontroleerd',
      recheckAfter: '2027-01-15',
      statement: { date: '2026-10-15', principal: '1216.80', interest: '0.00', costs: '44.00' },
      premiumArrears: { months: 9, monthlyPremium: '152.10', reportedToCak: true, reportedToCakOn: '2026-04-01' },
    });
    // The CJIB debt is not sent at all.
    expect(JSON.stringify(client.callsTo('dossier.saveItem'))).not.toContain('CJIB');
  });

  it('refuses a statement that does not add up to the current amount, in Dutch, and sends nothing', async () => {
    const client = unlockedApp(DOSSIER);
    await openDebts();
    fireEvent.click(screen.getByRole('button', { name: 'Schuld Zorgverzekeraar Zuid bewerken' }));
    type(field('Kosten'), '30,00');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    const form = screen.getByRole('form', { name: 'Schuld bewerken' });
    expect(await within(form).findAllByText('Hoofdsom, rente en kosten samen moeten gelijk zijn aan het huidige saldo.')).not.toHaveLength(0);
    expect(client.callsTo('dossier.saveItem')).toHaveLength(0);
  });

  it('asks for a reason when a CJIB fine is taken into the regeling', async () => {
    const client = unlockedApp(DOSSIER);
    await openDebts();
    fireEvent.click(screen.getByRole('button', { name: 'Schuld CJIB bewerken' }));
    expect(screen.getByText(/Standaard buiten de regeling: CJIB-boetes/)).toBeTruthy();
    type(field('In de schuldregeling'), 'opnemen');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    const form = screen.getByRole('form', { name: 'Schuld bewerken' });
    expect(await within(form).findAllByText('Geef een reden waarom u afwijkt van de standaard.')).not.toHaveLength(0);
    type(field('Reden'), 'CJIB doet mee aan de regeling');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.saveItem')).toHaveLength(1));
    expect(savedDebt(client)).toMatchObject({ id: 'x1', inclusion: 'opnemen', inclusionReason: 'CJIB doet mee aan de regeling' });
  });
});
