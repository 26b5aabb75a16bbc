// Checklist #23: Electronegativity, offline, with the wrapper that fails on unjustified HIGH findings.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, REPO, ensureBuilt } from './built';

const WRAPPER = path.join(REPO, 'scripts/electronegativity.mjs');
let tmp: string;

beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(tmpdir(), 'houvast-eng-test-'));
}, BUILD_TIMEOUT_MS);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[]) {
  const res = spawnSync(process.execPath, [WRAPPER, ...args], { cwd: REPO, encoding: 'utf8', timeout: 300_000 });
  return { code: res.status, out: `${res.stdout}${res.stderr}` };
}

const HEADER = 'issue, severity, confidence, filename, location, sample, description, url\n';
function csv(rows: string[]): string {
  const file = path.join(tmp, `r${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, HEADER + rows.join('\n') + '\n');
  return file;
}

describe('electronegativity wrapper', () => {
  it('the real scan of this repository has no unjustified HIGH finding', () => {
    const { code, out } = run(['--keep', path.join(tmp, 'scan.csv')]);
    expect(out).toMatch(/electronegativity: \d+ findings/);
    expect(code, out).toBe(0);
  }, 300_000);

  it('fails on a HIGH/FIRM finding that is not in the allowlist', () => {
    const file = csv([
      'NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","electron/main/other.ts","3:1","new BrowserWindow({webPreferences:{nodeIntegration:true}})","x",https://example.invalid',
    ]);
    const { code, out } = run(['--csv', file]);
    expect(code).toBe(1);
    expect(out).toContain('BLOCKING NODE_INTEGRATION_JS_CHECK');
  });

  it('fails on HIGH/CERTAIN too, passes MEDIUM and TENTATIVE findings', () => {
    expect(run(['--csv', csv(['X_CHECK,"HIGH","CERTAIN","a.js","1:0","s","d",u'])]).code).toBe(1);
    expect(run(['--csv', csv(['X_CHECK,"MEDIUM","FIRM","a.js","1:0","s","d",u'])]).code).toBe(0);
    expect(run(['--csv', csv(['X_CHECK,"HIGH","TENTATIVE","a.js","1:0","s","d",u'])]).code).toBe(0);
  });

  it('passes a HIGH finding that the allowlist justifies (matched by check, file and sample, quotes and commas included)', () => {
    const file = csv([
      'CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","electron/main/window.ts","43:14","const win = new BrowserWindow(WINDOW_OPTIONS);","Review, ""quoted""",https://x',
    ]);
    expect(run(['--csv', file]).code).toBe(0);
    const elsewhere = csv([
      'CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","electron/main/evil.ts","1:1","const win = new BrowserWindow(WINDOW_OPTIONS);","d",u',
    ]);
    expect(run(['--csv', elsewhere]).code).toBe(1);
  });

  it('refuses an allowlist entry without a written justification', () => {
    const allowlist = path.join(tmp, 'allow.json');
    writeFileSync(allowlist, JSON.stringify({ entries: [{ check: 'X', file: 'a.js', sample: 's', justification: 'ok' }] }));
    const { code, out } = run(['--csv', csv([]), '--allowlist', allowlist]);
    expect(code).toBe(2);
    expect(out).toContain('justification');
  });
});
