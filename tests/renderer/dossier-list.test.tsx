// Issue 10 §1 and issue 7: the dossier list asks the core for one page at a time (dossier.search) and shows
// "1–50 van 10.000"; sorting and filters go to the core (the rows are shown in the core's order, never
// re-sorted here); typing is debounced and a late answer to an older keystroke is dropped; search, filters,
// sort and page survive opening a dossier and coming back.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { PAGE_SIZE, SEARCH_DEBOUNCE_MS } from '../../src/renderer/screens/dossiers/DossierListScreen';
import type { DossierSummary, ProcedureInput, ProcedureOutput } from '../../src/shared/contract/procedures';
import type { Dossier } from '../../src/shared/dossier/schema';
import { createFakeClient, status, type Handlers, type } from './fake-client';

afterEach(cleanup);

type SearchInput = ProcedureInput<'dossier.search'>;
type SearchOutput = ProcedureOutput<'dossier.search'>;

const summary = (n: number, displayName = `Klant ${n}, Anna`): DossierSummary => ({
  id: `d${n}`,
  number: `2026-${String(n).padStart(5, '0')}`,
  displayName,
  postcode: '9711 AB',
  city: 'Groningen',
  status: 'aanmelding',
  typeOfHelp: 'schuldhulpverlening',
  professional: 'Merel de Wit',
  childrenCount: 0,
  fictitious: false,
  updatedAt: Date.UTC(2026, 0, 5, 10, 0),
});

/** An answer with an exact total, in the order asked for. */
const exact = (items: DossierSummary[], total: number): SearchOutput => ({ items, total, totalIsLowerBound: false, order: 'asked' });

/** A core with `total` dossiers that answers any page with the rows at that offset. */
function pagedCore(total: number) {
  return ({ offset = 0, limit = PAGE_SIZE }: SearchInput): SearchOutput => {
    const items: DossierSummary[] = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) items.push(summary(i + 1));
    return exact(items, total);
  };
}

const DOSSIER: Dossier = {
  id: 'd1',
  number: '2026-00001',
  createdAt: 1,
  updatedAt: 2,
  status: 'aanmelding',
  typeOfHelp: 'schuldhulpverlening',
  professional: 'Merel de Wit',
  statusDates: {},
  fictitious: false,
  adults: [{ id: 'a1', role: 'aanvrager', firstName: 'Anna', lastName: 'Klant 1', birthDate: '1988-03-14', bsn: null }],
  children: [],
  address: { street: 'Kruisstraat', houseNumber: '17a', postcode: '9711 AB', city: 'Groningen' },
  contact: {},
  bankAccounts: [],
  incomes: [],
  expenses: [],
  debts: [],
  notes: [],
};

function unlockedApp(handlers: Handlers) {
  const client = createFakeClient({ 'settings.get': () => ({ userName: 'Merel de Wit', autoLockMinutes: 10 }), ...handlers }, status('unlocked'));
  render(<App client={client} />);
  return client;
}

const searches = (client: ReturnType<typeof unlockedApp>) => client.callsTo('dossier.search') as SearchInput[];
const lastSearch = (client: ReturnType<typeof unlockedApp>) => searches(client).at(-1);
const names = () => screen.getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[1]!.textContent);
/** The live line above the table that says which rows are shown. */
const rangeLine = () => {
  const line = screen.getAllByRole('status').find((el) => el.classList.contains('list-range'));
  if (!line) throw new Error('no range line');
  return line;
};

