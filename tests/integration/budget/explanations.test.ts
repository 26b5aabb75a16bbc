// budget.get with `explanations: false` (issue 10 §1: the budget screen asks for figures and fetches the
// explanations when a Toelichting is opened), through the router of a real core over the demo vault and generated
// households: on a covered, a provisional and an uncovered date the answer is exactly the full answer with every
// explanation and every figure's unrounded value taken out, it passes the output schema, and the default answer is
// what it always was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { household } from '../../../bench/generate';
import { compiledSchema } from '../../../src/core/compiled-schema';
import { budgetView, resolveBudgetView, type BudgetViewWire } from '../../../src/shared/contract/budget';
import { EXPLANATION_ON_DEMAND } from '../../../src/shared/contract/budget-explained';
import { startDemoCore } from '../../support/core';
import { TestClock } from '../services/helpers';

/** Covered by the bundled tables; provisional (2027 norms not yet published); covered by no table at all. */
const COVERED = '2026-11-23';
const PROVISIONAL = '2027-01-01';
const UNCOVERED = '2028-02-29';

type Envelope = { ok: true; value: BudgetViewWire } | { ok: false; error: { code: string; message: string } };

let demo: Awaited<ReturnType<typeof startDemoCore>>;
const ids: string[] = [];
const get = async (input: { id: string; date: string; explanations?: boolean }) => (await demo.core.router.handle('budget.get', input)) as Envelope;

beforeAll(async () => {
  demo = await startDemoCore('houvast-explanations-', new TestClock(Date.UTC(2026, 10, 23, 9, 0)));
  const page = await demo.call('dossier.search', { limit: 200, offset: 0, sort: { key: 'number', dir: 'asc' } });
  ids.push(...page.items.map((d) => d.id));
  // Generated households as the bench builds them, three of them with saved inputs for the calculation.
  for (let n = 0; n < 12; n++) {
    const { id } = await demo.call('dossier.create', { data: household(2026, n) });
    ids.push(id);
    if (n % 4 === 0) {
      await demo.call('budget.saveInputs', {
        id,
        inputs: {
          kostendelers: 1,
          vakantiegeld: { bedragPerJaar: '1200.00', maand: 6, reden: 'Opgave werkgever' },
          vtlbCorrections: [{ kind: 'woonlasten', amount: '-25.00', note: 'Huurverhoging per juli' }],
          statedBvv: { amount: '1450.00', date: '2026-10-01', statedBy: 'Deurwaarder' },
        },
      });
    }
  }
}, 180_000);
afterAll(async () => demo?.cleanup());

const isExplanation = (v: unknown): boolean => v !== null && typeof v === 'object' && 'rule' in v && 'inputs' in v && 'tables' in v;

/**
 * The full answer with every explanation taken out, found by what an explanation is (rule, inputs, tables), and the
 * unrounded value (`exact`) of every figure that had one.
 */
function withoutExplanations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutExplanations);
  if (value === null || typeof value !== 'object') return value;
  const explained = isExplanation((value as { explanation?: unknown }).explanation);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'explanation' && isExplanation(v)) continue;
    if (k === 'exact' && explained) continue;
    out[k] = withoutExplanations(v);
  }
  return out;
}

type Tables = { normTables: { figures: unknown[] }[]; normPeriods: { figures: unknown[] }[] };

/**
 * The figures read from the norm tables go with the explanations, the only place they are shown: every table and
 * every period used is still listed, under the same id, without them.
 */
function withoutTableFigures<T>(answer: T, at: (v: T) => Tables): T {
  const copy = structuredClone(answer);
  const r = at(copy);
  for (const t of r.normTables) t.figures = [];
  for (const p of r.normPeriods) p.figures = [];
  return copy;
}

/** What `explanations: false` must give: the full answer without explanations and table figures, marked. */
const figuresOnly = (full: BudgetViewWire) => ({
  ...withoutTableFigures(withoutExplanations(full) as BudgetViewWire, (v) => v.result as unknown as Tables),
  explained: false,
});

