// Where the shell finds its renderer, resources and the Electron-ABI database driver. Pure, so the
// packaged and development layouts are both unit-tested.
import * as path from 'node:path';

/** Folder (repo root) that `npm start` builds the Electron-ABI driver into; see scripts/start-electron.mjs. */
export const ELECTRON_NATIVE_DIR = '.electron-native';
export const NATIVE_BINDING_FILE = 'better_sqlite3.node';

export interface RuntimePathsInput {
  isPackaged: boolean;
  /** app.getAppPath(): the repo root in development, .../resources/app.asar when packaged. */
  appPath: string;
  /** process.resourcesPath. */
  resourcesPath: string;
  /** Directory of the main bundle (out/main). */
  mainDir: string;
  exists: (file: string) => boolean;
}

export interface RuntimePaths {
  rendererDir: string;
  resourcesDir: string;
  nativeBinding: string | undefined;
}

export function resolveRuntimePaths(input: RuntimePathsInput): RuntimePaths {
  const rendererDir = path.join(input.mainDir, '..', 'renderer');
  if (input.isPackaged) {
    // The packager ships resources/ as extra resources and rebuilds the driver for Electron itself.
    return { rendererDir, resourcesDir: path.join(input.resourcesPath, 'resources'), nativeBinding: undefined };
  }
  const binding = path.join(input.appPath, ELECTRON_NATIVE_DIR, NATIVE_BINDING_FILE);
  return {
    rendererDir,
    resourcesDir: path.join(input.appPath, 'resources'),
    // Without the Electron-ABI build the driver falls back to its default binary (built for Node),
    // which Electron refuses with a clear ABI error; npm start always builds it first.
    nativeBinding: input.exists(binding) ? binding : undefined,
  };
}
