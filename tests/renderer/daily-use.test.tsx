// Issue 7, forms and screens: precise messages in field order, questions before saving (a BSN already
// in another dossier), focus after adding and saving, Escape on inline forms, the unlock screen's
// focus, confirmations that disappear (the list's sort and remembered filters: dossier-list.test.tsx).
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/renderer/App';
import { FLASH_MS } from '../../src/renderer/components/Flash';
import type { DossierSummary } from '../../src/shared/contract/procedures';
import type { Dossier } from '../../src/shared/dossier/schema';
import { createFakeClient, status, withSavedItem, type Handlers, type } from './fake-client';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

// The shared build machine is often busy; give the screen time to settle instead of failing on a slow tick.

const summary = (id: string, number: string, displayName: string, extra: Partial<DossierSummary> = {}): DossierSummary => ({
  id,
  number,
  displayName,
  postcode: '9711 AB',
  city: 'Groningen',
  status: 'aanmelding',
  typeOfHelp: 'schuldhulpverlening',
  professional: 'Merel de Wit',
  childrenCount: 0,
  fictitious: false,
  updatedAt: Date.UTC(2026, 0, 5, 10, 0),
  ...extra,
});

const DOSSIER: Dossier = {
  id: 'd1',
  number: '2026-0001',
  createdAt: 1,
  updatedAt: 2,
  status: 'aanmelding',
  typeOfHelp: 'schuldhulpverlening',
  professional: 'Merel de Wit',
  statusDates: {},
  fictitious: false,
  adults: [{ id: 'a1', role: 'aanvrager', firstName: 'Fenna', lastName: 'Oosterbroek', birthDate: '1988-03-14', bsn: '123456782' }],
  children: [],
  address: { street: 'Kruisstraat', houseNumber: '17a', postcode: '9711 AB', city: 'Groningen' },
  contact: {},
  bankAccounts: [],
  incomes: [{ id: 'i1', description: 'Loon', category: 'loon', amount: '1200.00', frequency: 'maand' }],
  expenses: [],
  debts: [],
  notes: [],
};

function unlockedApp(handlers: Handlers) {
  const client = createFakeClient(
    {
      'dossier.list': () => [summary('d1', '2026-0001', 'Oosterbroek, Fenna')],
      'settings.get': () => ({ userName: 'Merel de Wit', autoLockMinutes: 10 }),
      ...handlers,
    },
    status('unlocked'),
  );
  render(<App client={client} />);
  return client;
}

const inGroup = (group: string, label: string) => within(screen.getByRole('group', { name: group })).getByLabelText(label, { exact: true });

async function openNewDossierForm() {
  fireEvent.click(await screen.findByRole('button', { name: 'Nieuw dossier' }));
  await screen.findByRole('heading', { level: 1, name: 'Nieuw dossier' });
}

function fillValid() {
  type(inGroup('Aanvrager', 'Voornaam'), 'Fenna');
  type(inGroup('Aanvrager', 'Achternaam'), 'Oosterbroek');
  type(inGroup('Aanvrager', 'Geboortedatum'), '14-03-1988');
  type(inGroup('Aanvrager', 'BSN'), '123456782');
  type(inGroup('Adres', 'Straat'), 'Kruisstraat');
  type(inGroup('Adres', 'Huisnummer'), '17a');
  type(inGroup('Adres', 'Postcode'), '9711 AB');
  type(inGroup('Adres', 'Plaats'), 'Groningen');
}

async function openDossierTab(tab: string) {
  fireEvent.click(await screen.findByRole('link', { name: 'Oosterbroek, Fenna' }));
  await screen.findByRole('heading', { level: 1, name: /Oosterbroek, Fenna/ });
  fireEvent.click(screen.getByRole('tab', { name: tab }));
}

describe('error messages and the summary', () => {
  it('says what is wrong and lists the errors in the order of the fields on screen', async () => {
    const client = unlockedApp({});
    await openNewDossierForm();
    fillValid();
    // Entered bottom-up on purpose: the status dates come last on screen but first in the schema.
    type(inGroup('Datums', 'Nazorg'), '29-02-2025');
    fireEvent.click(screen.getByRole('button', { name: 'Rekening toevoegen' }));
    type(inGroup('Rekening 1', 'IBAN'), 'NL91 ABNA 0417 1643 01');
    type(inGroup('Adres', 'Postcode'), '1234 SA');
    type(inGroup('Aanvrager', 'Geboortedatum'), '31-04-1988');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    const summaryBox = await screen.findByRole('alert');
    await waitFor(() => expect(within(summaryBox).getAllByRole('link')).toHaveLength(4));
    expect(within(summaryBox).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Aanvrager: 31-04-1988 bestaat niet (april heeft 30 dagen)',
      'Adres: Dit is geen geldige postcode: SA, SD en SS worden niet gebruikt in postcodes.',
      'Rekening 1: Dit is geen geldig IBAN: het controlegetal van dit IBAN klopt niet. Controleer het nummer.',
      'Datum nazorg: 29-02-2025 bestaat niet (2025 is geen schrikkeljaar)',
    ]);
    expect(client.callsTo('dossier.create')).toEqual([]);
  });

  it('explains an amount written as 296,-', async () => {
    const client = unlockedApp({ 'dossier.get': () => DOSSIER });
    await openDossierTab('Inkomsten en uitgaven');
    fireEvent.click(screen.getByRole('button', { name: 'Uitgave toevoegen' }));
    type(screen.getByLabelText('Omschrijving', { exact: true }), 'Energie');
    type(screen.getByLabelText('Bedrag', { exact: true }), '296,-');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('296,- is geen bedrag: schrijf 296,00', { selector: '.field-error' })).toBeTruthy();
    expect(client.callsTo('dossier.saveItem')).toEqual([]);
    expect(client.callsTo('dossier.update')).toEqual([]);
  });
});