/** The screen's view of a full answer with every explanation replaced by the placeholder and no unrounded values. */
function onDemand(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(onDemand);
  if (value === null || typeof value !== 'object') return value;
  const explained = 'explanation' in value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'exact' && explained) continue;
    out[k] = k === 'explanation' ? EXPLANATION_ON_DEMAND : onDemand(v);
  }
  return out;
}

/** Every explanation in a value (counted by key). */
const explanationsIn = (v: unknown): number => (JSON.stringify(v).match(/"explanation":/g) ?? []).length;

describe('budget.get without explanations', () => {
  it('is the full answer without its explanations, for every demo and generated household on a covered, provisional and uncovered date', async () => {
    expect(ids.length).toBeGreaterThanOrEqual(9 + 12);
    const seen = { covered: 0, provisional: 0, uncovered: 0 };
    for (const id of ids) {
      for (const date of [COVERED, PROVISIONAL, UNCOVERED]) {
        const full = await get({ id, date });
        const figures = await get({ id, date, explanations: false });
        // Asking for explanations explicitly is the default, to the byte.
        expect(JSON.stringify(await get({ id, date, explanations: true })), `${id} ${date}`).toBe(JSON.stringify(full));
        if (!full.ok) {
          // The same refusal (code and Dutch message) either way.
          expect(full.error.code).toBe('NORM_NOT_COVERED');
          expect(figures, `${id} ${date}`).toEqual(full);
          seen.uncovered++;
          continue;
        }
        if (!figures.ok) throw new Error(`${id} ${date}: ${figures.error.message}`);
        // The default answer holds every explanation and is not marked.
        expect(full.value).not.toHaveProperty('explained');
        expect(explanationsIn(full.value)).toBeGreaterThan(30);
        expect(figures.value, `${id} ${date}`).toEqual(figuresOnly(full.value));
        // Every table is listed all the same, under the same id, and every period used.
        expect(figures.value.result.normTables.map((t) => t.id)).toEqual(full.value.result.normTables.map((t) => t.id));
        expect(full.value.result.normTables.some((t) => t.figures.length > 0)).toBe(true);
        expect(figures.value.result.normPeriods.length).toBe(full.value.result.normPeriods.length);
        expect(explanationsIn(figures.value)).toBe(0);
        // The unrounded values went with them; the amounts shown stayed.
        expect(JSON.stringify(figures.value)).not.toContain('"exact":');
        expect(JSON.stringify(full.value).match(/"exact":/g)!.length).toBeGreaterThan(30);
        expect(budgetView.safeParse(figures.value).success).toBe(true);
        // The screens' view: the same, each explanation the one shared placeholder.
        const shownFull = onDemand(resolveBudgetView(full.value)) as { result: { normPeriods: { figures: unknown[] }[] } };
        for (const p of shownFull.result.normPeriods) p.figures = [];
        expect(resolveBudgetView(figures.value)).toEqual({ ...shownFull, explained: false });
        if (full.value.result.provisional) seen.provisional++;
        else seen.covered++;
      }
    }
    expect(seen.covered).toBeGreaterThanOrEqual(ids.length);
    expect(seen.provisional).toBeGreaterThan(0);
    expect(seen.uncovered).toBeGreaterThan(0);
  }, 300_000);

  it('gives the screens a shared, frozen placeholder for every explanation', async () => {
    const figures = await get({ id: ids[0]!, date: COVERED, explanations: false });
    if (!figures.ok) throw new Error(figures.error.message);
    const shown = resolveBudgetView(figures.value).result;
    expect(shown.bijstandsnorm.explanation).toBe(EXPLANATION_ON_DEMAND);
    expect(shown.household.explanation).toBe(EXPLANATION_ON_DEMAND);
    expect(shown.vtlb.lines[0]!.figure.explanation).toBe(EXPLANATION_ON_DEMAND);
    expect(Object.isFrozen(EXPLANATION_ON_DEMAND)).toBe(true);
  });

  it('the output schema wants all explanations or, marked explained: false, none (runtime and compiled alike)', async () => {
    const full = await get({ id: ids[0]!, date: COVERED });
    const figures = await get({ id: ids[0]!, date: COVERED, explanations: false });
    if (!full.ok || !figures.ok) throw new Error('no answer');
    const compiled = compiledSchema(budgetView);
    const issues = (v: unknown) => {
      const runtime = budgetView.safeParse(v);
      const fast = compiled.safeParse(v);
      expect(fast.success).toBe(runtime.success);
      const list = (runtime.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
      expect((fast.error?.issues ?? []).map((i) => [i.path.join('.'), i.message])).toEqual(list);
      return list;
    };
    expect(issues(full.value)).toEqual([]);
    expect(issues(figures.value)).toEqual([]);

    const lost = structuredClone(full.value) as { result: { afloscapaciteit: { explanation?: unknown } } };
    delete lost.result.afloscapaciteit.explanation;
    expect(issues(lost)).toEqual([['result.afloscapaciteit.explanation', 'explanation missing from an answer with explanations']]);

    const leaked = structuredClone(figures.value) as { result: { household: { explanation?: unknown } } };
    // Without its table references, which name figures this answer does not list (a second issue).
    leaked.result.household.explanation = { ...(full.value.result.household as { explanation: object }).explanation, tables: [] };
    expect(issues(leaked)).toEqual([['result.household.explanation', 'explanation in an answer without explanations (explained: false)']]);

    // The unrounded value belongs to the derivation: all of them in a full answer, none in a figures-only one.
    const lostExact = structuredClone(full.value) as { result: { vtlb: { total: { exact?: unknown } } } };
    delete lostExact.result.vtlb.total.exact;
    expect(issues(lostExact)).toEqual([['result.vtlb.total.exact', 'exact missing from an answer with explanations']]);
    const leakedExact = structuredClone(figures.value) as { result: { bijstandsnorm: { exact?: unknown } } };
    leakedExact.result.bijstandsnorm.exact = '1419.46';
    expect(issues(leakedExact)).toEqual([['result.bijstandsnorm.exact', 'exact in an answer without explanations (explained: false)']]);

    // The figures read from the norm tables belong to the explanations too: none in a figures-only answer, whether in
    // the tables or in the periods used.
    const leakedFigures = structuredClone(figures.value);
    const p = full.value.result.normPeriods.findIndex((u) => u.figures.length > 0);
    const t = full.value.result.normTables.findIndex((x) => x.id === full.value.result.normPeriods[p]!.table);
    expect(p).toBeGreaterThanOrEqual(0);
    leakedFigures.result.normTables[t]!.figures = full.value.result.normTables[t]!.figures;
    leakedFigures.result.normPeriods[p]!.figures = full.value.result.normPeriods[p]!.figures;
    expect(issues(leakedFigures)).toEqual([
      [`result.normTables.${t}.figures`, 'figures of a norm table in an answer without explanations (explained: false)'],
      [`result.normPeriods.${p}.figures`, 'figures of a norm table in an answer without explanations (explained: false)'],
    ]);
    const namedFigure = structuredClone(figures.value);
    namedFigure.result.normPeriods[0]!.figures = ['bestaat.niet'];
    // A name the answer does not list is refused first, by the result's own check.
    expect(issues(namedFigure)).toEqual([['result.normPeriods.0.figures.0', 'figure bestaat.niet is not in norm table ' + namedFigure.result.normPeriods[0]!.table]]);

    // Only false is a mark; a full answer is never marked.
    expect(issues({ ...full.value, explained: true }).length).toBeGreaterThan(0);
  });
});
