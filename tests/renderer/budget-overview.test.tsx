// Budgetoverzicht against a fake core: 1,200 households answered in pages of 500 (budget.batch), so the screen's
// progress, its paging through the batch pages, sorting, the filters and their counts, "Stoppen", leaving the
// screen and the link to a household's Budget tab are checked. The households are built so every count below
// follows from the rule that made them (written out next to each expectation), not from the screen.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import type { BudgetBatchItem, BudgetBatchOut } from '../../src/shared/contract/budget-batch';
import type { ProcedureInput } from '../../src/shared/contract/procedures';
import { householdData, storedDossier, VEENSTRA } from '../support/budget';
import { createFakeClient, fail, status, type Handlers } from './fake-client';

const TOTAL = 1200;
const PROVISIONAL = 'voorlopig: de normen per 01-01-2027 zijn nog niet gepubliceerd';
const UNCOVERED = 'Er is geen normtabel voor de peildatum 01-06-2023.';

/**
 * Household i (0-based), dossier number 2026-(i+1): saldo −(i+1) when i is a multiple of 4 (a tekort), else +i;
 * income 1000 against a bijstandsnorm of 1200 when i is a multiple of 5 (under the norm), else 900; two warnings
 * when i is a multiple of 10; provisional when i is a multiple of 100; the last three (1197–1199) not computable.
 */
function household(i: number): BudgetBatchItem {
  const base = { dossierId: `d${i}`, number: `2026-${String(i + 1).padStart(4, '0')}`, displayName: `Huishouden ${i + 1}`, referenceDate: '2026-11-30' };
  if (i >= 1197) return { ...base, figures: null, error: { code: 'NORM_NOT_COVERED', message: UNCOVERED } };
  return {
    ...base,
    figures: {
      inkomen: '1000.00',
      bijstandsnorm: i % 5 === 0 ? '1200.00' : '900.00',
      beslagvrijeVoet: '1100.00',
      vtlb: null,
      afloscapaciteit: '25.50',
      saldo: i % 4 === 0 ? `-${i + 1}.00` : `${i}.00`,
      warnings: i % 10 === 0 ? 2 : 0,
      provisional: i % 100 === 0 ? PROVISIONAL : null,
    },
    error: null,
  };
}
const ALL = Array.from({ length: TOTAL }, (_, i) => household(i));
// Multiples of 4 in 0..1196: 300; of 5: 240; of 10: 120; of 100: 12; not computable: 3.

function page(input: ProcedureInput<'budget.batch'>, items = ALL): BudgetBatchOut {
  const offset = input.page?.offset ?? 0;
  const limit = input.page?.limit ?? 100;
  return { total: items.length, offset, limit, items: items.slice(offset, offset + limit) };
}

/** A promise the test settles itself, to hold one batch page back. */
function deferred() {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  return { held, release };
}

/** The app, with the second batch page (offset 500) held back until `second.release()`. */
function appHoldingSecondPage() {
  const second = deferred();
  const client = app({
    'budget.batch': async (i) => {
      if (i.page?.offset === 500) await second.held;
      return page(i);
    },
  });
  return { second, client };
}

function app(handlers: Handlers = {}) {
  const client = createFakeClient(
    {
      'dossier.list': () => [],
      'settings.get': () => ({ userName: 'Merel de Wit', autoLockMinutes: 10 }),
      'budget.batch': (i) => page(i),
      ...handlers,
    },
    status('unlocked'),
  );
  render(<App client={client} />);
  return client;
}

async function openOverview() {
  fireEvent.click(await screen.findByRole('link', { name: 'Budgetoverzicht' }));
  await screen.findByRole('heading', { level: 1, name: 'Budgetoverzicht' });
}

const progressText = () => screen.getByText(/^(Berekend|Gestopt):/).textContent ?? '';
const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1) as HTMLTableRowElement[];
const firstCells = () => bodyRows().map((r) => within(r).getByRole('rowheader').textContent);

