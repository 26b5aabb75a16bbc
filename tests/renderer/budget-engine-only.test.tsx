// The Budget tab shows only what the engine computed (issue 6 part 3): every amount on the screen is an amount of
// the engine's answer (result, JSON or projection), formatted by the shared presenter; nothing is recomputed in
// the renderer. And provisional norms (issue 7) are marked on the screen. The fake core answers with the real
// engine over the bundled norm tables.
import { budgetSections } from '../../src/shared/presenter';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { budgetInputsSchema, computeBudget, projectBudget, toBudgetJson, type BudgetInputs, type NormSet } from '../../src/shared/budget';
import { serializeBudgetResult, serializeProjection, type BudgetViewWire } from '../../src/shared/contract/budget';
import { formatEuro } from '../../src/shared/money';
import { bundledNorms, householdData, storedDossier, VEENSTRA, veenstraSummary } from '../support/budget';
import { createFakeClient, status, openDossierTab } from './fake-client';

const SUMMARY = veenstraSummary();

// Weekly and four-weekly amounts: their monthly figures have more than two decimals before rounding.
const DATA = householdData({
  ...VEENSTRA,
  incomes: [
    { description: 'Loon', category: 'loon', amount: '412.37', frequency: 'week' },
    { description: 'Kinderbijslag', category: 'kinderbijslag', amount: '300.00', frequency: 'kwartaal' },
    { description: 'Zorgtoeslag', category: 'zorgtoeslag', amount: '100.00', frequency: 'maand' },
  ],
  expenses: [
    { description: 'Huur', category: 'huur', amount: '950.00', frequency: 'maand' },
    { description: 'Boodschappen', category: 'voeding', amount: '151.11', frequency: 'week' },
    { description: 'Kleding', category: 'kleding', amount: '77.77', frequency: 'vierweken' },
  ],
});
const INPUTS: BudgetInputs = budgetInputsSchema.parse({ toetsingsinkomenPerJaar: '24000.00' });

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});

function view(date: string): BudgetViewWire {
  const inputs = INPUTS;
  const result = computeBudget(DATA, inputs, norms, date);
  const projection = projectBudget(DATA, inputs, norms, date, 24);
  return {
    dossierId: 'd1',
    referenceDate: date,
    inputs: { ...inputs, statedBvv: null } as BudgetViewWire['inputs'],
    inputsUpdatedAt: null,
    result: serializeBudgetResult(result),
    projection: serializeProjection(projection),
    sections: budgetSections(toBudgetJson(result, projection)),
  };
}

async function openBudget(date: string): Promise<BudgetViewWire> {
  const v = view(date);
  const client = createFakeClient(
    {
      'dossier.list': () => [SUMMARY],
      'dossier.get': () => storedDossier(DATA, { id: 'd1', number: '2026-0007' }),
      'settings.get': () => ({ userName: 'Merel de Wit', autoLockMinutes: 10 }),
      'budget.get': () => v,
      'documents.list': () => [],
    },
    status('unlocked'),
  );
  render(<App client={client} />);
  await openDossierTab('Veenstra, Ilse', 'Budget');
  await screen.findByRole('heading', { name: 'Huishouden en bijstandsnorm' });
  return v;
}

/** Every amount the engine's answer holds, as the presenter shows it ("€ 1.234,56"), also inside its messages. */
function engineAmounts(v: BudgetViewWire): Set<string> {
  const out = new Set<string>();
  const walk = (x: unknown): void => {
    if (typeof x === 'string') {
      if (/^-?\d+\.\d{2}$/.test(x)) out.add(formatEuro(x));
      for (const m of x.matchAll(/€ -?[\d.]+,\d{2}/g)) out.add(m[0]);
    } else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') Object.values(x).forEach(walk);
  };
  walk(v);
  return out;
}

afterEach(cleanup);

describe('Budget tab: only engine figures', () => {
  it('shows no amount the engine did not compute', async () => {
    const v = await openBudget('2026-11-23');
    const allowed = engineAmounts(v);
    const panel = document.querySelector('.budget')!;
    const cells = [...panel.querySelectorAll('td, dd, .key-value, .alert, li')];
    const shown = cells.flatMap((c) => [...(c.textContent ?? '').replace(/\u00a0/g, ' ').matchAll(/€ -?[\d.]+,\d{2}/g)].map((m) => m[0]));
    expect(shown.length).toBeGreaterThan(40);
    const foreign = shown.filter((a) => !allowed.has(a));
    expect(foreign).toEqual([]);
  });

  it('shows the sections that add up and the entitlement checks from the engine', async () => {
    const v = await openBudget('2026-11-23');
    const addsUp = screen.getByRole('region', { name: 'Zo telt het op' });
    const saldo = within(addsUp).getByRole('table', { name: 'Saldo per maand' });
    // Loon 412.37 x 52 / 12 = 1786.9366.. -> 1786.94; kinderbijslag 300/3 = 100.00; zorgtoeslag 100.00: 1986.94.
    expect(within(saldo).getByRole('rowheader', { name: 'Inkomen' }).closest('tr')!.textContent).toContain('€ 1.986,94');
    expect(v.sections.find((x) => x.id === 'saldo')!.rows.find((r) => r.id === 'inkomen')!.amount).toBe('1986.94');
    const checks = screen.getByRole('region', { name: /Toeslagen en kinderregelingen/ });
    expect(within(checks).getByRole('rowheader', { name: 'Zorgtoeslag' })).toBeTruthy();
    expect(within(checks).getByRole('rowheader', { name: 'Kinderbijslag' })).toBeTruthy();
  });

  it('marks provisional norms on 01-03-2027 and shows all 24 months', async () => {
    await openBudget('2027-03-01');
    expect(screen.getByText('Voorlopig: de normen per 01-01-2027 zijn nog niet gepubliceerd')).toBeTruthy();
    const normRow = screen.getByRole('rowheader', { name: /^Bijstandsnorm \(incl\. vakantietoeslag\)/ }).closest('tr')!;
    // Alleenstaande ouder, 2026-07-01 table: 1419.46, marked with *.
    expect(normRow.textContent).toContain('€ 1.419,46');
    expect(normRow.textContent).toContain('*');
    expect(normRow.textContent).toContain('voorlopig: de normen per 01-01-2027 zijn nog niet gepubliceerd');
    const projection = screen.getByRole('region', { name: /Verwachting voor de komende 24 maanden/ });
    expect(within(projection).getAllByRole('row')).toHaveLength(25);
    expect(within(projection).getAllByText('normen nog niet bekend').length).toBeGreaterThan(0);
  });
});
