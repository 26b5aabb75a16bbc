// Layer 5: Budgetoverzicht in the real app (web shell + core, real Argon2id) in Debian's Chromium. Two households
// whose saldo is plain arithmetic: one adult earning € 1.000,00 a month with € 1.250,00 rent (saldo € -250,00,
// a tekort) and one earning € 2.000,00 with € 800,00 rent (saldo € 1.200,00). The overview computes both through
// budget.batch, lists the first under "Tekort", and its row opens the Budget tab with the same saldo.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../src/shared/dossier/schema';
import { button, callCore, createVaultViaUi, heading, screenshot, seriousAxeViolations, useE2eApp, waitVisible, type E2eApp } from '../support/browser';
import { householdInput } from '../support/budget';

const PASSWORD = 'Overzicht-van-Oost-2026';
/** Fixed, covered by the bundled tables (through 31-12-2026), so the test does not depend on today. */
const PEILDATUM_NL = '01-11-2026';

function single(firstName: string, lastName: string, loon: string, huur: string) {
  return householdInput({
    fictitious: true,
    adults: [{ role: 'aanvrager', firstName, lastName, birthDate: '1985-06-15', bsn: null }],
    incomes: [{ description: 'Loon', category: 'loon', amount: loon, frequency: 'maand' }],
    expenses: [{ description: 'Huur', category: 'huur', amount: huur, frequency: 'maand' }],
  });
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\u00a0/g, ' ').trim();

describe('Budgetoverzicht in the browser', () => {
  let app: E2eApp;
  let page: Page;
  useE2eApp('overview', (started) => {
    app = started;
    page = started.page;
  });

  it('lists every household with its saldo and the tekort filter, and opens the Budget tab from a row', async () => {
    await createVaultViaUi(page, 'Kantoor Oost', PASSWORD);
    // 1000.00 − 1250.00 = −250.00 (tekort); 2000.00 − 800.00 = 1200.00.
    await callCore<Dossier>(app, 'dossier.create', { data: single('Tessa', 'Kuiper', '1000.00', '1250.00') });
    await callCore<Dossier>(app, 'dossier.create', { data: single('Ruben', 'Wolters', '2000.00', '800.00') });

    await page.getByRole('link', { name: 'Budgetoverzicht', exact: true }).click();
    await waitVisible(heading(page, 'Budgetoverzicht'));
    await waitVisible(page.getByRole('status').filter({ hasText: 'Berekend: 2 van 2 huishoudens.' }));
    // The same figures for a fixed peildatum.
    await page.getByLabel('Peildatum', { exact: true }).fill(PEILDATUM_NL);
    await button(page, 'Berekenen').click();
    await waitVisible(page.getByRole('status').filter({ hasText: `Berekend: 2 van 2 huishoudens. Peildatum ${PEILDATUM_NL}.` }));

    const table = page.getByRole('table');
    const kuiper = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Kuiper, Tessa/ }) });
    // Columns after the dossier: Inkomen, Bijstandsnorm, Beslagvrije voet, VTLB, Afloscapaciteit, Saldo.
    expect(((await kuiper.locator('td').nth(0).textContent()) ?? '').replace(/\u00a0/g, ' ')).toBe('€ 1.000,00');
    expect(((await kuiper.locator('td').nth(5).textContent()) ?? '').replace(/\u00a0/g, ' ')).toBe('€ -250,00');
    const wolters = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Wolters, Ruben/ }) });
    expect(((await wolters.locator('td').nth(5).textContent()) ?? '').replace(/\u00a0/g, ' ')).toBe('€ 1.200,00');
    await screenshot(page, 'budget-overview-01-all');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Tekort (saldo negatief): 1 van 2', { exact: true }).check();
    expect(await text(page, 'table caption')).toBe('Tekort (saldo negatief): 1–1 van 1');
    expect(await table.getByRole('rowheader').allTextContents()).toEqual([expect.stringContaining('Kuiper, Tessa')]);

    await kuiper.getByRole('link').click();
    await waitVisible(heading(page, /Kuiper, Tessa/));
    expect(await page.getByRole('tab', { name: 'Budget', exact: true }).getAttribute('aria-selected')).toBe('true');
    await page.getByLabel('Peildatum', { exact: true }).fill(PEILDATUM_NL);
    await button(page, 'Berekenen').click();
    await waitVisible(page.locator('.budget-basis strong', { hasText: PEILDATUM_NL }));
    const saldo = page.getByRole('rowheader', { name: /^Saldo per maand/ }).first().locator('xpath=..').locator('td').first();
    expect(((await saldo.textContent()) ?? '').replace(/\u00a0/g, ' ').trim()).toBe('€ -250,00');
  });
});
