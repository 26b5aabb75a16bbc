// Module test of electron/main/index.ts with a stubbed electron and a stubbed hosted core: the lifecycle
// (sandbox, single instance), the core in a utility process, the session hardening and the IPC wiring are
// checked as data. The host protocol itself is tested with a real worker thread (tests/integration/host).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, RPC_CHANNEL } from '../../../src/shared/contract/procedures';
import { FAKE_PATHS_ROOT, installFakeElectron, type FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).currentFakeElectron());
afterAll(() => rmSync(FAKE_PATHS_ROOT, { recursive: true, force: true })); // the shell's log file

type AnyFn = (...args: any[]) => any;
const core = vi.hoisted(() => ({
  startHostedCore: null as unknown as import('vitest').Mock<AnyFn>,
  router: { handle: null as unknown as import('vitest').Mock<AnyFn> },
  emit: null as null | ((event: string, payload: unknown) => void),
  dispose: null as unknown as import('vitest').Mock<AnyFn>,
}));

vi.mock('../../../src/core/host/core-client', () => ({
  startHostedCore: (...args: unknown[]) => core.startHostedCore(...args),
}));

let fake: FakeElectron;
const savedDataDir = process.env.HOUVAST_DATA_DIR;

beforeEach(() => {
  delete process.env.HOUVAST_DATA_DIR;
  core.router.handle = vi.fn(async (name: string) => ({ ok: true, value: { called: name } }));
  core.dispose = vi.fn(async () => undefined);
  core.emit = null;
  core.startHostedCore = vi.fn(async () => ({
    router: core.router,
    onEvent: (listener: (event: string, payload: unknown) => void) => {
      core.emit = listener;
      return () => undefined;
    },
    dispose: core.dispose,
  }));
});
afterEach(() => {
  if (savedDataDir === undefined) delete process.env.HOUVAST_DATA_DIR;
  else process.env.HOUVAST_DATA_DIR = savedDataDir;
});

async function boot(options: { lock?: boolean } = {}) {
  fake = installFakeElectron({ lock: options.lock ?? true });
  vi.resetModules();
  await import('../../../electron/main/index');
  // Let whenReady().then(start) and startHostedCore settle.
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
  return fake;
}

function rpc() {
  const handler = fake.ipcHandlers.get(RPC_CHANNEL);
  if (!handler) throw new Error('no RPC handler registered');
  return handler;
}

