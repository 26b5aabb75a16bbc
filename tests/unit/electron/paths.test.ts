import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRuntimePaths } from '../../../electron/main/paths';

const mainDir = path.resolve('/repo/out/main');

describe('resolveRuntimePaths', () => {
  it('development: repo resources/ and the Electron-ABI driver from .electron-native/ when built', () => {
    const binding = path.join('/repo', '.electron-native', 'better_sqlite3.node');
    const seen: string[] = [];
    const paths = resolveRuntimePaths({
      isPackaged: false,
      appPath: '/repo',
      resourcesPath: '/usr/lib/electron/resources',
      mainDir,
      exists: (f) => (seen.push(f), f === binding),
    });
    expect(paths).toEqual({
      rendererDir: path.resolve('/repo/out/renderer'),
      resourcesDir: path.join('/repo', 'resources'),
      nativeBinding: binding,
    });
    expect(seen).toEqual([binding]);
  });

  it('development without the Electron-ABI build: no nativeBinding', () => {
    const paths = resolveRuntimePaths({ isPackaged: false, appPath: '/repo', resourcesPath: '/x', mainDir, exists: () => false });
    expect(paths.nativeBinding).toBeUndefined();
  });

  it('packaged: resources next to the asar, driver left to the packager', () => {
    const paths = resolveRuntimePaths({
      isPackaged: true,
      appPath: '/opt/Houvast/resources/app.asar',
      resourcesPath: '/opt/Houvast/resources',
      mainDir: '/opt/Houvast/resources/app.asar/out/main',
      exists: () => true,
    });
    expect(paths.resourcesDir).toBe(path.join('/opt/Houvast/resources', 'resources'));
    expect(paths.nativeBinding).toBeUndefined();
    expect(paths.rendererDir).toBe(path.join('/opt/Houvast/resources/app.asar/out/renderer'));
  });
});
