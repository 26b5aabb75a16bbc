// Removing an income, a debt, a child, the partner or a bank account asks first, sends only that item, and
// can be undone (issue 7); the fake core answers like the real one (dossier.removeItem / dossier.restoreItem).
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import type { RemovedItem } from '../../src/shared/contract/procedures';
import type { Dossier } from '../../src/shared/dossier/schema';
import { createFakeClient, status } from './fake-client';

afterEach(cleanup);

const DOSSIER: Dossier = {
  id: 'd7',
  number: '2026-0007',
  createdAt: 1,
  updatedAt: 2,
  status: 'stabilisatie',
  typeOfHelp: 'schuldhulpverlening',
  professional: 'Merel de Wit',
  statusDates: {},
  fictitious: false,
  adults: [
    { id: 'a1', role: 'aanvrager', firstName: 'Sanne', lastName: 'Bakker', birthDate: '1990-03-04', bsn: '111222333' },
    { id: 'a2', role: 'partner', firstName: 'Daan', lastName: 'Bakker', birthDate: '1989-07-08', bsn: null },
  ],
  children: [{ id: 'c1', firstName: 'Mila', lastName: 'Bakker', birthDate: '2018-02-03', livingInHousehold: true }],
  address: null,
  contact: {},
  bankAccounts: [{ id: 'b1', iban: 'NL91ABNA0417164300' }],
  incomes: [
    { id: 'i1', description: 'Loon', category: 'loon', amount: '1834.50', frequency: 'maand' },
    { id: 'i2', description: 'Kinderbijslag', category: 'kinderbijslag', amount: '300.00', frequency: 'kwartaal' },
  ],
  expenses: [],
  debts: [{ id: 'x1', creditor: 'Zorgverzekeraar', originalAmount: '1000.00', currentAmount: '800.00', kind: 'concurrent', status: 'open' }],
  notes: [],
};

const LISTS = { income: 'incomes', expense: 'expenses', debt: 'debts', child: 'children', adult: 'adults', bankAccount: 'bankAccounts' } as const;

/** A fake core that keeps one dossier and implements removal and undo on it. */
function app() {
  let current: Dossier = structuredClone(DOSSIER);
  const client = createFakeClient(
    {
      'dossier.list': () => [
        { id: 'd7', number: '2026-0007', displayName: 'Bakker, Sanne', postcode: null, city: null, status: 'stabilisatie', typeOfHelp: 'schuldhulpverlening', professional: 'Merel de Wit', childrenCount: 1, fictitious: false, updatedAt: 0 },
      ],
      'dossier.get': () => current,
      'audit.list': () => [],
      'dossier.removeItem': ({ kind, itemId }) => {
        const list = current[LISTS[kind]] as { id?: string }[];
        const index = list.findIndex((x) => x.id === itemId);
        const removed = { kind, index, item: list[index] } as RemovedItem;
        current = { ...current, [LISTS[kind]]: list.filter((_, i) => i !== index) };
        return { dossier: current, removed };
      },
      'dossier.restoreItem': ({ removed }) => {
        const list = [...(current[LISTS[removed.kind]] as unknown[])];
        list.splice(removed.index, 0, removed.item);
        current = { ...current, [LISTS[removed.kind]]: list };
        return current;
      },
    },
    status('unlocked'),
  );
  render(<App client={client} />);
  return client;
}

async function openTab(tab: string) {
  fireEvent.click(await screen.findByRole('link', { name: 'Bakker, Sanne' }));
  await screen.findByRole('heading', { level: 1, name: /Bakker, Sanne/ });
  fireEvent.click(screen.getByRole('tab', { name: tab }));
}

