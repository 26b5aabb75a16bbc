// Browser end-to-end support: Debian's Chromium through playwright-core, the real web shell and core on
// a fresh data folder, and the guards every e2e test runs under (ENGINEERING.md §9 #7 and #8):
// no CSP violations, and no request to anything but the harness origin.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { ProcedureName } from '../../src/shared/contract/procedures';
import { VAULT_KIND_LABELS, type VaultKind } from '../../src/shared/contract/vault-kind';
import { WS_PATH } from '../../src/shared/contract/wire';
import { TAB_SESSION_KEY } from '../../src/renderer/transport/ws';
import { startWebServer, type WebServer } from '../../src/web/server';
import { startWorkerTestCore, type WorkerCoreHandle } from './core';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const HARNESS_DIR = path.join(REPO, 'out', 'harness');
export const SCREENSHOT_DIR = path.join(REPO, 'test-results', 'screenshots');

export const CHROMIUM_PATH = process.env.HOUVAST_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface CspViolation {
  directive: string;
  blockedURI: string;
  sample: string;
}

export interface E2eApp {
  handle: WorkerCoreHandle;
  server: WebServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** CSP violations reported by the page since the last reset. */
  cspViolations: CspViolation[];
  /** Requests to anything but the harness origin (all aborted) since the last reset. */
  foreignRequests: string[];
  /** Uncaught page errors since the last reset. */
  pageErrors: string[];
  resetGuards(): void;
  close(): Promise<void>;
}

/** The core runs in this process (worker thread); vitest.e2e.config.ts puts it in the users' zone. */
const CORE_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * A real core (real Argon2id parameters: this is the app as shipped) in a worker thread behind the web shell,
 * as `npm run web` runs it, and a page.
 */
export async function startE2eApp(prefix: string): Promise<E2eApp> {
  const handle = await startWorkerTestCore({ cheapKdf: false, prefix: `e2e-${prefix}` });
  const server = await startWebServer({ core: handle.core, staticDir: HARNESS_DIR, host: '127.0.0.1', port: 0 });
  const browser = await launchChromium();
  // The page's clock must be in the core's time zone, as Electron's renderer and main share the machine's:
  // "today" in a form default and "today" in the core's validation are the same date, also just after midnight.
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: CORE_TIME_ZONE, viewport: { width: 1280, height: 900 } });
  const cspViolations: CspViolation[] = [];
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];

  await context.route('**', (route) => {
    const url = route.request().url();
    if (url === server.origin || url.startsWith(`${server.origin}/`)) return route.continue();
    foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  // Bindings and init scripts go through the DevTools protocol, so the page's CSP does not block them.
  await context.exposeBinding('__houvastReportCsp', (_source, v: CspViolation) => {
    cspViolations.push(v);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __houvastReportCsp(v: unknown): void }).__houvastReportCsp({
        directive: e.effectiveDirective || e.violatedDirective,
        blockedURI: e.blockedURI,
        sample: e.sample,
      });
    });
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.setDefaultTimeout(20_000);
  await mkdir(SCREENSHOT_DIR, { recursive: true });

  return {
    handle,
    server,
    browser,
    context,
    page,
    cspViolations,
    foreignRequests,
    pageErrors,
    resetGuards() {
      cspViolations.length = 0;
      foreignRequests.length = 0;
      pageErrors.length = 0;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      await handle.cleanup();
    },
  };
}

/** The assertions every e2e test ends with. */
export function expectGuardsClean(app: E2eApp): void {
  expect(JSON.stringify(app.cspViolations), 'CSP violations').toBe('[]');
  expect(app.foreignRequests.join('\n'), 'requests outside the harness origin').toBe('');
  expect(app.pageErrors.join('\n'), 'uncaught errors in the page').toBe('');
}

/**
 * The hooks every e2e describe block needs: before its tests, start the app and open its page (then hand
 * it to `started`); after each test, check and reset the guards; after all, close everything.
 */
export function useE2eApp(prefix: string, started: (app: E2eApp) => void): void {
  let app: E2eApp | undefined;
  beforeAll(async () => {
    app = await startE2eApp(prefix);
    started(app);
    await app.page.goto(app.server.url);
  });
  afterEach(() => {
    if (!app) throw new Error('the e2e app did not start');
    try {
      expectGuardsClean(app);
    } finally {
      app.resetGuards();
    }
  });
  afterAll(async () => {
    await app?.close();
  });
}

/** Calls the core directly (setup and checks beside the UI); a failure throws with its code and message. */
export async function callCore<T>(app: E2eApp, name: ProcedureName, input: unknown): Promise<T> {
  const env = await app.handle.core.router.handle(name as never, input as never);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
  return env.value as T;
}

export function button(scope: Page | Locator, name: string | RegExp): Locator {
  return scope.getByRole('button', { name, exact: typeof name === 'string' });
}

