// The case file guards its data, in Chromium (issue 7): removing an income asks first and can be undone, the
// dossier's logboek says per field what was removed and put back (no BSN, no IBAN), and restoring a backup in
// Instellingen keeps the logboek entries made after that backup and records the restore; the logboek screen
// confirms the hash chain is intact. Axe stays at 0 serious violations on every screen touched.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../src/shared/dossier/schema';
import { PLANTED, plantedHousehold } from '../support/households';
import { button, callCore, createVaultViaUi, heading, screenshot, seriousAxeViolations, useE2eApp, waitVisible, type E2eApp } from '../support/browser';

const PASSWORD = 'Wintertijd-in-Leeuwarden-2026';
const IBAN = 'NL91ABNA0417164300';
const USER = 'Merel de Wit';

describe('the case file guards its data', () => {
  let app: E2eApp;
  let page: Page;
  let dossier: Dossier;

  useE2eApp('guards', (started) => {
    app = started;
    page = started.page;
  });

  async function openDossier(): Promise<void> {
    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    await waitVisible(heading(page, 'Dossiers'));
    await page.getByRole('link', { name: `${PLANTED.lastName}, ${PLANTED.firstName}` }).first().click();
    await waitVisible(heading(page, new RegExp(PLANTED.lastName)));
  }

  it('removing an income asks first; Annuleren keeps it', async () => {
    await createVaultViaUi(page, 'Wijkteam Leeuwarden', PASSWORD, USER);
    dossier = await callCore<Dossier>(app, 'dossier.create', {
      data: plantedHousehold({
        bankAccounts: [{ iban: IBAN }],
        incomes: [
          { description: 'Loon', category: 'loon', amount: '1834.50', frequency: 'maand' },
          { description: 'Kinderbijslag', category: 'kinderbijslag', amount: '300.00', frequency: 'kwartaal' },
        ],
      }),
    });
    await openDossier();
    await page.getByRole('tab', { name: 'Inkomsten en uitgaven' }).click();
    await button(page, 'Inkomst Loon verwijderen').click();
    const dialog = page.getByRole('dialog', { name: 'Inkomst ‘Loon’ verwijderen?' });
    await waitVisible(dialog);
    await screenshot(page, 'verwijderen-bevestigen');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await button(dialog, 'Annuleren').click();
    await dialog.waitFor({ state: 'detached' });
    expect((await callCore<Dossier>(app, 'dossier.get', { id: dossier.id })).incomes).toHaveLength(2);
  });

  it('removes it after confirming, and Ongedaan maken puts it back with the same id', async () => {
    await button(page, 'Inkomst Loon verwijderen').click();
    await button(page.getByRole('dialog', { name: 'Inkomst ‘Loon’ verwijderen?' }), 'Verwijderen').click();
    await waitVisible(page.getByText('Inkomst ‘Loon’ is verwijderd.'));
    expect((await callCore<Dossier>(app, 'dossier.get', { id: dossier.id })).incomes.map((i) => i.description)).toEqual(['Kinderbijslag']);
    // Focus is on the undo button: Enter undoes.
    await page.keyboard.press('Enter');
    await waitVisible(page.getByText('Inkomst ‘Loon’ is teruggezet.'));
    const back = await callCore<Dossier>(app, 'dossier.get', { id: dossier.id });
    expect(back.incomes.map((i) => i.id)).toEqual(dossier.incomes.map((i) => i.id));
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('the dossier logboek says what was removed and put back, per field, without BSN or IBAN', async () => {
    // An edit of one amount and a removed bank account, through the contract as the forms send them.
    const current = await callCore<Dossier>(app, 'dossier.get', { id: dossier.id });
    const { id: _i, number: _n, createdAt: _c, updatedAt: _u, ...data } = current;
    await callCore(app, 'dossier.update', { id: dossier.id, data: { ...data, incomes: [{ ...data.incomes[0]!, amount: '1900.00' }, data.incomes[1]!] } });
    await callCore(app, 'dossier.removeItem', { id: dossier.id, kind: 'bankAccount', itemId: current.bankAccounts[0]!.id });
    await openDossier();
    await page.getByRole('tab', { name: 'Logboek' }).click();
    const table = page.getByRole('table');
    await waitVisible(table.getByText('Inkomsten: inkomst 1 (Loon) verwijderd (was € 1.834,50 per maand)'));
    await waitVisible(table.getByText('Inkomsten: inkomst 1 (Loon) toegevoegd: € 1.834,50 per maand'));
    await waitVisible(table.getByText('Inkomsten: inkomst 1 (Loon): bedrag € 1.834,50 → € 1.900,00'));
    await waitVisible(table.getByText('Bankrekeningen: bankrekening 1 verwijderd'));
    const text = (await table.textContent()) ?? '';
    for (const pii of [PLANTED.bsn, IBAN, 'NL91', PLANTED.firstName]) expect(text).not.toContain(pii);
    expect(text).toContain(USER);
    await screenshot(page, 'logboek-per-veld');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('restoring a backup keeps the logboek entries made after it and records the restore', async () => {
    await callCore(app, 'vault.backup', {});
    await callCore(app, 'dossier.addNote', { id: dossier.id, text: 'Huisbezoek gedaan' });
    await callCore(app, 'dossier.removeItem', { id: dossier.id, kind: 'income', itemId: dossier.incomes[1]!.id });

    await page.getByRole('link', { name: 'Instellingen', exact: true }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Handmatig', exact: true }) }).first();
    await button(row, 'Terugzetten').click();
    const dialog = page.getByRole('dialog', { name: 'Back-up terugzetten' });
    await dialog.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await button(dialog, 'Terugzetten').click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });

    // The data is the backup's: both incomes are there again ...
    expect((await callCore<Dossier>(app, 'dossier.get', { id: dossier.id })).incomes).toHaveLength(2);
    // ... and the logboek still tells what happened after the backup, then the restore itself.
    await page.getByRole('link', { name: 'Logboek', exact: true }).click();
    await waitVisible(heading(page, 'Logboek'));
    const table = page.getByRole('table');
    await waitVisible(table.getByText('Inkomsten: inkomst 2 (Kinderbijslag) verwijderd (was € 300,00 per kwartaal)'));
    await waitVisible(table.getByText(/^Teruggezet: handmatige back-up van .* logboekregels van na deze back-up zijn bewaard\.$/));
    // Newest first: the restore is listed above the entries it carried over.
    const rows = await table.getByRole('row').allTextContents();
    const restoreAt = rows.findIndex((r) => r.includes('Teruggezet: handmatige back-up'));
    const carriedAt = rows.findIndex((r) => r.includes('inkomst 2 (Kinderbijslag) verwijderd'));
    expect(restoreAt).toBeGreaterThan(0);
    expect(restoreAt).toBeLessThan(carriedAt);
    await waitVisible(page.getByTestId('audit-chain'));
    expect(await page.getByTestId('audit-chain').textContent()).toMatch(/^Gecontroleerd: alle \d+ regels zijn onveranderd/);
    await screenshot(page, 'logboek-na-terugzetten');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
