// `houvast budget` as a user runs it (a real node process through bin/houvast.mjs): the documented JSON keys,
// amounts as two-decimal strings, the same figures as the core computes for the same household in a vault,
// and refusals (uncovered date, invalid file) with a non-zero exit code and the reason on stderr.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, type Rig } from './helpers';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'houvast.mjs');
const DEMO = path.join(ROOT, 'resources', 'demo', '02-stel-een-verdiener-tieners.json');
const DOCS = readFileSync(path.join(ROOT, 'docs', 'budget-json.md'), 'utf8');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

let work: string;
let rig: Rig;
beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'houvast-budget-cli-'));
  rig = await startRig();
});
afterAll(async () => {
  await rig.cleanup();
  rmSync(work, { recursive: true, force: true });
});

function run(args: string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    // No vault, no data folder, no passphrase: the command must not need them.
    const env: NodeJS.ProcessEnv = { ...process.env, HOUVAST_DATA_DIR: path.join(work, 'geen-data') };
    delete env.HOUVAST_PASSPHRASE;
    const child = spawn(process.execPath, [BIN, 'budget', ...args], { cwd: work, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdin.end();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const REQUIRED = [
  'referenceDate',
  'normPeriod',
  'householdType',
  'bijstandsnorm',
  'beslagvrijeVoet',
  'vtlb',
  'afloscapaciteit',
  'inkomenPerMaand',
  'uitgavenPerMaand',
  'saldoPerMaand',
  'kinderbijslagVerwacht',
  'warnings',
  'explanation',
];
const AMOUNTS = [
  'bijstandsnorm',
  'bijstandsnormExclVakantietoeslag',
  'beslagvrijeVoet',
  'pglCorrectie',
  'vtlb',
  'afloscapaciteit',
  'inkomenPerMaand',
  'beslagbaarInkomenPerMaand',
  'nietBeslagbaarInkomenPerMaand',
  'uitgavenPerMaand',
  'saldoPerMaand',
  'leefgeldPerWeek',
  'verschilMetBijstandsnorm',
  'kinderbijslagVerwacht',
  'kinderbijslagOntvangen',
];

describe('houvast budget', () => {
  it('prints the documented JSON with two-decimal amounts and the same figures as the core', async () => {
    const r = await run([DEMO, '--date', '2026-07-15', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const key of REQUIRED) {
      expect(json, key).toHaveProperty(key);
      expect(DOCS, `docs/budget-json.md documents ${key}`).toContain(`\`${key}\``);
    }
    for (const key of Object.keys(json)) expect(DOCS, `docs/budget-json.md documents ${key}`).toContain(`\`${key}\``);
    for (const key of AMOUNTS) {
      const v = json[key];
      expect(v === null || (typeof v === 'string' && /^-?\d+\.\d{2}$/.test(v)), `${key}: ${String(v)}`).toBe(true);
    }
    expect(json.referenceDate).toBe('2026-07-15');
    expect(typeof json.bijstandsnorm).toBe('string');

    // The same household in a vault, computed by the core for the same date.
    const imported = await rig.call('dossier.import', { file: JSON.parse(readFileSync(DEMO, 'utf8')) });
    const view = await rig.call('budget.get', { id: imported.imported[0]!.id, date: '2026-07-15' });
    expect(json).toEqual(JSON.parse(JSON.stringify(view.json)));
  });

  it('prints a readable Dutch report with explanations, and applies an inputs file', async () => {
    const inputsFile = path.join(work, 'invoer.json');
    writeFileSync(inputsFile, JSON.stringify({ vtlbCorrections: [{ kind: 'schoolkosten', amount: '30.00', note: 'Schoolreis' }] }));
    const r = await run([DEMO, '--date', '2026-07-15', '--inputs', inputsFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Budget op peildatum 15-07-2026');
    expect(r.stdout).toMatch(/Bijstandsnorm \(incl\. vakantietoeslag\)\s+€ [\d.]+,\d{2}/);
    expect(r.stdout).toContain('Afloscapaciteit');
    expect(r.stdout).toContain('Toelichting per bedrag:');
    expect(r.stdout).toContain('Schoolkosten kinderen');
    expect(r.stdout).toContain('Bron: https://');

    const withInputs = JSON.parse((await run([DEMO, '--date', '2026-07-15', '--inputs', inputsFile, '--json'])).stdout);
    const without = JSON.parse((await run([DEMO, '--date', '2026-07-15', '--json'])).stdout);
    expect(withInputs.vtlbCorrecties).toEqual([{ soort: 'schoolkosten', omschrijving: 'Schoolkosten kinderen', bedrag: '30.00', toelichting: 'Schoolreis' }]);
    if (without.vtlb !== null) expect(Number(withInputs.vtlb) * 100 - Number(without.vtlb) * 100).toBeCloseTo(3000, 6);
  });

  it('exits non-zero with the reason on stderr for a date no norm table covers', async () => {
    const r = await run([DEMO, '--date', '2027-07-01', '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Er is geen normtabel "Bijstandsnormen" voor 01-07-2027');
    expect(r.stderr).toContain('Beschikbaar: 01-01-2024 t/m 31-12-2026');
  });

  it('rejects an invalid file with reasons on stderr (no personal data) and usage errors with exit 2', async () => {
    const bad = JSON.parse(readFileSync(DEMO, 'utf8'));
    bad.dossiers[0].incomes[0].amount = '12,50';
    bad.dossiers[0].adults[0].birthDate = '1980-02-30';
    const file = path.join(work, 'fout.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = await run([file, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('dossiers.0.incomes.0.amount');
    expect(r.stderr).toContain('dossiers.0.adults.0.birthDate');
    for (const pii of [bad.dossiers[0].adults[0].lastName, bad.dossiers[0].adults[0].firstName]) expect(r.stderr).not.toContain(pii);

    writeFileSync(path.join(work, 'kapot.json'), '{ geen json');
    expect((await run(['kapot.json'])).code).toBe(1);
    expect((await run(['bestaat-niet.json'])).stderr).toContain('bestaat niet');
    expect((await run([DEMO, '--date', '15-07-2026'])).code).toBe(2);
    expect((await run([DEMO, '--onbekend'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  });
});
