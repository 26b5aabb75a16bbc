// Where Houvast keeps its data. Matches Electron's app.getPath('userData') for the app name "Houvast",
// so the desktop app, the web shell and the CLI all find the same vaults without importing electron.
import { homedir } from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Houvast';

/**
 * The app's data folder. HOUVAST_DATA_DIR wins (tests, portable installs); otherwise the platform's
 * per-user application data folder + "Houvast".
 */
export function defaultDataDir(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env.HOUVAST_DATA_DIR;
  if (override && override.trim() !== '') {
    return platform === 'win32' ? path.win32.resolve(override) : path.posix.resolve(override);
  }
  if (platform === 'win32') {
    const appData = env.APPDATA && env.APPDATA !== '' ? env.APPDATA : path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_NAME);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  // Electron follows XDG only for absolute values; a relative XDG_CONFIG_HOME is invalid per the spec.
  const xdg = env.XDG_CONFIG_HOME;
  const configHome = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.config');
  return path.posix.join(configHome, APP_NAME);
}

/** Folder where new vaults are created unless the user picks another place. */
export function defaultVaultFolder(dataDir: string): string {
  return path.join(dataDir, 'vaults');
}
