// `houvast arrangement` as a user runs it (a real node process): the JSON keys of the issue, the same figures
// as the app (arrangement.get over a real vault), --pot/--months/--factor, excluded debts with their reason,
// Dutch errors with the right exit codes and no personal data on stderr.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '../budget/helpers';
import { REPO_ROOT, runHouvastBin, type BinResult } from '../../support/cli';

const ROOT = REPO_ROOT;
const DEMO8 = path.join(ROOT, 'resources', 'demo', '08-bewind-zorgpremie-regeling.json');
const DEMO9 = path.join(ROOT, 'resources', 'demo', '09-nul-aanbod.json');
const DATE = '2026-11-23';

function run(args: string[]): Promise<BinResult> {
  return runHouvastBin(args, { cwd: ROOT });
}

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig.cleanup());

describe('houvast arrangement', () => {
  it('prints the issue’s JSON keys with the same figures as the app', async () => {
    // A given pot (hand check: claims 1243.80 + 286.40 = 1530.20; 1277.46 / 1530.20 = 83.48 %, both concurrent).
    const r = await run(['arrangement', DEMO8, '--date', DATE, '--json', '--pot', '1277.46']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['pot', 'months', 'factor', 'creditors', 'explanation', 'warnings', 'excluded']));
    expect(j.pot).toBe('1277.46');
    expect(j.months).toBe(18);
    expect(j.factor).toBe('2');
    expect(j.creditors).toEqual([
      { creditor: 'Zorgverzekeraar Zuid', reference: 'ZZ-2025-118230', kind: 'concurrent', creditorKind: 'zorgverzekeraar', claim: '1243.80', percentage: '83.48', amount: '1038.36' },
      { creditor: 'Energiebedrijf Stroomwijs', reference: 'Klantnummer 7000654321', kind: 'concurrent', creditorKind: 'energie', claim: '286.40', percentage: '83.48', amount: '239.10' },
    ]);
    expect(j.excluded).toEqual([expect.objectContaining({ creditor: 'CJIB', claim: '109.00', reason: expect.stringMatching(/^CJIB-boetes/) })]);

    // The computed pot: the CLI and the app give the same figures.
    const computed = await run(['arrangement', DEMO8, '--date', DATE, '--json']);
    expect(computed.code, computed.stderr).toBe(0);
    const c = JSON.parse(computed.stdout);
    expect(c.explanation.pot.rule).toMatch(/Afloscapaciteit per maand × looptijd/);
    const { imported } = await rig.call('dossier.import', { file: JSON.parse(readFileSync(DEMO8, 'utf8')), onDuplicate: 'copy' });
    const app = await rig.call('arrangement.get', { id: imported[0]!.id, date: DATE });
    expect(app.proposal.pot.value).toBe(c.pot);
    expect(app.proposal.creditors.map((x) => [x.creditor, x.claim, x.percentage.value, x.amount.value])).toEqual(
      c.creditors.map((x: Record<string, string>) => [x.creditor, x.claim, x.percentage, x.amount]),
    );
  });

  it('distributes a given pot, with another term and factor', async () => {
    // --pot 1000,00 over 1243.80 + 286.40: 812.83 and 187.17 (see the integration test for the derivation).
    const r = await run(['arrangement', DEMO8, '--date', DATE, '--pot', '1000,00', '--months', '36', '--reason', 'Bbz-ondernemer', '--factor', '1,5', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect([j.pot, j.months, j.factor]).toEqual(['1000.00', 36, '1.5']);
    expect(j.creditors.map((c: { amount: string }) => c.amount)).toEqual(['812.83', '187.17']);
    expect(j.explanation.pot.rule).toContain('Bbz-ondernemer');
  });

  it('shows a nul-aanbod with its letter text in the text report', async () => {
    const r = await run(['arrangement', DEMO9, '--date', DATE]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Nul-aanbod (schuldregeling zonder afloscapaciteit)');
    expect(r.stdout).toContain('Buiten de regeling:');
    expect(r.stdout).toMatch(/DUO .*DUO-studieschuld valt buiten de schuldregeling/);
  });

  it('--start: the standard term and the minimum monthly amount follow the start date (RULES.md d.1, d.4)', async () => {
    const json = async (args: string[]) => {
      const r = await run(['arrangement', ...args, '--date', DATE, '--json']);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { months: number; startDate: string; status: string; afloscapaciteit: string | null; warnings: { code: string }[]; explanation: { pot: { rule: string } } };
    };
    // 36 months for a regeling that started before 1 July 2023, 18 from that day; no reason is asked for either.
    const before = await json([DEMO8, '--start', '2023-06-30']);
    expect([before.months, before.startDate]).toEqual([36, '2023-06-30']);
    expect(before.explanation.pot.rule).not.toContain('Opgegeven met --months');
    const from = await json([DEMO8, '--start', '2023-07-01']);
    expect([from.months, from.startDate]).toEqual([18, '2023-07-01']);
    // 18 months for a regeling that started in March 2023 departs from its standard of 36: recorded with a reason.
    const shorter = await json([DEMO8, '--start', '2023-03-01', '--months', '18']);
    expect(shorter.months).toBe(18);
    expect(shorter.explanation.pot.rule).toContain('Opgegeven met --months');
    // No afloscapaciteit: a nul-aanbod only from 1 July 2024; before, the minimum of € 64,00 a month.
    const early = await json([DEMO9, '--start', '2024-06-01']);
    expect(early.status).toBe('voorstel');
    expect(early.afloscapaciteit).toBe('64.00');
    expect(early.warnings.map((w) => w.code)).toContain('MINIMALE_AFDRACHT');
    const late = await json([DEMO9, '--start', '2024-07-01']);
    expect(late.status).toBe('nul_aanbod');
    expect(late.warnings.map((w) => w.code)).not.toContain('MINIMALE_AFDRACHT');
    // The text report names the start.
    const text = await run(['arrangement', DEMO8, '--date', DATE, '--start', '2027-02-01']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('looptijd 18 maanden vanaf 01-02-2027');
  });

  it('answers wrong usage in Dutch with exit code 2 and no personal data', async () => {
    for (const args of [['--months', 'achttien'], ['--factor', '9'], ['--pot', '-5'], ['--start', '01-02-2027'], ['--start', '2027-02-30']]) {
      const r = await run(['arrangement', DEMO8, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^Fout: /);
      expect(r.stderr).not.toContain('Molenbeek');
      expect(r.stdout).toBe('');
    }
    const missing = await run(['arrangement', path.join(ROOT, 'bestaat-niet.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/bestaat niet/);
  });
});
