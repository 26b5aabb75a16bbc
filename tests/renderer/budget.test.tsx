// Dossier → Budget and Instellingen → Normen against a fake core whose answers are computed by the real budget
// engine on the bundled norm tables (the same serialiser the core uses), so the screen is tested on real data.
import { budgetSections } from '../../src/shared/presenter';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/renderer/App';
import { computeBudget, projectBudget, toBudgetJson, type BudgetInputs, type NormSet } from '../../src/shared/budget';
import { figuresOnlyOf, serializeBudgetResult, serializeProjection, type BudgetViewWire, type DocumentSummary } from '../../src/shared/contract/budget';
import { formatEuro } from '../../src/shared/money';
import { explanationText } from '../../src/shared/presenter';
import type { Dossier } from '../../src/shared/dossier/schema';
import { bundledNorms, explained, householdData, storedDossier, VEENSTRA, veenstraSummary } from '../support/budget';
import { createFakeClient, fail, status, untilCancelled, type Handlers, openDossierTab, type } from './fake-client';

const REF = '2026-11-23';

const SUMMARY = veenstraSummary();

const DATA = householdData({
  ...VEENSTRA,
  incomes: [
    { description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1401.50', frequency: 'maand' },
    { description: 'Kinderbijslag', category: 'kinderbijslag', amount: '300.00', frequency: 'kwartaal' },
  ],
  expenses: [
    { description: 'Huur', category: 'huur', amount: '950.00', frequency: 'maand' },
    { description: 'Boodschappen', category: 'voeding', amount: '150.00', frequency: 'week' },
  ],
});
const DOSSIER: Dossier = storedDossier(DATA, { id: 'd1', number: '2026-0007' });
const INPUTS: BudgetInputs = {
  referenceDate: null,
  statedBvv: null,
  kostendelers: 0,
  vtlbCorrections: [],
  belastbaarInkomenPerJaar: { aanvrager: null, partner: null },
  beslagOp: 'huishouden',
  nietBeslagenEigenInkomenPerMaand: null,
  loonheffingAutoVanDeZaakPerMaand: null,
  woonkostenverhoging: false,
  toetsingsinkomenPerJaar: null,
  vakantiegeld: null,
};

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});

function view(date = REF, inputs = INPUTS, userOrigin = false, data = DATA): BudgetViewWire {
  const result = computeBudget(data, inputs, norms, date);
  const projection = projectBudget(data, inputs, norms, date, 24);
  const r = serializeBudgetResult(result);
  // The answer lists each norm table once; the explanation refers to it (the screen resolves the reference).
  const used = new Set(explained(r.bijstandsnorm.explanation).tables.map((t) => t.table));
  if (userOrigin) for (const t of r.normTables) if (used.has(t.id)) t.origin = 'user';
  return {
    dossierId: 'd1',
    referenceDate: date,
    inputs: { ...inputs, statedBvv: inputs.statedBvv ?? null },
    inputsUpdatedAt: null,
    result: r,
    projection: serializeProjection(projection),
    sections: budgetSections(toBudgetJson(result, projection)),
  };
}

/** The answer as the core sends it: without explanations when asked so (what that is: tests/integration/budget/explanations.test.ts). */
const asAsked = (v: BudgetViewWire, i: { explanations?: boolean | undefined }): BudgetViewWire => (i.explanations === false ? figuresOnlyOf(v) : v);

const PLAN: DocumentSummary = {
  id: 'doc1',
  dossierId: 'd1',
  kind: 'budgetplan',
  fileName: 'budgetplan-2026-0007-2026-11-23.pdf',
  mime: 'application/pdf',
  createdAt: Date.UTC(2026, 10, 23, 13, 0),
  size: 20480,
  referenceDate: REF,
  normPeriods: [],
};

function app(handlers: Handlers) {
  const client = createFakeClient(
    {
      'dossier.list': () => [SUMMARY],
      'dossier.get': () => DOSSIER,
      'settings.get': () => ({ userName: 'Merel de Wit', autoLockMinutes: 10 }),
      'budget.get': (i) => asAsked(view(i.date ?? REF), i),
      'documents.list': () => [],
      ...handlers,
    },
    status('unlocked'),
  );
  render(<App client={client} />);
  return client;
}

async function openBudgetTab() {
  await openDossierTab('Veenstra, Ilse', 'Budget');
  await screen.findByRole('heading', { name: 'Huishouden en bijstandsnorm' });
}

/** The amount cell of a figure row (row header = label). */
function amountOf(label: string): string {
  // The figure sections (the "Zo telt het op" tables repeat some labels).
  const figures = document.querySelector<HTMLElement>('.figure-sections')!;
  const header = within(figures).getByRole('rowheader', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) });
  const row = header.closest('tr')!;
  return row.querySelector('td')!.textContent!.replace(/\u00a0/g, ' ');
}