describe('removing an item', () => {
  it('asks first: Annuleren removes nothing and sends nothing', async () => {
    const client = app();
    await openTab('Inkomsten en uitgaven');
    fireEvent.click(screen.getByRole('button', { name: 'Inkomst Loon verwijderen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Inkomst ‘Loon’ verwijderen?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.callsTo('dossier.removeItem')).toEqual([]);
    expect(client.callsTo('dossier.update')).toEqual([]);
    expect(screen.getByRole('button', { name: 'Inkomst Loon verwijderen' })).toBeTruthy();
  });

  it('removes only that income after confirming, and Ongedaan maken puts it back in its place', async () => {
    const client = app();
    await openTab('Inkomsten en uitgaven');
    fireEvent.click(screen.getByRole('button', { name: 'Inkomst Loon verwijderen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Inkomst ‘Loon’ verwijderen?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verwijderen' }));

    const undo = await screen.findByRole('button', { name: 'Ongedaan maken' });
    expect(client.callsTo('dossier.removeItem')).toEqual([{ id: 'd7', kind: 'income', itemId: 'i1' }]);
    expect(client.callsTo('dossier.update')).toEqual([]); // never the whole dossier
    expect(screen.queryByRole('button', { name: 'Inkomst Loon verwijderen' })).toBeNull();
    expect(screen.getByText('Inkomst ‘Loon’ is verwijderd.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(undo));

    fireEvent.click(undo);
    await screen.findByText('Inkomst ‘Loon’ is teruggezet.');
    expect(client.callsTo('dossier.restoreItem')).toEqual([
      { id: 'd7', removed: { kind: 'income', index: 0, item: DOSSIER.incomes[0] } },
    ]);
    const rows = screen.getAllByRole('button', { name: /^Inkomst .* verwijderen$/ }).map((b) => b.getAttribute('aria-label'));
    expect(rows).toEqual(['Inkomst Loon verwijderen', 'Inkomst Kinderbijslag verwijderen']);
  });

  it('works the same for a debt', async () => {
    const client = app();
    await openTab('Schulden');
    fireEvent.click(screen.getByRole('button', { name: 'Schuld Zorgverzekeraar verwijderen' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Schuld bij Zorgverzekeraar verwijderen?' })).getByRole('button', { name: 'Verwijderen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Ongedaan maken' }));
    await screen.findByText('Schuld bij Zorgverzekeraar is teruggezet.');
    expect(client.callsTo('dossier.removeItem')).toEqual([{ id: 'd7', kind: 'debt', itemId: 'x1' }]);
    expect(client.callsTo('dossier.restoreItem')).toHaveLength(1);
  });

  it('offers removal of the partner, a child and a bank account in the household, never of the aanvrager', async () => {
    const client = app();
    await openTab('Huishouden');
    expect(screen.queryByRole('button', { name: /Sanne Bakker verwijderen/ })).toBeNull();
    for (const [button, title, kind, itemId] of [
      ['Kind Mila Bakker verwijderen', 'Kind Mila Bakker verwijderen?', 'child', 'c1'],
      ['Partner Daan Bakker verwijderen', 'Partner Daan Bakker verwijderen?', 'adult', 'a2'],
      ['Bankrekening NL91 ABNA 0417 1643 00 verwijderen', 'Bankrekening NL91 ABNA 0417 1643 00 verwijderen?', 'bankAccount', 'b1'],
    ] as const) {
      fireEvent.click(screen.getByRole('button', { name: button }));
      // Generous timeouts: the whole renderer suite shares two busy cores.
      fireEvent.click(within(await screen.findByRole('dialog', { name: title }, { timeout: 5000 })).getByRole('button', { name: 'Verwijderen' }));
      await waitFor(() => expect(client.callsTo('dossier.removeItem').at(-1)).toEqual({ id: 'd7', kind, itemId }), { timeout: 5000 });
      await waitFor(() => expect(screen.queryByRole('button', { name: button })).toBeNull(), { timeout: 5000 });
      await screen.findByRole('button', { name: 'Ongedaan maken' }, { timeout: 5000 });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Ongedaan maken' }));
    await screen.findByRole('button', { name: 'Bankrekening NL91 ABNA 0417 1643 00 verwijderen' }, { timeout: 5000 });
  });

  it('in the dossier form: removing a child asks first and Ongedaan maken puts it back with what was typed', async () => {
    const client = createFakeClient({ 'dossier.list': () => [], 'settings.get': () => ({ autoLockMinutes: 10, userName: 'Merel de Wit' }) }, status('unlocked'));
    render(<App client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Nieuw dossier' }));
    await screen.findByRole('heading', { level: 1, name: 'Nieuw dossier' });
    fireEvent.click(screen.getByRole('button', { name: 'Kind toevoegen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Kind toevoegen' }));
    const first = () => within(screen.getByRole('group', { name: 'Kind 1' })).getByLabelText('Voornaam', { exact: true }) as HTMLInputElement;
    fireEvent.change(first(), { target: { value: 'Mila' } });
    fireEvent.change(within(screen.getByRole('group', { name: 'Kind 2' })).getByLabelText('Voornaam', { exact: true }), { target: { value: 'Daan' } });

    fireEvent.click(within(screen.getByRole('group', { name: 'Kind 1' })).getByRole('button', { name: 'Kind verwijderen' }));
    let dialog = await screen.findByRole('dialog', { name: 'Kind 1 verwijderen?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(first().value).toBe('Mila');

    fireEvent.click(within(screen.getByRole('group', { name: 'Kind 1' })).getByRole('button', { name: 'Kind verwijderen' }));
    dialog = await screen.findByRole('dialog', { name: 'Kind 1 verwijderen?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verwijderen' }));
    await screen.findByText('Kind 1 is uit het formulier gehaald.');
    expect(first().value).toBe('Daan');
    expect(screen.queryByRole('group', { name: 'Kind 2' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Ongedaan maken' }));
    await waitFor(() => expect(first().value).toBe('Mila'));
    expect((within(screen.getByRole('group', { name: 'Kind 2' })).getByLabelText('Voornaam', { exact: true }) as HTMLInputElement).value).toBe('Daan');
  });
});
