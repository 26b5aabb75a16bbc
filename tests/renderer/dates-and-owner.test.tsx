// The fields that used to be stored but not editable: the date of each status (dossier form), when a
// debt arose, and who receives an income. Typed the Dutch way, sent canonical, shown on the detail screen.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import type { DossierSummary } from '../../src/shared/contract/procedures';
import type { Dossier } from '../../src/shared/dossier/schema';
import { createFakeClient, onlySavedItem, status, withSavedItem, type Handlers, type } from './fake-client';

afterEach(cleanup);

const SUMMARY: DossierSummary = {
  id: 'd1',
  number: '2026-0001',
  displayName: 'Oosterbroek, Fenna',
  postcode: '9711 AB',
  city: 'Groningen',
  status: 'stabilisatie',
  typeOfHelp: 'schuldhulpverlening',
  professional: 'Merel de Wit',
  childrenCount: 0,
  fictitious: false,
  updatedAt: Date.UTC(2026, 0, 5, 10, 0),
};

const DOSSIER: Dossier = {
  id: 'd1',
  number: '2026-0001',
  createdAt: 1,
  updatedAt: 2,
  status: 'stabilisatie',
  typeOfHelp: 'schuldhulpverlening',
  professional: 'Merel de Wit',
  statusDates: { aanmelding: '2026-02-03', stabilisatie: '2026-03-10' },
  fictitious: false,
  adults: [{ id: 'a1', role: 'aanvrager', firstName: 'Fenna', lastName: 'Oosterbroek', birthDate: '1988-03-14', bsn: '123456782' }],
  children: [],
  address: { street: 'Kruisstraat', houseNumber: '17a', postcode: '9711 AB', city: 'Groningen' },
  contact: {},
  bankAccounts: [],
  incomes: [{ id: 'i1', description: 'Loon', category: 'loon', amount: '1200.00', frequency: 'maand', personRole: 'aanvrager' }],
  expenses: [],
  debts: [
    {
      id: 'x1',
      creditor: 'Woonstad',
      originalAmount: '800.00',
      currentAmount: '950.00',
      kind: 'concurrent',
      status: 'open',
      since: '2024-06-15',
    },
  ],
  notes: [],
};

const PARTNER = { id: 'a2', role: 'partner' as const, firstName: 'Joris', lastName: 'Oosterbroek', birthDate: '1986-07-01', bsn: null };

/** The app, unlocked, with `dossier` as the stored one; dossier.update and dossier.saveItem answer with what they got. */
function unlockedApp(dossier: Dossier, handlers: Handlers = {}) {
  const client = createFakeClient(
    {
      'dossier.list': () => [SUMMARY],
      'settings.get': () => ({ userName: 'Merel de Wit', autoLockMinutes: 10 }),
      'dossier.get': () => dossier,
      'dossier.update': (i) => ({ ...dossier, ...(i.data as object) }) as Dossier,
      'dossier.saveItem': (i) => withSavedItem(dossier, i),
      'dossier.saveDetails': (i) => ({ ...dossier, ...(i.details as object) }) as Dossier,
      ...handlers,
    },
    status('unlocked'),
  );
  render(<App client={client} />);
  return client;
}

function inGroup(group: string, label: string): HTMLElement {
  return within(screen.getByRole('group', { name: group })).getByLabelText(label, { exact: true });
}

