// Dossier screens against a fake core: client-side validation with the shared schema, server issues
// mapped onto fields, and the lock dropping every piece of case data from the page.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import type { DossierSummary } from '../../src/shared/contract/procedures';
import type { Dossier } from '../../src/shared/dossier/schema';
import { BSN_ERROR } from '../../src/shared/validation/bsn';
import { IBAN_CHECKSUM_ERROR } from '../../src/shared/validation/iban';
import { POSTCODE_ERROR } from '../../src/shared/validation/postcode';
import { createFakeClient, fail, onlySavedItem, status, withSavedItem, type Handlers, type } from './fake-client';

afterEach(cleanup);

const SUMMARY: DossierSummary = {
  id: 'd1',
  number: '2026-0001',
  displayName: 'Oosterbroek, Fenna',
  postcode: '9711 AB',
  city: 'Groningen',
  status: 'aanmelding',
  typeOfHelp: 'schuldhulpverlening',
  professional: 'Merel de Wit',
  childrenCount: 2,
  fictitious: false,
  updatedAt: Date.UTC(2026, 0, 5, 10, 0),
};

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
  children: [
    { id: 'c1', firstName: 'Jelmer', lastName: 'Oosterbroek', birthDate: '2014-09-02', livingInHousehold: true },
    { id: 'c2', firstName: 'Sietske', lastName: 'Oosterbroek', birthDate: '2018-06-21', livingInHousehold: false },
  ],
  address: { street: 'Kruisstraat', houseNumber: '17a', postcode: '9711 AB', city: 'Groningen' },
  contact: {},
  bankAccounts: [{ id: 'b1', iban: 'NL91ABNA0417164300' }],
  incomes: [{ id: 'i1', description: 'Loon', category: 'loon', amount: '1200.00', frequency: 'vierweken' }],
  expenses: [{ id: 'e1', description: 'Huur', category: 'huur', amount: '750.50', frequency: 'maand' }],
  debts: [],
  notes: [],
};

