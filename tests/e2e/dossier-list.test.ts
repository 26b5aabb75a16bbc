// Layer 5, issue 10 §1 and issue 7 in Chromium with the real core: the dossier list shows one page and the
// total, pages forward and back, sorts by column in SQL, finds a household by creditor, IBAN, street, city
// and postcode without its space, and keeps search, filters, sort and page after opening a dossier and going
// back. Axe stays at 0 serious violations. Expected orders follow from the households written here. A search
// with more than 1,000 hits says "meer dan 1.000", lists the most recently added first and pages on.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DossierDataInput } from '../../src/shared/dossier/schema';
import { button, callCore, createVaultViaUi, heading, screenshot, seriousAxeViolations, useE2eApp, waitVisible, type E2eApp } from '../support/browser';

const PASSWORD = 'Lange-lijsten-in-Leeuwarden-2026';
const SURNAMES = ['Visser', 'Bakker', 'Jansen', 'Mulder', 'Smit', 'Meijer', 'Bos', 'Vos', 'Dekker', 'Brouwer'];
const COUNT = 60;

/** Household i: Anna<ii> <surname>, status by turn, no address. */
function household(i: number): DossierDataInput {
  return {
    status: i % 3 === 0 ? 'nazorg' : 'aanmelding',
    typeOfHelp: 'schuldhulpverlening',
    professional: 'Merel de Wit',
    adults: [{ role: 'aanvrager', firstName: `Anna${String(i).padStart(2, '0')}`, lastName: SURNAMES[i % SURNAMES.length]!, birthDate: '1985-04-12', bsn: null }],
    children: [],
    address: null,
    bankAccounts: [],
    incomes: [],
    expenses: [],
    debts: [],
  };
}

/** The one household with a creditor, an IBAN and an address, to be found by each. */
const WATER: DossierDataInput = {
  ...household(COUNT),
  adults: [{ role: 'aanvrager', firstName: 'Wietske', lastName: 'Zwart', birthDate: '1979-11-30', bsn: null }],
  address: { street: 'Zuiderdiep', houseNumber: '7', postcode: '9901 AB', city: 'Appingedam' },
  bankAccounts: [{ iban: 'NL02ABNA0123456789', description: 'Betaalrekening' }],
  debts: [{ creditor: 'Waterbedrijf Groningen', reference: 'W-881', originalAmount: '412.00', currentAmount: '412.00', kind: 'concurrent', status: 'open' }],
};
const WATER_NAME = 'Zwart, Wietske';

