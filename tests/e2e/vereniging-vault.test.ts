// Layer 5: the vereniging vault type in the real app (web shell + core, real Argon2id) in Debian's Chromium.
// The association creates its vault through the welcome screen, sees only Vereniging, Logboek and
// Instellingen, and the core refuses case-file procedures from the page. Three real office cores (their own
// vaults and keys) export 2026-Q2 reports; the association registers their keys, receives the three files, a
// tampered copy and, in a later batch, a duplicate, each rejection with its Dutch reason; publishes the year,
// reads the dashboard, downloads CSV, JSON-stat and PDF and reads them back; after locking and unlocking, the
// received files and the publication are still there.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERENIGING_REFUSAL } from '../../src/shared/contract/vault-kind';
import { button, callFromPage, createVaultViaUi, heading, screenshot, seriousAxeViolations, useE2eApp, waitVisible, type E2eApp } from '../support/browser';
import { officeReport } from '../support/office-exports';
import { extractPdf } from '../integration/budget-pdf/helpers';

const PASSWORD = 'Vereniging-van-bewindvoerders-2026';
/** Households per office, each with one M2.1 signal in 2026-Q2 (tests/support/office-exports.ts). */
const HOUSEHOLDS = [55, 60, 70];
const OFFICES = ['Bewind Noord', 'Schuldhulp Oost', 'Bewind Zuid'];

