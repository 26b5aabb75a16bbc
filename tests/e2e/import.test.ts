// Layer 5: importing dossiers through the UI with the real core (real Argon2id) in Debian's Chromium.
// A demo household with many creditors is imported and opened; a file with one bad BSN is refused whole,
// with the reasons in Dutch, and the vault is unchanged. Every test runs under the CSP and network guards.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BSN_ERROR } from '../../src/shared/validation/bsn';
import { button, callCore, createVaultViaUi, heading, REPO, screenshot, seriousAxeViolations, useE2eApp, waitVisible, type E2eApp } from '../support/browser';

const PASSWORD = 'Herfst-in-de-Hanzestad-2026';
const DEMO_05 = path.join(REPO, 'resources', 'demo', '05-gezin-meerdere-schuldeisers.json');
const DEMO_01 = path.join(REPO, 'resources', 'demo', '01-eenoudergezin-bijstand.json');

interface Listed {
  id: string;
  number: string;
  displayName: string;
}

function listed(app: E2eApp): Promise<Listed[]> {
  return callCore(app, 'dossier.list', {});
}

describe('importing dossiers in the browser', () => {
  let app: E2eApp;
  let page: Page;
  let tmp = '';

  useE2eApp('import', (started) => {
    app = started;
    page = started.page;
  });
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'houvast-e2e-import-'));
  });
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  function importForm() {
    return page.getByRole('dialog', { name: 'Dossiers importeren' }).getByRole('form', { name: 'Dossiers importeren' });
  }

  /** Demo household 5 with its partner's BSN failing the elfproef (the last digit changed), and its file's other fields. */
  async function householdWithBadBsn() {
    const bad = JSON.parse(await readFile(DEMO_05, 'utf8')) as { dossiers: { adults: { bsn: string }[] }[] } & Record<string, unknown>;
    const partner = bad.dossiers[0]!.adults[1]!;
    partner.bsn = partner.bsn.slice(0, 8) + String((Number(partner.bsn[8]) + 1) % 10);
    return { file: bad, household: bad.dossiers[0]! };
  }

  /** Opens the import dialog, imports `file` and waits for its refusal ("Er is niets geïmporteerd."). */
  async function refusedImport(file: string) {
    await button(page, 'Dossiers importeren').click();
    const form = importForm();
    await form.getByLabel('Bestand met dossiers (JSON)', { exact: true }).setInputFiles(file);
    await button(form, 'Importeren').click();
    const alert = form.getByRole('alert').filter({ hasText: 'Er is niets geïmporteerd.' });
    await waitVisible(alert);
    return { form, alert };
  }

  it('creates a vault and opens the import form, which passes axe', async () => {
    await createVaultViaUi(page, 'Schuldhulp Noord', PASSWORD);
    expect(await listed(app)).toEqual([]);

    await button(page, 'Dossiers importeren').click();
    await waitVisible(importForm());
    // The dialog puts the keyboard focus on the file field.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('file');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('imports the household with nine creditors; it appears in the list and opens', async () => {
    const form = importForm();
    await form.getByLabel('Bestand met dossiers (JSON)', { exact: true }).setInputFiles(DEMO_05);
    await button(form, 'Importeren').click();
    await waitVisible(form.getByRole('status').filter({ hasText: /^1 dossier geïmporteerd: \d{4}-\d{4}\.$/ }));
    const after = await listed(app);
    expect(after).toHaveLength(1);
    const [household] = after;
    expect(household!.displayName).toContain('Boomgaardt');
    expect(await form.getByRole('status').filter({ hasText: 'geïmporteerd' }).textContent()).toBe(`1 dossier geïmporteerd: ${household!.number}.`);
    const stored = await callCore<{ debts: unknown[] }>(app, 'dossier.get', { id: household!.id });
    expect(stored.debts).toHaveLength(9);
    await screenshot(page, 'import-01-geimporteerd');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await button(page, 'Sluiten').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // Focus returns to the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Dossiers importeren');
    const link = page.getByRole('link', { name: household!.displayName, exact: true });
    await waitVisible(link);
    await link.click();
    await waitVisible(heading(page, /Boomgaardt/));
    await waitVisible(page.getByText(household!.number, { exact: true }).first());
  });

  it('refuses a file with a bad BSN whole, lists the reasons in Dutch and changes nothing', async () => {
    const good = JSON.parse(await readFile(DEMO_01, 'utf8')) as { dossiers: unknown[] };
    const { household: bad } = await householdWithBadBsn();
    const file = path.join(tmp, 'dossiers-met-fout.json');
    await writeFile(file, JSON.stringify({ ...good, dossiers: [good.dossiers[0], bad] }));
    const before = await listed(app);
    expect(before).toHaveLength(1);

    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    await waitVisible(heading(page, 'Dossiers'));
    const { form, alert } = await refusedImport(file);
    expect(await alert.getByRole('listitem').allTextContents()).toEqual([`Dossier 2, volwassene 2, BSN: ${BSN_ERROR}`]);
    // Nothing from the file was stored, not even the valid first household.
    expect(await listed(app)).toEqual(before);
    await screenshot(page, 'import-02-geweigerd');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Not JSON at all: refused in the browser, the content is not shown.
    const broken = path.join(tmp, 'kapot.json');
    await writeFile(broken, '{"dossiers": [{"bsn": "999914042",');
    await form.getByLabel('Bestand met dossiers (JSON)', { exact: true }).setInputFiles(broken);
    await button(form, 'Importeren').click();
    await waitVisible(form.getByRole('alert').filter({ hasText: 'geen geldige JSON' }));
    expect(await page.content()).not.toContain('999914042');
    expect(await listed(app)).toEqual(before);

    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await waitVisible(page.getByRole('link', { name: before[0]!.displayName, exact: true }));
  });

  it('keeps a dialog with a long answer within the window: it scrolls, and its buttons stay within reach', async () => {
    // 150 households with a bad BSN each: the first 100 reasons are listed, then a count.
    const { file: bad, household } = await householdWithBadBsn();
    const file = path.join(tmp, 'veel-fouten.json');
    await writeFile(file, JSON.stringify({ ...bad, dossiers: Array.from({ length: 150 }, () => household) }));
    const before = await listed(app);

    const { form, alert } = await refusedImport(file);
    expect(await alert.getByRole('listitem').count()).toBeGreaterThanOrEqual(100);

    const viewport = page.viewportSize()!;
    const box = (await page.getByRole('dialog').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    // Its buttons are reached by scrolling the dialog itself (not cut off above the window), and work.
    await button(form, 'Sluiten').click({ timeout: 5_000 });
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await listed(app)).toEqual(before);
  });
});
