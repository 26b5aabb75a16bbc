// Electron fuses flipped into the packaged binary by the packaging hook (release machine only).
// A unit test asserts this map; the release check compares `npx @electron/fuses read --app` with it.
// Not imported by the main process.
import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

export const FUSES = Object.freeze({
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // The binary must not be usable as a plain Node interpreter (ELECTRON_RUN_AS_NODE).
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // No NODE_OPTIONS / --inspect: nobody can inject code or attach a debugger to the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Only our own, integrity-checked app.asar is ever loaded.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Default off; the fuse config requires every fuse to be named.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // We serve from app://, so file:// needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} satisfies FuseV1Config);
