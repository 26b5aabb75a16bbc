#!/usr/bin/env node
// `npm test`: every test layer in order, then ONE plain summary line counted over all runners from their
// JSON reports (CI reads only that line). Typecheck and build steps count as one check each. A failing
// step does not stop the run, so the summary is always complete; the exit code is non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TS_PROJECTS } from './typecheck.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const reports = path.join(repo, '.vitest-reports');
const bin = (name) => path.join(repo, 'node_modules', '.bin', name);

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function run(label, command, args) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: repo, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0 && !result.error;
  process.stdout.write(`--- ${label}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.error?.code ?? '?'})`} in ${seconds}s\n`);
  return ok;
}

/** A step that is a single check (typecheck, a build). */
function check(label, command, args) {
  const ok = run(label, command, args);
  if (ok) totals.passed += 1;
  else {
    totals.failed += 1;
    problems.push(label);
  }
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Counts a Vitest JSON report; a file that failed to load (no tests ran in it) counts as one failure. */
function countVitest(label, file, exitOk) {
  const report = readJson(file);
  if (!report) {
    totals.failed += 1;
    problems.push(`${label}: no report (${path.relative(repo, file)})`);
    return;
  }
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let brokenFiles = 0;
  for (const suite of report.testResults ?? []) {
    const tests = suite.assertionResults ?? [];
    for (const t of tests) {
      if (t.status === 'passed') passed += 1;
      else if (t.status === 'failed') failed += 1;
      else skipped += 1; // skipped, pending, todo, disabled
    }
    if (suite.status === 'failed' && !tests.some((t) => t.status === 'failed')) brokenFiles += 1;
  }
  failed += brokenFiles;
  if (!exitOk && failed === 0) {
    // Vitest failed for a reason the report does not show (e.g. an error after the run).
    failed += 1;
    problems.push(`${label}: runner exited with an error`);
  }
  if (failed > 0) problems.push(`${label}: ${failed} failed${brokenFiles ? ` (${brokenFiles} file(s) did not load)` : ''}`);
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  process.stdout.write(`--- ${label}: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
}

function vitest(label, config, reportName) {
  const file = path.join(reports, reportName);
  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`];
  if (config) args.push('--config', config);
  const ok = run(label, bin('vitest'), args);
  countVitest(label, file, ok);
}

function electron() {
  const label = 'electron launch tests';
  const script = path.join(repo, 'scripts', 'test-electron.mjs');
  const file = path.join(reports, 'electron.json');
  if (!existsSync(script)) {
    totals.failed += 1;
    problems.push(`${label}: scripts/test-electron.mjs is missing`);
    return;
  }
  const ok = run(label, process.execPath, [script]);
  const report = readJson(file);
  const counts = ['passed', 'failed', 'skipped'].map((k) => (Number.isInteger(report?.[k]) && report[k] >= 0 ? report[k] : null));
  if (counts.includes(null)) {
    totals.failed += 1;
    problems.push(`${label}: no valid report (${path.relative(repo, file)})`);
    return;
  }
  const [passed, failed, skipped] = counts;
  const extra = !ok && failed === 0 ? 1 : 0;
  totals.passed += passed;
  totals.failed += failed + extra;
  totals.skipped += skipped;
  if (failed + extra > 0) problems.push(`${label}: ${failed + extra} failed`);
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

for (const [label, project] of TS_PROJECTS) check(`typecheck ${project} (${label})`, bin('tsc'), ['-p', project, '--noEmit']);
check('lint (eslint: layer boundaries and banned driver calls)', bin('eslint'), ['src', 'electron']);
check('build: Electron app (electron-vite build)', bin('electron-vite'), ['build']);
check('build: web harness (vite build)', bin('vite'), ['build', '--config', 'vite.harness.config.ts']);
vitest('unit, integration, contract and static tests', null, 'unit.json');
vitest('renderer component tests (jsdom)', 'vitest.renderer.config.ts', 'renderer.json');
vitest('browser end-to-end tests', 'vitest.e2e.config.ts', 'e2e.json');
electron();

if (problems.length > 0) {
  process.stdout.write('\nFailures:\n');
  for (const p of problems) process.stdout.write(`  - ${p}\n`);
}
const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''}`;
process.stdout.write(`\n${summary}\n`);
process.exitCode = totals.failed > 0 ? 1 : 0;