describe('a vereniging vault in the browser', () => {
  let app: E2eApp;
  let page: Page;
  let tmp = '';
  const offices: { envelope: string; keyId: string; publicKeyPem: string }[] = [];
  const files: Record<string, string> = {};

  useE2eApp('vereniging', (started) => {
    app = started;
    page = started.page;
  });
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'houvast-e2e-ver-'));
    for (const [i, n] of HOUSEHOLDS.entries()) offices.push(await officeReport(`e2e-ver-office${i + 1}`, n));
  }, 120_000);
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('is created through the welcome screen and shows only Vereniging, Logboek and Instellingen', async () => {
    // The welcome screen, "Nieuwe kluis maken" with the kind Vereniging, the recovery code; then the
    // association screen (createVaultViaUi waits for its heading).
    await createVaultViaUi(page, 'Branchevereniging', PASSWORD, 'Karin Verbeek', 'vereniging');
    // It opens on the association screen; the menu holds nothing about case files.
    await waitVisible(heading(page, 'Vereniging: rapporten samenvoegen en publiceren'));
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await menu.getByRole('link').allTextContents()).toEqual(['Vereniging', 'Logboek', 'Instellingen']);
    // A case-file procedure called from the page (as any script in it could) is refused by the core.
    for (const [name, input] of [
      ['dossier.list', {}],
      ['signals.list', {}],
      ['report.preview', { period: '2026-Q2' }],
    ] as const) {
      expect(await callFromPage(page, name, input), name).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: VERENIGING_REFUSAL } });
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('registers three office keys and receives their files; a tampered file and a later duplicate are rejected with their reason', async () => {
    for (const [i, o] of offices.entries()) {
      await page.getByLabel('Naam van het kantoor', { exact: true }).fill(OFFICES[i]!);
      await page.getByLabel('Publieke sleutel (PEM)', { exact: true }).fill(o.publicKeyPem);
      await button(page, 'Sleutel registreren').click();
      await waitVisible(page.getByText(`De sleutel van ${OFFICES[i]} is geregistreerd.`));
    }
    const keys = page.getByRole('table', { name: 'Geregistreerde kantoorsleutels' });
    for (const [i, o] of offices.entries()) expect(await keys.getByRole('row').filter({ hasText: OFFICES[i]! }).textContent()).toContain(o.keyId.slice(0, 16));

    for (const [i, o] of offices.entries()) files[`kantoor-${i + 1}.json`] = o.envelope;
    // One byte of the signed payload changed after signing.
    const env = JSON.parse(offices[1]!.envelope) as { payload: string };
    files['gewijzigd.json'] = JSON.stringify({ ...env, payload: Buffer.from(Buffer.from(env.payload, 'base64').toString('utf8').replace('"bewind"', '"other"')).toString('base64') });
    files['kantoor-1-nogmaals.json'] = offices[0]!.envelope;
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(tmp, name), text);

    const input = page.getByLabel('Rapporten van kantoren (JSON)', { exact: true });
    await input.setInputFiles(['kantoor-1.json', 'kantoor-2.json', 'kantoor-3.json', 'gewijzigd.json'].map((n) => path.join(tmp, n)));
    await button(page, 'Controleren en bewaren').click();
    await waitVisible(page.getByText('3 rapporten geaccepteerd, 1 afgewezen.'));
    // A later batch: the same file under another name is a duplicate of one already received.
    await input.setInputFiles(path.join(tmp, 'kantoor-1-nogmaals.json'));
    await button(page, 'Controleren en bewaren').click();
    await waitVisible(page.getByText('0 rapporten geaccepteerd, 1 afgewezen.'));

    const received = page.getByRole('table', { name: 'Ontvangen rapporten' });
    const row = (name: string) => received.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    for (const [i] of offices.entries()) {
      const text = await row(`kantoor-${i + 1}.json`).textContent();
      expect(text).toContain(OFFICES[i]);
      expect(text).toContain('2026-Q2');
      expect(text).toContain('Geaccepteerd');
    }
    expect(await row('gewijzigd.json').textContent()).toContain('Afgewezen: De handtekening klopt niet: het bestand is na ondertekening gewijzigd.');
    expect(await row('kantoor-1-nogmaals.json').textContent()).toContain('Afgewezen: Dit bestand is al eerder ontvangen (dubbel).');
    await screenshot(page, '43-vereniging-ontvangen');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('publishes the year: the dashboard, and the CSV, JSON-stat and PDF read back', async () => {
    await page.getByLabel('Jaar', { exact: true }).fill('2026');
    await button(page, 'Publicatie maken').click();
    await waitVisible(page.getByText('De publicatie over 2026 is gemaakt en bewaard.'));
    await waitVisible(page.getByRole('heading', { name: '3 goedgekeurd, 0 afgekeurd' }));
    await waitVisible(page.getByRole('heading', { name: 'Dashboard 2026' }));
    // By hand: 55 + 60 + 70 = 185 households with M2.1 from three offices; the largest share 70/185 = 37.8 %
    // is at most 85 %, so the cell is published, rounded to 5: 185. The tampered and duplicate files add nothing.
    await waitVisible(page.getByRole('img', { name: 'Huishoudens per mechanisme' }));
    await page.getByText('Tabel bij “Huishoudens per mechanisme”').click();
    const mechanism = page.getByRole('table', { name: 'Huishoudens per mechanisme' });
    const m21 = mechanism.getByRole('row').filter({ hasText: 'M2.1' });
    expect(await m21.getByRole('cell').allTextContents()).toEqual(['185']);
    // All households are in postcode 3511 (province Utrecht): the region chart has that one bar of 185.
    await page.getByText('Tabel bij “Huishoudens per regio”').click();
    const region = page.getByRole('table', { name: 'Huishoudens per regio' });
    expect(await region.getByRole('row').filter({ hasText: 'Utrecht' }).getByRole('cell').allTextContents()).toEqual(['185']);
    await screenshot(page, '44-vereniging-publicatie');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const downloads: string[] = [];
    page.on('download', async (d) => {
      const file = path.join(tmp, d.suggestedFilename());
      await d.saveAs(file);
      downloads.push(file);
    });
    for (const name of ['CSV downloaden', 'JSON-stat downloaden', 'PDF downloaden']) await button(page, name).click();
    await expect.poll(() => downloads.length, { timeout: 20_000 }).toBe(3);
    expect(downloads.map((f) => path.basename(f)).sort()).toEqual(['systeemfouten-2026-publicatie.csv', 'systeemfouten-2026-publicatie.json', 'systeemfouten-2026-publicatie.pdf']);
    const at = (ext: string) => downloads.find((f) => f.endsWith(ext))!;

    const csv = await readFile(at('.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFtabel;titel;')).toBe(true);
    expect(csv).toMatch(/\nT0;Huishoudens per mechanisme;Mechanisme;M2\.1 [^;\n]*;;;;;185;185\r?\n/);
    const jsonStat = JSON.parse(await readFile(at('.json'), 'utf8'));
    expect(jsonStat).toMatchObject({ version: '2.0', class: 'collection' });
    expect(jsonStat.link.item[0]).toMatchObject({ class: 'dataset', id: ['category'], size: [1], value: { '0': 185 } });
    const pdf = await extractPdf(await readFile(at('.pdf')));
    expect(pdf.text).toContain('Systeemfouten 2026: landelijke cijfers');
    expect(pdf.text).toMatch(/T0: Huishoudens per mechanisme\s+Mechanisme\s+Huishoudens\s+Signalen\s+M2\.1 Terugvordering toeslag\s+185\s+185\s/);
    expect(pdf.text).toMatch(/T2: Mechanisme naar regio\s+Mechanisme\s+Regio\s+Huishoudens\s+Signalen\s+M2\.1 Terugvordering toeslag\s+Utrecht\s+185\s+185\s/);
    // Nothing of an office in any download: not its name, not its key.
    for (const text of [csv, JSON.stringify(jsonStat), pdf.text, JSON.stringify(pdf.info)]) {
      for (const [i, o] of offices.entries()) {
        expect(text).not.toContain(OFFICES[i]);
        expect(text).not.toContain(o.keyId.slice(0, 16));
      }
    }
  });

  it('keeps the received files and the publication across lock and unlock', async () => {
    await button(page, 'Vergrendelen').click();
    await waitVisible(heading(page, 'Kluis ontgrendelen'));
    expect(await page.content()).not.toContain('kantoor-1.json');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await button(page, 'Ontgrendelen').click();
    await waitVisible(heading(page, 'Vereniging: rapporten samenvoegen en publiceren'), 60_000);

    const received = page.getByRole('table', { name: 'Ontvangen rapporten' });
    await waitVisible(received);
    const rows = await received.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.includes('Geaccepteerd'))).toHaveLength(3);
    expect(rows.some((r) => r.includes('gewijzigd.json') && r.includes('De handtekening klopt niet'))).toBe(true);
    expect(rows.some((r) => r.includes('kantoor-1-nogmaals.json') && r.includes('al eerder ontvangen (dubbel)'))).toBe(true);

    const earlier = page.getByRole('list', { name: 'Eerdere publicaties' });
    expect(await earlier.getByRole('listitem').count()).toBe(1);
    expect(await earlier.textContent()).toContain('2026');
    expect(await earlier.textContent()).toContain('(3 rapporten)');
    await earlier.getByRole('button', { name: /^Tonen/ }).click();
    await waitVisible(page.getByRole('heading', { name: 'Dashboard 2026' }));
    await page.getByText('Tabel bij “Huishoudens per mechanisme”').click();
    expect(await page.getByRole('table', { name: 'Huishoudens per mechanisme' }).getByRole('row').filter({ hasText: 'M2.1' }).getByRole('cell').allTextContents()).toEqual(['185']);
  });
});
