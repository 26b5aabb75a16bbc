// Shared by the static tests: the built out/ folder (built here once if the aggregator has not).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../..');
export const OUT = path.join(REPO, 'out');
export const BUILT_FILES = ['main/index.js', 'preload/index.cjs', 'renderer/index.html'].map((f) => path.join(OUT, f));

/** Generous: a cold electron-vite build of three bundles on two cores. */
export const BUILD_TIMEOUT_MS = 240_000;

export function ensureBuilt(): void {
  if (BUILT_FILES.every((f) => existsSync(f))) return;
  execFileSync(process.execPath, [path.join(REPO, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: REPO,
    stdio: 'pipe',
    timeout: BUILD_TIMEOUT_MS,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
}

export function filesUnder(dir: string, extensions: string[]): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, extensions));
    else if (extensions.some((e) => name.endsWith(e))) out.push(full);
  }
  return out;
}

export function read(file: string): string {
  return readFileSync(file, 'utf8');
}

export function rel(file: string): string {
  return path.relative(REPO, file).split(path.sep).join('/');
}
