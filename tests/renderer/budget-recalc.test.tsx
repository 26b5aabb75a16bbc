// Issue 7: recalculating brings the changed figures into view. Against a fake core whose answers come from the
// real engine on the bundled norm tables: a peildatum in another norm period changes the bijstandsnorm but not
// the saldo (income and expenses are the same on both dates), so exactly the norm-based figures are marked,
// the first is scrolled into view (without animation under prefers-reduced-motion), a live region says what
// changed, focus stays on "Berekenen", and the marks go away.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/renderer/App';
import { computeBudget, projectBudget, toBudgetJson, type BudgetInputs, type NormSet } from '../../src/shared/budget';
import { budgetSections } from '../../src/shared/presenter';
import { serializeBudgetResult, serializeProjection, type BudgetViewWire } from '../../src/shared/contract/budget';
import { budgetInputsSchema } from '../../src/shared/budget/inputs';
import { bundledNorms, householdData, storedDossier, VEENSTRA, veenstraSummary } from '../support/budget';
import { createFakeClient, status } from './fake-client';

const JULY = '2026-11-23';
const JANUARY = '2026-03-02';

const SUMMARY = veenstraSummary();
const DATA = householdData({
  ...VEENSTRA,
  incomes: [{ description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1401.50', frequency: 'maand' }],
  expenses: [{ description: 'Huur', category: 'huur', amount: '950.00', frequency: 'maand' }],
});
const INPUTS: BudgetInputs = budgetInputsSchema.parse({});

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});

function view(date: string): BudgetViewWire {
  const result = computeBudget(DATA, INPUTS, norms, date);
  const projection = projectBudget(DATA, INPUTS, norms, date, 24);
  return {
    dossierId: 'd1',
    referenceDate: date,
    inputs: { ...INPUTS, statedBvv: null },
    inputsUpdatedAt: null,
    result: serializeBudgetResult(result),
    projection: serializeProjection(projection),
    sections: budgetSections(toBudgetJson(result, projection)),
  };
}

let scrolled: { id: string | undefined; options: unknown }[];
let reduce: boolean;

beforeEach(() => {
  scrolled = [];
  reduce = false;
  // jsdom lays nothing out: record where the screen asks to scroll, and answer the motion preference.
  Element.prototype.scrollIntoView = function (this: HTMLElement, options?: unknown) {
    scrolled.push({ id: this.dataset?.['figureId'], options });
  } as typeof Element.prototype.scrollIntoView;
  window.matchMedia = vi.fn(
    (query: string) =>
      ({ matches: query.includes('reduce') && reduce, media: query, addEventListener: () => undefined, removeEventListener: () => undefined, addListener: () => undefined, removeListener: () => undefined }) as unknown as MediaQueryList,
  );
  URL.createObjectURL = vi.fn(() => 'blob:fake');
  URL.revokeObjectURL = vi.fn();
});
afterEach(cleanup);

async function openBudget() {
  const client = createFakeClient(
    {
      'dossier.list': () => [SUMMARY],
      'dossier.get': () => storedDossier(DATA, { id: 'd1', number: '2026-0007' }),
      'settings.get': () => ({ userName: 'Merel de Wit', autoLockMinutes: 10 }),
      'budget.get': (i) => view(i.date ?? JULY),
      'documents.list': () => [],
    },
    status('unlocked'),
  );
  render(<App client={client} />);
  fireEvent.click(await screen.findByRole('link', { name: 'Veenstra, Ilse' }));
  fireEvent.click(await screen.findByRole('tab', { name: 'Budget' }));
  await screen.findByRole('heading', { name: 'Huishouden en bijstandsnorm' });
  return client;
}

function rowOf(label: RegExp): HTMLElement {
  const figures = document.querySelector<HTMLElement>('.figure-sections')!;
  return within(figures).getByRole('rowheader', { name: label }).closest('tr')!;
}

async function recalculate(date: string) {
  const field = screen.getByLabelText('Peildatum', { exact: true });
  fireEvent.change(field, { target: { value: date } });
  const button = screen.getByRole('button', { name: 'Berekenen' });
  button.focus();
  fireEvent.click(button);
  await screen.findByText(new RegExp(`^Berekend voor peildatum`), { selector: 'p' });
  await waitFor(() => expect(screen.getByText(date, { selector: '.budget-basis strong' })).toBeTruthy(), { timeout: 5000 });
  return button;
}

describe('Budget → Berekenen: what changed', () => {
  it('marks the changed figures only, scrolls the first into view, announces them, keeps focus, then lets the marks go', async () => {
    await openBudget();
    expect(document.querySelectorAll('.figure-changed')).toHaveLength(0);
    const before = { norm: rowOf(/^Bijstandsnorm \(incl/).querySelector('td')!.textContent, saldo: rowOf(/^Saldo per maand/).querySelector('td')!.textContent };

    const button = await recalculate('02-03-2026');
    // The bijstandsnorm of the period from 01-01-2026 differs from the one from 01-07-2026; the saldo does not use a norm.
    await waitFor(() => expect(rowOf(/^Bijstandsnorm \(incl/).className).toContain('figure-changed'));
    expect(rowOf(/^Bijstandsnorm \(incl/).querySelector('td')!.textContent).not.toBe(before.norm);
    expect(within(rowOf(/^Bijstandsnorm \(incl/)).getByText('gewijzigd')).toBeTruthy();
    expect(rowOf(/^Saldo per maand/).className).not.toContain('figure-changed');
    expect(rowOf(/^Saldo per maand/).querySelector('td')!.textContent).toBe(before.saldo);
    // The key figure tile of the norm comes first on the screen: it is brought into view, smoothly.
    expect(scrolled).toEqual([{ id: 'kern-norm', options: { block: 'center', behavior: 'smooth' } }]);
    const live = document.querySelector('.budget [role="status"][aria-live="polite"]')!;
    expect(live.textContent).toMatch(/^Opnieuw berekend voor peildatum 02-03-2026: \d+ bedragen gewijzigd: Bijstandsnorm, /);
    expect(live.textContent).not.toContain('Saldo');
    expect(document.activeElement).toBe(button);
    // Marked briefly: gone after a few seconds.
    await waitFor(() => expect(document.querySelectorAll('.figure-changed')).toHaveLength(0), { timeout: 8000 });
    expect(screen.queryByText('gewijzigd')).toBeNull();
  }, 30_000);

  it('without animation under prefers-reduced-motion, and says so when nothing changed', async () => {
    reduce = true;
    await openBudget();
    await recalculate('02-03-2026');
    await waitFor(() => expect(scrolled).toHaveLength(1));
    expect(scrolled[0]).toEqual({ id: 'kern-norm', options: { block: 'center', behavior: 'auto' } });

    await recalculate('03-03-2026');
    const live = document.querySelector('.budget [role="status"][aria-live="polite"]')!;
    await waitFor(() => expect(live.textContent).toBe('Opnieuw berekend voor peildatum 03-03-2026: geen bedragen gewijzigd.'));
    expect(document.querySelectorAll('.figure-changed')).toHaveLength(0);
    expect(scrolled).toHaveLength(1);
  }, 30_000);
});
