// Types for scripts/electron-driver.mjs (the unit test imports it from TypeScript).
export interface SpawnResult {
  status: number | null;
  error?: Error;
}
export type Spawn = (cmd: string, args: string[], options: { cwd: string; env: Record<string, string | undefined> }) => SpawnResult;

export interface InstallOptions {
  electronVersion: string;
  platform: string;
  arch: string;
  srcDir: string;
  prebuildInstall: string | null;
  nodeGyp: string | null;
  nodePath: string;
  env: Record<string, string | undefined>;
  spawn: Spawn;
  built: () => boolean;
  log?: (line: string) => void;
}

export type InstallResult = { ok: true; method: 'prebuilt' | 'source' } | { ok: false; message: string };

export function installElectronDriver(o: InstallOptions): InstallResult;
export function toolchainAdvice(platform: string): string[];
export function driverFailureMessage(o: { electronVersion: string; platform: string; arch: string; prebuiltTried: boolean; sourceTried: boolean }): string;