describe('questions before saving', () => {
  it('names the other dossier that has the BSN, links to it, and saves only after "Toch opslaan"', async () => {
    const client = unlockedApp({
      'dossier.check': () => ({
        warnings: [
          { path: 'adults.0.bsn', message: 'Dit BSN staat al in dossier 2026-0007. Is dit dezelfde persoon?', dossierId: 'd7', dossierNumber: '2026-0007' },
        ],
      }),
      'dossier.create': () => DOSSIER,
      'dossier.get': () => DOSSIER,
    });
    await openNewDossierForm();
    fillValid();
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    const heading = await screen.findByRole('heading', { name: 'Klopt dit?' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const panel = heading.closest('section')!;
    expect(within(panel).getByText(/Dit BSN staat al in dossier 2026-0007/)).toBeTruthy();
    // Nothing is stored yet, so every person goes to the check, but only what it reads: birth date and BSN.
    const [asked] = client.callsTo('dossier.check') as { adults: unknown[]; children: unknown[] }[];
    expect(asked).toMatchObject({ adults: [{ birthDate: '1988-03-14', bsn: '123456782' }], children: [] });
    for (const s of ['Fenna', 'Oosterbroek', 'Kruisstraat', 'Groningen', '9711']) expect(JSON.stringify(asked)).not.toContain(s);
    expect(within(panel).getByRole('link', { name: 'Dossier 2026-0007 openen' }).getAttribute('href')).toBe('#dossier-d7');
    expect(client.callsTo('dossier.create')).toEqual([]);

    // "Gegevens aanpassen" goes back to the field the question is about.
    fireEvent.click(within(panel).getByRole('button', { name: 'Gegevens aanpassen' }));
    expect(document.activeElement).toBe(inGroup('Aanvrager', 'BSN'));
    expect(screen.queryByRole('heading', { name: 'Klopt dit?' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Toch opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.create')).toHaveLength(1));
    await screen.findByRole('heading', { level: 1, name: /Oosterbroek, Fenna/ });
    // The new dossier opens with a confirmation (which goes away by itself, like every save confirmation).
    expect(await screen.findByText('Het dossier is aangemaakt.')).toBeTruthy();
  });

});

describe('focus', () => {
  it('"Kind toevoegen" and "Partner toevoegen" put the focus on the first field of the new person', async () => {
    unlockedApp({});
    await openNewDossierForm();
    fireEvent.click(screen.getByRole('button', { name: 'Kind toevoegen' }));
    await waitFor(() => expect(document.activeElement).toBe(inGroup('Kind 1', 'Voornaam')));
    fireEvent.click(screen.getByRole('button', { name: 'Kind toevoegen' }));
    await waitFor(() => expect(document.activeElement).toBe(inGroup('Kind 2', 'Voornaam')));
    fireEvent.click(screen.getByRole('button', { name: 'Partner toevoegen' }));
    await waitFor(() => expect(document.activeElement).toBe(inGroup('Partner', 'Voornaam')));
  });

  it('Escape closes an inline form and returns to the add button; saving returns to the saved row', async () => {
    const client = unlockedApp({
      'dossier.get': () => DOSSIER,
      'dossier.saveItem': (i) => withSavedItem(DOSSIER, i),
    });
    await openDossierTab('Inkomsten en uitgaven');
    fireEvent.click(screen.getByRole('button', { name: 'Inkomst toevoegen' }));
    const description = screen.getByLabelText('Omschrijving', { exact: true });
    fireEvent.keyDown(description, { key: 'Escape' });
    expect(screen.queryByRole('form', { name: 'Inkomst toevoegen' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Inkomst toevoegen' })));

    // Editing and cancelling with Escape returns to that row's button.
    fireEvent.click(screen.getByRole('button', { name: 'Inkomst Loon bewerken' }));
    fireEvent.keyDown(screen.getByLabelText('Bedrag', { exact: true }), { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Inkomst Loon bewerken' })));

    fireEvent.click(screen.getByRole('button', { name: 'Inkomst toevoegen' }));
    type(screen.getByLabelText('Omschrijving', { exact: true }), 'Kinderbijslag');
    type(screen.getByLabelText('Bedrag', { exact: true }), '300,00');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.saveItem')).toHaveLength(1));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Inkomst Kinderbijslag bewerken' })));
  });

  it('the unlock screen puts the focus on the password', async () => {
    render(<App client={createFakeClient({}, status('locked'))} />);
    await screen.findByRole('heading', { level: 1, name: 'Kluis ontgrendelen' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Wachtwoord', { exact: true })));
  });
});

describe('confirmations', () => {
  it('a saved debt is confirmed, and the confirmation disappears by itself', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    unlockedApp({
      'dossier.get': () => DOSSIER,
      'dossier.saveItem': (i) => withSavedItem(DOSSIER, i),
    });
    await openDossierTab('Schulden');
    fireEvent.click(screen.getByRole('button', { name: 'Schuld toevoegen' }));
    type(screen.getByLabelText('Schuldeiser', { exact: true }), 'Woonstad');
    type(screen.getByLabelText('Oorspronkelijk bedrag', { exact: true }), '1.000,00');
    type(screen.getByLabelText('Huidig bedrag', { exact: true }), '1.100,00');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    const message = 'Schuld opgeslagen. De totalen zijn bijgewerkt.';
    expect(await screen.findByText(message)).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(FLASH_MS + 10);
    });
    await waitFor(() => expect(screen.queryByText(message)).toBeNull());
  });
});
