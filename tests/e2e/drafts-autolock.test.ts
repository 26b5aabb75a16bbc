// Auto-lock and a half-filled form, in Chromium (issue 7): with auto-lock at 1 minute the warning shows (axe
// clean), "Ik werk nog door" postpones the lock; then the vault locks by itself while a new dossier is half
// typed: nothing of it stays in the page, and after unlocking the draft is listed and restored into the form.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { button, callCore, createVaultViaUi, heading, screenshot, seriousAxeViolations, useE2eApp, waitVisible, type E2eApp } from '../support/browser';

const PASSWORD = 'Herfstbladeren-in-Assen-2026';
const FIRST = 'Wietske';
const LAST = 'Dijkstra-Hoekstra';

describe('auto-lock warning and drafts', () => {
  let app: E2eApp;
  let page: Page;

  useE2eApp('drafts', (started) => {
    app = started;
    page = started.page;
  });

  it('warns a minute before the lock; "Ik werk nog door" postpones it', async () => {
    await createVaultViaUi(page, 'Wijkteam Assen', PASSWORD);
    await callCore(app, 'settings.update', { autoLockMinutes: 1 });
    // The next activity report picks up the new setting; a fresh screen shows the status at once.
    await page.getByRole('link', { name: 'Instellingen', exact: true }).click();
    const warning = page.getByRole('region', { name: 'Automatisch vergrendelen' });
    await waitVisible(warning, 30_000);
    expect(await warning.getByRole('alert').textContent()).toContain('De kluis wordt binnen een minuut vergrendeld');
    await screenshot(page, 'autolock-waarschuwing');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const before = (await callCore<{ autoLockAt: number }>(app, 'vault.status', {})).autoLockAt;
    await page.waitForTimeout(1100);
    await button(warning, 'Ik werk nog door').click();
    await expect.poll(async () => (await callCore<{ autoLockAt: number }>(app, 'vault.status', {})).autoLockAt).toBeGreaterThan(before);
  });

  it('a half-typed new dossier survives the auto-lock as a draft and comes back after unlocking', async () => {
    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    await button(page, 'Nieuw dossier').click();
    await waitVisible(heading(page, 'Nieuw dossier'));
    const aanvrager = page.getByRole('group', { name: 'Aanvrager', exact: true });
    await aanvrager.getByLabel('Voornaam', { exact: true }).fill(FIRST);
    await aanvrager.getByLabel('Achternaam', { exact: true }).fill(LAST);
    await expect.poll(async () => (await callCore<unknown[]>(app, 'drafts.list', {})).length, { timeout: 10_000 }).toBe(1);

    // Leave the keyboard alone: the vault locks itself (auto-lock 1 minute).
    await waitVisible(heading(page, 'Kluis ontgrendelen'), 90_000);
    const html = await page.content();
    expect(html).not.toContain(LAST);
    expect(html).not.toContain(FIRST);

    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await button(page, 'Ontgrendelen').click();
    const notice = page.getByRole('region', { name: 'Niet-opgeslagen concepten' });
    await waitVisible(notice, 60_000);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await button(notice, 'Nieuw dossier openen').click();
    await waitVisible(heading(page, 'Nieuw dossier'));
    await button(page, 'Concept terugzetten').click();
    const restored = page.getByRole('group', { name: 'Aanvrager', exact: true });
    expect(await restored.getByLabel('Voornaam', { exact: true }).inputValue()).toBe(FIRST);
    expect(await restored.getByLabel('Achternaam', { exact: true }).inputValue()).toBe(LAST);
    await screenshot(page, 'concept-teruggezet');
    // The lock is back at its usual time for the rest of the suite.
    await callCore(app, 'settings.update', { autoLockMinutes: 10 });
  });
});
