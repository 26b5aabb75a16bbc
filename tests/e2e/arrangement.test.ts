// Layer 5: a payment arrangement in the real app (web shell + core, real Argon2id) in Debian's Chromium, on the
// demo vault. For the fictitious Molenbeek family (bewind, zorgpremie arrears): draft the proposal, change the
// term (the percentages move), save it, download a letter and read its text back with pdfjs, then record the
// creditors' replies on the Schuldeisers board until the regeling is in force, and record a payment.
// axe on every new screen.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DossierSummary } from '../../src/shared/contract/procedures';
import type { Dossier } from '../../src/shared/dossier/schema';
import { extractPdf, squash } from '../integration/budget-pdf/helpers';
import { button, callCore, heading, screenshot, seriousAxeViolations, useE2eApp, waitVisible, type E2eApp } from '../support/browser';

const nlAmount = (s: string) => s.replace(/\u00a0/g, ' ').trim();
/** "€ 1.243,80" -> Decimal 1243.80 (the test's own reading of the screen). */
const fromScreen = (s: string) => new Decimal(nlAmount(s).replace(/[€\s.]/g, '').replace(',', '.'));

async function cellAfter(page: Page, table: string, row: string | RegExp): Promise<string[]> {
  const r = page.getByRole('table', { name: table }).getByRole('rowheader', { name: row }).locator('xpath=..');
  return (await r.locator('td').allTextContents()).map(nlAmount);
}

