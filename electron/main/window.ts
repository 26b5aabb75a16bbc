// The one BrowserWindow of the app. Its options are a constant so a unit test can deep-equal them and
// a static test can check that the bundle never creates a window with anything else.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './security';

/** The sandboxed preload is built as CommonJS next to the main bundle (out/preload/index.cjs). */
export const PRELOAD_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'preload', 'index.cjs');

export const WINDOW_OPTIONS: Readonly<BrowserWindowConstructorOptions> = Object.freeze({
  title: 'Houvast',
  width: 1280,
  height: 860,
  minWidth: 900,
  minHeight: 600,
  // Shown on ready-to-show, after content protection is on.
  show: false,
  backgroundColor: '#ffffff',
  autoHideMenuBar: true,
  webPreferences: Object.freeze({
    preload: PRELOAD_PATH,
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
    // Middle-click must not open anything (electronegativity AUXCLICK check).
    disableBlinkFeatures: 'Auxclick',
    // Developer tools only in a development run, never in the packaged app.
    devTools: !app.isPackaged,
  }),
});

/** Creates the main window, turns on content protection before it is shown, and loads app://app/. */
export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow(WINDOW_OPTIONS);
  win.once('ready-to-show', () => {
    // Case data must not end up in screenshots or screen sharing (Windows/macOS).
    win.setContentProtection(true);
    win.show();
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
