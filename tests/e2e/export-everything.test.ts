// Dossier export holds everything the dossier holds, in Chromium (issue 7): the export dialog downloads a
// version-2 file with the budget inputs and the stored budget plan as a PDF attachment; importing that file
// through the import dialog (as a copy) brings the plan back byte for byte.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '../../src/shared/dossier/schema';
import { PLANTED, plantedHousehold } from '../support/households';
import { button, callCore, createVaultViaUi, heading, seriousAxeViolations, useE2eApp, waitVisible, type E2eApp } from '../support/browser';

const PASSWORD = 'Zomeravond-in-Zutphen-2026';

describe('exporting and importing everything a dossier holds', () => {
  let app: E2eApp;
  let page: Page;
  let tmp = '';
  let exportedFile = '';
  let planBase64 = '';

  useE2eApp('export', (started) => {
    app = started;
    page = started.page;
  });
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'houvast-e2e-export-'));
  });
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('the export dialog downloads budget inputs and the stored budget plan with the household', async () => {
    await createVaultViaUi(page, 'Wijkteam Zutphen', PASSWORD);
    const d = await callCore<Dossier>(app, 'dossier.create', {
      data: plantedHousehold({ incomes: [{ description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1419.46', frequency: 'maand' }] }),
    });
    await callCore(app, 'budget.saveInputs', { id: d.id, inputs: { kostendelers: 0, vtlbCorrections: [{ kind: 'woon_werk', amount: '25.00', note: 'Reiskosten' }] } });
    planBase64 = (await callCore<{ contentBase64: string }>(app, 'budget.createPlan', { id: d.id, date: '2026-07-15' })).contentBase64;

    // The list was shown before the dossier was made through the core: visit it again so it is fetched anew.
    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    await page.getByRole('link', { name: `${PLANTED.lastName}, ${PLANTED.firstName}` }).first().click();
    await waitVisible(heading(page, new RegExp(PLANTED.lastName)));
    await button(page, 'Exporteren').click();
    const dialog = page.getByRole('dialog', { name: 'Dossier exporteren' });
    await dialog.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button(dialog, 'Exporteren').click()]);
    exportedFile = path.join(tmp, download.suggestedFilename());
    await download.saveAs(exportedFile);
    const file = JSON.parse(await readFile(exportedFile, 'utf8'));
    expect(file.version).toBe(2);
    expect(file.dossiers[0].budgetInputs).toMatchObject({ vtlbCorrections: [{ kind: 'woon_werk', amount: '25.00', note: 'Reiskosten' }] });
    expect(file.dossiers[0].attachments).toHaveLength(1);
    expect(file.dossiers[0].attachments[0]).toMatchObject({ kind: 'budgetplan', mime: 'application/pdf', referenceDate: '2026-07-15' });
    expect(file.dossiers[0].attachments[0].contentBase64).toBe(planBase64);
  });

  it('importing the file as a copy brings the plan and the inputs back', async () => {
    await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
    await waitVisible(heading(page, 'Dossiers'));
    await button(page, 'Dossiers importeren').click();
    const form = page.getByRole('dialog', { name: 'Dossiers importeren' }).getByRole('form', { name: 'Dossiers importeren' });
    await form.getByLabel('Bestand met dossiers (JSON)', { exact: true }).setInputFiles(exportedFile);
    await button(form, 'Importeren').click();
    // The household is already in the vault: the dialog asks; import it as a copy.
    await button(page.getByRole('dialog', { name: 'Dossiers importeren' }), 'Als kopie importeren').click();
    await expect.poll(async () => (await callCore<unknown[]>(app, 'dossier.list', {})).length, { timeout: 30_000 }).toBe(2);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const list = await callCore<{ id: string }[]>(app, 'dossier.list', {});
    const docs = await Promise.all(list.map((d) => callCore<{ id: string }[]>(app, 'documents.list', { dossierId: d.id })));
    expect(docs.map((x) => x.length)).toEqual([1, 1]);
    const copies = await Promise.all(docs.map(([doc]) => callCore<{ contentBase64: string }>(app, 'documents.get', { id: doc!.id })));
    for (const c of copies) expect(c.contentBase64).toBe(planBase64);
    const inputs = await Promise.all(list.map((d) => callCore<{ inputs: { vtlbCorrections: unknown[] } }>(app, 'budget.get', { id: d.id, date: '2026-07-15' })));
    for (const v of inputs) expect(v.inputs.vtlbCorrections).toHaveLength(1);
  });
});
