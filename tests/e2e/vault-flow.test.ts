// Layer 5: the real app (web shell + core with real Argon2id) in Debian's Chromium. One professional's
// first session: create a vault, add a household with two children, lock, unlock, find it again,
// and recover with the recovery code. Every test also runs under the CSP and network guards.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { BSN_ERROR } from '../../src/shared/validation/bsn';
import {
  button,
  callCore,
  callFromPage,
  heading,
  inlineScriptRuns,
  networkGuardCatches,
  screenshot,
  seriousAxeViolations,
  useE2eApp,
  waitVisible,
  type E2eApp,
} from '../support/browser';
import { BAD_BSN, PLANTED } from '../support/households';

const PASSWORD = 'Zomer-aan-de-Amstel-2026';
const NEW_PASSWORD = 'Winter-bij-het-IJ-2027!';

/** Every piece of planted case data that must vanish from the page when the vault locks. */
const PLANTED_STRINGS = [
  PLANTED.firstName,
  PLANTED.lastName,
  PLANTED.bsn,
  PLANTED.street,
  PLANTED.postcode,
  PLANTED.birthDateNl,
  ...PLANTED.children.map((c) => c.firstName),
];

/** "Herstelcode gebruiken" may be a button or a link; either is fine. */
function action(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true }).or(page.getByRole('link', { name, exact: true }));
}

function dossiersInCore(app: E2eApp): Promise<{ displayName: string; childrenCount: number }[]> {
  return callCore(app, 'dossier.list', {});
}

async function fillHousehold(page: Page, bsn: string): Promise<void> {
  const aanvrager = page.getByRole('group', { name: 'Aanvrager', exact: true });
  await aanvrager.getByLabel('Voornaam', { exact: true }).fill(PLANTED.firstName);
  await aanvrager.getByLabel('Achternaam', { exact: true }).fill(PLANTED.lastName);
  await aanvrager.getByLabel('Geboortedatum', { exact: true }).fill(PLANTED.birthDateNl);
  await aanvrager.getByLabel('BSN', { exact: true }).fill(bsn);

  const addChild = button(page, 'Kind toevoegen');
  await addChild.click();
  await addChild.click();
  for (const [i, child] of PLANTED.children.entries()) {
    const group = page.getByRole('group', { name: `Kind ${i + 1}`, exact: true });
    await group.getByLabel('Voornaam', { exact: true }).fill(child.firstName);
    await group.getByLabel('Achternaam', { exact: true }).fill(child.lastName);
    await group.getByLabel('Geboortedatum', { exact: true }).fill(child.birthDateNl);
    await group.getByRole('checkbox', { name: 'Woont thuis' }).setChecked(child.livingInHousehold);
  }

  const adres = page.getByRole('group', { name: 'Adres', exact: true });
  await adres.getByLabel('Straat', { exact: true }).fill(PLANTED.street);
  await adres.getByLabel('Huisnummer', { exact: true }).fill(PLANTED.houseNumber);
  await adres.getByLabel('Postcode', { exact: true }).fill(PLANTED.postcode);
  await adres.getByLabel('Plaats', { exact: true }).fill(PLANTED.city);

  const dossier = page.getByRole('group', { name: 'Dossier', exact: true });
  await dossier.getByLabel('Status', { exact: true }).selectOption({ label: 'Aanmelding' });
  await dossier.getByLabel('Soort hulp', { exact: true }).selectOption({ label: 'Schuldhulpverlening' });
  await dossier.getByLabel('Verantwoordelijk medewerker', { exact: true }).fill(PLANTED.professional);
}

async function unlock(page: Page, password: string): Promise<void> {
  await waitVisible(heading(page, 'Kluis ontgrendelen'));
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await button(page, 'Ontgrendelen').click();
}

async function search(page: Page, query: string, expectFound: boolean): Promise<void> {
  await page.getByLabel('Zoeken', { exact: true }).fill(query);
  const hit = page.getByText(`${PLANTED.lastName}, ${PLANTED.firstName}`, { exact: false }).first();
  await hit.waitFor({ state: expectFound ? 'visible' : 'hidden' });
}

