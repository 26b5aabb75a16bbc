// Builds the harness renderer (out/harness) once per e2e run, unless it is newer than every input.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const INPUTS = ['src/renderer', 'src/shared', 'vite.harness.config.ts', 'package.json', 'package-lock.json'];
const OUTPUT = path.join(repo, 'out', 'harness', 'index.html');

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function harnessIsFresh(): boolean {
  if (!existsSync(OUTPUT)) return false;
  const built = statSync(OUTPUT).mtimeMs;
  return INPUTS.every((i) => newestMtime(path.join(repo, i)) <= built);
}

export default function setup(): void {
  if (process.env.HOUVAST_HARNESS_PREBUILT === '1' && existsSync(OUTPUT)) return;
  if (harnessIsFresh()) return;
  const vite = path.join(repo, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '--config', 'vite.harness.config.ts', '--logLevel', 'warn'], {
    cwd: repo,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`harness build failed (exit ${result.status})`);
}
