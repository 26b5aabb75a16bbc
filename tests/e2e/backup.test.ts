// Layer 5: backups in the real app (web shell + core with real Argon2id) in Debian's Chromium.
// Instellingen → Back-ups: make a backup, restore it (the app remounts and shows the restored data), and
// undo the restore with the 'before-restore' snapshot. Then a vault damaged on disk while locked: the
// unlock screen shows the core's Dutch message and offers the backups; restoring one unlocks the vault
// with the backup's data, and nothing in the vault folder is deleted. Every test runs under the guards.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BackupInfo } from '../../src/shared/contract/backups';
import type { VaultStatus } from '../../src/shared/contract/vault';
import { BACKUPS_DIR_NAME, VAULT_DB_NAME } from '../../src/core/vault/vault-manager';
import { button, callCore, createVaultViaUi, heading, SCREENSHOT_DIR, screenshot, seriousAxeViolations, useE2eApp, waitVisible, type E2eApp } from '../support/browser';
import { householdInput } from '../support/budget';

const PASSWORD = 'Back-up-op-de-Veluwe-2026';
const A = { firstName: 'Annelies', lastName: 'Aalderink' };
const B = { firstName: 'Bram', lastName: 'Bosscher' };
const nameOf = (p: { firstName: string; lastName: string }) => `${p.lastName}, ${p.firstName}`;

function createHousehold(app: E2eApp, p: { firstName: string; lastName: string }): Promise<unknown> {
  return callCore(app, 'dossier.create', {
    data: householdInput({ fictitious: true, adults: [{ role: 'aanvrager', ...p, birthDate: '1985-06-01' }] }),
  });
}

/** The dossier list, freshly mounted (every navigation remounts the screen). */
async function openDossierList(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
  await waitVisible(heading(page, 'Dossiers'));
}

async function expectDossiers(page: Page, shown: string[], absent: string[]): Promise<void> {
  for (const name of shown) await waitVisible(page.getByRole('link', { name, exact: true }), 30_000);
  for (const name of absent) expect(await page.getByRole('link', { name, exact: true }).count(), `${name} still listed`).toBe(0);
}

/** Clicks "Terugzetten" on the first backup row of the given kind and confirms with the password. */
async function restoreFromList(page: Page, kindLabel: string): Promise<void> {
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: kindLabel, exact: true }) }).first();
  await button(row, 'Terugzetten').click();
  const dialog = page.getByRole('dialog', { name: 'Back-up terugzetten' });
  await waitVisible(dialog);
  await dialog.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
  await button(dialog, 'Terugzetten').click();
  await dialog.waitFor({ state: 'detached', timeout: 60_000 });
}