function unlockedApp(handlers: Handlers) {
  const client = createFakeClient(
    {
      'dossier.list': () => [SUMMARY],
      'settings.get': () => ({ userName: 'Merel de Wit', autoLockMinutes: 10 }),
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

async function openNewDossierForm() {
  fireEvent.click(await screen.findByRole('button', { name: 'Nieuw dossier' }));
  await screen.findByRole('heading', { level: 1, name: 'Nieuw dossier' });
}

function fillValidHousehold(bsn: string) {
  type(inGroup('Aanvrager', 'Voornaam'), 'Fenna');
  type(inGroup('Aanvrager', 'Achternaam'), 'Oosterbroek');
  type(inGroup('Aanvrager', 'Geboortedatum'), '14-03-1988');
  type(inGroup('Aanvrager', 'BSN'), bsn);
  fireEvent.click(screen.getByRole('button', { name: 'Kind toevoegen' }));
  type(inGroup('Kind 1', 'Voornaam'), 'Jelmer');
  type(inGroup('Kind 1', 'Geboortedatum'), '02-09-2014');
  type(inGroup('Adres', 'Straat'), 'Kruisstraat');
  type(inGroup('Adres', 'Huisnummer'), '17a');
  type(inGroup('Adres', 'Postcode'), '9711 AB');
  type(inGroup('Adres', 'Plaats'), 'Groningen');
}

describe('dossier form', () => {
  it('shows the Dutch BSN, postcode and IBAN errors on their fields and does not call the core', async () => {
    const client = unlockedApp({ 'dossier.create': () => ({ ...DOSSIER }) });
    await openNewDossierForm();
    fillValidHousehold('123456783');
    type(inGroup('Adres', 'Postcode'), '97111 AB');
    fireEvent.click(screen.getByRole('button', { name: 'Rekening toevoegen' }));
    type(inGroup('Rekening 1', 'IBAN'), 'NL91 ABNA 0417 1643 01');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    const bsn = inGroup('Aanvrager', 'BSN');
    await waitFor(() => expect(bsn.getAttribute('aria-invalid')).toBe('true'));
    const described = (el: HTMLElement) =>
      (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described(bsn)).toContain(BSN_ERROR);
    expect(described(inGroup('Adres', 'Postcode'))).toContain(POSTCODE_ERROR);
    expect(described(inGroup('Rekening 1', 'IBAN'))).toContain(IBAN_CHECKSUM_ERROR);
    const summary = screen.getByRole('alert');
    for (const msg of [BSN_ERROR, POSTCODE_ERROR, IBAN_CHECKSUM_ERROR]) expect(within(summary).getByText(msg)).toBeTruthy();
    // Valid fields are not marked.
    expect(inGroup('Aanvrager', 'Voornaam').getAttribute('aria-invalid')).toBeNull();
    expect(client.callsTo('dossier.create')).toEqual([]);
  });

  it('sends canonical data (ISO dates, null address when there is no fixed address) when valid', async () => {
    const client = unlockedApp({ 'dossier.create': () => ({ ...DOSSIER }), 'dossier.get': () => DOSSIER });
    await openNewDossierForm();
    fillValidHousehold('123456782');
    type(inGroup('Kind 1', 'Achternaam'), 'Oosterbroek');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Geen vast woonadres' }));
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.create')).toHaveLength(1));
    const { data } = client.callsTo('dossier.create')[0] as { data: Dossier };
    expect(data.adults[0]).toMatchObject({ role: 'aanvrager', birthDate: '1988-03-14', bsn: '123456782' });
    expect(data.children).toEqual([{ firstName: 'Jelmer', lastName: 'Oosterbroek', birthDate: '2014-09-02', livingInHousehold: true }]);
    expect(data.address).toBeNull();
    expect(data.professional).toBe('Merel de Wit');
    await screen.findByRole('heading', { level: 1, name: /Oosterbroek, Fenna/ });
  });

  it('puts the core\'s validation issues on the matching field', async () => {
    const client = unlockedApp({
      'dossier.create': () =>
        fail('VALIDATION', 'De invoer is niet geldig. Er is niets gewijzigd.', [
          { path: 'data.adults.0.bsn', message: 'Dit BSN staat al in een ander dossier.' },
        ]),
    });
    await openNewDossierForm();
    fillValidHousehold('123456782');
    type(inGroup('Kind 1', 'Achternaam'), 'Oosterbroek');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.create')).toHaveLength(1));
    const bsn = inGroup('Aanvrager', 'BSN');
    await waitFor(() => expect(bsn.getAttribute('aria-invalid')).toBe('true'));
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('De invoer is niet geldig. Er is niets gewijzigd.')).toBeTruthy();
    expect(within(alert).getByText('Dit BSN staat al in een ander dossier.')).toBeTruthy();
  });
});

describe('locking drops case data', () => {
  it('a LOCKED answer sends the user to the unlock screen and removes every name from the page', async () => {
    let locked = false;
    const client = unlockedApp({
      'dossier.get': () => (locked ? fail('LOCKED', 'De kluis is vergrendeld. Ontgrendel de kluis om verder te gaan.') : DOSSIER),
      'vault.status': () => (locked ? status('locked') : status('unlocked')),
    });
    fireEvent.click(await screen.findByRole('link', { name: 'Oosterbroek, Fenna' }));
    await screen.findByRole('heading', { level: 1, name: /Oosterbroek, Fenna/ });
    expect(screen.getByText('Jelmer Oosterbroek')).toBeTruthy();

    // Back to the list and open again: the core has auto-locked in the meantime and answers LOCKED.
    locked = true;
    fireEvent.click(screen.getByRole('link', { name: 'Dossiers' }));
    fireEvent.click(await screen.findByRole('link', { name: 'Oosterbroek, Fenna' }));
    await screen.findByRole('heading', { level: 1, name: 'Kluis ontgrendelen' });
    const html = document.body.innerHTML;
    for (const s of ['Oosterbroek', 'Fenna', 'Jelmer', '9711', '2026-0001']) expect(html).not.toContain(s);
    expect(document.title).not.toContain('Oosterbroek');

    // Unlocking again starts from a fresh list, not from the dossier that was open.
    locked = false;
    client.handlers['vault.unlock'] = () => status('unlocked');
    type(screen.getByLabelText('Wachtwoord', { exact: true }), 'Zomer-aan-de-Amstel-2026');
    fireEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }));
    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });
  });

  it('a "vault.status" event that reports locked (auto-lock) clears the open dossier', async () => {
    const client = unlockedApp({ 'dossier.get': () => DOSSIER });
    fireEvent.click(await screen.findByRole('link', { name: 'Oosterbroek, Fenna' }));
    await screen.findByRole('heading', { level: 1, name: /Oosterbroek, Fenna/ });
    act(() => client.emitStatus(status('locked')));
    await screen.findByRole('heading', { level: 1, name: 'Kluis ontgrendelen' });
    expect(document.body.innerHTML).not.toContain('Oosterbroek');
  });
});

