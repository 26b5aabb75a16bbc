// A recording stand-in for the parts of the `electron` module the shell uses, so the shell's wiring
// is tested as data without the Electron binary.
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

/**
 * app.getPath() answers below this temp folder (created only when something writes there): the shell
 * writes its log file to <userData>/logs, which must never land in a real folder (or, run as root, in
 * /fake at the root). main-index.test.ts removes it afterwards.
 */
export const FAKE_PATHS_ROOT = path.join(tmpdir(), `houvast-fake-electron-${process.pid}`);

export class FakeWebContents extends EventEmitter {
  url = 'app://app/index.html';
  send = vi.fn();
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  getURL = () => this.url;
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => unknown) => {
    this.windowOpenHandler = handler;
  });
}

/** Electron's UtilityProcess: records what main posts, lets the test play the child. */
export class FakeUtilityProcess extends EventEmitter {
  posted: unknown[] = [];
  killed = false;
  constructor(readonly modulePath: string) {
    super();
  }
  postMessage = vi.fn((message: unknown) => void this.posted.push(message));
  kill = vi.fn(() => (this.killed = true));
}

export function createFakeElectron(options: { lock?: boolean; isPackaged?: boolean } = {}) {
  const calls: string[] = [];
  const windows: FakeBrowserWindow[] = [];

  class FakeBrowserWindow extends EventEmitter {
    readonly options: unknown;
    readonly webContents = new FakeWebContents();
    destroyed = false;
    minimized = false;
    setContentProtection = vi.fn((_on: boolean) => calls.push('setContentProtection'));
    show = vi.fn(() => calls.push('show'));
    loadURL = vi.fn(async (_url: string) => undefined);
    isDestroyed = () => this.destroyed;
    isMinimized = () => this.minimized;
    restore = vi.fn();
    focus = vi.fn();
    constructor(opts: unknown) {
      super();
      this.options = opts;
      windows.push(this);
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.isPackaged ?? false,
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => {
      calls.push('requestSingleInstanceLock');
      return options.lock ?? true;
    }),
    quit: vi.fn(() => calls.push('quit')),
    exit: vi.fn(),
    whenReady: vi.fn(() => {
      calls.push('whenReady');
      return Promise.resolve();
    }),
    setPath: vi.fn(),
    getPath: vi.fn((name: string) => path.join(FAKE_PATHS_ROOT, name)),
    getAppPath: vi.fn(() => '/fake/app'),
    getVersion: vi.fn(() => '9.8.7'),
  });

  const webRequest = { onBeforeRequest: vi.fn() };
  const defaultSession = {
    webRequest,
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };

  const ipcHandlers = new Map<string, (...args: unknown[]) => unknown>();
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => {
        ipcHandlers.set(channel, handler);
      }),
    },
    powerMonitor: new EventEmitter(),
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn(),
    },
    session: { defaultSession },
    shell: { openExternal: vi.fn(async () => undefined) },
    utilityProcess: { fork: vi.fn((modulePath: string, _args?: string[], _options?: unknown) => new FakeUtilityProcess(modulePath)) },
  };
  return { electron, calls, windows, ipcHandlers };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

const KEY = Symbol.for('houvast.test.fakeElectron');

/** Installs a fresh fake as "the" electron module for the next import (survives vi.resetModules). */
export function installFakeElectron(options: { lock?: boolean; isPackaged?: boolean } = {}): FakeElectron {
  const fake = createFakeElectron(options);
  (globalThis as Record<symbol, unknown>)[KEY] = fake;
  return fake;
}

/**
 * For vi.mock('electron', ...) factories. Vitest caches the factory's result across vi.resetModules(),
 * so every export is a getter that reads the fake installed last.
 */
export function currentFakeElectron(): FakeElectron['electron'] {
  const current = (): FakeElectron['electron'] => {
    const fake = (globalThis as Record<symbol, unknown>)[KEY] as FakeElectron | undefined;
    if (!fake) throw new Error('installFakeElectron() was not called');
    return fake.electron;
  };
  const names = Object.keys(createFakeElectron().electron) as (keyof FakeElectron['electron'])[];
  const facade = {} as FakeElectron['electron'];
  for (const name of names) Object.defineProperty(facade, name, { enumerable: true, get: () => current()[name] });
  return facade;
}
