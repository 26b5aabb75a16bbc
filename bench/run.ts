// `npm run bench`: a few figures to watch over time, not a test. A vault with 300 demo-like households
// (the demo files from resources/demo/, repeated with varied names, BSNs and postcodes), then:
// vault unlock time with the real Argon2id parameters, dossier.list search latency, and the time to compute a
// budget and to render its plan PDF; a schuldregeling proposal with 40 creditors (engine alone and the what-if
// preview through the router) and the zorgpremie group scheme over 1,000 dossiers; then the anonymised
// systeemfouten report (bench/systeemfouten.ts). Each figure with its goal.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, defaultResourcesDir } from '../src/core/app';
import { silentLogger } from '../src/core/logger';
import { computeProposal, type ArrangementDebt } from '../src/shared/arrangement';
import { figure } from '../src/shared/budget/explain';
import { interchangeSchema, type DossierDataInput } from '../src/shared/dossier/schema';
import { Money } from '../src/shared/money';
import { benchSysteemfouten } from './systeemfouten';

const HOUSEHOLDS = 300;
const PASSPHRASE = 'benchmark wachtwoord 2026';
const LAST_NAMES = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf'];
// Never SA, SD or SS (not issued, and refused by the validator).
const POSTCODE_LETTERS = ['AB', 'KT', 'XZ', 'GH', 'PR', 'MN', 'EC', 'TW'];
const FIRST_NAMES = ['Anna', 'Mohamed', 'Sanne', 'Daan', 'Fatima', 'Lars', 'Noor', 'Kevin', 'Priya', 'Bram', 'Yasmin', 'Joost'];

function elfproefBsn(seed: number): string {
  for (let n = 100_000_000 + seed * 97; ; n++) {
    const s = String(n);
    let total = 0;
    for (let i = 0; i < 8; i++) total += Number(s[i]) * (9 - i);
    total -= Number(s[8]);
    if (total % 11 === 0) return s;
  }
}

