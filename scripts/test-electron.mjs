#!/usr/bin/env node
// npm run test:electron: the launch tests that need the real Electron binary (tests/electron/).
// Where the binary is absent (CI, offline machines) this prints "SKIPPED: no Electron binary" and
// exits 0. Always writes .vitest-reports/electron.json {passed, failed, skipped} for the aggregator.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO, buildApp, ensureElectronNativeDriver, findElectronBinary } from './start-electron.mjs';

const REPORT = path.join(REPO, '.vitest-reports/electron.json');

function writeReport(result) {
  mkdirSync(path.dirname(REPORT), { recursive: true });
  writeFileSync(REPORT, `${JSON.stringify(result, null, 2)}\n`);
}

function main() {
  const binary = findElectronBinary();
  if (!binary) {
    console.log('SKIPPED: no Electron binary');
    writeReport({ passed: 0, failed: 0, skipped: 1, reason: 'no Electron binary' });
    return 0;
  }
  try {
    ensureElectronNativeDriver();
    buildApp();
  } catch (err) {
    console.error(`test:electron: build failed: ${err instanceof Error ? err.message : String(err)}`);
    writeReport({ passed: 0, failed: 1, skipped: 0, reason: 'build failed' });
    return 1;
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'houvast-electron-report-'));
  const json = path.join(tmp, 'vitest.json');
  const vitest = [
    path.join(REPO, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--config',
    path.join(REPO, 'tests/electron/vitest.config.ts'),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${json}`,
  ];
  // Electron needs a display: use xvfb-run where there is none.
  const needsXvfb = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const hasXvfb = needsXvfb && spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).status === 0;
  const [cmd, args] = hasXvfb ? ['xvfb-run', ['-a', process.execPath, ...vitest]] : [process.execPath, vitest];
  const res = spawnSync(cmd, args, {
    cwd: REPO,
    stdio: 'inherit',
    env: { ...process.env, HOUVAST_ELECTRON_BINARY: binary },
  });
  let result = { passed: 0, failed: 1, skipped: 0 };
  if (existsSync(json)) {
    const data = JSON.parse(readFileSync(json, 'utf8'));
    result = {
      passed: data.numPassedTests ?? 0,
      failed: data.numFailedTests ?? 0,
      skipped: (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0),
    };
    if (res.status !== 0 && result.failed === 0) result.failed = 1; // e.g. a suite that failed to load
  }
  rmSync(tmp, { recursive: true, force: true });
  writeReport(result);
  return res.status === 0 && result.failed === 0 ? 0 : 1;
}

process.exitCode = main();
