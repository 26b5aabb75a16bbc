// Layer 6: the real Electron binary (release machine or a developer laptop; skipped elsewhere by
// scripts/test-electron.mjs). The window loads from app://, the preload exposes invoke/on/off only,
// navigation, new windows and network are blocked, and IPC reaches the core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '../..');
const binary = process.env.HOUVAST_ELECTRON_BINARY;
let app: ElectronApplication;
let page: Page;
let dataDir: string;

beforeAll(async () => {
  if (!binary) throw new Error('run through `npm run test:electron` (HOUVAST_ELECTRON_BINARY is not set)');
  dataDir = mkdtempSync(path.join(tmpdir(), 'houvast-electron-'));
  const args = [REPO];
  if (process.getuid?.() === 0) args.unshift('--no-sandbox'); // Chromium refuses root without it
  app = await electron.launch({ executablePath: binary, args, env: { ...process.env, HOUVAST_DATA_DIR: dataDir } });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

afterAll(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('Electron shell', () => {
  it('loads the renderer from app://app', () => {
    expect(page.url()).toMatch(/^app:\/\/app\//);
  });

  it('exposes window.houvast with exactly invoke/on/off and no Node globals', async () => {
    const probe = await page.evaluate(() => ({
      keys: Object.keys((window as unknown as { houvast: object }).houvast).sort(),
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      ipc: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    }));
    expect(probe).toEqual({ keys: ['invoke', 'off', 'on'], require: 'undefined', process: 'undefined', ipc: 'undefined' });
  });

  it('runs the core in its own utility process, not in main', async () => {
    // electron/main/index.ts forks electron/core-host with serviceName 'Houvast-kern'.
    await expect
      .poll(async () =>
        app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().some((m) => m.type === 'Utility' && m.serviceName === 'Houvast-kern')),
      )
      .toBe(true);
  });

  it('invoke reaches the core through the validated IPC channel', async () => {
    const envelope = await page.evaluate(() =>
      (window as unknown as { houvast: { invoke(n: string, i: unknown): Promise<unknown> } }).houvast.invoke('vault.status', {}),
    );
    expect(envelope).toMatchObject({ ok: true });
    const unknown = await page.evaluate(() =>
      (window as unknown as { houvast: { invoke(n: string, i: unknown): Promise<unknown> } }).houvast.invoke('no.such', {}),
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
  });

  it('blocks navigation away from the app and new windows', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  it('makes no network requests (fetch to the web fails)', async () => {
    const outcome = await page.evaluate(async () => {
      try {
        await fetch('https://example.org/');
        return 'loaded';
      } catch {
        return 'blocked';
      }
    });
    expect(outcome).toBe('blocked');
  });

  it('does not run an injected inline script (CSP)', async () => {
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.appendChild(s);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
  });
});