describe('a professional\'s first session in the browser', () => {
  let app: E2eApp;
  let page: Page;
  let recoveryCode = '';

  useE2eApp('flow', (started) => {
    app = started;
    page = started.page;
  });

  it('shows the welcome screen; the CSP blocks injected inline scripts and the network guard is live', async () => {
    await waitVisible(heading(page, 'Welkom bij Houvast'));
    await screenshot(page, '01-welkom');
    expect(await inlineScriptRuns(app)).toBe(false);
    expect(await networkGuardCatches(app)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('creates a vault and shows the recovery code once', async () => {
    await button(page, 'Nieuwe kluis maken').click();
    await page.getByLabel('Naam van de kluis', { exact: true }).fill('Wijkteam Oost');
    await page.getByLabel('Uw naam', { exact: true }).fill('Mirjam de Wit');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Herhaal wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByRole('checkbox', { name: 'Ik begrijp dat mijn gegevens verloren zijn zonder wachtwoord én herstelcode' }).check();
    await screenshot(page, '02-kluis-maken');
    await button(page, 'Kluis maken').click();

    await waitVisible(heading(page, 'Uw herstelcode'), 60_000);
    recoveryCode = ((await page.getByTestId('recovery-code').textContent()) ?? '').trim();
    expect(recoveryCode.replace(/[^A-Za-z0-9]/g, '').length).toBeGreaterThanOrEqual(20);
    await screenshot(page, '03-herstelcode');
    await page.getByRole('checkbox', { name: 'Ik heb de herstelcode veilig bewaard' }).check();
    await button(page, 'Verder').click();
    await waitVisible(heading(page, 'Dossiers'));
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('refuses a BSN that fails the elfproef, then saves the household with two children', async () => {
    await button(page, 'Nieuw dossier').click();
    await fillHousehold(page, BAD_BSN);
    await button(page, 'Opslaan').click();
    await waitVisible(page.getByText(BSN_ERROR, { exact: true }).first());
    await screenshot(page, '04-bsn-elfproef');
    expect(await dossiersInCore(app)).toEqual([]);

    await page.getByRole('group', { name: 'Aanvrager', exact: true }).getByLabel('BSN', { exact: true }).fill(PLANTED.bsn);
    await button(page, 'Opslaan').click();
    await expect.poll(() => dossiersInCore(app), { timeout: 20_000 }).toHaveLength(1);
    const [saved] = await dossiersInCore(app);
    expect(saved!.childrenCount).toBe(2);
    expect(saved!.displayName).toContain(PLANTED.lastName);
    await page.getByText(PLANTED.lastName).first().waitFor();
    await screenshot(page, '05-dossier');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('locks: no case data left in the DOM or storage, and the API answers LOCKED', async () => {
    await button(page, 'Vergrendelen').click();
    await waitVisible(heading(page, 'Kluis ontgrendelen'));
    const html = await page.content();
    for (const s of PLANTED_STRINGS) expect(html, `"${s}" still in the page`).not.toContain(s);
    // The detail screen shows the BSN grouped ("123 456 782"): look for formatted variants too.
    const squashed = html.replace(/\s|&nbsp;|&#160;/g, '');
    for (const s of [PLANTED.bsn, PLANTED.postcode.replace(' ', ''), PLANTED.birthDateIso]) expect(squashed).not.toContain(s);
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    for (const s of PLANTED_STRINGS) expect(storage).not.toContain(s);
    expect(await callFromPage(page, 'dossier.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await screenshot(page, '06-ontgrendelen');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows a Dutch error for a wrong password and stays locked', async () => {
    await unlock(page, 'dit-is-het-verkeerde-wachtwoord');
    await waitVisible(page.getByText(/wachtwoord is onjuist/i).first(), 60_000);
    await screenshot(page, '07-fout-wachtwoord');
    await waitVisible(heading(page, 'Kluis ontgrendelen'));
    expect(await callFromPage(page, 'dossier.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('unlocks and finds the household by name, postcode and BSN', async () => {
    await unlock(page, PASSWORD);
    await waitVisible(heading(page, 'Dossiers'), 60_000);
    await search(page, PLANTED.lastName, true);
    await search(page, 'Zzyzx', false);
    await search(page, PLANTED.postcode, true);
    await search(page, 'Zzyzx', false);
    await search(page, PLANTED.bsn, true);
    await screenshot(page, '08-zoeken-bsn');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('unlocks with the recovery code and a new password', async () => {
    await button(page, 'Vergrendelen').click();
    await waitVisible(heading(page, 'Kluis ontgrendelen'));
    await action(page, 'Herstelcode gebruiken').click();
    await page.getByLabel('Herstelcode', { exact: true }).fill(recoveryCode);
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Herhaal nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
    await screenshot(page, '09-herstelcode-gebruiken');
    await button(page, 'Herstellen en ontgrendelen').click();
    await waitVisible(heading(page, 'Dossiers'), 60_000);
    await search(page, PLANTED.firstName, true);

    // The old password no longer opens the vault; the new one does.
    await button(page, 'Vergrendelen').click();
    await unlock(page, PASSWORD);
    await waitVisible(page.getByText(/wachtwoord is onjuist/i).first(), 60_000);
    await unlock(page, NEW_PASSWORD);
    await waitVisible(heading(page, 'Dossiers'), 60_000);
  });
});
