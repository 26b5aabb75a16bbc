// Layer 5, issue 7 in Chromium with the real core: data that cannot be true is refused (and nothing is
// saved) or questioned (a BSN already in another dossier, with a link to it); messages say what is wrong, in
// field order; an imported household that is already there is offered to skip or copy; search finds
// creditor, IBAN, street and city, the list sorts and keeps its filters; a save is confirmed and the
// confirmation goes away; tables reflow at 1280 px and at 200 % zoom; no internal key, English word or
// unrounded number reaches a screen or the budget plan PDF; Escape closes inline forms; unlock focuses
// the password. Axe stays at 0 serious violations.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Dossier, DossierDataInput } from '../../src/shared/dossier/schema';
import { button, callCore, createVaultViaUi, heading, REPO, screenshot, seriousAxeViolations, useE2eApp, waitVisible, type E2eApp } from '../support/browser';
import { extractPdf } from '../integration/budget-pdf/helpers';
import { internalBits } from '../support/internal-bits';

const PASSWORD = 'Dagelijks-werk-in-Delft-2026';
const DEMO_01 = path.join(REPO, 'resources', 'demo', '01-eenoudergezin-bijstand.json');
const BSN = '111222333';

/** A busy household: long names, many creditors, an IBAN; written for the tables and the search. */
const BUSY: DossierDataInput = {
  status: 'schuldregeling',
  typeOfHelp: 'beschermingsbewind',
  professional: 'Mirjam de Wit',
  statusDates: { aanmelding: '2026-01-12', stabilisatie: '2026-02-20', schuldregeling: '2026-05-04' },
  adults: [
    { role: 'aanvrager', firstName: 'Johanna Wilhelmina', lastName: 'van der Heijden-Oudshoorn', birthDate: '1983-07-21', bsn: '123456782' },
    { role: 'partner', firstName: 'Abdelkarim', lastName: 'El Haddouchi', birthDate: '1980-02-11', bsn: null },
  ],
  children: [
    { firstName: 'Sara', lastName: 'El Haddouchi', birthDate: '2010-04-02', livingInHousehold: true },
    { firstName: 'Adam', lastName: 'El Haddouchi', birthDate: '2015-10-19', livingInHousehold: true },
  ],
  address: { street: 'Oude Delft', houseNumber: '118b', postcode: '2611 CG', city: 'Delft' },
  contact: {},
  bankAccounts: [{ iban: 'NL91ABNA0417164300', description: 'Beheerrekening' }],
  incomes: [
    { description: 'Uitkering Participatiewet gemeente Delft', category: 'uitkering_participatiewet', amount: '1711.52', frequency: 'maand', personRole: 'aanvrager' },
    { description: 'Kindgebonden budget', category: 'kindgebonden_budget', amount: '312.00', frequency: 'maand' },
    { description: 'Kinderbijslag', category: 'kinderbijslag', amount: '582.30', frequency: 'kwartaal' },
  ],
  expenses: [
    { description: 'Huur Vestia', category: 'huur', amount: '845.10', frequency: 'maand', startDate: '2025-01-01' },
    { description: 'Energie Eneco', category: 'energie', amount: '164.00', frequency: 'maand' },
  ],
  debts: [
    { creditor: 'Centraal Justitieel Incassobureau', collector: 'Gerechtsdeurwaarderskantoor Haaglanden', reference: 'CJIB-2026-0042-77813', originalAmount: '1240.00', currentAmount: '1388.40', kind: 'preferent', status: 'open', since: '2025-03-14' },
    { creditor: 'Woonstad Rotterdam', reference: 'HUUR-118B', originalAmount: '2450.00', currentAmount: '2610.80', kind: 'concurrent', status: 'betalingsregeling' },
    { creditor: 'Zilveren Kruis Achmea', collector: 'Incasso Nederland', originalAmount: '640.00', currentAmount: '702.15', kind: 'concurrent', status: 'in_onderzoek' },
  ],
};

async function screenText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

async function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return (el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
  });
}