describe('electron/main/index.ts lifecycle', () => {
  it('enables the sandbox and registers app:// as privileged before ready, then takes the single-instance lock', async () => {
    await boot();
    expect(fake.electron.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(fake.electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(fake.calls.indexOf('enableSandbox')).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(fake.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('quits without starting the core or a window when another instance holds the lock', async () => {
    await boot({ lock: false });
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled();
    expect(core.startHostedCore).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('focuses the existing window on a second instance', async () => {
    await boot();
    const win = fake.windows[0]!;
    win.minimized = true;
    fake.electron.app.emit('second-instance');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('starts the core in a utility process with the data folder, repo resources and version; the shell keeps the logger', async () => {
    await boot();
    expect(core.startHostedCore).toHaveBeenCalledTimes(1);
    const options = core.startHostedCore.mock.calls[0]![0] as {
      init: Record<string, unknown>;
      logger: unknown;
      spawn: () => { post(m: unknown): void; onMessage(l: (m: unknown) => void): void; onExit(l: (c: number | null) => void): void; kill(): void };
    };
    expect(options.init.dataDir).toBe(path.join(FAKE_PATHS_ROOT, 'userData'));
    expect(String(options.init.resourcesDir)).toMatch(/resources$/);
    expect(options.init.version).toBe('9.8.7');
    // Only plain data goes to the core process (no logger, clock or key material).
    expect(JSON.parse(JSON.stringify(options.init))).toEqual(options.init);
    expect(options.logger).toBeDefined();
    expect(fake.electron.app.setPath).toHaveBeenCalledWith('userData', expect.stringMatching(/Houvast$/));

    // spawn forks the core-host bundle beside the main bundle, and the endpoint relays both ways.
    expect(fake.electron.utilityProcess.fork).not.toHaveBeenCalled();
    const endpoint = options.spawn();
    expect(fake.electron.utilityProcess.fork).toHaveBeenCalledTimes(1);
    const child = fake.electron.utilityProcess.fork.mock.results[0]!.value as import('./fake-electron').FakeUtilityProcess;
    expect(child.modulePath).toMatch(/core-host\.js$/);
    endpoint.post({ type: 'dispose' });
    expect(child.posted).toEqual([{ type: 'dispose' }]);
    const received: unknown[] = [];
    endpoint.onMessage((m) => received.push(m));
    child.emit('message', { type: 'ready' });
    expect(received).toEqual([{ type: 'ready' }]);
    const exits: unknown[] = [];
    endpoint.onExit((code) => exits.push(code));
    child.emit('exit', 3);
    expect(exits).toEqual([3]);
    endpoint.kill();
    expect(child.killed).toBe(true);
  });

  it('HOUVAST_DATA_DIR moves the data folder (and with it the single-instance lock)', async () => {
    process.env.HOUVAST_DATA_DIR = '/tmp/houvast-elsewhere';
    await boot();
    expect(fake.electron.app.setPath).toHaveBeenCalledWith('userData', '/tmp/houvast-elsewhere');
    const setPathOrder = fake.electron.app.setPath.mock.invocationCallOrder[0]!;
    const lockOrder = fake.electron.app.requestSingleInstanceLock.mock.invocationCallOrder[0]!;
    expect(setPathOrder).toBeLessThan(lockOrder);
  });

  it('opens one window with WINDOW_OPTIONS', async () => {
    await boot();
    const { WINDOW_OPTIONS } = await import('../../../electron/main/window');
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]!.options).toStrictEqual(WINDOW_OPTIONS);
  });

  it('disposes the core before quitting', async () => {
    await boot();
    const event = { preventDefault: vi.fn() };
    fake.electron.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 0));
    expect(core.dispose).toHaveBeenCalledTimes(1);
    expect(fake.electron.app.quit).toHaveBeenCalled();
    // The second will-quit (after dispose) goes through.
    const again = { preventDefault: vi.fn() };
    fake.electron.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});

describe('session hardening', () => {
  it('serves app:// through the guarded resolver', async () => {
    await boot();
    expect(fake.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = fake.electron.protocol.handle.mock.calls[0]![1] as (r: { url: string }) => Promise<Response>;
    const res = await handler({ url: 'app://app/%2e%2e/%2e%2e/etc/passwd' });
    expect(res.status).toBe(404);
  });

  it('cancels every request that is not app:// or devtools://', async () => {
    await boot();
    const onBefore = fake.electron.session.defaultSession.webRequest.onBeforeRequest;
    expect(onBefore).toHaveBeenCalledTimes(1);
    const listener = onBefore.mock.calls[0]![0] as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
    const decide = (url: string) => {
      let result: { cancel: boolean } | undefined;
      listener({ url }, (r) => (result = r));
      return result;
    };
    expect(decide('https://example.org/')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
    expect(decide('ws://127.0.0.1:9/')).toEqual({ cancel: true });
    expect(decide('app://app/index.html')).toEqual({ cancel: false });
    expect(decide('devtools://devtools/bundled/inspector.html')).toEqual({ cancel: false });
  });

  it('denies every permission request and check', async () => {
    await boot();
    const ses = fake.electron.session.defaultSession;
    const request = ses.setPermissionRequestHandler.mock.calls[0]![0] as (...a: unknown[]) => void;
    const check = ses.setPermissionCheckHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean;
    const cb = vi.fn();
    request({}, 'media', cb, {});
    expect(cb).toHaveBeenCalledWith(false);
    expect(check({}, 'media', 'app://app', {})).toBe(false);
  });

  it('hardens every new webContents: navigation, redirects and new windows denied, webviews refused', async () => {
    await boot();
    const { FakeWebContents } = await import('./fake-electron');
    const contents = new FakeWebContents();
    fake.electron.app.emit('web-contents-created', {}, contents);
    for (const name of ['will-navigate', 'will-redirect']) {
      const event = { preventDefault: vi.fn() };
      contents.emit(name, event, 'https://evil.example/');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(fake.electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('IPC', () => {
  function eventFrom(win: FakeElectron['windows'][number], frame: unknown) {
    return { sender: win.webContents, senderFrame: frame };
  }

  it('passes (name, input) from our top frame to the router', async () => {
    await boot();
    const win = fake.windows[0]!;
    const result = await rpc()(eventFrom(win, { url: 'app://app/index.html', parent: null }), 'vault.status', {});
    expect(core.router.handle).toHaveBeenCalledWith('vault.status', {});
    expect(result).toEqual({ ok: true, value: { called: 'vault.status' } });
  });

  it.each([
    ['a sub-frame', { url: 'app://app/index.html', parent: {} }],
    ['a file:// page', { url: 'file:///tmp/x.html', parent: null }],
    ['another origin', { url: 'https://evil/', parent: null }],
    ['no frame', null],
  ])('answers FORBIDDEN to %s and never calls the router', async (_name, frame) => {
    await boot();
    const result = await rpc()(eventFrom(fake.windows[0]!, frame), 'vault.status', {});
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
    expect(core.router.handle).not.toHaveBeenCalled();
  });

  it('answers FORBIDDEN to a webContents that is not our window', async () => {
    await boot();
    const { FakeWebContents } = await import('./fake-electron');
    const result = await rpc()(
      { sender: new FakeWebContents(), senderFrame: { url: 'app://app/index.html', parent: null } },
      'vault.status',
      {},
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.router.handle).not.toHaveBeenCalled();
  });

  it('forwards core events to our page as { event, payload }', async () => {
    await boot();
    core.emit!('vault.locked', { reason: 'idle' });
    expect(fake.windows[0]!.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, {
      event: 'vault.locked',
      payload: { reason: 'idle' },
    });
    // Not to a page that is somehow elsewhere.
    fake.windows[0]!.webContents.url = 'https://evil/';
    core.emit!('vault.locked', {});
    expect(fake.windows[0]!.webContents.send).toHaveBeenCalledTimes(1);
  });

  it('locks the vault on suspend, screen lock and window close', async () => {
    await boot();
    fake.electron.powerMonitor.emit('suspend');
    fake.electron.powerMonitor.emit('lock-screen');
    fake.windows[0]!.emit('close', { preventDefault() {} });
    const locks = core.router.handle.mock.calls.filter(([name]) => name === 'vault.lock');
    expect(locks).toHaveLength(3);
    expect(locks[0]).toEqual(['vault.lock', {}]);
  });
});