/** Texts the control's aria-describedby points at (hint and inline error). */
function described(el: HTMLElement): (string | null | undefined)[] {
  return (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
}

async function openDossier() {
  fireEvent.click(await screen.findByRole('link', { name: 'Oosterbroek, Fenna' }));
  await screen.findByRole('heading', { level: 1, name: /Oosterbroek, Fenna/ });
}

/** The row of a table whose first cell is `first`. */
function rowOf(table: HTMLElement, first: string): HTMLTableRowElement {
  const row = within(table)
    .getAllByRole('row')
    .find((r) => (r as HTMLTableRowElement).cells[0]?.textContent === first);
  if (!row) throw new Error(`Geen rij ${first}`);
  return row as HTMLTableRowElement;
}

/** The household details the edit form sent last (it sends them alone, without persons or accounts). */
function lastDetails(client: ReturnType<typeof unlockedApp>): Dossier {
  const calls = client.callsTo('dossier.saveDetails') as { id: string; details: Dossier }[];
  return calls[calls.length - 1]!.details;
}

async function openNewDossierForm() {
  fireEvent.click(await screen.findByRole('button', { name: 'Nieuw dossier' }));
  await screen.findByRole('heading', { level: 1, name: 'Nieuw dossier' });
  type(inGroup('Aanvrager', 'Voornaam'), 'Fenna');
  type(inGroup('Aanvrager', 'Achternaam'), 'Oosterbroek');
  type(inGroup('Aanvrager', 'Geboortedatum'), '14-03-1988');
  fireEvent.click(screen.getByRole('checkbox', { name: 'Geen vast woonadres' }));
}

describe('status dates in the dossier form', () => {
  it('sends the typed dates in ISO and every empty one as null', async () => {
    const client = unlockedApp(DOSSIER, { 'dossier.create': () => DOSSIER });
    await openNewDossierForm();
    type(inGroup('Datums', 'Aanmelding'), '03-02-2026');
    type(inGroup('Datums', 'Stabilisatie'), '1-3-2026');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.create')).toHaveLength(1));
    const { data } = client.callsTo('dossier.create')[0] as { data: Dossier };
    expect(data.statusDates).toEqual({
      aanmelding: '2026-02-03',
      stabilisatie: '2026-03-01',
      schuldregeling: null,
      nazorg: null,
      afgesloten: null,
    });
  });

  it('shows the Dutch message on an impossible date, names the field in the summary and sends nothing', async () => {
    const client = unlockedApp(DOSSIER, { 'dossier.create': () => DOSSIER });
    await openNewDossierForm();
    type(inGroup('Datums', 'Nazorg'), '31-02-2026');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    const nazorg = inGroup('Datums', 'Nazorg');
    await waitFor(() => expect(nazorg.getAttribute('aria-invalid')).toBe('true'));
    expect(described(nazorg)).toContain('31-02-2026 bestaat niet (februari heeft 28 dagen)');
    expect(within(screen.getByRole('alert')).getByText('Datum nazorg:')).toBeTruthy();
    // Only the wrong one is marked.
    expect(inGroup('Datums', 'Aanmelding').getAttribute('aria-invalid')).toBeNull();
    expect(client.callsTo('dossier.create')).toEqual([]);
  });

  it('shows the known dates on the detail screen, prefills them and clears an emptied one with null', async () => {
    const client = unlockedApp(DOSSIER);
    await openDossier();
    expect(screen.getByText('Aangemeld op 03-02-2026')).toBeTruthy();
    expect(screen.getByText('Stabilisatie sinds 10-03-2026')).toBeTruthy();
    expect(screen.queryByText(/Afgesloten op/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Bewerken' }));
    await screen.findByRole('heading', { level: 1, name: 'Dossier bewerken' });
    expect((inGroup('Datums', 'Aanmelding') as HTMLInputElement).value).toBe('03-02-2026');
    expect((inGroup('Datums', 'Schuldregeling') as HTMLInputElement).value).toBe('');
    type(inGroup('Datums', 'Aanmelding'), '');
    type(inGroup('Datums', 'Schuldregeling'), '20-04-2026');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.saveDetails')).toHaveLength(1));
    expect(client.callsTo('dossier.update')).toEqual([]);
    expect(lastDetails(client).statusDates).toEqual({
      aanmelding: null,
      stabilisatie: '2026-03-10',
      schuldregeling: '2026-04-20',
      nazorg: null,
      afgesloten: null,
    });
    await screen.findByText('Schuldregeling sinds 20-04-2026');
    expect(screen.queryByText(/Aangemeld op/)).toBeNull();
  });
});

describe('when a debt arose', () => {
  it('round-trips "Ontstaan op" into dossier.saveItem and shows it in the table', async () => {
    const client = unlockedApp(DOSSIER);
    await openDossier();
    fireEvent.click(screen.getByRole('tab', { name: 'Schulden' }));
    const row = screen.getByRole('cell', { name: /^Woonstad/ }).closest('tr')!;
    expect(within(row).getByText('15-06-2024')).toBeTruthy();

    // Editing shows the stored date; a wrong one is refused with the Dutch message.
    fireEvent.click(screen.getByRole('button', { name: 'Schuld Woonstad bewerken' }));
    const since = screen.getByLabelText('Ontstaan op', { exact: true }) as HTMLInputElement;
    expect(since.value).toBe('15-06-2024');
    type(since, '15-13-2024');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(since.getAttribute('aria-invalid')).toBe('true'));
    expect(described(since)).toContain('15-13-2024 bestaat niet (een jaar heeft 12 maanden)');
    expect(client.callsTo('dossier.saveItem')).toEqual([]);

    type(since, '01-09-2023');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.saveItem')).toHaveLength(1));
    // Only this debt is sent, never the aanvrager's BSN.
    expect(onlySavedItem(client, ['123456782', 'Oosterbroek'])).toMatchObject({ id: 'd1', kind: 'debt', item: { id: 'x1', creditor: 'Woonstad', since: '2023-09-01' } });
    const updated = (await screen.findByText('01-09-2023')).closest('tr')!;
    expect(within(updated).getByText('Woonstad')).toBeTruthy();
  });

  it('a new debt without a date sends since as null', async () => {
    const client = unlockedApp({ ...DOSSIER, debts: [] });
    await openDossier();
    fireEvent.click(screen.getByRole('tab', { name: 'Schulden' }));
    fireEvent.click(screen.getByRole('button', { name: 'Schuld toevoegen' }));
    type(screen.getByLabelText('Schuldeiser', { exact: true }), 'Belastingdienst');
    type(screen.getByLabelText('Oorspronkelijk bedrag', { exact: true }), '120');
    type(screen.getByLabelText('Huidig bedrag', { exact: true }), '120');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.saveItem')).toHaveLength(1));
    const { kind, item } = onlySavedItem(client, ['123456782']);
    expect(kind).toBe('debt');
    expect(item).toMatchObject({ creditor: 'Belastingdienst', originalAmount: '120.00', since: null });
    expect(item).not.toHaveProperty('id');
  });
});

describe('who receives an income', () => {
  function receiverOptions(): string[] {
    const select = screen.getByLabelText('Ontvanger', { exact: true }) as HTMLSelectElement;
    return [...select.options].map((o) => o.textContent ?? '');
  }

  it('offers Partner only when the dossier has one', async () => {
    unlockedApp(DOSSIER);
    await openDossier();
    fireEvent.click(screen.getByRole('tab', { name: 'Inkomsten en uitgaven' }));
    fireEvent.click(screen.getByRole('button', { name: 'Inkomst toevoegen' }));
    expect(receiverOptions()).toEqual(['Huishouden', 'Aanvrager']);
    // Expenses have no receiver.
    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    fireEvent.click(screen.getByRole('button', { name: 'Uitgave toevoegen' }));
    expect(screen.queryByLabelText('Ontvanger', { exact: true })).toBeNull();
  });

  it('round-trips the receiver into dossier.saveItem and shows it in the income table', async () => {
    const client = unlockedApp({ ...DOSSIER, adults: [...DOSSIER.adults, PARTNER] });
    await openDossier();
    fireEvent.click(screen.getByRole('tab', { name: 'Inkomsten en uitgaven' }));
    const incomes = () => screen.getByRole('table', { name: 'Inkomsten' });
    expect(within(rowOf(incomes(), 'Loon')).getByText('Aanvrager')).toBeTruthy();

    // A new income for the partner.
    fireEvent.click(screen.getByRole('button', { name: 'Inkomst toevoegen' }));
    expect(receiverOptions()).toEqual(['Huishouden', 'Aanvrager', 'Partner']);
    type(screen.getByLabelText('Omschrijving', { exact: true }), 'Uitkering');
    fireEvent.change(screen.getByLabelText('Categorie', { exact: true }), { target: { value: 'uitkering_uwv' } });
    type(screen.getByLabelText('Bedrag', { exact: true }), '950');
    fireEvent.change(screen.getByLabelText('Ontvanger', { exact: true }), { target: { value: 'partner' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.saveItem')).toHaveLength(1));
    const { kind, item } = onlySavedItem(client, ['123456782', 'Joris']);
    expect(kind).toBe('income');
    expect(item).toMatchObject({ description: 'Uitkering', amount: '950.00', personRole: 'partner' });
    expect(item).not.toHaveProperty('id');
    const row = (await within(incomes()).findByText('Uitkering')).closest('tr')!;
    expect(within(row).getByText('Partner')).toBeTruthy();
  });

  it('editing an income prefills its receiver; Huishouden is sent as null', async () => {
    const client = unlockedApp(DOSSIER);
    await openDossier();
    fireEvent.click(screen.getByRole('tab', { name: 'Inkomsten en uitgaven' }));
    fireEvent.click(screen.getByRole('button', { name: 'Inkomst Loon bewerken' }));
    const receiver = screen.getByLabelText('Ontvanger', { exact: true }) as HTMLSelectElement;
    expect(receiver.value).toBe('aanvrager');
    fireEvent.change(receiver, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.saveItem')).toHaveLength(1));
    expect(onlySavedItem(client, ['123456782']).item).toMatchObject({ id: 'i1', description: 'Loon', personRole: null });
    const table = screen.getByRole('table', { name: 'Inkomsten' });
    await waitFor(() => expect(within(rowOf(table, 'Loon')).getByText('Huishouden')).toBeTruthy());
  });
});