describe('the dossier list pages through the core', () => {
  it('shows the first page and the total, and pages forward, back, to the end and to the start', async () => {
    const client = unlockedApp({ 'dossier.search': pagedCore(10_000) });
    await screen.findByText('Klant 1, Anna');
    expect(lastSearch(client)).toEqual({ sort: { key: 'updated', dir: 'desc' }, offset: 0, limit: 50 });
    expect(rangeLine().textContent).toBe('1–50 van 10.000 dossiers');
    expect(screen.getAllByRole('row')).toHaveLength(1 + 50);
    const pager = screen.getByRole('navigation', { name: "Pagina's van de dossierlijst" });
    expect(within(pager).getByText('Pagina 1 van 200')).toBeTruthy();
    expect(within(pager).getByRole('button', { name: 'Vorige' }).getAttribute('aria-disabled')).toBe('true');

    fireEvent.click(within(pager).getByRole('button', { name: 'Volgende' }));
    await screen.findByText('Klant 51, Anna');
    expect(lastSearch(client)).toMatchObject({ offset: 50, limit: 50 });
    expect(rangeLine().textContent).toBe('51–100 van 10.000 dossiers');
    expect(screen.queryByText('Klant 1, Anna')).toBeNull();

    fireEvent.click(within(pager).getByRole('button', { name: 'Laatste' }));
    await screen.findByText('Klant 10000, Anna');
    expect(lastSearch(client)).toMatchObject({ offset: 9_950 });
    expect(rangeLine().textContent).toBe('9.951–10.000 van 10.000 dossiers');
    expect(within(pager).getByText('Pagina 200 van 200')).toBeTruthy();
    const next = within(pager).getByRole('button', { name: 'Volgende' });
    expect(next.getAttribute('aria-disabled')).toBe('true');
    const asked = searches(client).length;
    fireEvent.click(next);
    expect(searches(client)).toHaveLength(asked);

    fireEvent.click(within(pager).getByRole('button', { name: 'Vorige' }));
    await screen.findByText('Klant 9950, Anna');
    expect(rangeLine().textContent).toBe('9.901–9.950 van 10.000 dossiers');
    fireEvent.click(within(pager).getByRole('button', { name: 'Eerste' }));
    await screen.findByText('Klant 1, Anna');
    expect(lastSearch(client)).toMatchObject({ offset: 0 });
  });

  it('a short list has no pager, one dossier says so, an empty vault invites a new dossier', async () => {
    let total = 3;
    const client = unlockedApp({ 'dossier.search': (i) => pagedCore(total)(i) });
    await screen.findByText('Klant 3, Anna');
    expect(rangeLine().textContent).toBe('1–3 van 3 dossiers');
    expect(screen.queryByRole('navigation', { name: "Pagina's van de dossierlijst" })).toBeNull();
    total = 1;
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'nazorg' } });
    await waitFor(() => expect(rangeLine().textContent).toBe('1 dossier'));
    expect(lastSearch(client)).toMatchObject({ status: 'nazorg' });
    total = 0;
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: '' } });
    await waitFor(() => expect(rangeLine().textContent).toBe('Geen dossiers gevonden. Maak een nieuw dossier aan om te beginnen.'));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('sorts by a column in the core, both ways, back to page 1, and shows the rows in the core\'s order', async () => {
    // The core answers in an order this screen could not have made up itself: it must show it as given.
    const order = [summary(7, 'Zijlstra, Piet'), summary(3, 'Bakker, Anna'), summary(5, 'Oosterbroek, Fenna')];
    const client = unlockedApp({ 'dossier.search': ({ offset = 0 }) => exact(offset === 0 ? order : [summary(99)], 120) });
    await screen.findByText('Bakker, Anna');
    fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    await screen.findByText('Klant 99, Anna');

    fireEvent.click(screen.getByRole('button', { name: 'Naam' }));
    await screen.findByText('Bakker, Anna');
    expect(lastSearch(client)).toEqual({ sort: { key: 'name', dir: 'asc' }, offset: 0, limit: 50 });
    expect(names()).toEqual(['Zijlstra, Piet', 'Bakker, Anna', 'Oosterbroek, Fenna']);
    expect(screen.getByRole('columnheader', { name: /Naam/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('columnheader', { name: /Gewijzigd/ }).getAttribute('aria-sort')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /Naam/ }));
    await waitFor(() => expect(lastSearch(client)?.sort).toEqual({ key: 'name', dir: 'desc' }));
    expect(screen.getByRole('columnheader', { name: /Naam/ }).getAttribute('aria-sort')).toBe('descending');
    for (const [label, key] of [
      ['Dossiernummer', 'number'],
      ['Status', 'status'],
      ['Gewijzigd', 'updated'],
      ['Kinderen', 'children'],
      ['Postcode', 'postcode'],
      ['Soort hulp', 'typeOfHelp'],
    ] as const) {
      fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${label}`) }));
      // A new column starts ascending, except the change date, which starts with the newest.
      await waitFor(() => expect(lastSearch(client)?.sort).toEqual({ key, dir: key === 'updated' ? 'desc' : 'asc' }));
    }
  });

  it('ranks by relevance while searching unless a column was chosen, and filters in the core', async () => {
    const client = unlockedApp({ 'dossier.search': pagedCore(3) });
    await screen.findByText('Klant 1, Anna');
    type(screen.getByLabelText('Zoeken'), 'eneco');
    await waitFor(() => expect(lastSearch(client)).toEqual({ query: 'eneco', sort: { key: 'relevance', dir: 'desc' }, offset: 0, limit: 50 }));
    await waitFor(() => expect(rangeLine().textContent).toBe('1–3 van 3 dossiers, de best passende eerst'));
    for (const h of screen.getAllByRole('columnheader')) expect(h.getAttribute('aria-sort')).toBeNull();

    fireEvent.change(screen.getByLabelText('Soort hulp'), { target: { value: 'budgetbeheer' } });
    await waitFor(() => expect(lastSearch(client)).toMatchObject({ query: 'eneco', typeOfHelp: 'budgetbeheer', sort: { key: 'relevance' } }));
    type(screen.getByLabelText('Zoeken'), '');
    await waitFor(() => expect(lastSearch(client)).toEqual({ typeOfHelp: 'budgetbeheer', sort: { key: 'updated', dir: 'desc' }, offset: 0, limit: 50 }));

    // A column chosen before searching stays chosen.
    fireEvent.click(screen.getByRole('button', { name: 'Naam' }));
    type(screen.getByLabelText('Zoeken'), 'nl91');
    await waitFor(() => expect(lastSearch(client)).toMatchObject({ query: 'nl91', sort: { key: 'name', dir: 'asc' } }));
  });

  it('a search with more than 1,000 hits says "meer dan 1.000", shows the order it got, and pages on to the end', async () => {
    // The core's rule (tests/integration/services/dossier-search-broad.test.ts): counted up to the page's end, at
    // least 1,000; more than that is a lower bound; most recently added first. Here 1,020 hits.
    const hits = 1020;
    const broad = ({ query, offset = 0, limit = PAGE_SIZE }: SearchInput): SearchOutput => {
      if (!query) return exact([summary(1)], 1);
      const cap = Math.max(1000, offset + limit);
      const items: DossierSummary[] = [];
      for (let i = offset; i < Math.min(hits, offset + limit); i++) items.push(summary(hits - i, `Nieuw ${hits - i}, Anna`));
      return { items, total: Math.min(hits, cap), totalIsLowerBound: hits > cap, order: 'added' };
    };
    const client = unlockedApp({ 'dossier.search': broad });
    await screen.findByText('Klant 1, Anna');
    type(screen.getByLabelText('Zoeken'), 'belastingdienst');
    await screen.findByText('Nieuw 1020, Anna');
    expect(lastSearch(client)).toEqual({ query: 'belastingdienst', sort: { key: 'relevance', dir: 'desc' }, offset: 0, limit: 50 });
    expect(rangeLine().textContent).toBe(
      '1–50 van meer dan 1.000 dossiers — maak de zoekopdracht specifieker. Laatst toegevoegd eerst; op relevantie of een kolom sorteren kan bij 1.000 dossiers of minder.',
    );
    const pager = screen.getByRole('navigation', { name: "Pagina's van de dossierlijst" });
    expect(within(pager).getByText('Pagina 1 van meer dan 20')).toBeTruthy();
    // The last page is not known yet.
    expect(within(pager).getByRole('button', { name: 'Laatste' }).getAttribute('aria-disabled')).toBe('true');

    // A column chosen now is asked for, but the core still answers newest first: no column claims the order.
    fireEvent.click(screen.getByRole('button', { name: 'Naam' }));
    await waitFor(() => expect(lastSearch(client)?.sort).toEqual({ key: 'name', dir: 'asc' }));
    await waitFor(() => expect(screen.queryByText('Klant 1, Anna')).toBeNull());
    for (const h of screen.getAllByRole('columnheader')) expect(h.getAttribute('aria-sort')).toBeNull();

    // Page 20 is the last counted one; "Volgende" still goes on, and page 21 knows the exact total.
    for (let p = 1; p <= 20; p++) {
      fireEvent.click(within(pager).getByRole('button', { name: 'Volgende' }));
      await screen.findByText(`Nieuw ${hits - p * 50}, Anna`);
    }
    expect(lastSearch(client)).toMatchObject({ offset: 1000, limit: 50 });
    expect(rangeLine().textContent).toBe(
      '1.001–1.020 van 1.020 dossiers. Laatst toegevoegd eerst; op relevantie of een kolom sorteren kan bij 1.000 dossiers of minder.',
    );
    expect(within(pager).getByText('Pagina 21 van 21')).toBeTruthy();
    expect(within(pager).getByRole('button', { name: 'Volgende' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('debounces typing and drops a late answer to an older keystroke', async () => {
    const pending = new Map<string, (out: SearchOutput) => void>();
    const client = unlockedApp({
      'dossier.search': (i) => (i.query ? new Promise<SearchOutput>((resolve) => pending.set(i.query!, resolve)) : exact([summary(1)], 1)),
    });
    await screen.findByText('Klant 1, Anna');
    const box = screen.getByLabelText('Zoeken');
    type(box, 'j');
    type(box, 'ja');
    type(box, 'jan');
    await waitFor(() => expect(pending.has('jan')).toBe(true));
    // The keystrokes within the debounce time asked once, for the last text.
    expect(searches(client).map((s) => s.query ?? '')).toEqual(['', 'jan']);

    type(box, 'jans');
    await new Promise((r) => setTimeout(r, SEARCH_DEBOUNCE_MS + 50));
    await waitFor(() => expect(pending.has('jans')).toBe(true));
    pending.get('jans')!(exact([summary(2, 'Jansen, Joost')], 1));
    await screen.findByText('Jansen, Joost');
    // The answer to "jan" arrives last: it is stale and must not replace the newer rows.
    pending.get('jan')!(exact([summary(3, 'Janssens, Ria')], 1));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText('Janssens, Ria')).toBeNull();
    expect(screen.getByText('Jansen, Joost')).toBeTruthy();
  });

  it('keeps search, filters, sort and page after opening a dossier and coming back', async () => {
    const client = unlockedApp({ 'dossier.search': pagedCore(120), 'dossier.get': () => DOSSIER });
    await screen.findByText('Klant 1, Anna');
    type(screen.getByLabelText('Zoeken'), 'groningen');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'aanmelding' } });
    fireEvent.click(screen.getByRole('button', { name: 'Naam' }));
    fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    await screen.findByText('Klant 51, Anna');
    const before = lastSearch(client);
    expect(before).toEqual({ query: 'groningen', status: 'aanmelding', sort: { key: 'name', dir: 'asc' }, offset: 50, limit: 50 });

    fireEvent.click(screen.getByRole('link', { name: 'Klant 51, Anna' }));
    await screen.findByRole('heading', { level: 1, name: /Klant 1, Anna/ });
    fireEvent.click(screen.getByRole('link', { name: 'Dossiers' }));
    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });
    expect((screen.getByLabelText('Zoeken') as HTMLInputElement).value).toBe('groningen');
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('aanmelding');
    await screen.findByText('Klant 51, Anna');
    expect(screen.getByRole('columnheader', { name: /Naam/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(rangeLine().textContent).toBe('51–100 van 120 dossiers');
    expect(lastSearch(client)).toEqual(before);
  });

  it('a page that no longer exists (dossiers removed elsewhere) falls back to the last one', async () => {
    let total = 120;
    const client = unlockedApp({ 'dossier.search': (i) => pagedCore(total)(i), 'dossier.get': () => DOSSIER });
    await screen.findByText('Klant 1, Anna');
    fireEvent.click(screen.getByRole('button', { name: 'Laatste' }));
    await screen.findByText('Klant 120, Anna');
    fireEvent.click(screen.getByRole('link', { name: 'Klant 101, Anna' }));
    await screen.findByRole('heading', { level: 1, name: /Klant 1, Anna/ });
    total = 60;
    fireEvent.click(screen.getByRole('link', { name: 'Dossiers' }));
    await screen.findByText('Klant 60, Anna');
    expect(rangeLine().textContent).toBe('51–60 van 60 dossiers');
    expect(searches(client).slice(-2).map((s) => s.offset)).toEqual([100, 50]);
  });
});
