// Layer 5: a newcomer's first look. The welcome screen offers the demo vault; after unlocking it with
// the password the app shows, the fictitious households from resources/demo/ are listed and marked so.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callCore, heading, screenshot, seriousAxeViolations, useE2eApp, waitVisible, type E2eApp } from '../support/browser';

describe('the demo vault in the browser', () => {
  let app: E2eApp;
  let page: Page;
  let demoPassphrase = '';
  let demoNames: string[] = [];

  useE2eApp('demo', (started) => {
    app = started;
    page = started.page;
  });
  beforeAll(async () => {
    demoPassphrase = (await callCore<{ demoPassphrase: string }>(app, 'app.info', {})).demoPassphrase;
  });

  it('opens the demo vault and shows its password', async () => {
    await waitVisible(heading(page, 'Welkom bij Houvast'));
    await page.getByRole('button', { name: 'Demokluis openen', exact: true }).click();
    await waitVisible(heading(page, 'Kluis ontgrendelen'), 90_000);
    await waitVisible(page.getByText(demoPassphrase, { exact: false }).first());
    await screenshot(page, '10-demo-ontgrendelen');
  });

  it('lists the fictitious households after unlocking with the shown password', async () => {
    await page.getByLabel('Wachtwoord', { exact: true }).fill(demoPassphrase);
    await page.getByRole('button', { name: 'Ontgrendelen', exact: true }).click();
    await waitVisible(heading(page, 'Dossiers'), 60_000);

    const list = await callCore<{ displayName: string; fictitious: boolean }[]>(app, 'dossier.list', {});
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(list.every((d) => d.fictitious)).toBe(true);
    demoNames = list.map((d) => d.displayName);
    for (const name of demoNames) await waitVisible(page.getByText(name, { exact: false }).first());
    // Fictitious data says so on screen.
    await waitVisible(page.getByText(/fictie[fv]/i).first());
    await screenshot(page, '11-demo-dossiers');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('finds a demo household by typing part of its name', async () => {
    const [first, second] = demoNames;
    const family = first!.split(',')[0]!.trim();
    await page.getByLabel('Zoeken', { exact: true }).fill(family.toLowerCase());
    await waitVisible(page.getByText(first!, { exact: false }).first());
    if (second && !second.includes(family)) await page.getByText(second, { exact: false }).first().waitFor({ state: 'hidden' });
  });
});