describe('the dossier list in pages', () => {
  let app: E2eApp;
  let page: Page;

  useE2eApp('list', (started) => {
    app = started;
    page = started.page;
  });

  const names = async () => (await page.locator('main table tbody tr td:nth-child(2) a').allTextContents()).map((t) => t.trim());
  const range = () => page.locator('main .list-range');
  const rangeText = async () => ((await range().textContent()) ?? '').trim();
  const pager = () => page.getByRole('navigation', { name: "Pagina's van de dossierlijst" });
  const search = () => page.getByLabel('Zoeken', { exact: true });
  const toList = async () => {
    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    await waitVisible(heading(page, 'Dossiers'));
  };

  /** Every display name in the order the core must sort them by name ("achternaam, voornaam", case-folded). */
  const allNames = () => [...Array.from({ length: COUNT }, (_, i) => `${SURNAMES[i % SURNAMES.length]}, Anna${String(i).padStart(2, '0')}`), WATER_NAME];
  const byName = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);

  it('shows the first page and the total, and pages forward and back', async () => {
    await createVaultViaUi(page, 'Wijkteam Leeuwarden', PASSWORD);
    for (let i = 0; i < COUNT; i++) await callCore(app, 'dossier.create', { data: household(i) });
    await callCore(app, 'dossier.create', { data: WATER });
    await toList();
    await expect.poll(rangeText, { timeout: 10_000 }).toBe('1–50 van 61 dossiers');
    expect(await names()).toHaveLength(50);
    // Newest change first: the household made last leads.
    expect((await names())[0]).toBe(WATER_NAME);
    await waitVisible(pager().getByText('Pagina 1 van 2'));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'lijst-01-eerste-pagina');

    await button(pager(), 'Volgende').click();
    await expect.poll(rangeText).toBe('51–61 van 61 dossiers');
    expect(await names()).toHaveLength(11);
    // The oldest dossier is last.
    expect((await names()).at(-1)).toBe('Visser, Anna00');
    expect(await button(pager(), 'Volgende').getAttribute('aria-disabled')).toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await button(pager(), 'Vorige').click();
    await expect.poll(rangeText).toBe('1–50 van 61 dossiers');
  });

  it('sorts by column in the database, over all pages', async () => {
    const expected = allNames().sort(byName);
    await button(page, 'Naam').click();
    await expect.poll(names).toEqual(expected.slice(0, 50));
    expect(await page.getByRole('columnheader', { name: /Naam/ }).getAttribute('aria-sort')).toBe('ascending');
    await button(pager(), 'Volgende').click();
    await expect.poll(names).toEqual(expected.slice(50));

    // The other way round starts again at page 1, with the last name first.
    await button(page, 'Naam').click();
    await expect.poll(names).toEqual([...expected].reverse().slice(0, 50));
    expect(await rangeText()).toBe('1–50 van 61 dossiers');

    // Status follows the process (aanmelding before nazorg), not the alphabet.
    await button(page, 'Status').click();
    const statuses = async () => (await page.locator('main table tbody tr td:nth-child(5)').allTextContents()).map((t) => t.trim());
    await expect.poll(async () => (await statuses()).indexOf('Nazorg')).toBe(40);
    expect(new Set((await statuses()).slice(0, 40))).toEqual(new Set(['Aanmelding']));
    await button(page, 'Gewijzigd').click();
    await expect.poll(async () => (await names())[0]).toBe(WATER_NAME);
  });

  it('finds a household by creditor, IBAN, street, city and postcode without its space', async () => {
    for (const q of ['waterbedrijf', 'NL02ABNA0123456789', 'nl02 abna 0123', 'zuiderdiep', 'Appingedam', '9901ab', '9901 AB']) {
      await search().fill(q);
      await expect.poll(names, { timeout: 10_000 }).toEqual([WATER_NAME]);
      expect(await rangeText()).toBe('1 dossier, de best passende eerst');
    }
    await search().fill('geen-enkel-dossier');
    await expect.poll(rangeText).toBe('Geen dossiers gevonden.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await search().fill('');
    await expect.poll(rangeText).toBe('1–50 van 61 dossiers');
  });

  it('keeps search, filter, sort and page after opening a dossier and going back', async () => {
    await search().fill('anna');
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Aanmelding' });
    await button(page, 'Naam').click();
    // Aanmelding: the 40 households whose number is not a multiple of 3, by name.
    const expected = allNames()
      .filter((_, i) => i < COUNT && i % 3 !== 0)
      .sort(byName);
    await expect.poll(names).toEqual(expected.slice(0, 40));
    expect(await rangeText()).toBe('1–40 van 40 dossiers');
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Alle' });
    await expect.poll(rangeText).toBe('1–50 van 60 dossiers');
    await button(pager(), 'Volgende').click();
    await expect.poll(rangeText).toBe('51–60 van 60 dossiers');
    const second = await names();
    expect(second).toEqual(allNames().slice(0, COUNT).sort(byName).slice(50));

    await page.getByRole('link', { name: second[3]!, exact: true }).click();
    await waitVisible(heading(page, new RegExp(second[3]!)));
    await toList();
    expect(await search().inputValue()).toBe('anna');
    expect(await page.getByLabel('Status', { exact: true }).inputValue()).toBe('');
    await expect.poll(rangeText).toBe('51–60 van 60 dossiers');
    expect(await names()).toEqual(second);
    expect(await page.getByRole('columnheader', { name: /Naam/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'lijst-02-terug-op-pagina-2');
  });

  it('a search with more than 1,000 hits says so, lists the most recently added first and pages on', async () => {
    // 941 more households named Anna Hoekstra: "anna" then matches 60 + 941 = 1,001 (Wietske has no Anna).
    const extra = Array.from({ length: 941 }, (_, i) => ({
      ...household(i),
      status: 'aanmelding' as const,
      adults: [{ role: 'aanvrager' as const, firstName: 'Anna', lastName: 'Hoekstra', birthDate: new Date(Date.UTC(1960, 0, 1 + i)).toISOString().slice(0, 10), bsn: null }],
    }));
    await callCore(app, 'dossier.import', { file: { format: 'houvast.dossier', version: 1, dossiers: extra } });
    await search().fill('');
    await button(page, 'Gewijzigd').click();
    await search().fill('anna');
    const broad = 'van meer dan 1.000 dossiers — maak de zoekopdracht specifieker. Laatst toegevoegd eerst; op relevantie of een kolom sorteren kan bij 1.000 dossiers of minder.';
    await expect.poll(rangeText, { timeout: 10_000 }).toBe(`1–50 ${broad}`);
    // Most recently added first: all 50 are from the import, and no column claims to be the order.
    expect(new Set(await names())).toEqual(new Set(['Hoekstra, Anna']));
    for (const h of await page.getByRole('columnheader').all()) expect(await h.getAttribute('aria-sort')).toBeNull();
    await waitVisible(pager().getByText('Pagina 1 van meer dan 20'));
    expect(await button(pager(), 'Laatste').getAttribute('aria-disabled')).toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'lijst-03-meer-dan-1000');
    await button(pager(), 'Volgende').click();
    await expect.poll(rangeText).toBe(`51–100 ${broad}`);

    // Narrowed to 941 hits: counted exactly and ranked again.
    await search().fill('anna hoekstra');
    await expect.poll(rangeText).toBe('1–50 van 941 dossiers, de best passende eerst');
    await waitVisible(pager().getByText('Pagina 1 van 19'));
  });
});