/** Everything in <main> fits the window: no sideways scrolling, every cell and control inside it. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) out.push(`page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    for (const wrap of Array.from(document.querySelectorAll<HTMLElement>('main .table-wrap'))) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) out.push(`table scrolls sideways (${wrap.scrollWidth} > ${wrap.clientWidth})`);
    }
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('main td, main th, main button, main a'))) {
      // A header row kept only for screen readers (1 px, clipped) is not on screen.
      const head = el.closest('thead');
      if (head && head.getBoundingClientRect().width <= 1) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > width + 1 || r.left < -1) out.push(`${el.tagName} "${(el.textContent ?? '').trim().slice(0, 30)}" outside the window`);
    }
    return out;
  });
}

describe('daily use in the browser', () => {
  let app: E2eApp;
  let page: Page;
  let first: { id: string; number: string };
  let busy: Dossier;

  useE2eApp('daily', (started) => {
    app = started;
    page = started.page;
  });

  const group = (name: string) => page.getByRole('group', { name, exact: true });
  const field = (g: string, label: string) => group(g).getByLabel(label, { exact: true });
  const listed = () => callCore<{ id: string; number: string; displayName: string }[]>(app, 'dossier.list', {});

  it('says what is wrong, lists it in field order, and refuses a child born in the future', async () => {
    await createVaultViaUi(page, 'Wijkteam Delft', PASSWORD);
    await button(page, 'Nieuw dossier').click();
    await waitVisible(heading(page, 'Nieuw dossier'));
    await field('Aanvrager', 'Voornaam').fill('Fenna');
    await field('Aanvrager', 'Achternaam').fill('Oosterbroek');
    await field('Datums', 'Nazorg').fill('31-04-2026');
    await field('Adres', 'Straat').fill('Kruisstraat');
    await field('Adres', 'Huisnummer').fill('17a');
    await field('Adres', 'Postcode').fill('1234 SA');
    await field('Adres', 'Plaats').fill('Groningen');
    await field('Aanvrager', 'Geboortedatum').fill('29-02-2025');
    await button(page, 'Opslaan').click();
    const summary = page.locator('.error-summary');
    await waitVisible(summary);
    expect((await summary.getByRole('link').allTextContents()).map((t) => t.trim())).toEqual([
      'Aanvrager: 29-02-2025 bestaat niet (2025 is geen schrikkeljaar)',
      'Adres: Dit is geen geldige postcode: SA, SD en SS worden niet gebruikt in postcodes.',
      'Datum nazorg: 31-04-2026 bestaat niet (april heeft 30 dagen)',
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'dagelijks-01-foutmeldingen');

    await field('Aanvrager', 'Geboortedatum').fill('14-03-1988');
    await field('Aanvrager', 'BSN').fill(BSN);
    await field('Adres', 'Postcode').fill('9711 AB');
    await field('Datums', 'Nazorg').fill('');
    await button(page, 'Kind toevoegen').click();
    await page.keyboard.type('Jelmer');
    await field('Kind 1', 'Geboortedatum').fill('01-01-2099');
    await button(page, 'Opslaan').click();
    await waitVisible(page.getByText('01-01-2099 ligt in de toekomst: een kind wordt pas opgenomen als het geboren is.', { exact: true }).first());
    expect(await field('Kind 1', 'Geboortedatum').getAttribute('aria-invalid')).toBe('true');
    expect(await listed()).toEqual([]);

    await field('Kind 1', 'Geboortedatum').fill('02-09-2014');
    await button(page, 'Opslaan').click();
    await waitVisible(heading(page, /Oosterbroek, Fenna/));
    const [saved] = await listed();
    first = { id: saved!.id, number: saved!.number };
  });

  it('questions a BSN that another dossier already has, links to it, and saves after "Toch opslaan"', async () => {
    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    await button(page, 'Nieuw dossier').click();
    await field('Aanvrager', 'Voornaam').fill('Femke');
    await field('Aanvrager', 'Achternaam').fill('Oosterbroek');
    await field('Aanvrager', 'Geboortedatum').fill('14-03-1988');
    await field('Aanvrager', 'BSN').fill(BSN);
    await page.getByRole('checkbox', { name: 'Geen vast woonadres' }).check();
    await button(page, 'Opslaan').click();
    await waitVisible(page.getByRole('heading', { name: 'Klopt dit?' }));
    await waitVisible(page.getByText(`Dit BSN staat al in dossier ${first.number}. Is dit dezelfde persoon?`).first());
    expect(await page.getByRole('link', { name: `Dossier ${first.number} openen` }).getAttribute('href')).toBe(`#dossier-${first.id}`);
    expect(await listed()).toHaveLength(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'dagelijks-02-bsn-elders');
    await button(page, 'Toch opslaan').click();
    await waitVisible(heading(page, /Oosterbroek, Femke/));
    expect(await listed()).toHaveLength(2);
  });

  it('offers to skip or copy an imported household that is already in the vault', async () => {
    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    const dialogForm = () => page.getByRole('dialog', { name: 'Dossiers importeren' });
    await button(page, 'Dossiers importeren').click();
    await dialogForm().getByLabel('Bestand met dossiers (JSON)', { exact: true }).setInputFiles(DEMO_01);
    await button(dialogForm(), 'Importeren').click();
    await waitVisible(dialogForm().getByText(/1 dossier geïmporteerd/).first());
    expect(await listed()).toHaveLength(3);

    await dialogForm().getByLabel('Bestand met dossiers (JSON)', { exact: true }).setInputFiles(DEMO_01);
    await button(dialogForm(), 'Importeren').click();
    await waitVisible(dialogForm().getByText(/staat al in de kluis/).first());
    expect(await listed()).toHaveLength(3);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await button(dialogForm(), 'Als kopie importeren').click();
    await waitVisible(dialogForm().getByText(/1 dossier geïmporteerd/).first());
    expect(await listed()).toHaveLength(4);
    await button(dialogForm(), 'Sluiten').click();
  });

  it('finds creditor, IBAN, street and city; sorts by column; keeps search and filters while navigating', async () => {
    busy = await callCore<Dossier>(app, 'dossier.create', { data: BUSY });
    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    const search = page.getByLabel('Zoeken', { exact: true });
    const names = async () => (await page.locator('main table tbody tr td:nth-child(2) a').allTextContents()).map((t) => t.trim());
    const busyName = 'van der Heijden-Oudshoorn, Johanna Wilhelmina en Abdelkarim El Haddouchi';
    for (const q of ['woonstad', 'Gerechtsdeurwaarderskantoor', 'NL91 ABNA 0417 1643 00', 'oude delft', 'Delft']) {
      await search.fill(q);
      await expect.poll(names, { timeout: 10_000 }).toEqual([busyName]);
    }
    await search.fill('');
    await expect.poll(async () => (await names()).length).toBe(5);

    await button(page, 'Naam').click();
    // The core sorts (server paging): wait for its answer, then check the order it gave.
    const byName = (list: string[]) => [...list].sort((a, b) => a.localeCompare(b, 'nl', { sensitivity: 'base' }));
    await expect.poll(async () => { const now = await names(); return now.length === 5 && now.join('|') === byName(now).join('|'); }, { timeout: 10_000 }).toBe(true);
    const sorted = await names();
    expect(sorted).toEqual(byName(sorted));
    expect(await page.getByRole('columnheader', { name: /Naam/ }).getAttribute('aria-sort')).toBe('ascending');

    await search.fill('oosterbroek');
    await page.getByLabel('Soort hulp', { exact: true }).selectOption({ label: 'Beschermingsbewind' });
    await expect.poll(async () => (await names()).length).toBe(2);
    await page.getByRole('link', { name: 'Oosterbroek, Fenna' }).click();
    await waitVisible(heading(page, /Oosterbroek, Fenna/));
    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    await waitVisible(heading(page, 'Dossiers'));
    expect(await search.inputValue()).toBe('oosterbroek');
    expect(await page.getByLabel('Soort hulp', { exact: true }).inputValue()).toBe('beschermingsbewind');
    expect(await page.getByRole('columnheader', { name: /Naam/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await search.fill('');
    await page.getByLabel('Soort hulp', { exact: true }).selectOption({ label: 'Alle' });
  });

  it('confirms a save, brings the changed total into view, then lets the confirmation go; Escape closes the form', async () => {
    await page.getByRole('link', { name: /van der Heijden-Oudshoorn/ }).click();
    await waitVisible(heading(page, /van der Heijden-Oudshoorn/));
    await page.getByRole('tab', { name: 'Inkomsten en uitgaven' }).click();
    await button(page, 'Inkomst toevoegen').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedLabel(page)).toBe('Inkomst toevoegen');
    expect(await page.getByRole('form', { name: 'Inkomst toevoegen' }).count()).toBe(0);

    await page.setViewportSize({ width: 1280, height: 500 });
    await button(page, 'Inkomst toevoegen').click();
    await page.getByLabel('Omschrijving', { exact: true }).fill('Huurtoeslag');
    await page.getByLabel('Categorie', { exact: true }).selectOption({ label: 'Huurtoeslag' });
    await page.getByLabel('Bedrag', { exact: true }).fill('296,-');
    await button(page, 'Opslaan').click();
    await waitVisible(page.getByText('296,- is geen bedrag: schrijf 296,00', { exact: true }).first());
    await page.getByLabel('Bedrag', { exact: true }).fill('296,00');
    await button(page, 'Opslaan').click();
    const confirmation = page.getByText('Inkomst opgeslagen. De totalen zijn bijgewerkt.', { exact: true });
    await waitVisible(confirmation);
    await expect.poll(() => focusedLabel(page)).toBe('Inkomst Huurtoeslag bewerken');
    // The income total that changed is in view.
    const total = page.locator('#income-totaal');
    await expect
      .poll(async () => {
        const box = await total.boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height <= 500;
      })
      .toBe(true);
    await confirmation.waitFor({ state: 'hidden', timeout: 15_000 });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('tables keep every column and action in view at 1280 px and at 200 % zoom (640 px)', async () => {
    const screens: [string, () => Promise<void>][] = [
      ['dossierlijst', async () => {
        await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
        await waitVisible(heading(page, 'Dossiers'));
        await expect.poll(() => page.locator('main table tbody tr').count()).toBe(5);
      }],
      ...(['Huishouden', 'Inkomsten en uitgaven', 'Budget', 'Schulden', 'Logboek'] as const).map(
        (tab) =>
          [tab, async () => {
            await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
            await page.getByRole('link', { name: /van der Heijden-Oudshoorn/ }).click();
            await waitVisible(heading(page, /van der Heijden-Oudshoorn/));
            await page.getByRole('tab', { name: tab, exact: true }).click();
            // The budget's figure tables come after the core has computed.
            if (tab === 'Budget') await waitVisible(page.getByRole('heading', { name: 'Uitgaven per Nibud-groep en saldo' }));
            await page.waitForTimeout(300);
          }] as [string, () => Promise<void>],
      ),
    ];
    for (const width of [1280, 640]) {
      await page.setViewportSize({ width, height: width === 1280 ? 900 : 450 });
      for (const [name, open] of screens) {
        await open();
        expect(await overflowing(page), `${name} at ${width} px`).toEqual([]);
        if (width === 640) await screenshot(page, `dagelijks-reflow-${name.replace(/\s+/g, '-').toLowerCase()}`);
      }
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('no internal key, English word or unrounded number on any screen', async () => {
    const seen: Record<string, string[]> = {};
    const visit = async (name: string) => {
      await page.waitForTimeout(300);
      const bits = internalBits(await screenText(page));
      if (bits.length > 0) seen[name] = bits;
    };
    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    await waitVisible(heading(page, 'Dossiers'));
    await visit('Dossiers');
    await button(page, 'Nieuw dossier').click();
    await button(page, 'Opslaan').click();
    await visit('Nieuw dossier met fouten');
    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    await page.getByRole('link', { name: /van der Heijden-Oudshoorn/ }).click();
    await waitVisible(heading(page, /van der Heijden-Oudshoorn/));
    for (const tab of ['Huishouden', 'Inkomsten en uitgaven', 'Budget', 'Schulden', 'Notities', 'Logboek']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      if (tab === 'Budget') await page.waitForTimeout(1000);
      await visit(`Dossier → ${tab}`);
    }
    await button(page, 'Bewerken').click();
    await visit('Dossier bewerken');
    await button(page, 'Annuleren').click();
    await page.getByRole('link', { name: 'Logboek', exact: true }).click();
    await visit('Logboek');
    await page.getByRole('link', { name: 'Instellingen', exact: true }).click();
    await visit('Instellingen');
    expect(seen).toEqual({});
  });

  // Every explanation (Toelichting) on the Budget tab and the plan's text: norm figures by their Dutch label,
  // amounts as € 1.234,56, fractions as %, factors as 0,95 (the shared presenter); the JSON keeps the machine values.
  it('no internal key, English word or unrounded number in the budget explanations and the budget plan PDF', async () => {
    const seen: Record<string, string[]> = {};
    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    await page.getByRole('link', { name: /van der Heijden-Oudshoorn/ }).click();
    await page.getByRole('tab', { name: 'Budget', exact: true }).click();
    const closed = page.getByRole('button', { name: /^Toelichting bij/, expanded: false });
    await closed.first().waitFor();
    for (let i = 0; i < 60 && (await closed.count()) > 0; i++) await closed.first().click();
    // The screen shows figures first; the opened rows show their explanation once it is fetched.
    await expect.poll(() => page.getByText('Toelichting wordt geladen…').count()).toBe(0);
    const screenBits = internalBits(await screenText(page));
    if (screenBits.length > 0) seen['Budget, alle toelichtingen open'] = screenBits;
    const plan = await callCore<{ contentBase64: string }>(app, 'budget.createPlan', { id: busy.id, date: '2026-11-01' });
    const pdf = await extractPdf(Buffer.from(plan.contentBase64, 'base64'));
    const pdfBits = internalBits(pdf.text);
    if (pdfBits.length > 0) seen['Budgetplan (PDF)'] = pdfBits;
    expect(seen).toEqual({});
  });

  it('recalculating brings the changed figures into view, marks them briefly and says what changed', async () => {
    await page.setViewportSize({ width: 1280, height: 500 });
    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    await page.getByRole('link', { name: /van der Heijden-Oudshoorn/ }).click();
    await page.getByRole('tab', { name: 'Budget', exact: true }).click();
    await waitVisible(page.getByRole('heading', { name: 'Huishouden en bijstandsnorm' }));
    const live = page.locator('.budget [role="status"][aria-live="polite"]');
    const inView = () =>
      page.evaluate(() => {
        const first = document.querySelector('.figure-changed');
        if (!first) return 'geen markering';
        const r = first.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight ? 'in beeld' : `buiten beeld (${Math.round(r.top)})`;
      });

    // Saving the inputs at the bottom of the page: one kostendeler (27+) lowers the bijstandsnorm (art. 22a PW).
    const form = page.getByRole('form', { name: 'Gegevens voor de berekening' });
    await form.getByLabel('Aantal kostendelers (27+)', { exact: true }).fill('1');
    await button(form, 'Gegevens opslaan en herberekenen').click();
    await expect.poll(inView, { timeout: 10_000 }).toBe('in beeld');
    await expect.poll(() => live.textContent()).toMatch(/^Opnieuw berekend voor peildatum \d{2}-\d{2}-\d{4}: \d+ bedragen gewijzigd: Bijstandsnorm/);
    expect(await page.locator('.figure-changed .changed-badge').first().textContent()).toBe(' gewijzigd');
    // The form is rebuilt from the stored inputs: the save is confirmed and the focus is back on its button.
    await expect.poll(() => focusedLabel(page)).toBe('Gegevens opslaan en herberekenen');
    const confirmation = page.getByText('De gegevens zijn opgeslagen; het budget is herberekend.', { exact: true });
    await waitVisible(confirmation);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'dagelijks-herberekend');
    await page.locator('.figure-changed').first().waitFor({ state: 'detached', timeout: 15_000 });
    await confirmation.waitFor({ state: 'hidden', timeout: 15_000 });

    // "Berekenen" with the same date: nothing changed, said so; the focus stays on the button.
    await page.evaluate(() => window.scrollTo(0, 0));
    await button(page, 'Berekenen').click();
    await expect.poll(() => live.textContent()).toMatch(/: geen bedragen gewijzigd\.$/);
    await expect.poll(() => focusedLabel(page)).toBe('Berekenen');

    // Back to no kostendelers, so the tests after this one see the household as it was.
    await form.getByLabel('Aantal kostendelers (27+)', { exact: true }).fill('0');
    await button(form, 'Gegevens opslaan en herberekenen').click();
    await expect.poll(inView, { timeout: 10_000 }).toBe('in beeld');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('no internal key, English word or unrounded number in any Toelichting of every demo household (their plans: tests/integration/budget-pdf/no-internal-text.test.ts)', async () => {
    const files = readdirSync(path.join(REPO, 'resources', 'demo')).filter((f) => f.endsWith('.json')).sort();
    const seen: Record<string, string[]> = {};
    for (const f of files) {
      const file = JSON.parse(readFileSync(path.join(REPO, 'resources', 'demo', f), 'utf8')) as unknown;
      // Demo 01 is in the vault already (imported twice above): a third copy is fine, the scan is per dossier.
      const { imported } = await callCore<{ imported: { id: string }[] }>(app, 'dossier.import', { file, onDuplicate: 'copy' });
      const id = imported[0]!.id;
      await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
      await page.locator(`main a[href="#dossier-${id}"]`).click();
      await page.getByRole('tab', { name: 'Budget', exact: true }).click();
      const closed = page.getByRole('button', { name: /^Toelichting bij/, expanded: false });
      await closed.first().waitFor();
      // All at once in the page (one click each, as a user would): clicking them one by one through the driver takes minutes.
      await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('main button.toelichting-button[aria-expanded="false"]').forEach((b) => b.click()));
      await expect.poll(() => closed.count()).toBe(0);
      // Open at once, the rows show their explanations once the screen has fetched them.
      await expect.poll(() => page.getByText('Toelichting wordt geladen…').count()).toBe(0);
      const screenBits = internalBits(await screenText(page));
      if (screenBits.length > 0) seen[`${f}: Budget, alle toelichtingen open`] = [...new Set(screenBits)];
    }
    expect(seen).toEqual({});
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 240_000);

  it('the unlock screen has the focus on the password', async () => {
    await button(page, 'Vergrendelen').click();
    await waitVisible(heading(page, 'Kluis ontgrendelen'));
    await expect.poll(() => focusedLabel(page)).toBe('Wachtwoord');
    const bits = internalBits(await screenText(page));
    expect(bits).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
