// `houvast budget` as a user runs it (a real node process through bin/houvast.mjs): the documented JSON keys,
// amounts as two-decimal strings, the same figures as the core computes for the same household in a vault,
// and refusals (uncovered date, invalid file) with a non-zero exit code and the reason on stderr.
import type { BudgetJson } from '../../../src/shared/budget/json';
import { budgetSections } from '../../../src/shared/presenter';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runHouvastBin, type BinResult } from '../../support/cli';
import { startRig, type Rig } from './helpers';

const ROOT = REPO_ROOT;
const DEMO = path.join(ROOT, 'resources', 'demo', '02-stel-een-verdiener-tieners.json');
const DOCS = readFileSync(path.join(ROOT, 'docs', 'budget-json.md'), 'utf8');

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

function run(args: string[]): Promise<BinResult> {
  // No vault, no data folder, no passphrase: the command must not need them.
  const env: NodeJS.ProcessEnv = { ...process.env, HOUVAST_DATA_DIR: path.join(work, 'geen-data') };
  delete env.HOUVAST_PASSPHRASE;
  return runHouvastBin(['budget', ...args], { cwd: work, env });
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
    // The app ships the engine's figures and the presenter's sections built from this same JSON view.
    expect(view.sections).toEqual(JSON.parse(JSON.stringify(budgetSections(json as unknown as BudgetJson))));
    const figures = { bijstandsnorm: view.result.bijstandsnorm, beslagvrijeVoet: view.result.beslagvrijeVoet, vtlb: view.result.vtlb.total, afloscapaciteit: view.result.afloscapaciteit, saldoPerMaand: view.result.budget.saldo };
    for (const [key, f] of Object.entries(figures)) expect(json[key], key).toBe(f.value);
    expect((json.projectie as { saldo: string }[]).map((m) => m.saldo)).toEqual(view.projection.months.map((m) => m.saldo));
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
    // Sources by their readable name with the address (issue 7), as on the screen and in the plan.
    expect(r.stdout).toMatch(/Bron: Participatiewet \(versie \d{2}-\d{2}-\d{4}\): https:\/\/wetten\.overheid\.nl\//);

    const withInputs = JSON.parse((await run([DEMO, '--date', '2026-07-15', '--inputs', inputsFile, '--json'])).stdout);
    const without = JSON.parse((await run([DEMO, '--date', '2026-07-15', '--json'])).stdout);
    // Computed VTLB lines (eigen risico, correctie individuele lasten) come first; the entered line is among them.
    expect(withInputs.vtlbCorrecties).toContainEqual({ soort: 'schoolkosten', omschrijving: 'Schoolkosten kinderen', bedrag: '30.00', toelichting: 'Schoolreis' });
    if (without.vtlb !== null) expect(Number(withInputs.vtlb) * 100 - Number(without.vtlb) * 100).toBeCloseTo(3000, 6);
  });

  /*
   * Demo 07 (working couple, loonbeslag on the aanvrager's wages) with its inputs file, peildatum 15-07-2026
   * (period 2026-07-01, gehuwden met kinderen, B = 2027.79). C = 39,200 + 9,600 = 48,800:
   *   95 % × B = 1926.4005; Z = (48,800 − 29,735.42)/12 × 13.73 % = 218.13057 (cap 247.17 not reached);
   *   W = (48,800 − 31,500) × 22 %/12 = 317.16667; KGB = (48,800 − 39,140.42)/12 × 7.6 % = 61.17734.
   *   Sum 2522.87508 -> 2522.88 (<= 3179.68). 475db a: partner net 640.00 (< ½ × 2522.88) -> 1882.88.
   *   Debtor income 2650.00 + 1900/12 = 2808.33333; 95 % = 2667.92 not binding -> BVV 1882.88.
   *   Stated 1650.00 -> 232.88 apart: BVV_OPGAVE_WIJKT_AF.
   * VTLB = 1882.88 + eigen risico 2 × 32.08 + PGL 0 + woonlasten (925.00 − 0) − (200.71 + 317.16667) = 407.12
   *   + zorg (304.00 − 60.00) − (106.00 + 218.13057) = −80.13 + KGB (2 × 2580 + 724)/12 − 180.00 − 61.17734 = 249.16
   *   = 2523.19. Afloscapaciteit = 2808.33333 − 2523.19 = 285.14333 -> 285.14; vakantiegeld 158.33 of it, monthly 126.81.
   */
  it('computes the BVV and VTLB of demo 07 from its inputs file, text and JSON alike', async () => {
    const demo07 = path.join(ROOT, 'resources', 'demo', '07-werkend-gezin-beslag.json');
    const inputs07 = path.join(ROOT, 'resources', 'demo', 'invoer', '07-werkend-gezin-beslag.json');
    const j = JSON.parse((await run([demo07, '--date', '2026-07-15', '--inputs', inputs07, '--json'])).stdout);
    expect(j.beslagvrijeVoet).toBe('1882.88');
    expect(j.beslagvrijeVoetBerekening.stappen.find((x: { soort: string }) => x.soort === 'formule').bedrag).toBe('2522.88');
    expect(j.beslagvrijeVoetBerekening.stappen.find((x: { soort: string }) => x.soort === 'aftrek_partner').bedrag).toBe('-640.00');
    expect(j.beslagvrijeVoetBerekening.opgave).toMatchObject({ bedrag: '1650.00', verschil: '232.88', wijktAf: true });
    expect(j.vtlb).toBe('2523.19');
    expect(j.afloscapaciteit).toBe('285.14');
    expect(j.afloscapaciteitLooptijd).toMatchObject({ looptijdMaanden: 18, vakantiegeldPerMaand: '158.33', maandelijkseAfdracht: '126.81' });
    expect(j.warnings.map((w: { code: string }) => w.code)).toContain('BVV_OPGAVE_WIJKT_AF');
    const text = (await run([demo07, '--date', '2026-07-15', '--inputs', inputs07])).stdout;
    expect(text).toMatch(/Uitkomst formule art\. 475da lid 2 Rv\s+€ 2\.522,88/);
    expect(text).toMatch(/Aftrek niet-beslagen inkomen echtgenoot.*€ -640,00/);
    expect(text).toMatch(/verschil \(Houvast − opgave\)\s+€ 232,88/);
    expect(text).toContain('herberekening');
    // Without the inputs file the BVV asks for the belastbaar inkomen.
    const bare = JSON.parse((await run([demo07, '--date', '2026-07-15', '--json'])).stdout);
    expect(bare.beslagvrijeVoet).toBeNull();
    expect(bare.warnings.map((w: { code: string }) => w.code)).toContain('BVV_BELASTBAAR_INKOMEN_NODIG');
  });

  // Issue 7: 2027-03-01 lies within six months after the last bundled period (2026-07-01 .. 2026-12-31).
  it('computes a date after the last table with the last known norms, marked voorlopig in text and JSON', async () => {
    const mark = 'voorlopig: de normen per 01-01-2027 zijn nog niet gepubliceerd';
    const j = JSON.parse((await run([DEMO, '--date', '2027-03-01', '--json'])).stdout);
    expect(j.voorlopig).toBe(mark);
    expect(j.normPeriod.bijstandsnormen).toMatchObject({ start: '2026-07-01', provisionalFrom: '2027-01-01' });
    expect(j.explanation.bijstandsnorm.voorlopig).toBe(mark);
    // Gehuwden met kinderen, art. 21 b per 2026-07-01.
    expect(j.bijstandsnorm).toBe('2027.79');
    const text = (await run([DEMO, '--date', '2027-03-01'])).stdout;
    expect(text).toContain(`LET OP, ${mark}`);
    expect(text).toMatch(/Bijstandsnorm \(incl\. vakantietoeslag\)\s+€ 2\.027,79 \*/);
    expect(text).toContain('voorlopig gebruikt vanaf 01-01-2027');
    expect(text).toContain('Zo telt het op (per maand):');
    expect(text).toContain('normen nog niet bekend');
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

  it('reads its files as strictly as an import: a duplicated key or a field the format does not have is refused with its place', async () => {
    const demo = readFileSync(DEMO, 'utf8');
    // The same key twice: JSON.parse would silently keep the last value.
    const twice = path.join(work, 'dubbel.json');
    writeFileSync(twice, demo.replace('"birthDate": "', '"birthDate": "1970-01-01", "birthDate": "'));
    const r1 = await run([twice, '--json']);
    expect(r1.code).toBe(1);
    expect(r1.stdout).toBe('');
    expect(r1.stderr).toMatch(/dossiers\.0\.adults\.0: de sleutel "birthDate" staat twee keer in hetzelfde object \(regel \d+, kolom \d+\)/);

    // A misspelt field of the inputs file ("geenberoepOpOuders"): dropped, the default would be used without a word.
    const inputs = path.join(work, 'invoer-fout.json');
    writeFileSync(inputs, JSON.stringify({ geenberoepOpOuders: true }));
    const r2 = await run([DEMO, '--inputs', inputs, '--json']);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toBe('');
    expect(r2.stderr).toMatch(/geenberoepOpOuders: onbekend veld/);

    // Invalid UTF-8 (a Latin-1 "ë"): refused with its place, not read as U+FFFD.
    const latin1 = path.join(work, 'latin1.json');
    const bytes = Buffer.from(demo.replace('"lastName": "', '"lastName": "Zo\u00eb'), 'latin1');
    writeFileSync(latin1, bytes);
    const r3 = await run([latin1]);
    expect(r3.code).toBe(1);
    expect(r3.stderr).toMatch(/geen geldige UTF-8-tekst \(byte \d+, regel \d+\)/);
  });
});