/**
 * Injects an inline script and an inline event handler: the CSP must block both (and report them).
 * Returns whether either ran; removes the expected violations from the record.
 */
export async function inlineScriptRuns(app: E2eApp): Promise<boolean> {
  const before = app.cspViolations.length;
  await app.page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__houvastInlineRan = true;';
    document.body.appendChild(s);
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__houvastHandlerRan = true;');
    img.src = 'data:image/png;base64,AAAA';
    document.body.appendChild(img);
  });
  await expect.poll(() => app.cspViolations.length - before, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
  // Each enforced policy (the header and the page's meta tag) reports separately: let all reports arrive.
  await app.page.waitForTimeout(500);
  const ran = await app.page.evaluate(() => {
    const w = window as unknown as { __houvastInlineRan?: boolean; __houvastHandlerRan?: boolean };
    return Boolean(w.__houvastInlineRan) || Boolean(w.__houvastHandlerRan);
  });
  const injected = app.cspViolations.splice(before);
  for (const v of injected) expect(v.directive, JSON.stringify(v)).toMatch(/^script-src/);
  await app.page.evaluate(() => document.querySelectorAll('body > script:not([src]), body > img[onerror]').forEach((n) => n.remove()));
  return ran;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Axe on the current screen; returns the serious and critical violations (expected: none). */
export async function seriousAxeViolations(page: Page): Promise<{ id: string; impact: string; help: string; targets: string[] }[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

export function heading(page: Page, name: string | RegExp): Locator {
  return page.getByRole('heading', { level: 1, name });
}

export async function waitVisible(locator: Locator, timeout?: number): Promise<void> {
  await locator.waitFor({ state: 'visible', ...(timeout ? { timeout } : {}) });
}

/**
 * Setup for tests that need an open vault: from the welcome screen through "Nieuwe kluis maken" and the
 * recovery code to the dossier list (or the Vereniging screen). vault-flow.test.ts walks the same steps one by one with its checks.
 */
export async function createVaultViaUi(page: Page, name: string, passphrase: string, userName = 'Mirjam de Wit', kind: VaultKind = 'kantoor'): Promise<void> {
  await waitVisible(heading(page, 'Welkom bij Houvast'));
  await button(page, 'Nieuwe kluis maken').click();
  await page.getByLabel('Naam van de kluis', { exact: true }).fill(name);
  if (kind !== 'kantoor') await page.getByLabel(VAULT_KIND_LABELS[kind], { exact: true }).check();
  await page.getByLabel('Uw naam', { exact: true }).fill(userName);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(passphrase);
  await page.getByLabel('Herhaal wachtwoord', { exact: true }).fill(passphrase);
  await page.getByRole('checkbox', { name: 'Ik begrijp dat mijn gegevens verloren zijn zonder wachtwoord én herstelcode' }).check();
  await button(page, 'Kluis maken').click();
  // Real Argon2id parameters: deriving the key takes a while.
  await waitVisible(heading(page, 'Uw herstelcode'), 60_000);
  await page.getByRole('checkbox', { name: 'Ik heb de herstelcode veilig bewaard' }).check();
  await button(page, 'Verder').click();
  // A vereniging vault opens on the association screen: it holds no dossiers.
  await waitVisible(heading(page, kind === 'vereniging' ? 'Vereniging: rapporten samenvoegen en publiceren' : 'Dossiers'));
}

/** Calls the contract from inside the page over the harness socket (as any script in the page could). */
export async function callFromPage(page: Page, name: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    ({ name, input, wsPath, sessionKey }) =>
      new Promise((resolve, reject) => {
        const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? '';
        const session = sessionStorage.getItem(sessionKey) ?? '';
        const ws = new WebSocket(`ws://${location.host}${wsPath}?token=${encodeURIComponent(token)}&session=${encodeURIComponent(session)}`);
        ws.onerror = () => reject(new Error('socket error'));
        ws.onopen = () => ws.send(JSON.stringify({ id: 1, name, input }));
        ws.onmessage = (ev) => {
          const msg = JSON.parse(String(ev.data)) as { id?: number; envelope?: unknown };
          if (msg.id === 1) {
            ws.close();
            resolve(msg.envelope);
          }
        };
      }),
    { name, input, wsPath: WS_PATH, sessionKey: TAB_SESSION_KEY },
  );
}

/** Proves the network guard is live: a navigation to another host is recorded and never reaches the network. */
export async function networkGuardCatches(app: E2eApp): Promise<boolean> {
  const probe = await app.context.newPage();
  const target = 'http://houvast-guard-probe.invalid/';
  try {
    await probe.goto(target, { timeout: 5_000 }).catch(() => undefined);
  } finally {
    await probe.close();
  }
  const caught = app.foreignRequests.includes(target);
  app.foreignRequests.splice(0, app.foreignRequests.length, ...app.foreignRequests.filter((u) => u !== target));
  return caught;
}