describe('a payment arrangement in the browser (demo vault)', () => {
  let app: E2eApp;
  let page: Page;
  let tmp = '';
  let dossier: Dossier;

  useE2eApp('arrangement', (started) => {
    app = started;
    page = started.page;
  });
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'houvast-e2e-arrangement-'));
  });
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('opens the demo vault and the Molenbeek family\'s Regeling tab', async () => {
    const { demoPassphrase } = await callCore<{ demoPassphrase: string }>(app, 'app.info', {});
    await waitVisible(heading(page, 'Welkom bij Houvast'));
    await button(page, 'Demokluis openen').click();
    await waitVisible(heading(page, 'Kluis ontgrendelen'), 90_000);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(demoPassphrase);
    await button(page, 'Ontgrendelen').click();
    await waitVisible(heading(page, 'Dossiers'), 60_000);
    const list = await callCore<DossierSummary[]>(app, 'dossier.list', { query: 'Yara' });
    dossier = await callCore<Dossier>(app, 'dossier.get', { id: list[0]!.id });
    // A fixed peildatum covered by the bundled norm tables, so the proposal does not depend on today's date.
    await callCore(app, 'budget.saveInputs', { id: dossier.id, inputs: { referenceDate: '2026-11-01', kostendelers: 0, vtlbCorrections: [] } });
    // At the bijstand norm the VTLB leaves this family no afloscapaciteit (a nul-aanbod). This test is about the
    // proposal flow (term, letters, board, payments), so the professional gives a modest afloscapaciteit with a
    // reason, as the Regeling tab allows; the UI keeps saved overrides when the term is changed.
    await callCore(app, 'arrangement.saveInputs', {
      id: dossier.id,
      params: { capacityOverride: { amount: '70.97', reason: 'Afloscapaciteit volgens VTLB-berekening van de schuldhulp' } },
    });
    await page.getByRole('link', { name: 'Molenbeek, Yara' }).click();
    await waitVisible(heading(page, /Molenbeek, Yara/));
    await page.getByRole('tab', { name: 'Regeling', exact: true }).click();
    await waitVisible(page.getByRole('heading', { name: 'Verdeling over de schuldeisers' }));
    await waitVisible(page.getByRole('heading', { name: /Voorstel: 18 maanden/ }));
    // The CJIB fine stays out, with its reason; the zorgpremie arrears show the CAK stage.
    expect(await page.getByRole('region', { name: 'Buiten de regeling' }).textContent()).toContain('CJIB');
    await waitVisible(page.getByRole('heading', { name: 'Zorgpremie: wanbetalersregeling' }));
    // The bundled Zwolle scheme applies to this family's Zorgverzekeraar Zuid arrears: shown in plain Dutch.
    const scheme = page.getByRole('region', { name: 'Regeling zorgpremie voor dit gezin' });
    await waitVisible(scheme);
    expect(await scheme.textContent()).toContain('Zorgverzekeraar Zuid');
    await screenshot(page, 'arrangement-01-voorstel');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('changes the term: the percentage follows the rule p = afloscapaciteit x looptijd / vorderingen', async () => {
    const capacity = fromScreen((await cellAfter(page, 'Kerncijfers van het voorstel', /^Afloscapaciteit per maand/))[0]!);
    const claims = fromScreen((await cellAfter(page, 'Voorstel per schuldeiser', 'Totaal'))[0]!);
    expect(capacity.greaterThan(0)).toBe(true);
    // Both creditors in the regeling are concurrent, so one percentage: pot / claims (capped at 100 %).
    const expectedPct = (months: number) => Decimal.min(100, capacity.times(months).div(claims).times(100)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    expect((await cellAfter(page, 'Kerncijfers van het voorstel', /^Percentage concurrente/))[0]).toBe(`${expectedPct(18).toFixed(2).replace('.', ',')} %`);

    await page.getByLabel('Looptijd (maanden)', { exact: true }).fill('12');
    await page.getByLabel('Reden voor een andere looptijd dan 18 maanden', { exact: true }).fill('Bewindvoerder wil de regeling binnen een jaar afronden');
    const want = `${expectedPct(12).toFixed(2).replace('.', ',')} %`;
    await expect.poll(async () => (await cellAfter(page, 'Kerncijfers van het voorstel', /^Percentage concurrente/))[0], { timeout: 10_000 }).toBe(want);
    await button(page, 'Voorstel opslaan').click();
    await waitVisible(page.getByRole('status').filter({ hasText: 'Het voorstel is opgeslagen' }));
    await waitVisible(page.getByRole('heading', { name: /Voorstel: 12 maanden/ }));
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('downloads a proposal letter and reads it back: term, percentage, slip and reply date; no BSN', async () => {
    const creditor = 'Zorgverzekeraar Zuid';
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, `Brief aan ${creditor} maken`).click()]);
    const file = path.join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^voorstel-.*-Zorgverzekeraar_Zuid-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await extractPdf(await readFile(file));
    const t = squash(pdf.text);
    const row = await cellAfter(page, 'Voorstel per schuldeiser', creditor);
    expect(t).toContain(squash(`Wij bieden u ${row[2]!.replace(' %', '%')} van uw vordering van ${row[1]}, dat is ${row[3]}, tegen finale kwijting.`));
    expect(t).toContain(squash('Looptijd: 12 maanden'));
    expect(t).toContain(squash('Afwijkende looptijd van 12 maanden: Bewindvoerder wil de regeling binnen een jaar afronden'));
    expect(t).toContain(squash('Antwoordstrook'));
    expect(t).toMatch(/uiterlijk\d{2}-\d{2}-\d{4}/);
    expect(t).toContain(squash('Yara Molenbeek'));
    expect(t).toContain(squash('Fictief huishouden (demo)'));
    for (const a of dossier.adults) if (a.bsn) expect(pdf.text).not.toContain(a.bsn);
    await waitVisible(page.getByRole('button', { name: `${download.suggestedFilename()} downloaden` }));
  });

  it('records replies on the Schuldeisers board until the regeling is in force, and a payment', async () => {
    await page.getByRole('tab', { name: 'Schuldeisers', exact: true }).click();
    await waitVisible(page.getByRole('heading', { name: 'Schuldeisers', exact: true }));
    const board = page.getByRole('table', { name: 'Stand per schuldeiser' });
    // The letter was recorded as sent.
    expect(await board.getByRole('row').filter({ hasText: 'Zorgverzekeraar Zuid' }).textContent()).toContain('Wacht op reactie op voorstel');
    await screenshot(page, 'arrangement-02-bord');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const record = async (creditor: string, step: string) => {
      await button(page, `Stap vastleggen voor ${creditor}`).click();
      const form = page.getByRole('form', { name: `Stap vastleggen: ${creditor}` });
      await form.getByLabel('Stap', { exact: true }).selectOption({ label: step });
      await button(form, 'Vastleggen').click();
      await waitVisible(page.getByRole('status').filter({ hasText: `Vastgelegd: ${step} bij ${creditor}.` }));
    };
    await record('Energiebedrijf Stroomwijs', 'Betaalvoorstel verstuurd');
    await record('Zorgverzekeraar Zuid', 'Akkoord');
    await record('Energiebedrijf Stroomwijs', 'Afwijzing');
    const options = page.getByRole('region', { name: 'Niet alle schuldeisers gaan akkoord: mogelijkheden' });
    await waitVisible(options);
    expect(await options.textContent()).toContain('art. 287a Faillissementswet');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await record('Energiebedrijf Stroomwijs', 'Heroverweging gevraagd');
    await record('Energiebedrijf Stroomwijs', 'Akkoord');
    await waitVisible(page.getByRole('heading', { name: 'Regeling: Regeling van kracht' }));
    expect(await page.getByText('Alle schuldeisers zijn akkoord.', { exact: false }).count()).toBe(1);

    const pay = page.getByRole('form', { name: 'Betaling vastleggen' });
    await pay.getByLabel('Schuldeiser', { exact: true }).selectOption({ label: 'Zorgverzekeraar Zuid' });
    await pay.getByLabel('Bedrag', { exact: true }).fill('25,00');
    await button(pay, 'Betaling vastleggen').click();
    await waitVisible(page.getByRole('status').filter({ hasText: 'Betaling aan Zorgverzekeraar Zuid vastgelegd.' }));
    const progress = await cellAfter(page, 'Voortgang per schuldeiser', 'Zorgverzekeraar Zuid');
    // The demo file already holds the five scheme payments of € 35,00 (July to November 2026): 175,00 + 25,00.
    expect(progress[1]).toBe('€ 200,00');
    // Remaining = offered − paid, as shown.
    expect(fromScreen(progress[2]!).toFixed(2)).toBe(fromScreen(progress[0]!).minus(200).toFixed(2));
    await screenshot(page, 'arrangement-03-van-kracht');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