function demoTemplates(): DossierDataInput[] {
  const dir = path.join(defaultResourcesDir(), 'demo');
  const out: DossierDataInput[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const parsed = interchangeSchema.parse(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
    out.push(...(parsed.dossiers as DossierDataInput[]));
  }
  if (out.length === 0) throw new Error('no demo households found');
  return out;
}

function variant(template: DossierDataInput, i: number): DossierDataInput {
  const copy = structuredClone(template);
  const lastName = `${LAST_NAMES[i % LAST_NAMES.length]}${i >= LAST_NAMES.length ? `-${Math.floor(i / LAST_NAMES.length)}` : ''}`;
  copy.number = undefined;
  copy.adults = copy.adults.map((a, k) => ({ ...a, lastName, firstName: FIRST_NAMES[(i + k) % FIRST_NAMES.length]!, bsn: elfproefBsn(i * 2 + k) }));
  copy.children = copy.children.map((c) => ({ ...c, lastName }));
  if (copy.address) copy.address = { ...copy.address, postcode: `${1000 + ((i * 37) % 8999)} ${POSTCODE_LETTERS[i % POSTCODE_LETTERS.length]}` };
  return copy;
}

function stats(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (n=${ms.length})`;
}

async function call(core: Awaited<ReturnType<typeof createCore>>, name: string, input: unknown): Promise<unknown> {
  const env = await core.router.handle(name as never, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${(env.error.issues ?? []).map((i) => i.path).join(', ')}`);
  return env.value;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'houvast-bench-'));
  const core = await createCore({ dataDir, resourcesDir: defaultResourcesDir(), logger: silentLogger });
  try {
    let t = performance.now();
    await call(core, 'vault.create', { name: 'Benchmark', passphrase: PASSPHRASE });
    console.log(`vault.create (Argon2id, default parameters): ${(performance.now() - t).toFixed(0)} ms`);

    const templates = demoTemplates();
    t = performance.now();
    for (let i = 0; i < HOUSEHOLDS; i++) await call(core, 'dossier.create', { data: variant(templates[i % templates.length]!, i) });
    console.log(`dossier.create x${HOUSEHOLDS}: ${(performance.now() - t).toFixed(0)} ms total, ${((performance.now() - t) / HOUSEHOLDS).toFixed(2)} ms each`);

    const unlocks: number[] = [];
    for (let i = 0; i < 3; i++) {
      await call(core, 'vault.lock', {});
      t = performance.now();
      await call(core, 'vault.unlock', { passphrase: PASSPHRASE });
      unlocks.push(performance.now() - t);
    }
    console.log(`vault.unlock: ${stats(unlocks)}`);

    // Search as you type: every prefix of a few realistic queries.
    const queries = ['Jansen', 'van Leeuwen', '1234', elfproefBsn(42), 'Anna', 'zzz'];
    const latencies: number[] = [];
    let lastHits = 0;
    for (const q of queries) {
      for (let len = 1; len <= q.length; len++) {
        t = performance.now();
        lastHits = ((await call(core, 'dossier.list', { query: q.slice(0, len) })) as unknown[]).length;
        latencies.push(performance.now() - t);
      }
    }
    t = performance.now();
    const all = (await call(core, 'dossier.list', {})) as unknown[];
    console.log(`dossier.list (no query, ${all.length} dossiers): ${(performance.now() - t).toFixed(1)} ms`);
    console.log(`dossier.list search as you type over ${all.length} dossiers: ${stats(latencies)} (last query hits: ${lastHits})`);

    // The budget of one dossier (engine + 24-month projection + serialisation), and its plan PDF.
    const ids = (all as Array<{ id: string }>).slice(0, 30).map((d) => d.id);
    const budgets: number[] = [];
    for (const id of ids) {
      t = performance.now();
      await call(core, 'budget.get', { id, date: '2026-11-23' });
      budgets.push(performance.now() - t);
    }
    console.log(`budget.get (with 24-month projection): ${stats(budgets)}`);
    const plans: number[] = [];
    for (const id of ids.slice(0, 5)) {
      t = performance.now();
      await call(core, 'budget.createPlan', { id, date: '2026-11-23' });
      plans.push(performance.now() - t);
    }
    console.log(`budget.createPlan (PDF rendered and stored): ${stats(plans)}`);

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
      referenceDate: '2026-11-23',
      source: 'bench',
    };
    // Warm-up first: in the app the engine runs many times per session (every what-if keystroke).
    for (let i = 0; i < 10; i++) computeProposal({ debts, capacity, params: { months: 18 } });
    const engine: number[] = [];
    for (let i = 0; i < 30; i++) {
      t = performance.now();
      computeProposal({ debts, capacity, params: { months: 18 } });
      engine.push(performance.now() - t);
    }
    console.log(`arrangement engine, ${CREDITORS} creditors with 18-month schedules: ${stats(engine)} (goal: median ≤ 50 ms)`);
    const template = variant(templates[0]!, 9999);
    template.debts = debts.map((d) => ({
      creditor: d.creditor,
      reference: d.reference ?? undefined,
      originalAmount: d.claim.toFixed(2),
      currentAmount: d.claim.toFixed(2),
      kind: d.kind,
      status: 'open' as const,
    }));
    const big = (await call(core, 'dossier.create', { data: template })) as { id: string };
    const previews: number[] = [];
    for (let months = 12; months <= 36; months += 2) {
      t = performance.now();
      await call(core, 'arrangement.preview', { id: big.id, date: '2026-11-23', params: { months, monthsReason: 'Wat-als', factor: '1.5' } });
      previews.push(performance.now() - t);
    }
    console.log(`arrangement.preview (what-if), ${CREDITORS} creditors, through the router: ${stats(previews)} (goal: median ≤ 150 ms)`);

    // The zorgpremie group scheme over 1,000 dossiers: add households in Zwolle with arrears at the scheme's insurer.
    const SCHEME_TOTAL = 1000;
    t = performance.now();
    for (let i = HOUSEHOLDS + 1; i < SCHEME_TOTAL; i++) {
      const v = variant(templates[i % templates.length]!, i);
      if (v.address) v.address = { ...v.address, city: 'Zwolle' };
      v.debts = [
        ...v.debts,
        { creditor: 'Zorgverzekeraar Zuid', originalAmount: '900.00', currentAmount: `${600 + (i % 900)}.00`, kind: 'concurrent', status: 'open', creditorKind: 'zorgverzekeraar', premiumArrears: { months: 2 + (i % 8) } },
      ];
      await call(core, 'dossier.create', { data: v });
    }
    const total = ((await call(core, 'dossier.list', {})) as unknown[]).length;
    console.log(`(setup: ${total} dossiers in the vault, ${(performance.now() - t).toFixed(0)} ms)`);
    t = performance.now();
    const batch = (await call(core, 'schemes.batch', { schemeId: 'voorbeeld-bijstand-gemeentepolis', date: '2026-11-23', filters: {} })) as { families: unknown[] };
    console.log(`schemes.batch over ${total} dossiers (${batch.families.length} families computed): ${(performance.now() - t).toFixed(0)} ms (goal: ≤ 5000 ms)`);
    t = performance.now();
    await call(core, 'schemes.dashboard', { schemeId: 'voorbeeld-bijstand-gemeentepolis', date: '2026-11-23' });
    console.log(`schemes.dashboard over ${total} dossiers: ${(performance.now() - t).toFixed(0)} ms (goal: ≤ 5000 ms)`);
    benchSysteemfouten();
  } finally {
    await core.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? `${err.name}: ${err.message}` : err);
  process.exit(1);
});
