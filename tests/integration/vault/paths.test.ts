// The data folder matches Electron's app.getPath('userData') for "Houvast" on each platform.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { defaultDataDir, defaultVaultFolder } from '../../../src/core/paths';

describe('defaultDataDir', () => {
  it('HOUVAST_DATA_DIR wins on every platform', () => {
    expect(defaultDataDir({ HOUVAST_DATA_DIR: '/srv/houvast', XDG_CONFIG_HOME: '/x' }, 'linux', '/home/an')).toBe('/srv/houvast');
    expect(defaultDataDir({ HOUVAST_DATA_DIR: 'C:\\Data\\Houvast' }, 'win32', 'C:\\Users\\an')).toBe('C:\\Data\\Houvast');
    expect(defaultDataDir({ HOUVAST_DATA_DIR: '' }, 'linux', '/home/an')).toBe('/home/an/.config/Houvast');
  });

  it('Linux: $XDG_CONFIG_HOME (absolute) or ~/.config', () => {
    expect(defaultDataDir({}, 'linux', '/home/an')).toBe('/home/an/.config/Houvast');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/an/cfg' }, 'linux', '/home/an')).toBe('/home/an/cfg/Houvast');
    expect(defaultDataDir({ XDG_CONFIG_HOME: 'relative/cfg' }, 'linux', '/home/an')).toBe('/home/an/.config/Houvast');
  });

  it('macOS: ~/Library/Application Support', () => {
    expect(defaultDataDir({}, 'darwin', '/Users/an')).toBe('/Users/an/Library/Application Support/Houvast');
  });

  it('Windows: %APPDATA%, falling back to the roaming profile', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\an\\AppData\\Roaming' }, 'win32', 'C:\\Users\\an')).toBe(
      'C:\\Users\\an\\AppData\\Roaming\\Houvast',
    );
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\an')).toBe('C:\\Users\\an\\AppData\\Roaming\\Houvast');
  });

  it('vaults live in <data>/vaults', () => {
    expect(defaultVaultFolder('/home/an/.config/Houvast')).toBe(path.join('/home/an/.config/Houvast', 'vaults'));
  });
});