afterEach(cleanup);
beforeEach(() => {
  // jsdom has no object URLs; the download itself is checked in the browser test.
  URL.createObjectURL = vi.fn(() => 'blob:fake');
  URL.revokeObjectURL = vi.fn();
});

describe('Dossier → Budget', () => {
  it('shows the engine\'s figures in nl-NL, the household type and the warnings', async () => {
    const client = app({});
    await openBudgetTab();
    expect(client.callsTo('budget.get')).toEqual([{ id: 'd1', explanations: false }]);
    const v = view();
    expect(amountOf('Huishoudtype')).toBe('Alleenstaande ouder');
    expect(amountOf('Bijstandsnorm (incl. vakantietoeslag)')).toBe('€ 1.419,46');
    expect(amountOf('Bijstandsnorm (excl. vakantietoeslag)')).toBe('€ 1.348,49');
    expect(amountOf('Afloscapaciteit')).toBe(`€ ${v.result.afloscapaciteit.value!.replace('.', ',')}`);
    // Saldo: 1401.50 + 100 − 950 − 150 × 52/12 = −98.50: a shortfall, shown in red and warned about.
    expect(v.result.budget.saldo.value).toBe('-98.50');
    expect(amountOf('Saldo per maand')).toMatch(/^-?\s?€\s?-?98,50$/);
    const warnings = screen.getByRole('alert');
    expect(within(warnings).getByText(/komt € 98,50 per maand tekort/)).toBeTruthy();
    expect(within(warnings).getAllByText('Mogelijk niet-gebruik').length).toBeGreaterThan(0);
    expect(within(warnings).getByText('Tekort')).toBeTruthy();
    // The key figures and the two charts are there, as SVG with a text alternative.
    expect(within(screen.getByRole('group', { name: 'Kerncijfers' })).getByText('€ 1.419,46')).toBeTruthy();
    expect(screen.getByRole('img', { name: /Inkomen tegenover bijstandsnorm/ })).toBeTruthy();
    const projection = screen.getByRole('img', { name: /Saldo per maand/ });
    expect(projection.textContent).toContain('geen normtabel');
  });

  it('"Toelichting" unfolds the derivation: rule, inputs, norm period, status, source, origin', async () => {
    app({ 'budget.get': () => view(REF, INPUTS, true) });
    await openBudgetTab();
    const button = screen.getByRole('button', { name: 'Toelichting bij Bijstandsnorm (incl. vakantietoeslag)' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('region', { name: 'Toelichting bij Bijstandsnorm (incl. vakantietoeslag)' })).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('region', { name: 'Toelichting bij Bijstandsnorm (incl. vakantietoeslag)' });
    expect(document.getElementById(button.getAttribute('aria-controls')!)?.contains(panel)).toBe(true);
    expect(panel.textContent).toContain('Participatiewet art. 21 onderdeel a');
    expect(panel.textContent).toContain('01-07-2026 t/m 31-12-2026');
    expect(panel.textContent).toContain('officieel');
    expect(panel.textContent).toContain('https://wetten.overheid.nl/BWBR0015703/2026-07-01');
    expect(within(panel).getAllByText('door gebruiker ingevoerd').length).toBeGreaterThan(0);
    // Sources are text, never links (the app opens nothing by itself).
    expect(within(panel).queryAllByRole('link')).toHaveLength(0);
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('region', { name: 'Toelichting bij Bijstandsnorm (incl. vakantietoeslag)' })).toBeNull();
  });

  it('shows figures first; opening a Toelichting fetches the explanations once, for the peildatum shown, and marks nothing as changed', async () => {
    const client = app({});
    await openBudgetTab();
    const explanationCalls = () => client.callsTo('budget.get').filter((c) => (c as { explanations?: boolean }).explanations !== false);
    expect(explanationCalls()).toEqual([]);
    const norm = screen.getByRole('button', { name: 'Toelichting bij Bijstandsnorm (incl. vakantietoeslag)' });
    fireEvent.click(norm);
    expect(norm.getAttribute('aria-expanded')).toBe('true');
    expect(norm.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText('Toelichting wordt geladen…')).toBeTruthy();
    // A second Toelichting opened meanwhile shares that one fetch.
    const aflos = screen.getByRole('button', { name: 'Toelichting bij Afloscapaciteit' });
    fireEvent.click(aflos);
    const full = view(REF);
    const aflosPanel = await screen.findByRole('region', { name: 'Toelichting bij Afloscapaciteit' });
    expect(aflosPanel.textContent).toContain(explanationText(explained(full.result.afloscapaciteit.explanation).rule));
    const normPanel = screen.getByRole('region', { name: 'Toelichting bij Bijstandsnorm (incl. vakantietoeslag)' });
    expect(normPanel.textContent).toContain('01-07-2026 t/m 31-12-2026');
    // The peildatum shown (the core's default here), asked for explicitly: the same figures, now explained.
    expect(explanationCalls()).toEqual([{ id: 'd1', date: REF, explanations: true }]);
    expect(norm.getAttribute('aria-busy')).toBe('false');
    expect(screen.queryByText('Toelichting wordt geladen…')).toBeNull();
    expect(amountOf('Afloscapaciteit')).toBe(`€ ${full.result.afloscapaciteit.value!.replace('.', ',')}`);
    // No recalculation: nothing marked, nothing announced.
    expect(document.querySelector('.figure-changed')).toBeNull();
    expect(document.querySelector('.budget [role="status"][aria-live="polite"]')!.textContent).toBe('');
    // Another peildatum: figures only again; the Toelichtingen left open fetch that date's explanations.
    type(screen.getByLabelText('Peildatum', { exact: true }), '01-08-2026');
    fireEvent.click(screen.getByRole('button', { name: 'Berekenen' }));
    await screen.findByText('01-08-2026', { selector: 'strong' });
    await waitFor(() => expect(explanationCalls()).toHaveLength(2));
    expect(client.callsTo('budget.get').slice(-2)).toEqual([
      { id: 'd1', date: '2026-08-01', explanations: false },
      { id: 'd1', date: '2026-08-01', explanations: true },
    ]);
    await waitFor(() => expect(screen.queryByText('Toelichting wordt geladen…')).toBeNull());
    expect(screen.getByRole('region', { name: 'Toelichting bij Afloscapaciteit' }).textContent).toContain(
      explanationText(explained(view('2026-08-01').result.afloscapaciteit.explanation).rule),
    );
  });

  it('marks the figures that differ when the explanations come with other figures (inputs saved elsewhere meanwhile)', async () => {
    const later = { ...INPUTS, kostendelers: 1 };
    app({ 'budget.get': (i) => (i.explanations === false ? figuresOnlyOf(view(i.date ?? REF)) : view(i.date ?? REF, later)) });
    await openBudgetTab();
    const before = amountOf('Bijstandsnorm (incl. vakantietoeslag)');
    const after = view(REF, later).result.bijstandsnorm.value!;
    expect(after).not.toBe(view(REF).result.bijstandsnorm.value);
    fireEvent.click(screen.getByRole('button', { name: 'Toelichting bij Afloscapaciteit' }));
    await screen.findByRole('region', { name: 'Toelichting bij Afloscapaciteit' });
    expect(amountOf('Bijstandsnorm (incl. vakantietoeslag)')).not.toBe(before);
    expect(amountOf('Bijstandsnorm (incl. vakantietoeslag)')).toBe(formatEuro(after).replace(/\u00a0/g, ' '));
    await waitFor(() => expect(document.querySelector('.figure-changed')).not.toBeNull());
    expect(document.querySelector('.budget [role="status"][aria-live="polite"]')!.textContent).toMatch(/^Opnieuw berekend voor peildatum 23-11-2026: \d+ bedragen gewijzigd: .*Bijstandsnorm/);
  });

  it('never shows explanations of an older peildatum over newer figures: an open Toelichting fetches those of the new one', async () => {
    let release: (() => void) | null = null;
    const client = app({
      'budget.get': async (i) => {
        // The first explanations (for the core's default date) arrive only after the figures of another date.
        if (i.explanations !== false && i.date === REF) await new Promise<void>((resolve) => (release = resolve));
        return asAsked(view(i.date ?? REF), i);
      },
    });
    await openBudgetTab();
    const aflos = screen.getByRole('button', { name: 'Toelichting bij Afloscapaciteit' });
    fireEvent.click(aflos);
    await waitFor(() => expect(release).not.toBeNull());
    type(screen.getByLabelText('Peildatum', { exact: true }), '01-08-2026');
    fireEvent.click(screen.getByRole('button', { name: 'Berekenen' }));
    await screen.findByText('01-08-2026', { selector: 'strong' });
    act(() => release!());
    const panel = await screen.findByRole('region', { name: 'Toelichting bij Afloscapaciteit' });
    expect(screen.getByText('01-08-2026', { selector: 'strong' })).toBeTruthy();
    expect(panel.textContent).toContain(explanationText(explained(view('2026-08-01').result.afloscapaciteit.explanation).rule));
    expect(client.callsTo('budget.get').filter((c) => (c as { explanations?: boolean }).explanations !== false)).toEqual([
      { id: 'd1', date: REF, explanations: true },
      { id: 'd1', date: '2026-08-01', explanations: true },
    ]);
    expect(amountOf('Afloscapaciteit')).toBe(`€ ${view('2026-08-01').result.afloscapaciteit.value!.replace('.', ',')}`);
  });

  it('says in the row when the explanations cannot be fetched, and tries again when the Toelichting is opened again', async () => {
    let failing = true;
    app({ 'budget.get': (i) => (i.explanations !== false && failing ? fail('INTERNAL', 'Er ging iets mis. Er is niets gewijzigd.') : asAsked(view(i.date ?? REF), i)) });
    await openBudgetTab();
    const aflos = screen.getByRole('button', { name: 'Toelichting bij Afloscapaciteit' });
    fireEvent.click(aflos);
    const message = await screen.findByText(/^De toelichting bij Afloscapaciteit kon niet worden geladen\. Er ging iets mis/);
    expect(message.closest('[role="alert"]')).toBeTruthy();
    expect(aflos.getAttribute('aria-busy')).toBe('false');
    failing = false;
    fireEvent.click(aflos);
    expect(aflos.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(aflos);
    const panel = await screen.findByRole('region', { name: 'Toelichting bij Afloscapaciteit' });
    expect(panel.textContent).toContain(explanationText(explained(view(REF).result.afloscapaciteit.explanation).rule));
    expect(screen.queryByText(/kon niet worden geladen/)).toBeNull();
  });

  it('recomputes for another peildatum and shows the core\'s NORM_NOT_COVERED message', async () => {
    const message = 'Er is geen normtabel "Bijstandsnormen" voor 01-03-2027. Voeg een normtabel toe voor deze datum (Instellingen → Normen) of kies een andere peildatum.';
    const client = app({ 'budget.get': (i) => (i.date === '2027-03-01' ? fail('NORM_NOT_COVERED', message) : view(i.date ?? REF)) });
    await openBudgetTab();
    const field = screen.getByLabelText('Peildatum', { exact: true });
    expect((field as HTMLInputElement).value).toBe('23-11-2026');
    type(field, '31-02-2026');
    fireEvent.click(screen.getByRole('button', { name: 'Berekenen' }));
    expect(await screen.findByText('31-02-2026 bestaat niet (februari heeft 28 dagen)', { selector: '.field-error' })).toBeTruthy();
    expect(client.callsTo('budget.get')).toHaveLength(1);
    type(field, '01-03-2027');
    fireEvent.click(screen.getByRole('button', { name: 'Berekenen' }));
    const alert = await screen.findByText(message);
    expect(alert.closest('[role="alert"]')).toBeTruthy();
    expect(screen.getByText('Geen normtabel voor deze peildatum')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Huishouden en bijstandsnorm' })).toBeNull();
    expect(client.callsTo('budget.get').at(-1)).toEqual({ id: 'd1', date: '2027-03-01', explanations: false });
    type(field, '01-08-2026');
    fireEvent.click(screen.getByRole('button', { name: 'Berekenen' }));
    await screen.findByRole('heading', { name: 'Huishouden en bijstandsnorm' });
    expect(screen.getByText('01-08-2026', { selector: 'strong' })).toBeTruthy();
  });

  it('validates the inputs for the calculation with the shared schema before saving', async () => {
    const saved: unknown[] = [];
    const client = app({
      'budget.saveInputs': (i) => {
        saved.push(i.inputs);
        return { inputs: { referenceDate: null, statedBvv: null, kostendelers: 0, vtlbCorrections: [], ...(i.inputs as object) } as never, updatedAt: 5 };
      },
    });
    await openBudgetTab();
    const form = screen.getByRole('form', { name: 'Gegevens voor de berekening' });
    type(within(form).getByLabelText('Beslagvrije voet volgens mededeling'), '1.350,00');
    type(within(form).getByLabelText('Aantal kostendelers (27+)'), 'twee');
    fireEvent.click(within(form).getByRole('button', { name: 'Correctie toevoegen' }));
    const line = within(form).getByRole('group', { name: 'Correctie 1' });
    fireEvent.change(within(line).getByLabelText('Soort'), { target: { value: 'arbeidstoeslag' } });
    type(within(line).getByLabelText('Bedrag'), '-25,00');
    fireEvent.click(within(form).getByRole('button', { name: 'Gegevens opslaan en herberekenen' }));

    const summary = await within(form).findByText('Controleer de volgende gegevens:');
    const list = summary.closest('[role="alert"]')!;
    expect(list.textContent).toContain('Vul een geldige datum in (dd-mm-jjjj).');
    expect(list.textContent).toContain('Vul in wie de beslagvrije voet heeft opgegeven.');
    expect(list.textContent).toContain('Vul een aantal in.');
    expect(list.textContent).toContain('Correctie 1: Alleen een correctie individuele lasten mag negatief zijn.');
    expect(list.textContent).toContain('Correctie 1: Geef bij elke correctie een toelichting.');
    expect(within(form).getByLabelText('Datum mededeling').getAttribute('aria-invalid')).toBe('true');
    expect(client.callsTo('budget.saveInputs')).toHaveLength(0);

    type(within(form).getByLabelText('Datum mededeling'), '01-10-2026');
    type(within(form).getByLabelText('Vastgesteld door'), 'CJIB');
    type(within(form).getByLabelText('Aantal kostendelers (27+)'), '1');
    fireEvent.change(within(line).getByLabelText('Soort'), { target: { value: 'woonlasten' } });
    type(within(line).getByLabelText('Toelichting'), 'Huur hoger dan de fictieve woonlasten');
    fireEvent.click(within(form).getByRole('button', { name: 'Gegevens opslaan en herberekenen' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({
      referenceDate: null,
      statedBvv: { amount: '1350.00', date: '2026-10-01', statedBy: 'CJIB' },
      kostendelers: 1,
      vtlbCorrections: [{ kind: 'woonlasten', amount: '-25.00', note: 'Huur hoger dan de fictieve woonlasten' }],
      toetsingsinkomenPerJaar: null,
      // The month is always sent; no override of the dossier's vakantiegeld.
      vakantiegeld: { maand: 5, bedragPerJaar: null, reden: null },
      belastbaarInkomenPerJaar: { aanvrager: null, partner: null },
      beslagOp: 'huishouden',
      nietBeslagenEigenInkomenPerMaand: null,
      loonheffingAutoVanDeZaakPerMaand: null,
      woonkostenverhoging: false,
    });
    // Saving recomputes.
    await waitFor(() => expect(client.callsTo('budget.get').length).toBeGreaterThanOrEqual(2));
  });

  /*
   * Beslagvrije voet step by step (art. 475da-475dc Rv). Peildatum 23-11-2026 (period 2026-07-01): alleenstaande ouder,
   * A = 1419.46, bijstand 1401.50 per month, C = 17,000: Z = 0 (C < D), I = max(0, 17,000 − 31,500) = 0 -> W = 0,
   * KGB term (C − C)/12 × 7.6 % = 0; 95 % × 1419.46 = 1348.487 -> 1348.49. 95 % × 1401.50 = 1331.425 -> 1331.43 is
   * lower (art. 475dc) -> BVV 1331.43. Stated by the CJIB: 1300.00 -> 31.43 apart (> € 1).
   */
  it('shows the BVV computation and the check of the stated BVV, and saves the BVV inputs', async () => {
    const withC: BudgetInputs = {
      ...INPUTS,
      belastbaarInkomenPerJaar: { aanvrager: '17000.00', partner: null },
      statedBvv: { amount: '1300.00', date: '2026-10-01', statedBy: 'CJIB' },
    };
    const saved: unknown[] = [];
    app({
      'budget.get': (i) => view(i.date ?? REF, withC),
      'budget.saveInputs': (i) => {
        saved.push(i.inputs);
        return { inputs: { ...withC, ...(i.inputs as object) } as never, updatedAt: 5 };
      },
    });
    await openBudgetTab();
    const section = screen.getByRole('region', { name: 'Berekening beslagvrije voet (art. 475da-475dc Rv)' });
    expect(within(section).getByText(/Formule vanaf 1 januari 2026/)).toBeTruthy();
    const cell = (label: string) =>
      within(section).getByRole('rowheader', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) }).closest('tr')!.querySelector('td')!.textContent!.replace(/\u00a0/g, ' ');
    expect(cell('95 % van de norm (A)')).toBe('€ 1.348,49');
    expect(cell('Uitkomst formule art. 475da lid 2 Rv')).toBe('€ 1.348,49');
    expect(cell('95 % van het netto inkomen (art. 475dc lid 1 Rv)')).toBe('€ 1.331,43');
    expect(cell('Opgave CJIB (01-10-2026)')).toBe('€ 1.300,00');
    expect(cell('Berekening Houvast')).toBe('€ 1.331,43');
    expect(cell('Verschil (Houvast − opgave)')).toMatch(/31,43/);
    expect(within(section).getByText(/vraag de beslaglegger om een\s+herberekening/i)).toBeTruthy();

    const form = screen.getByRole('form', { name: 'Gegevens voor de berekening' });
    expect((within(form).getByLabelText('Belastbaar inkomen aanvrager per jaar') as HTMLInputElement).value).toBe('17.000,00');
    expect(within(form).getByText(/jaaropgave \(fiscaal loon\)/)).toBeTruthy();
    type(within(form).getByLabelText('Belastbaar inkomen aanvrager per jaar'), '33.600,00');
    type(within(form).getByLabelText('Loonheffing auto van de zaak per maand'), 'veel');
    fireEvent.click(within(form).getByRole('button', { name: 'Gegevens opslaan en herberekenen' }));
    expect(await within(form).findByText('Controleer de volgende gegevens:')).toBeTruthy();
    expect(saved).toHaveLength(0);
    type(within(form).getByLabelText('Loonheffing auto van de zaak per maand'), '45,50');
    fireEvent.change(within(form).getByLabelText('Wie is schuldenaar?'), { target: { value: 'aanvrager' } });
    fireEvent.click(within(form).getByLabelText('Woonkostenverhoging gevraagd (art. 475da lid 5 Rv)'));
    fireEvent.click(within(form).getByRole('button', { name: 'Gegevens opslaan en herberekenen' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({
      belastbaarInkomenPerJaar: { aanvrager: '33600.00', partner: null },
      beslagOp: 'aanvrager',
      nietBeslagenEigenInkomenPerMaand: null,
      loonheffingAutoVanDeZaakPerMaand: '45.50',
      woonkostenverhoging: true,
      statedBvv: { amount: '1300.00', date: '2026-10-01', statedBy: 'CJIB' },
    });
  });

  /*
   * No woonadres (art. 475da lid 4 Rv), peildatum 23-11-2026 (period 2026-07-01): 0.475 × B = 0.475 × 2027.79 =
   * 963.20025 -> 963.20; minus the own non-attached income 100.00 (art. 475db lid 1 b) = 863.20; 95 % of the income
   * 1401.50 = 1331.425 -> 1331.43 is higher (art. 475dc lid 1) -> BVV 863.20. Neither the leefsituatie nor C is used.
   */
  it('shows the steps of the BVV without a woonadres', async () => {
    const noAddress = householdData({ ...VEENSTRA, address: null, incomes: DATA.incomes, expenses: DATA.expenses });
    const own: BudgetInputs = { ...INPUTS, nietBeslagenEigenInkomenPerMaand: '100.00' };
    app({ 'budget.get': (i) => asAsked(view(i.date ?? REF, own, false, noAddress), i) });
    await openBudgetTab();
    const section = screen.getByRole('region', { name: 'Berekening beslagvrije voet (art. 475da-475dc Rv)' });
    expect(within(section).getByText(/Geen woonadres in Nederland: 47,5 % van de gehuwdennorm \(art\. 475da lid 4 Rv\)/)).toBeTruthy();
    const cell = (label: string) =>
      within(section).getByRole('rowheader', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) }).closest('tr')!.querySelector('td')!.textContent!.replace(/\u00a0/g, ' ');
    expect(cell('Beslagvrije voet zonder woonadres (art. 475da lid 4 Rv)')).toBe('€ 963,20');
    expect(cell('Aftrek eigen niet-beslagen inkomen (art. 475db lid 1 b Rv)')).toMatch(/100,00/);
    expect(cell('Beslagvrije voet na aftrek')).toBe('€ 863,20');
    expect(cell('95 % van het netto inkomen (art. 475dc lid 1 Rv)')).toBe('€ 1.331,43');
    expect(cell('Beslagvrije voet (uitkomst)')).toBe('€ 863,20');
    expect(within(section).queryByRole('rowheader', { name: /^Leefsituatie/ })).toBeNull();
    expect(within(section).queryByRole('rowheader', { name: /^Belastbaar inkomen per jaar/ })).toBeNull();
  });

  it('shows the plan\'s progress in steps with Annuleren; a cancel says nothing was stored and downloads nothing', async () => {
    const client = app({ ...untilCancelled('budget.createPlan'), 'documents.list': () => [] });
    await openBudgetTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Budgetplan maken (PDF)' }));
    await waitFor(() => expect(client.callsTo('budget.createPlan')).toHaveLength(1));
    const { jobId } = client.callsTo('budget.createPlan')[0] as { jobId: string };
    const bar = await screen.findByRole('progressbar', { name: 'Budgetplan maken' });
    act(() => client.emitEvent('job.progress', { jobId, operation: 'pdf', done: 1, total: 3 }));
    expect(bar.getAttribute('value')).toBe('1');
    expect(screen.getByText('Budgetplan maken: 1 van 3 stappen')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(client.callsTo('job.cancel')).toEqual([{ jobId }]);
    await waitFor(() => expect(screen.getByText('Het maken van het budgetplan is afgebroken. Er is niets opgeslagen.')).toBeTruthy());
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('makes the budget plan PDF, downloads it and lists the stored plans', async () => {
    let docs: DocumentSummary[] = [];
    const client = app({
      'budget.createPlan': () => {
        docs = [PLAN];
        return { documentId: 'doc1', fileName: PLAN.fileName, mime: 'application/pdf', contentBase64: btoa('%PDF-1.7 test') };
      },
      'documents.list': () => docs,
      'documents.get': () => ({ id: 'doc1', dossierId: 'd1', fileName: PLAN.fileName, mime: 'application/pdf', contentBase64: btoa('%PDF-1.7 test') }),
    });
    await openBudgetTab();
    expect(await screen.findByText('Er zijn nog geen budgetplannen gemaakt.')).toBeTruthy();
    const clicks: string[] = [];
    const orig = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    };
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Budgetplan maken (PDF)' }));
      await screen.findByRole('button', { name: `${PLAN.fileName} downloaden` });
      // The plan is made as a job (progress in steps, Annuleren): the call names its id.
      expect(client.callsTo('budget.createPlan')).toEqual([{ id: 'd1', date: REF, jobId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) }]);
      expect(clicks).toEqual([PLAN.fileName]);
      const blob = (URL.createObjectURL as ReturnType<typeof vi.fn>).mock.calls[0]![0] as Blob;
      expect(blob.type).toBe('application/pdf');
      const text = await new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsText(blob);
      });
      expect(text).toBe('%PDF-1.7 test');
      fireEvent.click(screen.getByRole('button', { name: `${PLAN.fileName} downloaden` }));
      await waitFor(() => expect(clicks).toHaveLength(2));
      expect(client.callsTo('documents.get')).toEqual([{ id: 'doc1' }]);
    } finally {
      HTMLAnchorElement.prototype.click = orig;
    }
  });
});

describe('Instellingen → Normen', () => {
  const LIST = {
    groups: [
      {
        group: 'bijstandsnormen' as const,
        label: 'Bijstandsnormen',
        title: 'Bijstandsnormen Participatiewet',
        unit: 'EUR per maand, netto',
        indexationDates: ['01-01', '07-01'],
        source: ['https://wetten.overheid.nl/BWBR0015703'],
        coverage: 'Beschikbaar: 01-01-2024 t/m 30-06-2027.',
        periods: [
          {
            start: '2026-07-01',
            end: '2026-12-31',
            status: 'official' as const,
            origin: 'bundled' as const,
            source: ['https://wetten.overheid.nl/BWBR0015703/2026-07-01'],
            figures: [{ name: 'age_21_to_aow.single.incl_holiday_pay', label: 'alleenstaande (21 tot AOW)', value: '1419.46', status: 'official' as const }],
            missing: [],
            notes: [],
            userFileId: null,
            current: true,
          },
          {
            start: '2027-01-01',
            end: '2027-06-30',
            status: 'secondary' as const,
            origin: 'user' as const,
            source: ['Staatscourant 2026, nr. 12345'],
            figures: [{ name: 'age_21_to_aow.single.incl_holiday_pay', label: 'alleenstaande (21 tot AOW)', value: '1440.00', status: 'secondary' as const }],
            missing: [],
            notes: [],
            userFileId: 'u1',
            current: false,
          },
        ],
      },
    ],
    userFiles: [],
  };

  async function openNorms(handlers: Handlers) {
    const client = app({ 'norms.list': () => LIST, ...handlers });
    fireEvent.click(await screen.findByRole('link', { name: 'Instellingen' }));
    await screen.findByRole('heading', { level: 2, name: 'Normen' });
    await screen.findByRole('heading', { level: 3, name: 'Bijstandsnormen' });
    return client;
  }

  it('lists periods with van/tot, status, source and origin', async () => {
    await openNorms({});
    const table = screen.getByRole('table', { name: 'Perioden Bijstandsnormen' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]!.textContent).toContain('01-01-2027');
    expect(rows[0]!.textContent).toContain('30-06-2027');
    expect(rows[0]!.textContent).toContain('door gebruiker ingevoerd');
    expect(rows[0]!.textContent).toContain('secundaire bron');
    expect(rows[0]!.textContent).toContain('Staatscourant 2026, nr. 12345');
    expect(rows[1]!.textContent).toContain('meegeleverd');
    expect(rows[1]!.textContent).toContain('geldt nu');
  });

  it('import: lists the core\'s reasons on rejection; reloads the list when stored', async () => {
    let accept = false;
    const client = await openNorms({
      'norms.import': () =>
        accept
          ? { id: 'u2', group: 'bijstandsnormen', periodStarts: ['2027-01-01'], absentFigures: [] }
          : fail('VALIDATION', 'Het normbestand is niet geldig (2 fouten). Er is niets opgeslagen.', [
              { path: 'file', message: 'group: Onbekende normgroep; kies uit: bijstandsnormen, …' },
              { path: 'file', message: 'periods › 2027-01-01 › source: Noem minstens één bron (URL).' },
            ]),
    });
    const form = screen.getByRole('form', { name: 'Normbestand importeren' });
    fireEvent.click(within(form).getByRole('button', { name: 'Importeren' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Kies een normbestand.');
    const input = within(form).getByLabelText('Normbestand (JSON)') as HTMLInputElement;
    const file = new File(['{"format":"houvast.norms"}'], 'normen.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
    fireEvent.click(within(form).getByRole('button', { name: 'Importeren' }));
    const alert = await within(form).findByText('Het normbestand is niet geldig (2 fouten). Er is niets opgeslagen.');
    const box = alert.closest('[role="alert"]')!;
    expect(box.textContent).toContain('periods › 2027-01-01 › source: Noem minstens één bron (URL).');
    expect(client.callsTo('norms.import')).toEqual([{ file: { format: 'houvast.norms' } }]);
    const before = client.callsTo('norms.list').length;
    accept = true;
    fireEvent.change(input, { target: { files: [file] } });
    fireEvent.click(within(form).getByRole('button', { name: 'Importeren' }));
    expect(await within(form).findByText(/Normtabel “Bijstandsnormen” geïmporteerd: periode vanaf 01-01-2027/)).toBeTruthy();
    await waitFor(() => expect(client.callsTo('norms.list').length).toBe(before + 1));
  });

  it('import: invalid UTF-8 or a duplicated key is refused with its place before anything reaches the core', async () => {
    const client = await openNorms({ 'norms.import': () => ({ id: 'u3', group: 'bijstandsnormen', periodStarts: ['2027-01-01'], absentFigures: [] }) });
    const form = screen.getByRole('form', { name: 'Normbestand importeren' });
    const input = within(form).getByLabelText('Normbestand (JSON)') as HTMLInputElement;
    // 0xE9 alone is Latin-1 "é", not UTF-8: after 26 + 1 + 25 bytes of text, byte 53, on line 2.
    const latin1 = new Uint8Array([...new TextEncoder().encode('{"format":"houvast.norms",\n"title":"Bijstandsnormen '), 0xe9, ...new TextEncoder().encode('"}')]);
    fireEvent.change(input, { target: { files: [new File([latin1], 'normen.json', { type: 'application/json' })] } });
    fireEvent.click(within(form).getByRole('button', { name: 'Importeren' }));
    const box = (await within(form).findByText('Dit bestand kan niet worden gelezen. Er is niets opgeslagen.')).closest('[role="alert"]')!;
    expect(box.textContent).toContain('Het bestand is geen geldige UTF-8-tekst (byte 53, regel 2).');
    const dup = '{\n  "format": "houvast.norms",\n  "format": "houvast.dossier"\n}';
    fireEvent.change(input, { target: { files: [new File([dup], 'normen.json', { type: 'application/json' })] } });
    fireEvent.click(within(form).getByRole('button', { name: 'Importeren' }));
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toContain('de sleutel "format" staat twee keer in hetzelfde object (regel 3, kolom 3)'));
    expect(client.callsTo('norms.import')).toEqual([]);
  });

  it('a period entered by hand is validated and sent with canonical figures', async () => {
    const client = await openNorms({ 'norms.addPeriod': () => ({ id: 'u3', group: 'bijstandsnormen', periodStarts: ['2027-07-01'], absentFigures: [] }) });
    fireEvent.click(screen.getByRole('button', { name: 'Periode invoeren' }));
    const form = await screen.findByRole('form', { name: 'Periode met de hand invoeren' });
    // Prefilled from the previous period (norm-form.test.tsx); emptied here to see every required-field message.
    const amount = within(form).getByLabelText('Alleenstaande (ouder), 21 jaar tot AOW-leeftijd, incl. vakantietoeslag');
    type(within(form).getByLabelText('Ingangsdatum'), '');
    type(amount, '');
    fireEvent.click(within(form).getByRole('button', { name: 'Periode opslaan' }));
    const summary = await within(form).findByText('Controleer de volgende gegevens:');
    const text = summary.closest('[role="alert"]')!.textContent!;
    expect(text).toContain('Vul een geldige datum in (dd-mm-jjjj).');
    expect(text).toContain('Vul minstens één bedrag in.');
    expect(text).toContain('Noem de bron van de bedragen');
    type(within(form).getByLabelText('Ingangsdatum'), '01-07-2027');
    type(amount, '1.455,12');
    type(within(form).getByLabelText('Bron'), 'Staatscourant 2027, nr. 999');
    fireEvent.click(within(form).getByRole('button', { name: 'Periode opslaan' }));
    await waitFor(() => expect(client.callsTo('norms.addPeriod')).toHaveLength(1));
    expect(client.callsTo('norms.addPeriod')[0]).toEqual({
      group: 'bijstandsnormen',
      start: '2027-07-01',
      status: 'official',
      figures: { 'age_21_to_aow.single.incl_holiday_pay': '1455.12' },
      source: 'Staatscourant 2027, nr. 999',
    });
    expect(await screen.findByText('De periode vanaf 01-07-2027 is opgeslagen.')).toBeTruthy();
  });
});