afterEach(cleanup);

describe('Budgetoverzicht', () => {
  it('computes every household page by page with progress, then lists them 50 at a time', async () => {
    const { second, client } = appHoldingSecondPage();
    await openOverview();
    // The first page is in; the second is held back.
    await waitFor(() => expect(progressText()).toBe('Berekend: 500 van 1.200 huishoudens'));
    const bar = screen.getByRole('progressbar', { name: 'Voortgang van de berekening' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([500, 1200]);
    expect(screen.getByRole('button', { name: 'Stoppen' })).toBeTruthy();
    // Already usable: the rows computed so far.
    expect(screen.getByLabelText('Tekort (saldo negatief): 125 van 500')).toBeTruthy();
    act(() => second.release());
    await waitFor(() => expect(progressText()).toBe('Berekend: 1.200 van 1.200 huishoudens.'));
    expect(screen.queryByRole('button', { name: 'Stoppen' })).toBeNull();
    expect(client.callsTo('budget.batch')).toEqual([
      { page: { offset: 0, limit: 500 } },
      { page: { offset: 500, limit: 500 } },
      { page: { offset: 1000, limit: 500 } },
    ]);

    // 50 rows of 1,200 in the DOM, in dossier-number order.
    expect(screen.getByRole('table').querySelector('caption')!.textContent).toBe('Alle huishoudens: 1–50 van 1.200');
    expect(bodyRows()).toHaveLength(50);
    expect(firstCells()[0]).toBe('2026-0001 Huishouden 1');
    expect(screen.getByText('Pagina 1 van 24')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    expect(firstCells()[0]).toBe('2026-0051 Huishouden 51');
    fireEvent.click(screen.getByRole('button', { name: 'Laatste' }));
    expect(screen.getByText('Pagina 24 van 24')).toBeTruthy();
    // The last household could not be computed: dashes and the core's message.
    const last = bodyRows().at(-1)!;
    expect(within(last).getByRole('rowheader').textContent).toBe('2026-1200 Huishouden 1200');
    expect(last.textContent).toContain(UNCOVERED);
    expect(last.textContent).toContain('—niet te berekenen');

    // Household 1 (i = 0): saldo −1, under the norm, two warnings, provisional.
    fireEvent.click(screen.getByRole('button', { name: 'Eerste' }));
    const first = bodyRows()[0]!;
    expect(Array.from(first.cells).map((c) => c.textContent)).toEqual([
      '2026-0001 Huishouden 1',
      '€ 1.000,00',
      '€ 1.200,00',
      '€ 1.100,00',
      '—niet te berekenen',
      '€ 25,50',
      '€ -1,00',
      '2',
      `Voorlopig (${PROVISIONAL})`,
    ]);
    expect(within(first).getByText('Voorlopig').closest('[title]')!.getAttribute('title')).toBe(PROVISIONAL);
  });

  it('sorts by a column as decimals, missing figures last either way', async () => {
    app();
    await openOverview();
    await waitFor(() => expect(progressText()).toBe('Berekend: 1.200 van 1.200 huishoudens.'));
    const saldo = screen.getByRole('columnheader', { name: /Saldo/ });
    fireEvent.click(within(saldo).getByRole('button'));
    expect(saldo.getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('columnheader', { name: /Dossier/ }).getAttribute('aria-sort')).toBeNull();
    // Lowest saldo: the largest multiple of 4 below 1197 is 1196 (saldo −1197), then 1192 (−1193); compared as
    // text, "-99.00" would come between them.
    expect(firstCells().slice(0, 2)).toEqual(['2026-1197 Huishouden 1197', '2026-1193 Huishouden 1193']);
    expect(bodyRows()[0]!.cells[6]!.textContent).toBe('€ -1.197,00');
    fireEvent.click(screen.getByRole('button', { name: 'Laatste' }));
    expect(firstCells().slice(-3)).toEqual(['2026-1198 Huishouden 1198', '2026-1199 Huishouden 1199', '2026-1200 Huishouden 1200']);

    fireEvent.click(within(saldo).getByRole('button'));
    expect(saldo.getAttribute('aria-sort')).toBe('descending');
    // Back on the first page; highest saldo: 1195 (not a multiple of 4), then 1194.
    expect(firstCells().slice(0, 2)).toEqual(['2026-1196 Huishouden 1196', '2026-1195 Huishouden 1195']);
    fireEvent.click(screen.getByRole('button', { name: 'Laatste' }));
    expect(firstCells().at(-1)).toBe('2026-1200 Huishouden 1200');

    // Warnings, most first: the multiples of 10 (two each), by number among themselves.
    const warnings = screen.getByRole('columnheader', { name: /Waarschuwingen/ });
    fireEvent.click(within(warnings).getByRole('button'));
    fireEvent.click(within(warnings).getByRole('button'));
    expect(warnings.getAttribute('aria-sort')).toBe('descending');
    expect(firstCells().slice(0, 2)).toEqual(['2026-0001 Huishouden 1', '2026-0011 Huishouden 11']);
  });

  it('filters with a count per filter', async () => {
    app();
    await openOverview();
    await waitFor(() => expect(progressText()).toBe('Berekend: 1.200 van 1.200 huishoudens.'));
    const filters = screen.getByRole('group', { name: 'Tonen' });
    const expected: [string, string, string][] = [
      ['Tekort (saldo negatief): 300 van 1.200', 'Tekort (saldo negatief): 1–50 van 300', '2026-0005 Huishouden 5'],
      ['Inkomen onder de bijstandsnorm: 240 van 1.200', 'Inkomen onder de bijstandsnorm: 1–50 van 240', '2026-0006 Huishouden 6'],
      ['Met waarschuwingen: 120 van 1.200', 'Met waarschuwingen: 1–50 van 120', '2026-0011 Huishouden 11'],
      ['Voorlopig: 12 van 1.200', 'Voorlopig: 1–12 van 12', '2026-0101 Huishouden 101'],
      ['Niet te berekenen: 3 van 1.200', 'Niet te berekenen: 1–3 van 3', '2026-1199 Huishouden 1199'],
      ['Alle huishoudens: 1.200', 'Alle huishoudens: 1–50 van 1.200', '2026-0002 Huishouden 2'],
    ];
    for (const [label, caption, second] of expected) {
      fireEvent.click(within(filters).getByLabelText(label));
      expect(screen.getByRole('table').querySelector('caption')!.textContent).toBe(caption);
      expect(firstCells()[1]).toBe(second);
    }
    // A filter starts at its first page and pages over its own rows: 300 tekorten are 6 pages.
    fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    fireEvent.click(within(filters).getByLabelText('Tekort (saldo negatief): 300 van 1.200'));
    expect(screen.getByText('Pagina 1 van 6')).toBeTruthy();
    expect(bodyRows().every((r) => r.cells[6]!.textContent!.startsWith('€ -'))).toBe(true);
    // No money totals anywhere: only counts.
    expect(document.querySelector('tfoot')).toBeNull();
  });

  it('"Stoppen" asks for no further page and keeps the rows computed, "Verder berekenen" goes on; leaving the screen stops too', async () => {
    const { second, client } = appHoldingSecondPage();
    await openOverview();
    await waitFor(() => expect(progressText()).toBe('Berekend: 500 van 1.200 huishoudens'));
    const stop = screen.getByRole('button', { name: 'Stoppen' });
    stop.focus();
    fireEvent.click(stop);
    expect(progressText()).toBe('Gestopt: 500 van 1.200 huishoudens berekend.');
    // The same button now offers to go on, and keeps the keyboard focus.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Verder berekenen' }));
    // The page already asked for arrives, and is neither shown nor followed by another.
    await act(async () => second.release());
    expect(client.callsTo('budget.batch')).toHaveLength(2);
    expect(progressText()).toBe('Gestopt: 500 van 1.200 huishoudens berekend.');
    expect(screen.getByLabelText('Alle huishoudens: 500')).toBeTruthy();

    // "Verder berekenen" goes on after the last page shown.
    fireEvent.click(screen.getByRole('button', { name: 'Verder berekenen' }));
    await waitFor(() => expect(progressText()).toBe('Berekend: 1.200 van 1.200 huishoudens.'));
    expect(client.callsTo('budget.batch').slice(2)).toEqual([{ page: { offset: 500, limit: 500 } }, { page: { offset: 1000, limit: 500 } }]);
    expect(screen.getByLabelText('Alle huishoudens: 1.200')).toBeTruthy();

    // Again, and away to the dossier list while the second page is out.
    const third = deferred();
    client.handlers['budget.batch'] = async (i) => {
      if (i.page?.offset === 500) await third.held;
      return page(i);
    };
    fireEvent.click(screen.getByRole('button', { name: 'Berekenen' }));
    await waitFor(() => expect(client.callsTo('budget.batch')).toHaveLength(6));
    fireEvent.click(screen.getByRole('link', { name: 'Dossiers' }));
    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });
    await act(async () => third.release());
    expect(client.callsTo('budget.batch')).toHaveLength(6);
  });

  it('opens a household on its Budget tab from its row', async () => {
    const dossier = storedDossier(householdData({ ...VEENSTRA }), { id: 'd6', number: '2026-0007' });
    const client = app({
      'budget.batch': (i) => page(i, ALL.slice(0, 10)),
      'dossier.get': () => dossier,
      'budget.get': () => fail('NORM_NOT_COVERED', UNCOVERED),
    });
    await openOverview();
    await waitFor(() => expect(progressText()).toBe('Berekend: 10 van 10 huishoudens.'));
    fireEvent.click(screen.getByRole('link', { name: '2026-0007 Huishouden 7' }));
    await screen.findByRole('heading', { level: 1, name: /Veenstra/ });
    expect(screen.getByRole('tab', { name: 'Budget' }).getAttribute('aria-selected')).toBe('true');
    expect(client.callsTo('dossier.get')).toEqual([{ id: 'd6' }]);
    await waitFor(() => expect(client.callsTo('budget.get')[0]).toMatchObject({ id: 'd6' }));
  });

  it('computes for a chosen peildatum, refuses a date that is none, and greets an empty vault', async () => {
    const client = app({ 'budget.batch': (i) => page(i, []) });
    await openOverview();
    await screen.findByText('Er zijn nog geen huishoudens in deze kluis. Maak eerst een dossier aan; dan ziet u hier zijn budget.');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();

    fireEvent.change(screen.getByLabelText('Peildatum'), { target: { value: '31-02-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Berekenen' }));
    expect(screen.getByLabelText('Peildatum').getAttribute('aria-invalid')).toBe('true');
    expect(client.callsTo('budget.batch')).toHaveLength(1);

    fireEvent.change(screen.getByLabelText('Peildatum'), { target: { value: '1-7-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Berekenen' }));
    await waitFor(() => expect(client.callsTo('budget.batch')[1]).toEqual({ date: '2026-07-01', page: { offset: 0, limit: 500 } }));
    expect(screen.getByLabelText('Peildatum').getAttribute('aria-invalid')).toBeNull();
  });

  it('shows the error of a page that fails, keeping what was computed', async () => {
    app({ 'budget.batch': (i) => ((i.page?.offset ?? 0) === 0 ? page(i) : fail('INTERNAL', 'De berekening is mislukt.')) });
    await openOverview();
    expect((await screen.findByRole('alert')).textContent).toBe('De berekening is mislukt.');
    expect(progressText()).toBe('Gestopt: 500 van 1.200 huishoudens berekend.');
    expect(bodyRows()).toHaveLength(50);
  });
});
