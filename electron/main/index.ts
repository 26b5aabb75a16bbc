// Electron main process: lifecycle, hardening and IPC wiring. Every decision lives in a pure module
// (security.ts, protocol.ts, paths.ts, power.ts, window.ts); this file only connects them to Electron.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  ipcMain,
  powerMonitor,
  protocol,
  session,
  shell,
  utilityProcess,
  type IpcMainInvokeEvent,
} from 'electron';
import { startHostedCore, type HostedCore } from '../../src/core/host/core-client';
import { createAppLogger } from '../../src/core/logger';
import { DEFAULT_MESSAGES, type Envelope } from '../../src/shared/contract/errors';
import { EVENT_CHANNEL, RPC_CHANNEL } from '../../src/shared/contract/channels';
import { CORE_HOST_FILE, utilityProcessEndpoint } from './core-process';
import { resolveRuntimePaths } from './paths';
import { installAutoLock, lockVia } from './power';
import { createAppProtocolHandler } from './protocol';
import {
  APP_SCHEME,
  createNavigationGuard,
  createWindowOpenHandler,
  isAllowedExternalUrl,
  isAllowedRequest,
  isAppUrl,
  permissionCheckHandler,
  permissionRequestHandler,
  validateSender,
} from './security';
import { createMainWindow } from './window';

export const FORBIDDEN_ENVELOPE: Envelope<never> = Object.freeze({
  ok: false,
  error: Object.freeze({ code: 'FORBIDDEN', message: DEFAULT_MESSAGES.FORBIDDEN }),
}) as Envelope<never>;

// Redacted lines to stderr and to <userData>/logs/houvast.log (rotating), for support questions afterwards.
const logger = createAppLogger(app.getPath('userData'));
const mainDir = path.dirname(fileURLToPath(import.meta.url));

// Before 'ready': every renderer sandboxed, and app:// a standard secure origin (own origin for CSP
// 'self', no file:// privileges needed).
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
// The data folder is "Houvast" on every platform, whatever the package name (README "Where data lives");
// HOUVAST_DATA_DIR overrides it. The single-instance lock below is scoped to this folder, which is
// exactly what must not have two writers.
app.setPath('userData', process.env.HOUVAST_DATA_DIR || path.join(app.getPath('appData'), 'Houvast'));

let mainWindow: BrowserWindow | null = null;
let core: HostedCore | null = null;
let disposing = false;

/** Links leave the app only through the explicit https allowlist (empty by default). */
function openExternal(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  // Our own window's top frame on app://app, nothing else: no sub-frames, no other webContents.
  return mainWindow !== null && !mainWindow.isDestroyed() && event.sender === mainWindow.webContents
    ? validateSender(event.senderFrame)
    : false;
}

function hardenSession(rendererDir: string): void {
  const ses = session.defaultSession;
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, (file) => readFile(file)));
  // No network at all: only app: and devtools: may load.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  ses.setPermissionRequestHandler(permissionRequestHandler);
  ses.setPermissionCheckHandler(permissionCheckHandler);
  ses.setDevicePermissionHandler(() => false);
}

function showMainWindow(): void {
  const win = createMainWindow();
  mainWindow = win;
  installAutoLock({
    powerMonitor,
    window: win,
    lock: () => (core ? lockVia(core.router)() : undefined),
    onError: (error) => logger.error('shell.autolock_failed', { error }),
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
}

async function start(): Promise<void> {
  const paths = resolveRuntimePaths({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    mainDir,
    exists: existsSync,
  });
  hardenSession(paths.rendererDir);

  // The core runs in a utility process: key derivation, PDFs, imports and backups never freeze the window,
  // and the vault's keys never enter this process. If it dies, calls get a clear Dutch answer, the page
  // hears 'core.status' and offers a restart ('core.restart'), which starts it again with the vault locked.
  core = await startHostedCore({
    spawn: () =>
      utilityProcessEndpoint(utilityProcess.fork(path.join(mainDir, CORE_HOST_FILE), [], { serviceName: 'Houvast-kern' })),
    init: {
      dataDir: app.getPath('userData'),
      resourcesDir: paths.resourcesDir,
      version: app.getVersion(),
      ...(paths.nativeBinding ? { nativeBinding: paths.nativeBinding } : {}),
    },
    logger,
  });
  const ready = core;

  ipcMain.handle(RPC_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event)) {
      logger.warn('shell.ipc_sender_refused', {});
      return FORBIDDEN_ENVELOPE;
    }
    return ready.router.handle(name as string, input);
  });
  ready.onEvent((event, payload) => {
    const win = mainWindow;
    if (!win || win.isDestroyed()) return;
    // Events only ever go to our own page.
    if (!isAppUrl(win.webContents.getURL())) return;
    win.webContents.send(EVENT_CHANNEL, { event, payload });
  });

  showMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Two processes must never write the same vault.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    const guard = createNavigationGuard(openExternal);
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(createWindowOpenHandler(openExternal));
  });

  // A vault app: closing the window quits (and locks), on every platform.
  app.on('window-all-closed', () => app.quit());

  app.on('will-quit', (event) => {
    if (!core || disposing) return;
    event.preventDefault();
    disposing = true;
    const closing = core;
    core = null;
    void closing
      .dispose()
      .catch((error: unknown) => logger.error('shell.dispose_failed', { error }))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('shell.start_failed', { error });
      app.exit(1);
    });
}
