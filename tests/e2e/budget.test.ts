// Layer 5: the budget screen in the real app (web shell + core, real Argon2id) in Debian's Chromium.
// A single parent with two children on bijstand: income and expense lines entered through the UI, the
// figures on the Budget tab checked against the engine itself, a "Toelichting" opened, the budget plan PDF
// downloaded and listed, a user norm file imported in Instellingen → Normen; axe on the Budget tab. The screen's
// first answer carries no explanation; opening a Toelichting fetches them (read off the web shell's WebSocket).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadBundledNorms } from '../../src/core/norms/load';
import { computeBudget, EMPTY_BUDGET_INPUTS, type BudgetResult } from '../../src/shared/budget';
import type { Dossier } from '../../src/shared/dossier/schema';
import type { BudgetViewWire } from '../../src/shared/contract/budget';
import type { WireMessage, WireRequest } from '../../src/shared/contract/wire';
import { formatEuro } from '../../src/shared/money';
import { explanationText } from '../../src/shared/presenter';
import { button, callCore, createVaultViaUi, heading, REPO, screenshot, seriousAxeViolations, useE2eApp, waitVisible, type E2eApp } from '../support/browser';
import { householdInput, VEENSTRA } from '../support/budget';

const PASSWORD = 'Budget-in-de-Betuwe-2026';
/** Fixed, covered by the bundled tables (through 31-12-2026), so the test does not depend on today. */
const PEILDATUM_NL = '01-11-2026';
const PEILDATUM = '2026-11-01';

/** The amount cell of the figure row whose row header starts with `label`. */
async function figureText(page: Page, label: string): Promise<string> {
  const header = page.getByRole('rowheader', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) }).first();
  const row = header.locator('xpath=..');
  return ((await row.locator('td').first().textContent()) ?? '').replace(/\u00a0/g, ' ').trim();
}