/** Every file under `dir` (relative paths), sorted. */
async function listing(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await listing(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('backups in the browser', () => {
  let app: E2eApp;
  let page: Page;
  let vaultPath = '';

  useE2eApp('backup', (started) => {
    app = started;
    page = started.page;
  });

  it('makes a backup in Instellingen, restores it (the app shows the restored data) and undoes the restore', async () => {
    await createVaultViaUi(page, 'Back-upteam', PASSWORD);
    vaultPath = (await callCore<VaultStatus>(app, 'vault.status', {})).vault!.path;

    // Households through the contract (the household form has its own e2e test); backups through the UI.
    await createHousehold(app, A);
    await openDossierList(page);
    await expectDossiers(page, [nameOf(A)], []);

    await page.getByRole('link', { name: 'Instellingen', exact: true }).click();
    await waitVisible(heading(page, 'Instellingen'));
    const section = page.getByRole('region', { name: 'Back-ups' });
    await button(section, 'Nu een back-up maken').click();
    await waitVisible(section.getByRole('status').filter({ hasText: /De back-up van \d{2}-\d{2}-\d{4} \d{2}:\d{2} is gemaakt in de kluismap\./ }));
    await waitVisible(section.getByRole('cell', { name: 'Handmatig', exact: true }));
    await screenshot(page, 'backup-01-instellingen');
    await section.screenshot({ path: path.join(SCREENSHOT_DIR, 'backup-01b-instellingen-sectie.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);
    const manual = (await callCore<BackupInfo[]>(app, 'vault.listBackups', {})).filter((b) => b.kind === 'manual');
    expect(manual).toHaveLength(1);

    await createHousehold(app, B);
    await openDossierList(page);
    await expectDossiers(page, [nameOf(A), nameOf(B)], []);

    // Restore the manual backup: the app remounts on the dossier list, which shows A but no longer B.
    await page.getByRole('link', { name: 'Instellingen', exact: true }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Handmatig', exact: true }) }).first();
    await button(row, 'Terugzetten').click();
    const dialog = page.getByRole('dialog', { name: 'Back-up terugzetten' });
    await waitVisible(dialog);
    await expect.poll(() => dialog.textContent()).toContain('bewaart eerst de huidige stand');
    await dialog.screenshot({ path: path.join(SCREENSHOT_DIR, 'backup-02-terugzetten-dialoog.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await button(dialog, 'Annuleren').click();
    await restoreFromList(page, 'Handmatig');

    await waitVisible(heading(page, 'Dossiers'), 60_000);
    await waitVisible(page.getByRole('status').filter({ hasText: 'is teruggezet' }));
    await expectDossiers(page, [nameOf(A)], [nameOf(B)]);
    await screenshot(page, 'backup-03-teruggezet');
    const afterRestore = await callCore<{ displayName: string }[]>(app, 'dossier.list', {});
    expect(afterRestore.map((d) => d.displayName)).toEqual([nameOf(A)]);

    // Undo: restore the 'before-restore' snapshot, and B is back.
    await page.getByRole('link', { name: 'Instellingen', exact: true }).click();
    await waitVisible(heading(page, 'Instellingen'));
    await restoreFromList(page, 'Voor terugzetten');
    await waitVisible(heading(page, 'Dossiers'), 60_000);
    await expectDossiers(page, [nameOf(A), nameOf(B)], []);
  });

  it('offers the backups when the vault is damaged on disk; restoring one unlocks it and deletes nothing', async () => {
    await button(page, 'Vergrendelen').click();
    await waitVisible(heading(page, 'Kluis ontgrendelen'));
    expect((await callCore<VaultStatus>(app, 'vault.status', {})).state).toBe('locked');

    // Damage the encrypted database's first page (the test process writes the file, as a bad disk would):
    // the unlock's quick check reads it. Damage deeper in the file is found by the background check after
    // the unlock (tests/integration/vault/background-maintenance.test.ts), not by the unlock itself.
    const dbFile = path.join(vaultPath, VAULT_DB_NAME);
    const bytes = await readFile(dbFile);
    const middle = 200;
    for (let i = middle; i < middle + 64; i++) bytes[i] = bytes[i]! ^ 0xff;
    await writeFile(dbFile, bytes);
    const damagedHash = sha256(bytes);
    const before = await listing(vaultPath);
    expect(before).toContain(VAULT_DB_NAME);

    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await button(page, 'Ontgrendelen').click();
    const alert = page.getByRole('alert').filter({ hasText: 'De kluis is beschadigd' });
    await waitVisible(alert, 60_000);
    expect(await alert.textContent()).toContain('Er is niets verwijderd.');
    const section = page.getByRole('region', { name: 'Back-up terugzetten' });
    await waitVisible(section.getByRole('heading', { level: 2, name: 'Back-up terugzetten' }));
    await waitVisible(section.getByRole('cell', { name: 'Handmatig', exact: true }));
    // Date as dd-mm-jjjj HH:mm, kind in Dutch, size.
    const firstRow = section.getByRole('row').nth(1);
    expect(((await firstRow.textContent()) ?? '').replace(/\u00a0/g, ' ')).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}.+\d+(,\d)? (kB|MB|GB)Terugzetten$/);
    await screenshot(page, 'backup-04-beschadigd');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Still locked: nothing was opened or changed by the failed unlock.
    expect((await callCore<VaultStatus>(app, 'vault.status', {})).state).toBe('locked');
    expect(sha256(await readFile(dbFile))).toBe(damagedHash);

    const row = section.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Handmatig', exact: true }) }).first();
    await button(row, 'Terugzetten').click();
    const dialog = page.getByRole('dialog', { name: 'Back-up terugzetten' });
    await waitVisible(dialog);
    await expect.poll(() => dialog.textContent()).toContain('beschadigde stand van de kluis');
    await screenshot(page, 'backup-05-beschadigd-dialoog');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await button(dialog, 'Terugzetten').click();

    // Unlocked with the backup's data: A (made before the manual backup), not B.
    await waitVisible(heading(page, 'Dossiers'), 60_000);
    await waitVisible(page.getByRole('status').filter({ hasText: 'is teruggezet en de kluis is ontgrendeld' }));
    await expectDossiers(page, [nameOf(A)], [nameOf(B)]);
    await screenshot(page, 'backup-06-hersteld');
    expect((await callCore<VaultStatus>(app, 'vault.status', {})).state).toBe('unlocked');

    // Nothing in the vault folder was deleted (new files are fine), and the damaged state was kept.
    const after = await listing(vaultPath);
    expect(before.filter((f) => !after.includes(f)), 'files deleted from the vault folder').toEqual([]);
    const added = after.filter((f) => !before.includes(f) && f.startsWith(`${BACKUPS_DIR_NAME}${path.sep}`) && f.endsWith('-before-restore.db'));
    expect(added).toHaveLength(1);
    const kept = await readFile(path.join(vaultPath, added[0]!));
    expect(sha256(kept), 'the damaged database is kept byte for byte').toBe(damagedHash);
    expect((await stat(dbFile)).size).toBeGreaterThan(0);
  });
});