describe('dossier detail', () => {
  it('shows children with age and the monthly budget computed exactly', async () => {
    unlockedApp({ 'dossier.get': () => DOSSIER });
    fireEvent.click(await screen.findByRole('link', { name: 'Oosterbroek, Fenna' }));
    await screen.findByRole('heading', { level: 1, name: /Oosterbroek, Fenna/ });
    expect(screen.getByText('NL91 ABNA 0417 1643 00')).toBeTruthy();
    const row = screen.getByText('Sietske Oosterbroek').closest('tr')!;
    expect(within(row).getByText('21-06-2018')).toBeTruthy();
    expect(within(row).getByText('Nee')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Inkomsten en uitgaven' }));
    // 1200 per four weeks = 1200 x 13 / 12 = 1300 per month (the figures arrive from the core).
    const totals = screen.getByRole('group', { name: 'Totalen per maand' });
    expect(await within(totals).findByText('€ 1.300,00')).toBeTruthy();
    expect(within(totals).getByText('€ 549,50')).toBeTruthy();
  });

  it('adds an income item typed the Dutch way and sends only that item, not the BSN or IBAN', async () => {
    const client = unlockedApp({ 'dossier.get': () => DOSSIER, 'dossier.saveItem': (i) => withSavedItem(DOSSIER, i) });
    fireEvent.click(await screen.findByRole('link', { name: 'Oosterbroek, Fenna' }));
    await screen.findByRole('heading', { level: 1, name: /Oosterbroek, Fenna/ });
    fireEvent.click(screen.getByRole('tab', { name: 'Inkomsten en uitgaven' }));
    fireEvent.click(screen.getByRole('button', { name: 'Inkomst toevoegen' }));
    type(screen.getByLabelText('Omschrijving', { exact: true }), 'Zorgtoeslag');
    fireEvent.change(screen.getByLabelText('Categorie', { exact: true }), { target: { value: 'zorgtoeslag' } });
    type(screen.getByLabelText('Bedrag', { exact: true }), '1.234,5x');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await screen.findAllByText('1.234,5x is geen bedrag: gebruik alleen cijfers, een punt en een komma, bijvoorbeeld 1.234,56');
    expect(client.callsTo('dossier.saveItem')).toEqual([]);

    type(screen.getByLabelText('Bedrag', { exact: true }), '1.234,5');
    type(screen.getByLabelText('Ingangsdatum', { exact: true }), '01-02-2026');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.saveItem')).toHaveLength(1));
    // Only the new income crosses: no BSN, no IBAN, no other item, no dossier timestamps.
    expect(onlySavedItem(client, ['123456782', 'NL91ABNA0417164300', 'Oosterbroek', 'createdAt'])).toEqual({
      id: 'd1',
      kind: 'income',
      item: {
      description: 'Zorgtoeslag',
      category: 'zorgtoeslag',
      amount: '1234.50',
      frequency: 'maand',
      startDate: '2026-02-01',
      endDate: null,
      // The "Ontvanger" select defaults to the household, sent explicitly as null.
      personRole: null,
      },
    });
    // The table shows the saved income beside the one that was there.
    expect(await screen.findByRole('button', { name: 'Inkomst Zorgtoeslag bewerken' })).toBeTruthy();
  });

  it("puts the core's refusal of an edited item beside its field and keeps the form open", async () => {
    const client = unlockedApp({
      'dossier.get': () => DOSSIER,
      'dossier.saveItem': () => fail('VALIDATION', 'Het bedrag is te hoog.', [{ path: 'item.amount', message: 'Het bedrag is te hoog.' }]),
    });
    fireEvent.click(await screen.findByRole('link', { name: 'Oosterbroek, Fenna' }));
    await screen.findByRole('heading', { level: 1, name: /Oosterbroek, Fenna/ });
    fireEvent.click(screen.getByRole('tab', { name: 'Inkomsten en uitgaven' }));
    fireEvent.click(screen.getByRole('button', { name: 'Uitgave Huur bewerken' }));
    type(screen.getByLabelText('Bedrag', { exact: true }), '775,00');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    const amount = screen.getByLabelText('Bedrag', { exact: true });
    await waitFor(() => expect(amount.getAttribute('aria-invalid')).toBe('true'));
    expect(onlySavedItem(client, ['123456782', 'NL91ABNA0417164300']).item).toMatchObject({ id: 'e1', amount: '775.00' });
    expect(screen.getByRole('form', { name: 'Uitgave bewerken' })).toBeTruthy();
    expect(screen.getAllByText('Het bedrag is te hoog.').length).toBeGreaterThan(0);
  });
});
