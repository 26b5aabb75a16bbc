#!/usr/bin/env node
// `npm run typecheck`: one TypeScript project per layer, each with only the types that layer may use
// (tsconfig.shared.json: the ES library alone; tsconfig.renderer.json: DOM, no Node; tsconfig.node.json: Node,
// no DOM, for the core and the shells), then tsconfig.json for the tests, scripts and benchmarks. Every
// project runs even when an earlier one fails; the exit code is non-zero if any failed.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TS_PROJECTS = [
  ['src/shared (ES only)', 'tsconfig.shared.json'],
  ['src/renderer (DOM)', 'tsconfig.renderer.json'],
  ['src/core, CLI, web shell, Electron (Node)', 'tsconfig.node.json'],
  ['tests, scripts, benchmarks', 'tsconfig.json'],
];

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repo = fileURLToPath(new URL('..', import.meta.url));
  const tsc = path.join(repo, 'node_modules', '.bin', 'tsc');
  const failed = [];
  for (const [label, project] of TS_PROJECTS) {
    process.stdout.write(`tsc -p ${project}: ${label}\n`);
    const r = spawnSync(tsc, ['-p', project, '--noEmit'], { cwd: repo, stdio: 'inherit' });
    if (r.status !== 0) failed.push(project);
  }
  if (failed.length > 0) process.stderr.write(`Typecheck failed in: ${failed.join(', ')}\n`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}
