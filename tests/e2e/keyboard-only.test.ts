// Layer 5, issue 7: a professional who works without a mouse creates a whole household in Chromium with
// the keyboard alone (Tab, typing, Enter, Space, arrow keys): two adults, three children, incomes,
// expenses and four debts. Focus lands where the next step starts (the new child's first field, the
// saved row), and the core ends up with exactly what was typed. Axe stays at 0 serious violations.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../src/shared/dossier/schema';
import { callCore, createVaultViaUi, heading, screenshot, seriousAxeViolations, useE2eApp, waitVisible, type E2eApp } from '../support/browser';

const PASSWORD = 'Toetsenbord-zonder-muis-2026';

interface Focused {
  tag: string;
  role: string;
  label: string;
  group: string;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: '', role: '', label: '', group: '' };
    const input = el as HTMLInputElement;
    const label = (input.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
    const group = el.closest('fieldset')?.querySelector('legend')?.textContent?.trim() ?? '';
    return { tag: el.tagName, role: el.getAttribute('role') ?? '', label, group };
  });
}

/** Presses Tab until the focused element has this label (and is in this group); fails after 120 presses. */
async function tabTo(page: Page, label: string, group?: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const f = await focused(page);
    if (f.label === label && (group === undefined || f.group === group)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${label}"${group ? ` in "${group}"` : ''}`);
}

async function typeInto(page: Page, label: string, text: string, group?: string): Promise<void> {
  await tabTo(page, label, group);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

async function expectFocus(page: Page, label: string, group?: string): Promise<void> {
  await expect.poll(async () => {
    const f = await focused(page);
    return group === undefined ? f.label : `${f.group} / ${f.label}`;
  }).toBe(group === undefined ? label : `${group} / ${label}`);
}

const ADULTS = [
  { group: 'Aanvrager', first: 'Yara', last: 'Bosschaert', birth: '12-05-1987', bsn: '111222333' },
  { group: 'Partner', first: 'Milan', last: 'Dekkers', birth: '03-11-1985', bsn: '' },
];
const CHILDREN = [
  { first: 'Noa', birth: '01-02-2012' },
  { first: 'Luuk', birth: '15-08-2016' },
  { first: 'Fien', birth: '30-12-2020' },
];
const INCOMES = [
  { description: 'Loon Yara', amount: '1.834,50' },
  { description: 'Loon Milan', amount: '612,25' },
];
const EXPENSES = [
  { description: 'Huur woning', amount: '812,40' },
  { description: 'Zorgverzekering', amount: '296,00' },
];
const DEBTS = [
  { creditor: 'Belastingdienst', original: '1.200,00', current: '1.050,00' },
  { creditor: 'Zilveren Kruis', original: '640,00', current: '702,15' },
  { creditor: 'Vattenfall', original: '385,90', current: '385,90' },
  { creditor: 'Woonstad Rotterdam', original: '2.450,00', current: '2.610,80' },
];

describe('keyboard only', () => {
  let app: E2eApp;
  let page: Page;

  useE2eApp('keyboard', (started) => {
    app = started;
    page = started.page;
  });

  it('creates a household with two adults, three children, incomes, expenses and four debts without a mouse', async () => {
    await createVaultViaUi(page, 'Toetsenbordkluis', PASSWORD);

    await tabTo(page, 'Nieuw dossier');
    await page.keyboard.press('Enter');
    await waitVisible(heading(page, 'Nieuw dossier'));

    const [aanvrager, partner] = ADULTS as [(typeof ADULTS)[number], (typeof ADULTS)[number]];
    await typeInto(page, 'Voornaam', aanvrager.first, 'Aanvrager');
    await typeInto(page, 'Achternaam', aanvrager.last, 'Aanvrager');
    await typeInto(page, 'Geboortedatum', aanvrager.birth, 'Aanvrager');
    await typeInto(page, 'BSN', aanvrager.bsn, 'Aanvrager');
    await tabTo(page, 'Partner toevoegen');
    await page.keyboard.press('Enter');
    // The new partner's first field has the focus: typing can start at once.
    await expectFocus(page, 'Voornaam', 'Partner');
    await page.keyboard.type(partner.first);
    await typeInto(page, 'Achternaam', partner.last, 'Partner');
    await typeInto(page, 'Geboortedatum', partner.birth, 'Partner');

    for (const [i, child] of CHILDREN.entries()) {
      await tabTo(page, 'Kind toevoegen');
      await page.keyboard.press('Enter');
      await expectFocus(page, 'Voornaam', `Kind ${i + 1}`);
      await page.keyboard.type(child.first);
      await typeInto(page, 'Geboortedatum', child.birth, `Kind ${i + 1}`);
    }
    // The youngest does not live at home: Space toggles the checkbox.
    await tabTo(page, 'Woont thuis', 'Kind 3');
    await page.keyboard.press('Space');

    await typeInto(page, 'Straat', 'Mathenesserlaan', 'Adres');
    await typeInto(page, 'Huisnummer', '201', 'Adres');
    await typeInto(page, 'Postcode', '3014 HA', 'Adres');
    await typeInto(page, 'Plaats', 'Rotterdam', 'Adres');
    await tabTo(page, 'Opslaan');
    await page.keyboard.press('Enter');
    await waitVisible(heading(page, /Bosschaert, Yara/));
    await screenshot(page, 'toetsenbord-01-dossier');

    // Tabs: the arrow keys move between them.
    await tabTo(page, 'Huishouden');
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).label).toBe('Inkomsten en uitgaven');

    for (const [kind, items] of [
      ['Inkomst', INCOMES],
      ['Uitgave', EXPENSES],
    ] as const) {
      for (const item of items) {
        await tabTo(page, `${kind} toevoegen`);
        await page.keyboard.press('Enter');
        // The form opens with the focus on its first field.
        await expectFocus(page, 'Omschrijving');
        await page.keyboard.type(item.description);
        await typeInto(page, 'Bedrag', item.amount);
        await tabTo(page, 'Opslaan');
        await page.keyboard.press('Enter');
        // After saving, the focus is on the saved row.
        await expectFocus(page, `${kind} ${item.description} bewerken`);
      }
    }

    // Back to the tabs (Shift+Tab would do as well) and two to the right: Budget, then Schulden.
    await tabTo(page, 'Inkomsten en uitgaven');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).label).toBe('Schulden');
    for (const debt of DEBTS) {
      await tabTo(page, 'Schuld toevoegen');
      await page.keyboard.press('Enter');
      await expectFocus(page, 'Schuldeiser');
      await page.keyboard.type(debt.creditor);
      await typeInto(page, 'Oorspronkelijk bedrag', debt.original);
      await typeInto(page, 'Huidig bedrag', debt.current);
      await tabTo(page, 'Opslaan');
      await page.keyboard.press('Enter');
      await expectFocus(page, `Schuld ${debt.creditor} bewerken`);
    }
    await screenshot(page, 'toetsenbord-02-schulden');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // What the core stored is exactly what was typed.
    const [summary] = await callCore<{ id: string }[]>(app, 'dossier.list', {});
    const d = await callCore<Dossier>(app, 'dossier.get', { id: summary!.id });
    expect(d.adults.map((a) => [a.role, a.firstName, a.lastName, a.birthDate, a.bsn])).toEqual([
      ['aanvrager', 'Yara', 'Bosschaert', '1987-05-12', '111222333'],
      ['partner', 'Milan', 'Dekkers', '1985-11-03', null],
    ]);
    // A new child takes the aanvrager's last name unless changed.
    expect(d.children.map((c) => [c.firstName, c.lastName, c.birthDate, c.livingInHousehold])).toEqual([
      ['Noa', 'Bosschaert', '2012-02-01', true],
      ['Luuk', 'Bosschaert', '2016-08-15', true],
      ['Fien', 'Bosschaert', '2020-12-30', false],
    ]);
    expect(d.address).toEqual({ street: 'Mathenesserlaan', houseNumber: '201', postcode: '3014 HA', city: 'Rotterdam' });
    expect(d.incomes.map((x) => [x.description, x.amount, x.frequency])).toEqual([
      ['Loon Yara', '1834.50', 'maand'],
      ['Loon Milan', '612.25', 'maand'],
    ]);
    expect(d.expenses.map((x) => [x.description, x.amount])).toEqual([
      ['Huur woning', '812.40'],
      ['Zorgverzekering', '296.00'],
    ]);
    expect(d.debts.map((x) => [x.creditor, x.originalAmount, x.currentAmount])).toEqual([
      ['Belastingdienst', '1200.00', '1050.00'],
      ['Zilveren Kruis', '640.00', '702.15'],
      ['Vattenfall', '385.90', '385.90'],
      ['Woonstad Rotterdam', '2450.00', '2610.80'],
    ]);
  });
});
