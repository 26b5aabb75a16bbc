// Checklist #10: the fuse map the packaging hook flips.
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { FUSES } from '../../../electron/main/fuses';

describe('FUSES', () => {
  it('turns off run-as-node, NODE_OPTIONS, inspect and file:// privileges; turns on cookie encryption and asar integrity', () => {
    expect(FUSES).toStrictEqual({
      version: FuseVersion.V1,
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('names every fuse @electron/fuses knows, so a new fuse cannot be missed silently', () => {
    const known = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number');
    for (const fuse of known) expect(typeof (FUSES as Record<number, unknown>)[fuse]).toBe('boolean');
  });
});
