// npm start without a C++ toolchain (issue 10 §2): the Electron-ABI driver comes from the prebuilt binary
// first, from a source build only as the fall-back, and when both fail the message says in Dutch what to
// install on this platform. Processes are recorded by a fake spawner, so no network or compiler is needed.
import { describe, expect, it } from 'vitest';
import { installElectronDriver, type InstallOptions, type SpawnResult } from '../../../scripts/electron-driver.mjs';

interface Call {
  tool: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
}

function rig(outcomes: { prebuilt?: SpawnResult; source?: SpawnResult; builtAfter?: 'prebuilt' | 'source' | 'never' }, over: Partial<InstallOptions> = {}) {
  const calls: Call[] = [];
  let builtBy: string | null = null;
  const options: InstallOptions = {
    electronVersion: '38.8.6',
    platform: 'win32',
    arch: 'x64',
    srcDir: '/repo/.electron-native/src',
    prebuildInstall: '/repo/node_modules/prebuild-install/bin.js',
    nodeGyp: '/npm/node_modules/node-gyp/bin/node-gyp.js',
    nodePath: '/usr/bin/node',
    env: { PATH: '/bin', npm_config_nodedir: '/node/headers' },
    spawn: (cmd, args, opts) => {
      expect(cmd).toBe('/usr/bin/node');
      const tool = args[0]!.includes('prebuild-install') ? 'prebuilt' : 'source';
      calls.push({ tool, args: args.slice(1), cwd: opts.cwd, env: opts.env });
      const res = (tool === 'prebuilt' ? outcomes.prebuilt : outcomes.source) ?? { status: 1 };
      if (res.status === 0 && !res.error && outcomes.builtAfter === tool) builtBy = tool;
      return res;
    },
    built: () => builtBy !== null,
    ...over,
  };
  return { calls, options };
}

describe('getting the database driver for Electron', () => {
  it('takes the prebuilt binary for the Electron runtime and version first, and builds nothing', () => {
    const { calls, options } = rig({ prebuilt: { status: 0 }, builtAfter: 'prebuilt' });
    expect(installElectronDriver(options)).toEqual({ ok: true, method: 'prebuilt' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.tool).toBe('prebuilt');
    expect(calls[0]!.args).toEqual(['--runtime', 'electron', '--target', '38.8.6', '--arch', 'x64', '--platform', 'win32']);
    // In the copy of the driver, never in node_modules (the Node build there serves tests, CLI and web shell).
    expect(calls[0]!.cwd).toBe('/repo/.electron-native/src');
    // Node's headers must not leak into an Electron build.
    expect(Object.keys(calls[0]!.env).map((k) => k.toLowerCase())).not.toContain('npm_config_nodedir');
  });

  it('builds from source against Electron\'s headers only when the download fails', () => {
    const { calls, options } = rig({ prebuilt: { status: 1 }, source: { status: 0 }, builtAfter: 'source' });
    expect(installElectronDriver(options)).toEqual({ ok: true, method: 'source' });
    expect(calls.map((c) => c.tool)).toEqual(['prebuilt', 'source']);
    expect(calls[1]!.args).toEqual([
      'rebuild',
      '--release',
      '--target=38.8.6',
      '--arch=x64',
      '--dist-url=https://electronjs.org/headers',
      '--nodedir=',
    ]);
    expect(calls[1]!.env).toMatchObject({ npm_config_runtime: 'electron', npm_config_target: '38.8.6', PATH: '/bin' });
    expect(calls[1]!.env.npm_config_nodedir).toBeUndefined();
  });

  it('also falls back when the download "succeeds" without leaving a binary, or cannot start at all', () => {
    const noFile = rig({ prebuilt: { status: 0 }, source: { status: 0 }, builtAfter: 'source' });
    expect(installElectronDriver(noFile.options)).toEqual({ ok: true, method: 'source' });
    expect(noFile.calls.map((c) => c.tool)).toEqual(['prebuilt', 'source']);

    const spawnError = rig({ prebuilt: { status: null, error: new Error('ENOENT') }, source: { status: 0 }, builtAfter: 'source' });
    expect(installElectronDriver(spawnError.options)).toEqual({ ok: true, method: 'source' });
  });

  it('goes straight to the source build when prebuild-install is missing', () => {
    const { calls, options } = rig({ source: { status: 0 }, builtAfter: 'source' }, { prebuildInstall: null });
    expect(installElectronDriver(options)).toEqual({ ok: true, method: 'source' });
    expect(calls.map((c) => c.tool)).toEqual(['source']);
  });

  it.each([
    ['win32', [/Visual Studio Build Tools/, /Desktopontwikkeling met C\+\+/, /Desktop development with C\+\+/, /Python 3/]],
    ['darwin', [/Xcode Command Line Tools/, /xcode-select --install/]],
    ['linux', [/build-essential/, /python3/]],
  ] as const)('when both fail on %s: says in Dutch what to install, and how to work without it', (platform, expected) => {
    const { calls, options } = rig({ prebuilt: { status: 1 }, source: { status: 1 } }, { platform });
    const result = installElectronDriver(options);
    expect(calls.map((c) => c.tool)).toEqual(['prebuilt', 'source']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('de databasedriver voor Electron 38.8.6');
    expect(result.message).toMatch(/kant-en-klare versie downloaden lukte niet/);
    expect(result.message).toMatch(/C\+\+-bouwomgeving/);
    for (const re of expected) expect(result.message).toMatch(re);
    expect(result.message).toContain('npm start');
    expect(result.message).toContain('npm run web');
    // Only this platform's advice.
    if (platform !== 'win32') expect(result.message).not.toMatch(/Visual Studio/);
    if (platform !== 'darwin') expect(result.message).not.toMatch(/xcode-select/);
  });

  it('names what was missing when neither tool is there', () => {
    const { calls, options } = rig({}, { prebuildInstall: null, nodeGyp: null, platform: 'linux' });
    const result = installElectronDriver(options);
    expect(calls).toEqual([]);
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(result.message).toMatch(/prebuild-install ontbreekt/);
    expect(result.message).toMatch(/node-gyp is niet gevonden/);
  });
});
