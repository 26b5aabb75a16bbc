// The router validates every answer with zod's compiled schemas (src/core/compiled-schema.ts). They must accept
// and refuse exactly what the runtime parser does, with the same issues, for real answers of a real core and for
// those answers corrupted; a large schema is split into compiled parts that keep the containers' own checks.
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledSchema, COMPILED_PART_LIMIT, schemaWeight } from '../../src/core/compiled-schema';
import { createRouter, type Handlers } from '../../src/core/router';
import type { Logger } from '../../src/core/logger';
import { budgetView } from '../../src/shared/contract/budget';
import { PROCEDURE_NAMES, contract } from '../../src/shared/contract/procedures';
import { TestClock } from '../integration/services/helpers';
import { startDemoCore } from '../support/core';

type Issue = { path: PropertyKey[]; code: string; message: string };
const issuesOf = (r: z.ZodSafeParseResult<unknown>): Issue[] | null => (r.success ? null : r.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })));

let demo: Awaited<ReturnType<typeof startDemoCore>>;
const answers: unknown[] = [];

beforeAll(async () => {
  demo = await startDemoCore('houvast-compiled-', new TestClock(Date.UTC(2026, 10, 23, 9, 0)));
  const page = await demo.call('dossier.search', { limit: 50, offset: 0, sort: { key: 'number', dir: 'asc' } });
  for (const d of page.items) answers.push(await demo.call('budget.get', { id: d.id, date: '2026-11-23' }));
}, 120_000);
afterAll(async () => demo?.cleanup());

const compiledView = compiledSchema(budgetView);

describe('compiled output schemas', () => {
  it('give the same data as the runtime parser for every budget answer of the demo vault', () => {
    expect(answers.length).toBeGreaterThanOrEqual(3);
    for (const a of answers) {
      const compiled = compiledView.safeParse(a);
      expect(compiled.success).toBe(true);
      expect(compiled.data).toEqual(budgetView.parse(a));
    }
  });

  it('refuse a corrupted answer with the same issues as the runtime parser', () => {
    const base = structuredClone(answers[0]) as { result: Record<string, unknown> };
    const corruptions: [string, (a: { result: Record<string, any> }) => void][] = [
      ['amount without cents', (a) => (a.result.budget.saldo.value = '12.3')],
      ['amount as a number', (a) => (a.result.bijstandsnorm.value = 1234.56)],
      ['missing figure', (a) => delete a.result.afloscapaciteit],
      ['unknown norm table (the container check)', (a) => (a.result.normTables[0].id = 'bestaat-niet@2026-01-01')],
      ['explanation input an object', (a) => (a.result.bijstandsnorm.explanation.inputs = { bedrag: { x: 1 } })],
      ['wrong enum', (a) => (a.result.household.type = 'onbekend')],
    ];
    for (const [what, corrupt] of corruptions) {
      const a = structuredClone(base) as { result: Record<string, any> };
      corrupt(a);
      const runtime = issuesOf(budgetView.safeParse(a));
      expect(runtime, what).not.toBeNull();
      expect(issuesOf(compiledView.safeParse(a)), what).toEqual(runtime);
    }
  });

  it('agree with the runtime parser on random changes anywhere in an answer', () => {
    const base = answers[1] ?? answers[0];
    const paths: (string | number)[][] = [];
    const walk = (node: unknown, path: (string | number)[]) => {
      if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, Array.isArray(node) ? Number(k) : k]);
      paths.push(path);
    };
    walk(base, []);
    const replacement = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant({}), fc.constant([]), fc.constantFrom('12.34', '-0.01', '1e3', 'x'));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: paths.length - 2 }), replacement, (i, value) => {
        const a = structuredClone(base) as Record<string, unknown>;
        const path = paths[i]!;
        let node: any = a;
        for (const k of path.slice(0, -1)) node = node[k];
        node[path[path.length - 1]!] = value;
        const runtime = budgetView.safeParse(a);
        const compiled = compiledView.safeParse(a);
        expect(issuesOf(compiled)).toEqual(issuesOf(runtime));
        if (runtime.success) expect(compiled.data).toEqual(runtime.data);
      }),
      { numRuns: 300 },
    );
  });

  it('split a large schema into parts no larger than the limit, and compile a small one whole', () => {
    expect(schemaWeight(budgetView)).toBeGreaterThan(COMPILED_PART_LIMIT);
    const small = z.object({ a: z.string(), b: z.number().int() });
    expect(schemaWeight(small)).toBe(3);
    const compiledSmall = compiledSchema(small);
    expect(compiledSmall).not.toBe(small);
    expect(compiledSmall.safeParse({ a: 'x', b: 1.5 }).error?.issues).toEqual(small.safeParse({ a: 'x', b: 1.5 }).error?.issues);
  });

  it('compile every output schema of the contract and refuse a wrong answer as the runtime does', () => {
    for (const name of PROCEDURE_NAMES) {
      const output = contract[name].output as z.ZodType;
      const compiled = compiledSchema(output);
      for (const wrong of [null, 42, 'x', { unexpected: true }]) {
        expect(issuesOf(compiled.safeParse(wrong)), name).toEqual(issuesOf(output.safeParse(wrong)));
      }
    }
  });
});

describe('the router with compiled output schemas', () => {
  it('answers INTERNAL for an invalid answer and logs its path, never its data', async () => {
    const errors: unknown[] = [];
    const logger: Logger = { info() {}, warn() {}, error: (event, fields) => errors.push({ event, fields }) };
    const bad = structuredClone(answers[0]) as { result: { budget: { saldo: { value: string } } } };
    bad.result.budget.saldo.value = 'geheim 12,3';
    const handlers = new Proxy({}, { get: () => () => bad }) as Handlers;
    const router = createRouter(handlers, { assertUnlocked() {} }, logger);
    const env = await router.handle('budget.get', { id: 'x', date: '2026-11-23' });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.code).toBe('INTERNAL');
    expect(JSON.stringify(errors)).toContain('result.budget.saldo.value');
    expect(JSON.stringify(errors)).not.toContain('geheim');
    // A valid answer passes unchanged.
    const good = createRouter(new Proxy({}, { get: () => () => answers[0] }) as Handlers, { assertUnlocked() {} }, logger);
    const ok = await good.handle('budget.get', { id: 'x', date: '2026-11-23' });
    expect(ok).toEqual({ ok: true, value: budgetView.parse(answers[0]) });
  });
});