describe('Dossier → Budget in the browser', () => {
  let app: E2eApp;
  let page: Page;
  let dossierId = '';
  let tmp = '';

  /** budget.get as the page asked it over the web shell's WebSocket, with the answer it got. */
  const budgetCalls: { input: { id: string; date?: string; explanations?: boolean }; envelope?: { ok: boolean; value?: BudgetViewWire } }[] = [];
  useE2eApp('budget', (started) => {
    app = started;
    page = started.page;
    // Before the page opens its socket: the frames as the browser sends and receives them (nothing in the app).
    page.on('websocket', (ws) => {
      const asked = new Map<number, (typeof budgetCalls)[number]>();
      ws.on('framesent', ({ payload }) => {
        const req = JSON.parse(String(payload)) as WireRequest;
        if (req.name !== 'budget.get') return;
        const call = { input: req.input as (typeof budgetCalls)[number]['input'] };
        asked.set(req.id, call);
        budgetCalls.push(call);
      });
      ws.on('framereceived', ({ payload }) => {
        const msg = JSON.parse(String(payload)) as WireMessage;
        const call = 'id' in msg ? asked.get(msg.id) : undefined;
        if (call && 'id' in msg) call.envelope = msg.envelope as (typeof budgetCalls)[number]['envelope'];
      });
    });
  });
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'houvast-e2e-budget-'));
  });
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('creates a vault and a single-parent household with child benefit and rent', async () => {
    await createVaultViaUi(page, 'Budgetteam', PASSWORD);

    // Setup through the contract (the household form has its own e2e test); the budget lines come via the UI below.
    const created = await callCore<Dossier>(app, 'dossier.create', {
      data: householdInput({
        ...VEENSTRA,
        incomes: [{ description: 'Kinderbijslag SVB', category: 'kinderbijslag', amount: '300.00', frequency: 'kwartaal' }],
        expenses: [
          { description: 'Huur woning', category: 'huur', amount: '850.00', frequency: 'maand' },
          { description: 'Energie', category: 'energie', amount: '120.00', frequency: 'maand' },
        ],
      }),
    });
    dossierId = created.id;
    // The list loads when it mounts: go elsewhere and back so it shows the new dossier.
    await page.getByRole('link', { name: 'Logboek', exact: true }).click();
    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    await page.getByRole('link', { name: 'Veenstra, Ilse' }).click();
    await waitVisible(heading(page, /Veenstra, Ilse/));
  });

  it('enters an income and an expense line through the UI', async () => {
    await page.getByRole('tab', { name: 'Inkomsten en uitgaven' }).click();
    await button(page, 'Inkomst toevoegen').click();
    const income = page.getByRole('form', { name: 'Inkomst toevoegen' });
    await income.getByLabel('Omschrijving', { exact: true }).fill('Bijstand gemeente');
    await income.getByLabel('Categorie', { exact: true }).selectOption({ label: 'Bijstandsuitkering (Participatiewet)' });
    await income.getByLabel('Bedrag', { exact: true }).fill('1.401,50');
    await income.getByLabel('Frequentie', { exact: true }).selectOption({ label: 'per maand' });
    await button(income, 'Opslaan').click();
    await waitVisible(page.getByRole('cell', { name: 'Bijstand gemeente', exact: true }));

    await button(page, 'Uitgave toevoegen').click();
    const expense = page.getByRole('form', { name: 'Uitgave toevoegen' });
    await expense.getByLabel('Omschrijving', { exact: true }).fill('Boodschappen');
    await expense.getByLabel('Categorie', { exact: true }).selectOption({ label: 'Voeding' });
    await expense.getByLabel('Bedrag', { exact: true }).fill('135,00');
    await expense.getByLabel('Frequentie', { exact: true }).selectOption({ label: 'per week' });
    await button(expense, 'Opslaan').click();
    await waitVisible(page.getByRole('cell', { name: 'Boodschappen', exact: true }));

    const saved = await callCore<Dossier>(app, 'dossier.get', { id: dossierId });
    expect(saved.incomes.map((i) => [i.category, i.amount, i.frequency])).toContainEqual(['uitkering_participatiewet', '1401.50', 'maand']);
    expect(saved.expenses.map((e) => [e.category, e.amount, e.frequency])).toContainEqual(['voeding', '135.00', 'week']);
  });

  let expected: BudgetResult;

  it('shows the bijstandsnorm, afloscapaciteit and saldo the engine computes, with their explanation', async () => {
    const dossier = await callCore<Dossier>(app, 'dossier.get', { id: dossierId });
    const norms = await loadBundledNorms(path.join(REPO, 'resources'));
    expected = computeBudget(dossier, EMPTY_BUDGET_INPUTS, norms, PEILDATUM);

    await page.getByRole('tab', { name: 'Budget', exact: true }).click();
    await waitVisible(page.getByRole('heading', { name: 'Huishouden en bijstandsnorm' }));
    const field = page.getByLabel('Peildatum', { exact: true });
    await field.fill(PEILDATUM_NL);
    await button(page, 'Berekenen').click();
    await waitVisible(page.locator('.budget-basis strong', { hasText: PEILDATUM_NL }));

    expect(await figureText(page, 'Huishoudtype')).toBe('Alleenstaande ouder');
    expect(await figureText(page, 'Bijstandsnorm (incl. vakantietoeslag)')).toBe(formatEuro(expected.bijstandsnorm.value!));
    expect(await figureText(page, 'Afloscapaciteit')).toBe(formatEuro(expected.afloscapaciteit.value!));
    expect(await figureText(page, 'Saldo per maand')).toBe(formatEuro(expected.budget.saldo.value!));
    // 1401.50 + 100 − 850 − 120 − 135 × 52/12 = −53.50: a shortfall, warned about.
    expect(expected.budget.saldo.value!.toFixed(2)).toBe('-53.50');
    await waitVisible(page.getByRole('alert').filter({ hasText: 'per maand tekort' }));

    const toelichting = button(page, 'Toelichting bij Afloscapaciteit');
    expect(await toelichting.getAttribute('aria-expanded')).toBe('false');
    await toelichting.click();
    expect(await toelichting.getAttribute('aria-expanded')).toBe('true');
    const panel = page.getByRole('region', { name: 'Toelichting bij Afloscapaciteit' });
    await waitVisible(panel);
    expect(await panel.textContent()).toContain('Afloscapaciteit = netto inkomen − VTLB');

    const norm = button(page, 'Toelichting bij Bijstandsnorm (incl. vakantietoeslag)');
    await norm.click();
    const normPanel = page.getByRole('region', { name: 'Toelichting bij Bijstandsnorm (incl. vakantietoeslag)' });
    expect(await normPanel.textContent()).toContain('01-07-2026 t/m 31-12-2026');
    expect(await normPanel.textContent()).toContain('wetten.overheid.nl');
    await screenshot(page, 'budget-01-tab');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('asks for the figures only, and for the explanations of the same peildatum when a Toelichting is opened', async () => {
    // The tab anew: a fresh budget screen, nothing explained yet.
    await page.getByRole('tab', { name: 'Inkomsten en uitgaven' }).click();
    budgetCalls.length = 0;
    await page.getByRole('tab', { name: 'Budget', exact: true }).click();
    await page.getByLabel('Peildatum', { exact: true }).fill(PEILDATUM_NL);
    await button(page, 'Berekenen').click();
    await waitVisible(page.locator('.budget-basis strong', { hasText: PEILDATUM_NL }));
    await expect.poll(() => budgetCalls.filter((c) => c.envelope && c.input.date === PEILDATUM).length).toBeGreaterThan(0);
    // Every answer so far: figures without a single explanation, marked so.
    expect(budgetCalls.length).toBeGreaterThan(0);
    for (const c of budgetCalls) {
      expect(c.input.explanations).toBe(false);
      expect(c.envelope?.ok).toBe(true);
      expect(c.envelope!.value!.explained).toBe(false);
      expect(JSON.stringify(c.envelope!.value)).not.toContain('"explanation"');
    }
    const shown = budgetCalls.at(-1)!.envelope!.value!;
    expect(await figureText(page, 'Afloscapaciteit')).toBe(formatEuro(expected.afloscapaciteit.value!));
    // On a day whose figures differ from the peildatum's (another norm period), Berekenen marked them for a while.
    await expect.poll(() => page.locator('.figure-changed').count(), { timeout: 15_000 }).toBe(0);

    // The rule the full answer gives, as the screen words it.
    const full = await callCore<BudgetViewWire>(app, 'budget.get', { id: dossierId, date: PEILDATUM });
    const rule = explanationText(full.result.afloscapaciteit.explanation!.rule);
    const toelichting = button(page, 'Toelichting bij Afloscapaciteit');
    await toelichting.click();
    const panel = page.getByRole('region', { name: 'Toelichting bij Afloscapaciteit' });
    await waitVisible(panel);
    expect(await panel.textContent()).toContain(rule);
    // One more call: the shown peildatum, with explanations, and an answer with the same figures.
    const more = budgetCalls.filter((c) => c.input.explanations !== false);
    expect(more.map((c) => c.input)).toEqual([{ id: dossierId, date: shown.referenceDate, explanations: true }]);
    await expect.poll(() => more[0]!.envelope?.ok).toBe(true);
    expect(more[0]!.envelope!.value!.result.afloscapaciteit.value).toBe(shown.result.afloscapaciteit.value);
    expect(more[0]!.envelope!.value).not.toHaveProperty('explained');
    // No recalculation: nothing marked as changed.
    expect(await page.locator('.figure-changed').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('downloads the budget plan PDF and lists it', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Budgetplan maken (PDF)').click()]);
    const file = path.join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await waitVisible(page.getByRole('button', { name: `${download.suggestedFilename()} downloaden` }));
    const docs = await callCore<{ fileName: string }[]>(app, 'documents.list', { dossierId });
    expect(docs.map((d) => d.fileName)).toContain(download.suggestedFilename());
    await page.getByRole('heading', { name: 'Budgetplan', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'budget-02-plan');
  });

  it('imports a user norm file in Instellingen → Normen and lists it as "door gebruiker ingevoerd"', async () => {
    const bundled = JSON.parse(await readFile(path.join(REPO, 'resources', 'norms', 'bijstandsnormen.json'), 'utf8')) as {
      periods: Record<string, { figures: Record<string, string> }>;
    };
    const normFile = path.join(tmp, 'bijstandsnormen-2027.json');
    await writeFile(
      normFile,
      JSON.stringify({
        format: 'houvast.norms',
        version: 1,
        group: 'bijstandsnormen',
        title: 'Bijstandsnormen (eigen invoer)',
        unit: 'EUR per maand, netto',
        origin: 'user',
        indexationDates: ['01-01', '07-01'],
        source: ['Staatscourant 2026, nr. 99999 (testbestand)'],
        periods: {
          '2027-01-01': {
            status: 'secondary',
            source: ['Staatscourant 2026, nr. 99999 (testbestand)'],
            figures: bundled.periods['2026-07-01']!.figures,
          },
        },
      }),
    );
    await page.getByRole('link', { name: 'Instellingen', exact: true }).click();
    await waitVisible(page.getByRole('heading', { level: 2, name: 'Normen' }));
    const form = page.getByRole('form', { name: 'Normbestand importeren' });
    // A file that is not a norm table is refused whole, with the core's reasons.
    const bad = path.join(tmp, 'geen-normen.json');
    await writeFile(bad, JSON.stringify({ format: 'iets-anders', periods: {} }));
    await form.getByLabel('Normbestand (JSON)').setInputFiles(bad);
    await button(form, 'Importeren').click();
    await waitVisible(form.getByRole('alert').filter({ hasText: 'Er is niets opgeslagen.' }));
    expect(await form.getByRole('alert').textContent()).toContain('houvast.norms');

    await form.getByLabel('Normbestand (JSON)').setInputFiles(normFile);
    await button(form, 'Importeren').click();
    await waitVisible(form.getByText(/geïmporteerd: periode vanaf 01-01-2027/));
    const table = page.getByRole('table', { name: 'Perioden Bijstandsnormen' });
    const row = table.getByRole('row').filter({ hasText: '01-01-2027' });
    await waitVisible(row);
    expect(await row.textContent()).toContain('door gebruiker ingevoerd');
    expect(await row.textContent()).toContain('Staatscourant 2026, nr. 99999');
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'budget-03-normen');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A wrongly imported file can be removed again; the 2027 period then disappears from the table.
    await button(page, 'Normbestand Bijstandsnormen (eigen invoer) verwijderen').click();
    const dialog = page.getByRole('dialog', { name: 'Normbestand verwijderen' });
    await waitVisible(dialog);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await button(dialog, 'Definitief verwijderen').click();
    await waitVisible(page.getByRole('status').filter({ hasText: 'is verwijderd' }));
    await expect.poll(() => table.getByRole('row').filter({ hasText: '01-01-2027' }).count(), { timeout: 10_000 }).toBe(0);
    expect(await page.getByRole('table', { name: 'Door gebruiker ingevoerde normbestanden' }).count()).toBe(0);
  });
});
