// Not shipped, not part of `npm run bench`: a guard for speed work on the budget (issue 10 §1). It opens a working
// copy of the cached 1,000-household bench vault and hashes, per reference date, every `budget.get` envelope
// (through the router, output validation included, resolved as the renderer does), the CLI's JSON view (computeBudgetView) and every
// `budget.batch` page, so a change that makes them faster can be shown to change no figure, text or error.
// The figures-only answers the budget screen asks for first (`explanations: false`) are hashed under keys of their
// own ("budget.get figures-only <date>") and each is checked to be its full answer without the explanations.
// With --time it also reports the CPU time of `budget.get` and `budget.batch` per household (in-process).
//
//   npx tsx bench/budget-equivalence.ts [--time [--only get|batch] [--passes n] [--figures-only] [--hash]] [--out hashes.json] [--compare hashes.json]
//   npx tsx bench/budget-equivalence.ts --pieces [--step text] [--passes n]   (CPU time of each step of budget.get)
//   npx tsx bench/budget-equivalence.ts --dump views.json                   (the first 200 answers as sent)
//   npx tsx bench/budget-equivalence.ts --sizes                              (JSON size of the parts of one view)
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, defaultResourcesDir, type Core } from '../src/core/app';
import { compiledSchema } from '../src/core/compiled-schema';
import { silentLogger } from '../src/core/logger';
import { loadBundledNorms } from '../src/core/norms/load';
import { computeBudgetView } from '../src/core/services/budget';
import { createAuditService } from '../src/core/services/audit';
import { createDossierService } from '../src/core/services/dossiers';
import { budgetInputsSchema, computeBudget, computeBudgetFigures, projectBudget, toBudgetJson, type BudgetInputs, type NormSet } from '../src/shared/budget';
import { budgetView, figuresOnlyOf, resolveBudgetView, serializeBudgetResult, serializeProjection, type BudgetViewWire } from '../src/shared/contract/budget';
import { sameJson } from '../src/shared/contract/budget-explained';
import { systemClock } from '../src/shared/dates';
import { budgetSections } from '../src/shared/presenter';
import type { DossierData } from '../src/shared/dossier/schema';
import { BENCH_PASSPHRASE, VAULT_FOLDER_NAME, call, ensureVault } from './generate';

