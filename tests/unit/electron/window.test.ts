import * as path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeElectron, type FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).currentFakeElectron());

const PRELOAD = path.resolve(__dirname, '../../../electron/preload/index.cjs');

function expectedOptions(devTools: boolean) {
  return {
    title: 'Houvast',
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools,
    },
  };
}

async function load(isPackaged: boolean): Promise<{ mod: typeof import('../../../electron/main/window'); fake: FakeElectron }> {
  const fake = installFakeElectron({ isPackaged });
  vi.resetModules();
  const mod = await import('../../../electron/main/window');
  return { mod, fake };
}

describe('WINDOW_OPTIONS (security checklist #1)', () => {
  beforeEach(() => vi.resetModules());

  it('is exactly the hardened option set in the packaged app (no devTools)', async () => {
    const { mod } = await load(true);
    expect(mod.WINDOW_OPTIONS).toStrictEqual(expectedOptions(false));
  });

  it('allows devTools only in a development run', async () => {
    const { mod } = await load(false);
    expect(mod.WINDOW_OPTIONS).toStrictEqual(expectedOptions(true));
  });

  it('has no experimental or blink-enabling features and is frozen', async () => {
    const { mod } = await load(true);
    const prefs = mod.WINDOW_OPTIONS.webPreferences as Record<string, unknown>;
    expect(prefs).not.toHaveProperty('experimentalFeatures');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(Object.isFrozen(mod.WINDOW_OPTIONS)).toBe(true);
    expect(Object.isFrozen(prefs)).toBe(true);
  });

  it('points the preload at the CommonJS build next to the main bundle', async () => {
    const { mod } = await load(true);
    expect(mod.PRELOAD_PATH.endsWith(path.join('preload', 'index.cjs'))).toBe(true);
  });
});

describe('createMainWindow (checklist #21)', () => {
  it('uses WINDOW_OPTIONS, loads app://app and turns on content protection before showing', async () => {
    const { mod, fake } = await load(true);
    const win = mod.createMainWindow();
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]!.options).toBe(mod.WINDOW_OPTIONS);
    expect(fake.windows[0]!.loadURL).toHaveBeenCalledWith('app://app/index.html');
    expect(fake.windows[0]!.setContentProtection).not.toHaveBeenCalled();
    expect(fake.windows[0]!.show).not.toHaveBeenCalled();

    (win as unknown as FakeElectron['windows'][number]).emit('ready-to-show');
    expect(fake.windows[0]!.setContentProtection).toHaveBeenCalledWith(true);
    expect(fake.calls.filter((c) => c === 'setContentProtection' || c === 'show')).toEqual([
      'setContentProtection',
      'show',
    ]);
  });
});
