// The herstelkit in Chromium (issue 7, blocking): at creation the user gives their name and downloads a one-page
// PDF; the code is read back from the PDF text and from the screen at 1280 px, at 320 px, and at 200 % zoom
// (a 1024 px window: 512 CSS px at device pixel ratio 2), no group is ever cut off, axe finds nothing, and the
// code read from the paper unlocks the vault.
import { readFile } from 'node:fs/promises';
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { codeFromKit, readRecoveryKit } from '../support/recovery-kit-pdf';
import { button, callCore, heading, screenshot, seriousAxeViolations, useE2eApp, waitVisible, type E2eApp } from '../support/browser';

const PASSWORD = 'Najaar-in-Nijmegen-2026';
const NEW_PASSWORD = 'Voorjaar-in-Venlo-2027!';
const USER = 'Mirjam de Wit';

/** The code as the screen shows it, and whether every group lies fully inside the viewport and its frame. */
async function codeOnScreen(page: Page): Promise<{ code: string; allVisible: boolean; pageScrollsSideways: boolean }> {
  return page.evaluate(() => {
    const box = document.querySelector('[data-testid="recovery-code"]') as HTMLElement;
    const frame = box.getBoundingClientRect();
    const groups = [...box.querySelectorAll('[data-testid="recovery-group"]')] as HTMLElement[];
    const vw = document.documentElement.clientWidth;
    const allVisible = groups.every((g) => {
      const r = g.getBoundingClientRect();
      // scrollWidth > clientWidth would mean the group's own text is clipped inside it.
      return r.left >= 0 && r.right <= vw && r.left >= frame.left && r.right <= frame.right && g.scrollWidth <= g.clientWidth + 1;
    });
    const code = box.innerText.replace(/\s+/g, ' ').trim().split(' ').join('-');
    return { code, allVisible, pageScrollsSideways: document.documentElement.scrollWidth > vw + 1 };
  });
}

describe('the herstelkit', () => {
  let app: E2eApp;
  let page: Page;
  let shown = '';
  let fromPaper = '';

  useE2eApp('kit', (started) => {
    app = started;
    page = started.page;
  });

  it('asks the user\'s name at creation and records it in the logboek', async () => {
    await waitVisible(heading(page, 'Welkom bij Houvast'));
    await button(page, 'Nieuwe kluis maken').click();
    await page.getByLabel('Naam van de kluis', { exact: true }).fill('Wijkteam Nijmegen-Oost');
    await page.getByLabel('Uw naam', { exact: true }).fill(USER);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Herhaal wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByRole('checkbox', { name: 'Ik begrijp dat mijn gegevens verloren zijn zonder wachtwoord én herstelcode' }).check();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await button(page, 'Kluis maken').click();
    await waitVisible(heading(page, 'Uw herstelcode'), 60_000);
    const log = await callCore<{ action: string; actor: string }[]>(app, 'audit.list', {});
    expect(log.find((e) => e.action === 'vault.created')?.actor).toBe(USER);
  });

  it('shows the whole code at 1280 px and downloads a PDF whose text reads back to the same code', async () => {
    const seen = await codeOnScreen(page);
    expect(seen.allVisible).toBe(true);
    shown = seen.code;
    expect(shown).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Herstelkit downloaden (PDF)').click()]);
    expect(download.suggestedFilename()).toMatch(/^herstelkit-wijkteam-nijmegen-oost-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await readFile((await download.path())!);
    const kit = await readRecoveryKit(pdf);
    expect(kit.pageCount).toBe(1);
    fromPaper = codeFromKit(kit);
    expect(fromPaper).toBe(shown);
    expect(kit.text).toContain('Wijkteam Nijmegen-Oost');
    expect(kit.text).toContain(USER);
    await waitVisible(page.getByText(/De herstelkit is gedownload/));
  });

  it('wraps the groups at 320 px: nothing cut off, no sideways scrolling, same code', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    const seen = await codeOnScreen(page);
    await screenshot(page, 'herstelkit-320px');
    expect(seen).toEqual({ code: shown, allVisible: true, pageScrollsSideways: false });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('wraps the groups at 200 % zoom in a 1024 px window', async () => {
    const cdp: CDPSession = await app.context.newCDPSession(page);
    try {
      // Browser zoom 200 % halves the CSS viewport and doubles the device pixel ratio.
      for (const [width, name] of [
        [512, 'herstelkit-1024px-200procent'],
      ] as const) {
        await cdp.send('Emulation.setDeviceMetricsOverride', { width, height: 700, deviceScaleFactor: 2, mobile: false });
        await page.waitForTimeout(100);
        const seen = await codeOnScreen(page);
        await screenshot(page, name);
        expect(seen, `${width} CSS px`).toEqual({ code: shown, allVisible: true, pageScrollsSideways: false });
      }
    } finally {
      await cdp.send('Emulation.clearDeviceMetricsOverride');
      await cdp.detach();
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('the code copied from the paper unlocks the vault', async () => {
    await page.getByRole('checkbox', { name: 'Ik heb de herstelcode veilig bewaard' }).check();
    await button(page, 'Verder').click();
    await waitVisible(heading(page, 'Dossiers'));
    await button(page, 'Vergrendelen').click();
    await waitVisible(heading(page, 'Kluis ontgrendelen'));
    await page.getByRole('button', { name: 'Herstelcode gebruiken', exact: true }).or(page.getByRole('link', { name: 'Herstelcode gebruiken', exact: true })).click();
    await page.getByLabel('Herstelcode', { exact: true }).fill(fromPaper);
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Herhaal nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
    await button(page, 'Herstellen en ontgrendelen').click();
    await waitVisible(heading(page, 'Dossiers'), 60_000);
  });
});
