// Rows that later features added (issue 8 §5): the budget plan PDF, a schuldregeling with 40 creditors (the
// engine alone and the what-if preview through the router) and the zorgpremie group scheme over 1,000 dossiers
// (a 'scheme' vault: seven in ten families are candidates, as in the scheme's first bench).
import { cpSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, defaultResourcesDir } from '../src/core/app';
import { silentLogger } from '../src/core/logger';
import { computeProposal, type ArrangementDebt } from '../src/shared/arrangement';
import { figure } from '../src/shared/budget/explain';
import { Money } from '../src/shared/money';
import { BENCH_PASSPHRASE, REFERENCE_DATE, VAULT_FOLDER_NAME, call, household, type GeneratedVault } from './generate';
import { count, errorRow, ms, row, stats, type BenchRow } from './report';

export async function measureExtras(vault: GeneratedVault, workDir: string, quick = false): Promise<BenchRow[]> {
  const N = vault.size;
  const rows: BenchRow[] = [];
  const work = path.join(workDir, `extras-${N}`);
  rmSync(work, { recursive: true, force: true });
  await mkdir(path.join(work, 'data'), { recursive: true, mode: 0o700 });
  const vaultFolder = path.join(work, 'data', VAULT_FOLDER_NAME);
  cpSync(vault.vaultFolder, vaultFolder, { recursive: true, filter: (src) => path.basename(src) !== 'backups' });
  const core = await createCore({ dataDir: path.join(work, 'data'), resourcesDir: defaultResourcesDir(), logger: silentLogger });
  try {
    await call(core, 'vault.open', { path: vaultFolder });
    await call(core, 'vault.unlock', { passphrase: BENCH_PASSPHRASE });
    const page = await call<{ items: { id: string }[] }>(core, 'dossier.search', { limit: 5 });
    const ids = page.items.map((d) => d.id);

    // The budget plan PDF of a household (rendered and stored).
    try {
      const plans: number[] = [];
      for (const id of ids.slice(0, quick ? 1 : 5)) {
        const t = performance.now();
        await call(core, 'budget.createPlan', { id, date: REFERENCE_DATE });
        plans.push(performance.now() - t);
      }
      const p = stats(plans);
      rows.push(row({ id: 'budget.createPlan', label: 'Budget plan PDF (budget.createPlan, rendered and stored)', size: N, figure: `p50 ${ms(p.p50)} (n=${p.n})`, value: p.p50, goal: 'p50 ≤ 2,000 ms', limit: 2000 }));
    } catch (err) {
      rows.push(errorRow('budget.createPlan', 'Budget plan PDF', N, 'p50 ≤ 2,000 ms', err));
    }

    // A schuldregeling with 40 creditors: the pure engine (18-month schedule per creditor) and the what-if preview.
    const CREDITORS = 40;
    const debts: ArrangementDebt[] = Array.from({ length: CREDITORS }, (_, i) => ({
      id: `d${i}`,
      creditor: `Schuldeiser ${String(i + 1).padStart(2, '0')}`,
      reference: `REF-${i}`,
      creditorKind: 'overig',
      kind: i % 5 === 0 ? 'preferent' : 'concurrent',
      claim: new Money(100 + ((i * 7919) % 9000)).plus(new Money(i).dividedBy(100)),
      included: true,
      inclusionNote: null,
    }));
    const capacity = {
      monthly: figure('Afloscapaciteit', new Money('187.33'), 'bench'),
      vtlb: figure('VTLB', new Money('1500'), 'bench'),
      holidayPayPerYear: figure('Vakantiegeld', new Money(0), 'bench'),
      referenceDate: REFERENCE_DATE,
      source: 'bench',
    };
    // Warm-up first: in the app the engine runs many times per session (every what-if keystroke).
    for (let i = 0; i < 10; i++) computeProposal({ debts, capacity, params: { months: 18 } });
    const engine: number[] = [];
    for (let i = 0; i < (quick ? 3 : 30); i++) {
      const t = performance.now();
      computeProposal({ debts, capacity, params: { months: 18 } });
      engine.push(performance.now() - t);
    }
    const e = stats(engine);
    rows.push(row({ id: 'arrangement.engine40', label: `Schuldregeling engine, ${CREDITORS} creditors, 18-month schedules`, size: null, figure: `p50 ${ms(e.p50)}, p95 ${ms(e.p95)}`, value: e.p50, goal: 'p50 ≤ 50 ms', limit: 50 }));
    try {
      const data = household(vault.seed, N + 5000);
      data.debts = debts.map((d) => ({
        creditor: d.creditor,
        reference: d.reference ?? undefined,
        originalAmount: d.claim.toFixed(2),
        currentAmount: d.claim.toFixed(2),
        kind: d.kind,
        status: 'open' as const,
      }));
      const big = await call<{ id: string }>(core, 'dossier.create', { data });
      const previews: number[] = [];
      for (let months = 12; months <= (quick ? 14 : 36); months += 2) {
        const t = performance.now();
        await call(core, 'arrangement.preview', { id: big.id, date: REFERENCE_DATE, params: { months, monthsReason: 'Wat-als', factor: '1.5' } });
        previews.push(performance.now() - t);
      }
      const p = stats(previews);
      rows.push(row({ id: 'arrangement.preview40', label: `Schuldregeling what-if preview (arrangement.preview), ${CREDITORS} creditors`, size: N, figure: `p50 ${ms(p.p50)}, p95 ${ms(p.p95)}`, value: p.p50, goal: 'p50 ≤ 150 ms', limit: 150, anchor: `engine alone: p50 ${ms(e.p50)}` }));
    } catch (err) {
      rows.push(errorRow('arrangement.preview40', 'Schuldregeling what-if preview', N, 'p50 ≤ 150 ms', err));
    }

    // The zorgpremie group scheme over the whole vault.
    const schemeId = 'voorbeeld-bijstand-gemeentepolis';
    try {
      let t = performance.now();
      const batch = await call<{ families: unknown[] }>(core, 'schemes.batch', { schemeId, date: REFERENCE_DATE, filters: {} });
      const tBatch = performance.now() - t;
      rows.push(row({ id: 'schemes.batch', label: `Zorgpremie group scheme (schemes.batch) over the vault`, size: N, figure: `${ms(tBatch)} (${count(batch.families.length)} families computed)`, value: tBatch, goal: '≤ 5,000 ms for 1,000 dossiers', limit: 5000 }));
      t = performance.now();
      await call(core, 'schemes.dashboard', { schemeId, date: REFERENCE_DATE });
      const tDash = performance.now() - t;
      rows.push(row({ id: 'schemes.dashboard', label: 'Zorgpremie scheme dashboard (schemes.dashboard)', size: N, figure: ms(tDash), value: tDash, goal: '≤ 5,000 ms for 1,000 dossiers', limit: 5000 }));
    } catch (err) {
      rows.push(errorRow('schemes.batch', 'Zorgpremie group scheme', N, '≤ 5,000 ms', err));
    }
  } finally {
    await core.dispose();
    rmSync(work, { recursive: true, force: true });
  }
  const group = `Later features (scheme vault of ${count(N)} dossiers, 7 in 10 scheme candidates)`;
  return rows.map((r) => ({ ...r, group }));
}
