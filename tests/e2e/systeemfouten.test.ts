// Layer 5: systeemfouten in the real app (web shell + core, real Argon2id) in Debian's Chromium. In the demo
// vault a signal is recorded from a budget warning in two clicks; the office then previews "wat verlaat dit
// kantoor", confirms, and downloads the signed report; the association side verifies, merges and publishes
// that file together with two other offices' files (the vereniging screens are not built yet: the same core
// functions the CLI uses run on the downloaded file). Households imported in June count in 2026-Q2 (rule R1: an
// import registers on its date) and show both dates in the dossier.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mergeReceivedFiles } from '../../src/core/systeemfouten/association';
import { publish } from '../../src/shared/systeemfouten/association';
import { householdsWithSignal, importIntoDemoVaultDuringQ2, officeReport } from '../support/office-exports';
import { button, callCore, expectGuardsClean, heading, screenshot, seriousAxeViolations, useE2eApp, waitVisible, type E2eApp } from '../support/browser';

const extraHouseholds = (n: number) => householdsWithSignal(n, true);

describe('systeemfouten in the browser', () => {
  let app: E2eApp;
  let page: Page;
  let tmp = '';
  let envelopePath = '';

  useE2eApp('systeemfouten', (started) => {
    app = started;
    page = started.page;
  });
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'houvast-e2e-sf-'));
  });
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('records a signal from a budget warning in the demo vault in two clicks', async () => {
    const { demoPassphrase } = await callCore<{ demoPassphrase: string }>(app, 'app.info', {});
    await waitVisible(heading(page, 'Welkom bij Houvast'));
    await page.getByRole('button', { name: 'Demokluis openen', exact: true }).click();
    await waitVisible(heading(page, 'Kluis ontgrendelen'), 90_000);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(demoPassphrase);
    await page.getByRole('button', { name: 'Ontgrendelen', exact: true }).click();
    await waitVisible(heading(page, 'Dossiers'), 60_000);

    await page.getByRole('link', { name: /Molenbeek, Yara/ }).click();
    await waitVisible(heading(page, /Molenbeek/));
    await page.getByRole('tab', { name: 'Budget', exact: true }).click();
    const warning = page.locator('li[data-code="MOGELIJK_NIET_GEBRUIK_KINDERBIJSLAG"]');
    await waitVisible(warning, 30_000);
    // Demo 08 (Molenbeek) receives less kinderbijslag than its children's bands give (RULES.md f.1).
    // Click 1: from the warning; the form opens pre-filled (SVB, M12.1).
    await button(warning, 'Meld systeemfout').click();
    await waitVisible(page.getByRole('heading', { name: 'Systeemfout melden' }));
    expect(await page.getByLabel('Instantie', { exact: true }).inputValue()).toBe('svb');
    expect(await page.getByLabel('Mechanisme', { exact: true }).inputValue()).toBe('M12.1');
    await screenshot(page, '40-systeemfout-melden');
    // Click 2: save.
    await button(page, 'Opslaan').click();
    await waitVisible(page.getByText('De systeemfout is vastgelegd.'));
    await waitVisible(page.locator('tr[data-signal="M12.1"]'));
    const signals = await callCore<{ mechanism: string; source: string; sourceRef: string | null }[]>(app, 'signals.list', { mechanismGroup: 'M12' });
    expect(signals).toEqual(expect.arrayContaining([expect.objectContaining({ mechanism: 'M12.1', source: 'budget', sourceRef: 'kinderbijslag_ontbreekt' })]));
  });

  it('shows the vault overview with filters', async () => {
    await page.getByRole('link', { name: 'Systeemfouten', exact: true }).click();
    await waitVisible(heading(page, 'Systeemfouten'));
    await page.locator('#filter-children').selectOption('ja');
    await waitVisible(page.getByRole('table', { name: 'Systeemfouten in de kluis' }));
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('previews what leaves the office, refuses too little, and signs only after confirmation', async () => {
    // Too few households in the demo families alone.
    await page.getByLabel('Periode (2026-Q3, 2026-H1 of 2026)').fill('2026-Q3');
    await button(page, 'Toon wat dit kantoor verlaat').click();
    await waitVisible(page.getByText(/Geweigerd:/));
    await waitVisible(page.getByText(/Te weinig huishoudens/));

    // 55 households this office imported in June: in the 2026-Q2 report (an import counts in its own quarter, R1).
    // The import runs in a second program on the same vault, so the app locks it first: one program at a time.
    const { demoPassphrase } = await callCore<{ demoPassphrase: string }>(app, 'app.info', {});
    await callCore(app, 'vault.lock', {});
    await waitVisible(heading(page, 'Kluis ontgrendelen'));
    await importIntoDemoVaultDuringQ2(app.handle.dataDir, extraHouseholds(55));
    await page.getByLabel('Wachtwoord', { exact: true }).fill(demoPassphrase);
    await page.getByRole('button', { name: 'Ontgrendelen', exact: true }).click();
    await page.getByRole('link', { name: 'Systeemfouten', exact: true }).click();
    await waitVisible(heading(page, 'Systeemfouten'));
    expect((await callCore<{ originalRecordedOn: string | null }[]>(app, 'signals.list', { quarter: '2026-Q2', mechanismGroup: 'M2' })).filter((s) => s.originalRecordedOn === '2026-05-15')).toHaveLength(55);
    await page.getByLabel('Periode (2026-Q3, 2026-H1 of 2026)').fill('2026-Q2');
    await button(page, 'Toon wat dit kantoor verlaat').click();
    await waitVisible(page.getByRole('heading', { name: 'Wat verlaat dit kantoor: 2026-Q2' }));
    await waitVisible(page.getByRole('table', { name: 'T0: Huishoudens per mechanisme' }));
    await waitVisible(page.getByRole('table', { name: 'Detailniveaus' }));
    const sign = button(page, 'Ondertekenen en downloaden');
    expect(await sign.isDisabled()).toBe(true);
    await screenshot(page, '41-wat-verlaat-dit-kantoor');
    await page.getByLabel('Ik heb gecontroleerd wat dit kantoor verlaat').check();
    const downloads: string[] = [];
    page.on('download', async (d) => {
      const file = path.join(tmp, d.suggestedFilename());
      await d.saveAs(file);
      downloads.push(file);
    });
    await sign.click();
    await waitVisible(page.getByText(/is ondertekend en gedownload/));
    await expect.poll(() => downloads.length, { timeout: 20_000 }).toBe(3);
    expect(downloads.map((f) => path.basename(f)).sort()).toEqual(['systeemfouten-2026-Q2.csv', 'systeemfouten-2026-Q2.json', 'systeemfouten-2026-Q2.pdf']);
    envelopePath = downloads.find((f) => f.endsWith('.json'))!;
    const text = await readFile(envelopePath, 'utf8');
    expect(text).not.toMatch(/Boomgaardt|Molenbeek|Huishouden|Fictief|3511/);
    expectGuardsClean(app);
  });

  it('the association verifies, merges and publishes this office with two others', async () => {
    // Two other offices: their own vaults and keys (a core each, as their apps would run it).
    const others: { text: string; keyId: string; publicKeyPem: string }[] = [];
    for (const o of [1, 2]) {
      const r = await officeReport(`e2e-sf-office${o}`, 50 + o * 10);
      others.push({ text: r.envelope, keyId: r.keyId, publicKeyPem: r.publicKeyPem });
    }
    const key = await callCore<{ keyId: string; publicKeyPem: string }>(app, 'report.publicKey', {});
    const register = {
      format: 'houvast.vereniging.sleutelregister',
      version: 1,
      keys: [
        { keyId: key.keyId, office: 'Demokantoor', publicKeyPem: key.publicKeyPem, revoked: false },
        ...others.map((o, i) => ({ keyId: o.keyId, office: `Kantoor ${i + 1}`, publicKeyPem: o.publicKeyPem, revoked: false })),
      ],
    };
    const files = [{ name: 'demokantoor.json', text: await readFile(envelopePath, 'utf8') }, ...others.map((o, i) => ({ name: `kantoor-${i + 1}.json`, text: o.text }))];
    // A tampered copy is rejected with its reason; it adds nothing.
    const tampered = JSON.parse(files[1]!.text);
    tampered.payload = Buffer.from(Buffer.from(tampered.payload, 'base64').toString('utf8').replace('"bewind"', '"other"')).toString('base64');
    const outcome = mergeReceivedFiles([...files, { name: 'gewijzigd.json', text: JSON.stringify(tampered) }], JSON.stringify(register));
    expect(outcome.rejected).toEqual([{ name: 'gewijzigd.json', reason: 'De handtekening klopt niet: het bestand is na ondertekening gewijzigd.' }]);
    expect(outcome.merged).toMatchObject({ offices: 3, files: 3, periods: ['2026-Q2'] });
    const published = publish(outcome.merged!);
    // By hand: 55 (demo office, its imported households) + 60 + 70 households with M2.1 = 185, from three
    // offices, the largest 70/185 = 38 % <= 85 %: published, rounded to 5: 185.
    const t0 = published.tables.find((t) => t.id === 'T0')!;
    expect(t0.cells.find((c) => c.key[0] === 'M2.1')).toMatchObject({ households: 185 });
    for (const t of published.tables) for (const c of t.cells) expect(c.households % 5).toBe(0);

    // The same in the app's Vereniging screen: choose the register and the four files, check and merge.
    const registerFile = path.join(tmp, 'sleutelregister.json');
    await writeFile(registerFile, JSON.stringify(register));
    const received: string[] = [];
    for (const f of [...files, { name: 'gewijzigd.json', text: JSON.stringify(tampered) }]) {
      const p = path.join(tmp, `ontvangen-${f.name}`);
      await writeFile(p, f.text);
      received.push(p);
    }
    await page.getByRole('link', { name: 'Vereniging', exact: true }).click();
    await waitVisible(heading(page, 'Vereniging: rapporten samenvoegen en publiceren'));
    await page.getByLabel('Sleutelregister (JSON)').setInputFiles(registerFile);
    await page.getByLabel('Ontvangen rapporten van kantoren (JSON)').setInputFiles(received);
    await button(page, 'Controleren en samenvoegen').click();
    await waitVisible(page.getByRole('heading', { name: '3 goedgekeurd, 1 afgekeurd' }), 30_000);
    await waitVisible(page.getByText('De handtekening klopt niet: het bestand is na ondertekening gewijzigd.'));
    // Every chart has its table beside it; both show only the published (rounded) cells.
    await waitVisible(page.getByRole('img', { name: 'Huishoudens per mechanisme' }));
    await page.getByText('Tabel bij “Huishoudens per mechanisme”').click();
    const chart = page.getByRole('table', { name: 'Huishoudens per mechanisme' });
    await waitVisible(chart);
    await waitVisible(chart.getByRole('cell', { name: '185', exact: true }));
    // By quarter: the three files are all 2026-Q2, published on its own: the same 185.
    await page.getByText('Tabel bij “Huishoudens per kwartaal”').click();
    const quarters = page.getByRole('table', { name: 'Huishoudens per kwartaal' });
    expect(await quarters.getByRole('row').filter({ hasText: '2026-Q2' }).textContent()).toContain('185');
    await screenshot(page, '42-vereniging-dashboard');
    expectGuardsClean(app);
  });

  it("an imported household's Systeemfouten tab shows both dates: registered here on the import, first registered elsewhere", async () => {
    const [imported] = await callCore<{ dossierNumber: string; recordedOn: string; originalRecordedOn: string | null }[]>(app, 'signals.list', { quarter: '2026-Q2', mechanismGroup: 'M2' });
    expect(imported).toMatchObject({ recordedOn: '2026-06-10', originalRecordedOn: '2026-05-15' });
    // From the vault overview (both dates there too) to the dossier.
    await page.getByRole('link', { name: 'Systeemfouten', exact: true }).click();
    const overview = page.getByRole('table', { name: 'Systeemfouten in de kluis' });
    const row = overview.locator('tr', { has: page.getByRole('link', { name: imported!.dossierNumber, exact: true }) });
    await waitVisible(row);
    expect(await row.locator('td').first().innerText()).toBe('10-06-2026\ngeïmporteerd; oorspronkelijk vastgelegd op 15-05-2026');
    await row.getByRole('link', { name: imported!.dossierNumber, exact: true }).click();
    await waitVisible(heading(page, /Huishouden/));
    await page.getByRole('tab', { name: 'Systeemfouten', exact: true }).click();
    const cell = page.locator('tr[data-signal="M2.1"] td').first();
    await waitVisible(cell);
    expect(await cell.innerText()).toBe('10-06-2026\ngeïmporteerd; oorspronkelijk vastgelegd op 15-05-2026');
    await screenshot(page, '43-geimporteerde-systeemfout');
  });
});