// Covered, provisional (2027 norms not yet published) and uncovered dates; a leap day; quarter starts, month ends.
const DATES = ['2025-01-01', '2026-01-01', '2026-06-30', '2026-11-23', '2027-01-01', '2027-07-01', '2028-02-29'];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** CPU time per household of each step of budget.get, run alone over the same households (after a warm-up). */
async function pieces(core: Core, sample: string[], norms: NormSet): Promise<void> {
  const date = '2026-11-23';
  const ctx = { db: () => core.vault.db(), clock: systemClock, logger: silentLogger };
  const dossiers = createDossierService(ctx, { audit: createAuditService(ctx), actor: () => 'bench' });
  const inputs = new Map<string, BudgetInputs>();
  for (const id of sample) inputs.set(id, budgetInputsSchema.parse((await call<{ inputs: unknown }>(core, 'budget.get', { id, date })).inputs));
  const read = new Map(sample.map((id) => [id, dossiers.readForBudget(id)]));
  const results = new Map(sample.map((id) => [id, computeBudget(read.get(id)!, inputs.get(id)!, norms, date)]));
  const projections = new Map(sample.map((id) => [id, projectBudget(read.get(id)!, inputs.get(id)!, norms, date, 24, results.get(id))]));
  const views = new Map(
    sample.map((id) => [
      id,
      { dossierId: id, referenceDate: date, inputs: inputs.get(id)!, inputsUpdatedAt: null, result: serializeBudgetResult(results.get(id)!), projection: serializeProjection(projections.get(id)!), sections: budgetSections(toBudgetJson(results.get(id)!)) },
    ]),
  );
  const compiledView = compiledSchema(budgetView);
  // The budget screen's first call (explanations: false): its engine run, serialising and validation.
  const bareResults = new Map(sample.map((id) => [id, computeBudgetFigures(read.get(id)!, inputs.get(id)!, norms, date)]));
  const bareViews = new Map(sample.map((id) => [id, { ...views.get(id)!, result: serializeBudgetResult(bareResults.get(id)!, false), explained: false as const }]));
  const steps: [string, (id: string) => unknown][] = [
    ['router budget.get (all)', (id) => core.router.handle('budget.get' as never, { id, date })],
    ['router budget.get (figures only)', (id) => core.router.handle('budget.get' as never, { id, date, explanations: false })],
    ['read (readForBudget)', (id) => dossiers.readForBudget(id)],
    ['engine with explanations', (id) => computeBudget(read.get(id)!, inputs.get(id)!, norms, date)],
    ['engine figures only', (id) => computeBudgetFigures(read.get(id)!, inputs.get(id)!, norms, date)],
    ['projection (24 months)', (id) => projectBudget(read.get(id)!, inputs.get(id)!, norms, date, 24, results.get(id))],
    ['serialize result', (id) => serializeBudgetResult(results.get(id)!)],
    ['serialize result (figures only)', (id) => serializeBudgetResult(bareResults.get(id)!, false)],
    ['serialize projection', (id) => serializeProjection(projections.get(id)!)],
    ['sections (JSON view + presenter)', (id) => budgetSections(toBudgetJson(results.get(id)!))],
    ['zod output validation (runtime parser)', (id) => budgetView.safeParse(views.get(id)!)],
    ['zod output validation (as the router: compiled)', (id) => compiledView.safeParse(views.get(id)!)],
    ['zod output validation (compiled, figures only)', (id) => compiledView.safeParse(bareViews.get(id)!)],
    // Again at the end: the steps above ran alone, each with warm caches; the whole call mixes them.
    ['router budget.get (all, again)', (id) => core.router.handle('budget.get' as never, { id, date })],
    ['router budget.get (figures only, again)', (id) => core.router.handle('budget.get' as never, { id, date, explanations: false })],
  ];
  const passes = Number(arg('--passes') ?? 5);
  const onlyStep = arg('--step');
  for (const [label, step] of steps) {
    if (onlyStep && !label.includes(onlyStep)) continue;
    for (const id of sample) await step(id);
    const per: number[] = [];
    for (let pass = 0; pass < passes; pass++) {
      const c = cpuMs();
      for (const id of sample) await step(id);
      per.push((cpuMs() - c) / sample.length);
    }
    per.sort((a, b) => a - b);
    console.log(`${label.padEnd(34)} ${per[Math.floor(per.length / 2)]!.toFixed(3)} ms (min ${per[0]!.toFixed(3)})`);
  }
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'houvast-budget-eq-'));
  // The cached bench vault of this code's schema (another branch's newer schema cannot be opened here).
  const from = (await ensureVault({ size: 1000, seed: 2026 })).vaultFolder;
  const vaultFolder = path.join(work, 'data', VAULT_FOLDER_NAME);
  cpSync(from, vaultFolder, { recursive: true, filter: (src) => path.basename(src) !== 'backups' });
  const core = createCore({ dataDir: path.join(work, 'data'), resourcesDir: defaultResourcesDir(), logger: silentLogger });
  try {
    await call(core, 'vault.open', { path: vaultFolder });
    await call(core, 'vault.unlock', { passphrase: BENCH_PASSPHRASE });
    // The unlock's background integrity check and snapshot would count in the process's CPU time.
    await core.vault.idle();
    const ids: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await call<{ items: { id: string }[]; total: number }>(core, 'dossier.search', { limit: 100, offset, sort: { key: 'number', dir: 'asc' } });
      ids.push(...page.items.map((i) => i.id));
      if (page.items.length < 100) break;
    }
    ids.sort();
    const norms = await loadBundledNorms(defaultResourcesDir());

    const dump = arg('--dump');
    if (dump) {
      // The budget.get answers of the first 200 households as sent (before output validation), for schema work.
      const views: unknown[] = [];
      for (const id of ids.slice(0, 200)) views.push((await core.router.handle('budget.get' as never, { id, date: '2026-11-23' }) as { value: unknown }).value);
      writeFileSync(dump, JSON.stringify(views));
      return;
    }
    if (process.argv.includes('--sizes')) {
      // How large the view is that the router validates and the shells send: JSON characters and names (keys) per
      // part, of the full answer and of the figures-only one, averaged over the first 200 households.
      const names = (x: unknown): number =>
        Array.isArray(x) ? x.reduce((n: number, e) => n + names(e), 0) : x !== null && typeof x === 'object' ? Object.values(x).reduce((n: number, e) => n + 1 + names(e), 0) : 0;
      for (const explanations of [true, false]) {
        const parts = new Map<string, { chars: number; names: number }>();
        const sample = ids.slice(0, 200);
        for (const id of sample) {
          const env = (await core.router.handle('budget.get' as never, { id, date: '2026-11-23', explanations })) as { value: Record<string, unknown> };
          const { result, ...rest } = env.value;
          const entries = [...Object.entries(rest), ...Object.entries(result as Record<string, unknown>).map(([k, x]) => [`result.${k}`, x] as const)];
          for (const [k, x] of entries) {
            const p = parts.get(k) ?? { chars: 0, names: 0 };
            p.chars += JSON.stringify(x ?? null).length;
            p.names += names(x);
            parts.set(k, p);
          }
        }
        const total = [...parts.values()].reduce((t, p) => ({ chars: t.chars + p.chars, names: t.names + p.names }), { chars: 0, names: 0 });
        const avg = (n: number) => Math.round(n / sample.length);
        console.log(`explanations: ${explanations}: ${avg(total.chars)} characters, ${avg(total.names)} names per answer (mean of ${sample.length})`);
        console.log([...parts].map(([k, p]) => `  ${k} ${avg(p.chars)} / ${avg(p.names)}`).join('\n'));
      }
      return;
    }
    if (process.argv.includes('--pieces')) {
      await pieces(core, ids.slice(0, 200), norms);
      return;
    }
    if (process.argv.includes('--time')) {
      const sample = ids.slice(0, 200);
      // --figures-only: budget.get as the budget screen asks it first (explanations: false).
      const figuresOnly = process.argv.includes('--figures-only');
      const getInput = (id: string) => ({ id, date: '2026-11-23', ...(figuresOnly ? { explanations: false } : {}) });
      const getName = figuresOnly ? 'budget.get (explanations: false)' : 'budget.get';
      for (const id of sample.slice(0, 20)) await call(core, 'budget.get', getInput(id));
      const only = arg('--only');
      const passes = Number(arg('--passes') ?? 3);
      // As the bench's row measures it: wall-clock p50 of 200 calls after 20 warm-up calls.
      const walls: number[] = [];
      for (const id of sample) {
        const t = performance.now();
        await call(core, 'budget.get', getInput(id));
        walls.push(performance.now() - t);
      }
      walls.sort((a, b) => a - b);
      console.log(`${getName} wall p50 ${walls[Math.floor(walls.length / 2)]!.toFixed(3)} ms, p95 ${walls[Math.floor(walls.length * 0.95)]!.toFixed(3)} ms`);
      const getCpu: number[] = [];
      for (let pass = 0; pass < (only === 'batch' ? 0 : passes); pass++) {
        const c = cpuMs();
        for (const id of sample) await call(core, 'budget.get', getInput(id));
        getCpu.push((cpuMs() - c) / sample.length);
      }
      const batchCpu: number[] = [];
      for (let pass = 0; pass < (only === 'get' ? 0 : passes); pass++) {
        const c = cpuMs();
        await call(core, 'budget.batch', { date: '2026-11-23', page: { offset: 0, limit: 10_000 } });
        batchCpu.push((cpuMs() - c) / ids.length);
      }
      const f = (xs: number[]) => xs.map((x) => x.toFixed(3)).join(' / ');
      console.log(`${getName} CPU per call (ms, ${getCpu.length} passes of ${sample.length}): ${f(getCpu)}`);
      console.log(`budget.batch CPU per household (ms, ${batchCpu.length} passes of ${ids.length}): ${f(batchCpu)}`);
      if (!process.argv.includes('--hash')) return;
    }

    const hashes: Record<string, string> = {};
    /** Households whose figures-only answer is not their full answer without its explanations. */
    const figuresDiffer: string[] = [];
    for (const date of DATES) {
      const get = createHash('sha256');
      const figures = createHash('sha256');
      const json = createHash('sha256');
      for (const id of ids) {
        const env = await core.router.handle('budget.get' as never, { id, date });
        // What the screens show: the answer after the renderer's resolve step (each norm table is sent once and
        // referred to by id since session 6; resolved, it must equal the answer that listed them in full).
        get.update(JSON.stringify(env.ok ? { ...env, value: resolveBudgetView(env.value as BudgetViewWire) } : env));
        // The budget screen's first call (explanations: false, issue 10 §1), under keys of its own: the full answer
        // without its explanations (checked here for every household), resolved as the screen resolves it.
        const bare = await core.router.handle('budget.get' as never, { id, date, explanations: false });
        figures.update(JSON.stringify(bare.ok ? { ...bare, value: resolveBudgetView(bare.value as BudgetViewWire) } : bare));
        if (!(env.ok && bare.ok ? sameJson(bare.value, figuresOnlyOf(env.value as BudgetViewWire)) : sameJson(bare, env))) figuresDiffer.push(`${id} ${date}`);
        if (env.ok) {
          const view = env.value as { inputs: unknown };
          const dossier = await call<DossierData>(core, 'dossier.get', { id });
          json.update(JSON.stringify(computeBudgetView(dossier, budgetInputsSchema.parse(view.inputs), norms, date).json));
        }
      }
      hashes[`budget.get ${date}`] = get.digest('hex');
      hashes[`budget.get figures-only ${date}`] = figures.digest('hex');
      hashes[`json ${date}`] = json.digest('hex');
      const batch = createHash('sha256');
      for (const page of [{ offset: 0, limit: 10_000 }, { offset: 137, limit: 250 }]) batch.update(JSON.stringify(await core.router.handle('budget.batch' as never, { date, page })));
      hashes[`budget.batch ${date}`] = batch.digest('hex');
    }
    // Without a date: each household's saved peildatum, else today (the same for both runs on one day).
    hashes['budget.batch (own dates)'] = createHash('sha256').update(JSON.stringify(await core.router.handle('budget.batch' as never, { page: { limit: 10_000 } }))).digest('hex');
    hashes['budget.batch (chosen ids)'] = createHash('sha256')
      .update(JSON.stringify(await core.router.handle('budget.batch' as never, { dossierIds: [...ids.slice(500, 520), 'bestaat-niet'], date: '2026-11-23' })))
      .digest('hex');
    for (const [k, v] of Object.entries(hashes)) console.log(`${k.padEnd(32)} ${v.slice(0, 16)}`);
    if (figuresDiffer.length > 0) {
      console.log(`figures-only answers that are not the full answer without its explanations: ${figuresDiffer.length} (${figuresDiffer.slice(0, 5).join(', ')})`);
      process.exitCode = 1;
    } else console.log(`figures-only answers: each the full answer without its explanations (${ids.length} households × ${DATES.length} dates)`);
    const out = arg('--out');
    if (out) writeFileSync(out, JSON.stringify(hashes, null, 2));
    const compare = arg('--compare');
    if (compare && existsSync(compare)) {
      const before = JSON.parse(readFileSync(compare, 'utf8')) as Record<string, string>;
      const differ = Object.keys(before).filter((k) => before[k] !== hashes[k]);
      console.log(differ.length === 0 ? 'IDENTICAL to ' + compare : `DIFFERENT from ${compare}: ${differ.join(', ')}`);
      const added = Object.keys(hashes).filter((k) => !(k in before));
      if (added.length > 0) console.log(`new (not in ${compare}): ${added.join(', ')}`);
      if (differ.length > 0) process.exitCode = 1;
    }
  } finally {
    await core.dispose();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
