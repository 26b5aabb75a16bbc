// The engine's figures-only mode (computeBudgetFigures, issue 10 §1) serves the projection's later months and
// budget.batch. It may leave out only what an explanation shows in words (its rule text and named inputs):
// every figure, line, warning, norm table and detail must be exactly those of the full engine, for every kind of
// household and date, so the fast path cannot drift from the one the screen explains.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { household } from '../../../bench/generate';
import { budgetInputsSchema, computeBudget, computeBudgetFigures, NormNotCoveredError, type BudgetInputs, type BudgetResult, type NormSet } from '../../../src/shared/budget';
import { dossierDataSchema, interchangeSchema, type DossierData } from '../../../src/shared/dossier/schema';
import { bundledNorms, RESOURCES } from '../../support/budget';

let norms: NormSet;
const demo: DossierData[] = [];
/** Households as the benchmark generates them (1-2 adults, 0-4 children, dated items, no fixed address, …). */
const built: DossierData[] = [];
beforeAll(async () => {
  norms = await bundledNorms();
  const dir = path.join(RESOURCES, 'demo');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    demo.push(...(interchangeSchema.parse(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))).dossiers as DossierData[]));
  }
  for (let n = 0; n < 30; n++) built.push(dossierDataSchema.parse(household(2026, n)));
  for (let n = 0; n < 6; n++) built.push(dossierDataSchema.parse(household(7, n, 'scheme')));
});

// Around a year's norm change (2026 → provisional 2027 norms → none after mid-2027), a leap day, quarter starts
// and month ends: covered, provisional and uncovered dates.
const DATES = ['2025-01-01', '2025-12-31', '2026-01-01', '2026-03-31', '2026-07-01', '2026-11-23', '2027-01-01', '2027-04-01', '2027-06-30', '2027-07-01', '2028-02-29'];

const VARIANTS: BudgetInputs[] = [
  budgetInputsSchema.parse({}),
  budgetInputsSchema.parse({
    kostendelers: 1,
    vakantiegeld: { bedragPerJaar: '1200.00', maand: 6, reden: 'Opgave werkgever' },
    toetsingsinkomenPerJaar: '24000.00',
    vtlbCorrections: [{ kind: 'woonlasten', amount: '-25.00', note: 'Huurverhoging per juli' }],
  }),
  budgetInputsSchema.parse({
    beslagOp: 'aanvrager',
    belastbaarInkomenPerJaar: { aanvrager: '33600.00', partner: '9000.00' },
    woonkostenverhoging: true,
    statedBvv: { amount: '1450.00', date: '2026-10-01', statedBy: 'Deurwaarder' },
    geenBeroepOpOuders: true,
  }),
];

/** A result with only the explanations' words removed (rule text, named inputs): what both modes must share. */
function withoutWords(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutWords);
  if (value === null || typeof value !== 'object' || !Object.getPrototypeOf(value) || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'explanation' && v && typeof v === 'object' && 'rule' in v && 'inputs' in v) {
      out[k] = { rule: '', inputs: {}, tables: withoutWords((v as { tables: unknown }).tables) };
    } else out[k] = withoutWords(v);
  }
  return out;
}

function run(f: typeof computeBudget, d: DossierData, inputs: BudgetInputs, date: string): BudgetResult | { refused: string } {
  try {
    return f(d, inputs, norms, date);
  } catch (err) {
    if (err instanceof NormNotCoveredError) return { refused: err.message };
    throw err;
  }
}

describe('computeBudgetFigures (figures only)', () => {
  it('gives exactly the full engine’s figures, lines, warnings and norm tables for demo and built households on every date', () => {
    expect(demo.length).toBeGreaterThanOrEqual(9);
    let computed = 0;
    let refused = 0;
    for (const d of [...demo, ...built]) {
      for (const inputs of VARIANTS) {
        for (const date of DATES) {
          const full = run(computeBudget, d, inputs, date);
          const figures = run(computeBudgetFigures, d, inputs, date);
          expect(withoutWords(figures), `${d.number ?? 'gebouwd'} ${date}`).toEqual(withoutWords(full));
          if ('refused' in full) refused++;
          else computed++;
        }
      }
    }
    // The dates reach computed and refused (no norm table) households alike.
    expect(computed).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(100);
  }, 120_000);

  it('leaves the words out indeed, and the full engine keeps them after a figures-only run', () => {
    const d = demo[0]!;
    const lean = computeBudgetFigures(d, VARIANTS[0]!, norms, '2026-11-23');
    expect(lean.bijstandsnorm.explanation.rule).toBe('');
    expect(lean.bijstandsnorm.explanation.tables.length).toBeGreaterThan(0);
    const full = computeBudget(d, VARIANTS[0]!, norms, '2026-11-23');
    expect(full.bijstandsnorm.explanation.rule).toMatch(/Participatiewet|kostendelers/);
    expect(Object.keys(full.income.total.explanation.inputs).length).toBeGreaterThan(0);
  });
});
