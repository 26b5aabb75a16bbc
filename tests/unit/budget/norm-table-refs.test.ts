// budget.get sends each norm table once (`result.normTables`) and every explanation refers to it by id with the
// names of the figures it read (issue 10 §1). Resolved, every explanation must be exactly what it was when each
// listed its tables in full (serializeFigure, still used by the arrangement procedures); a reference to a table
// or figure the answer does not list is refused by the output schema, so the router answers INTERNAL instead of
// a screen showing an explanation without its table.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeBudget, type BudgetResult, type Figure, type NormSet, type NormTableRef } from '../../../src/shared/budget';
import { budgetResultWireOut, budgetView, explanationOut, resolveBudgetResult, serializeBudgetResult, serializeFigure, serializeProjection } from '../../../src/shared/contract/budget';
import { NormTableList, resolveNormTableUses } from '../../../src/shared/contract/budget-norm-tables';
import { projectBudget, toBudgetJson } from '../../../src/shared/budget';
import { budgetSections } from '../../../src/shared/presenter';
import { explained as inFull } from '../../support/budget';
import { adult, child, dossier, inputs, RESOURCES, bundledNorms } from './helpers';

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});

// A single parent of 34 with two children at home, on bijstand: norm 21-AOW alleenstaande ouder.
const SINGLE_PARENT = dossier({
  adults: [adult('aanvrager', '1992-03-01')],
  children: [child('2016-05-01'), child('2021-09-15')],
  incomes: [{ description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1419.46', frequency: 'maand' }],
  expenses: [{ description: 'Huur', category: 'huur', amount: '650.00', frequency: 'maand' }],
});

/** Every explained figure of a result, by a readable path, beside what the screen reads at that path. */
function explained(r: BudgetResult): [string, Figure][] {
  return [
    ['bijstandsnorm', r.bijstandsnorm],
    ['bijstandsnormExclVakantietoeslag', r.bijstandsnormExclVakantietoeslag],
    ['beslagvrijeVoet', r.beslagvrijeVoet],
    ['afloscapaciteit', r.afloscapaciteit],
    ['income.total', r.income.total],
    ['vtlb.total', r.vtlb.total],
    ['children.kinderbijslagExpected', r.children.kinderbijslagExpected],
    ['children.kgbExpected', r.children.kgbExpected],
    ['budget.gapToNorm', r.budget.gapToNorm],
    ...r.vtlb.lines.map((l, i): [string, Figure] => [`vtlb.lines.${i}.figure`, l.figure]),
    ...r.children.perChild.map((c, i): [string, Figure] => [`children.perChild.${i}.kinderbijslagPerMonth`, c.kinderbijslagPerMonth]),
    ...(r.bvvBerekening?.steps ?? []).map((s, i): [string, Figure] => [`bvvBerekening.steps.${i}.figure`, s.figure]),
    ...r.entitlements.checks.flatMap((c, i): [string, Figure][] => [
      [`entitlements.checks.${i}.expected`, c.expected],
      [`entitlements.checks.${i}.difference`, c.difference],
    ]),
  ];
}

/** A reference to the kinderbijslag period of 2026-07 with the given figures (all official). */
const kinderbijslagRef = (provisionalFrom: string | null, figures: { key: string; label: string; value: string }[]): NormTableRef => ({
  group: 'kinderbijslag',
  title: 'Kinderbijslag',
  periodStart: '2026-07-01',
  periodEnd: '2026-12-31',
  status: 'official',
  origin: 'bundled',
  source: ['SVB'],
  figures: figures.map((f) => ({ ...f, status: 'official' as const })),
  provisionalFrom,
});

const at = (o: unknown, p: string): unknown => p.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], o);

describe('norm tables once per budget answer', () => {
  it('resolves the hand-checked bijstandsnorm explanation to the 2026-07 table and its published figure', () => {
    const wire = serializeBudgetResult(computeBudget(SINGLE_PARENT, inputs(), norms, '2026-07-15'));
    expect(budgetResultWireOut.safeParse(wire).success).toBe(true);
    // On the wire: a reference, the table itself once.
    expect(inFull(wire.bijstandsnorm.explanation).tables).toEqual([
      { table: 'bijstandsnormen@2026-07-01', figures: ['age_21_to_aow.single.incl_holiday_pay', 'age_21_to_aow.single.excl_holiday_pay'] },
    ]);
    expect(wire.normTables.filter((t) => t.group === 'bijstandsnormen')).toHaveLength(1);
    // Resolved: Participatiewet art. 21 onderdeel a, alleenstaande ouder 21-AOW from 1 July 2026, € 1.419,46 incl. and
    // 0.95 × 1419.46 = 1348.49 (derived) excl. vakantietoeslag (RULES.md a.1), the period 2026-07-01 through
    // 2026-12-31 as the bundled file publishes it, with its sources.
    const file = JSON.parse(readFileSync(path.join(RESOURCES, 'norms', 'bijstandsnormen.json'), 'utf8')) as { periods: Record<string, { source: string[] }> };
    const [table] = inFull(resolveBudgetResult(wire).bijstandsnorm.explanation).tables;
    expect(table).toMatchObject({
      group: 'bijstandsnormen',
      periodStart: '2026-07-01',
      periodEnd: '2026-12-31',
      status: 'official',
      origin: 'bundled',
      source: file.periods['2026-07-01']!.source,
      provisionalFrom: null,
    });
    expect(table!.figures).toEqual([
      expect.objectContaining({ name: 'age_21_to_aow.single.incl_holiday_pay', value: '1419.46', status: 'official' }),
      expect.objectContaining({ name: 'age_21_to_aow.single.excl_holiday_pay', value: '1348.49', status: 'derived' }),
    ]);
  });

  it('gives every explanation exactly the tables it listed in full before, on covered and provisional dates', () => {
    const households = [
      SINGLE_PARENT,
      dossier({
        adults: [adult('aanvrager', '1980-01-01'), adult('partner', '1958-06-01')],
        children: [child('2010-02-01')],
        incomes: [{ description: 'Loon', category: 'loon', amount: '2600.00', frequency: 'maand' }],
        expenses: [{ description: 'Huur', category: 'huur', amount: '900.00', frequency: 'maand' }],
      }),
    ];
    let compared = 0;
    for (const d of households) {
      for (const date of ['2026-07-15', '2026-11-23', '2027-02-01']) {
        const r = computeBudget(d, inputs({ belastbaarInkomenPerJaar: { aanvrager: '31000.00' } }), norms, date);
        const shown = resolveBudgetResult(serializeBudgetResult(r));
        for (const [p, f] of explained(r)) {
          expect((at(shown, p) as { explanation: unknown }).explanation, `${date} ${p}`).toEqual(serializeFigure(f).explanation);
          compared++;
        }
        const full = (refs: NormTableRef[]) => serializeFigure({ label: '', value: null, explanation: { rule: '', inputs: {}, tables: refs } }).explanation.tables;
        expect(shown.normPeriods, date).toEqual(full(r.normPeriods));
        expect(inFull(shown.household.explanation).tables, date).toEqual(full(r.household.explanation.tables));
        expect(shown).not.toHaveProperty('normTables');
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('refuses an answer that refers to a table or a figure it does not list', () => {
    const r = computeBudget(SINGLE_PARENT, inputs(), norms, '2026-07-15');
    const projection = projectBudget(SINGLE_PARENT, inputs(), norms, '2026-07-15', 24, r);
    const viewOf = (result: unknown) => ({
      dossierId: 'd1',
      referenceDate: '2026-07-15',
      inputs: { ...inputs(), statedBvv: null },
      inputsUpdatedAt: null,
      result,
      projection: serializeProjection(projection),
      sections: budgetSections(toBudgetJson(r)),
    });
    expect(budgetView.safeParse(viewOf(serializeBudgetResult(r))).success).toBe(true);

    const noTable = serializeBudgetResult(r);
    noTable.normTables = noTable.normTables.filter((t) => t.group !== 'bijstandsnormen');
    const refused = budgetView.safeParse(viewOf(noTable));
    expect(refused.success).toBe(false);
    expect(refused.error!.issues.map((i) => i.path.join('.'))).toContain('result.bijstandsnorm.explanation.tables.0.table');

    const noFigure = serializeBudgetResult(r);
    for (const t of noFigure.normTables) t.figures = t.figures.filter((f) => f.name !== 'age_21_to_aow.single.incl_holiday_pay');
    const issues = budgetView.safeParse(viewOf(noFigure)).error?.issues ?? [];
    expect(issues.map((i) => i.path.join('.'))).toContain('result.bijstandsnorm.explanation.tables.0.figures.0');

    const unknownPeriod = serializeBudgetResult(r);
    unknownPeriod.normPeriods[0] = { table: 'bijstandsnormen@1999-01-01', figures: [] };
    expect(budgetResultWireOut.safeParse(unknownPeriod).success).toBe(false);

    const twice = serializeBudgetResult(r);
    twice.normTables.push({ ...twice.normTables[0]! });
    expect(budgetResultWireOut.safeParse(twice).success).toBe(false);
  });

  it('checks a reference wherever an answer holds one: every explained figure, the household, the periods used', () => {
    const d = dossier({
      adults: [adult('aanvrager', '1980-01-01'), adult('partner', '1958-06-01')],
      children: [child('2010-02-01')],
      incomes: [{ description: 'Loon', category: 'loon', amount: '2600.00', frequency: 'maand' }],
      expenses: [{ description: 'Huur', category: 'huur', amount: '900.00', frequency: 'maand' }],
    });
    const wire = serializeBudgetResult(computeBudget(d, inputs({ belastbaarInkomenPerJaar: { aanvrager: '31000.00' } }), norms, '2026-11-23'));
    // Found by walking the whole answer here, independently of the schema-derived places the check reads.
    const places: (string | number)[][] = [];
    const walk = (x: unknown, at: (string | number)[]): void => {
      if (Array.isArray(x)) x.forEach((v, i) => walk(v, [...at, i]));
      else if (x && typeof x === 'object') {
        if (typeof (x as { table?: unknown }).table === 'string') places.push(at);
        else for (const [k, v] of Object.entries(x)) if (k !== 'normTables') walk(v, [...at, k]);
      }
    };
    walk(wire, []);
    expect(places.length).toBeGreaterThan(20);
    expect(places.map((p) => p.join('.'))).toEqual(expect.arrayContaining(['household.explanation.tables.0', 'normPeriods.0', 'beslagvrijeVoet.lowerBound.explanation.tables.0', 'vtlb.lines.0.figure.explanation.tables.0', 'entitlements.checks.0.expected.explanation.tables.0']));
    for (const place of places) {
      const copy = structuredClone(wire);
      (place.reduce<unknown>((x, k) => (x as Record<string | number, unknown>)[k], copy) as { table: string }).table = 'onbekend@2000-01-01';
      const issues = budgetResultWireOut.safeParse(copy).error?.issues ?? [];
      expect(issues.map((i) => i.path.join('.')), place.join('.')).toContain([...place, 'table'].join('.'));
    }
  });

  it('holds explanation inputs to text, finite numbers, yes/no and empty, as the record of those values did', () => {
    const ok = { rule: 'r', inputs: { bedrag: '1.00', aantal: 2, ja: true, leeg: null }, tables: [] };
    expect(explanationOut.safeParse(ok).success).toBe(true);
    for (const bad of [{ x: Number.NaN }, { x: Number.POSITIVE_INFINITY }, { x: {} }, { x: [1] }, { x: undefined }]) {
      expect(explanationOut.safeParse({ ...ok, inputs: bad }).success, JSON.stringify(Object.keys(bad))).toBe(false);
    }
    expect(explanationOut.safeParse({ ...ok, inputs: [] }).success).toBe(false);
    expect(explanationOut.safeParse({ ...ok, inputs: null }).success).toBe(false);
    // Every value is read, the last as well as the first, also of an object in dictionary mode (as the engine builds them).
    const many: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) many[`regel ${i}`] = `${i}.00`;
    delete many['regel 7'];
    expect(explanationOut.safeParse({ ...ok, inputs: many }).success).toBe(true);
    many['regel 199'] = Number.NaN;
    expect(explanationOut.safeParse({ ...ok, inputs: many }).success).toBe(false);
    expect(explanationOut.safeParse({ ...ok, inputs: Object.assign(Object.create(null) as object, { a: '1.00' }) }).success).toBe(false);
  });

  it('lists a period apart when it is used both provisionally and not, or a figure differs, so nothing resolves differently', () => {
    const ref = (provisionalFrom: string | null, value = '100.00', label = 'Bedrag') => kinderbijslagRef(provisionalFrom, [{ key: 'age_0_5', label, value }]);
    const list = new NormTableList();
    const uses = [ref(null), ref('2027-01-01'), ref(null), ref(null, '101.00'), ref(null, '100.00', 'Anders')].map((t) => list.use(t));
    expect(uses.map((u) => u.table)).toEqual(['kinderbijslag@2026-07-01', 'kinderbijslag@2026-07-01~2', 'kinderbijslag@2026-07-01', 'kinderbijslag@2026-07-01~3', 'kinderbijslag@2026-07-01~4']);
    const resolved = resolveNormTableUses({ normTables: list.tables(), normPeriods: uses }) as { normPeriods: { provisionalFrom: string | null; figures: { value: string; label: string }[] }[] };
    expect(resolved.normPeriods.map((t) => [t.provisionalFrom, t.figures[0]!.value, t.figures[0]!.label])).toEqual([
      [null, '100.00', 'Bedrag'],
      ['2027-01-01', '100.00', 'Bedrag'],
      [null, '100.00', 'Bedrag'],
      [null, '101.00', 'Bedrag'],
      [null, '100.00', 'Anders'],
    ]);
  });

  it('lists the same tables under the same ids without their figures (a figures-only answer)', () => {
    const ref = (provisionalFrom: string | null, value = '100.00', label = 'Bedrag') => kinderbijslagRef(provisionalFrom, [{ key: 'age_0_5', label, value }]);
    const sequence = [ref(null), ref('2027-01-01'), ref(null), ref(null, '101.00'), ref(null, '100.00', 'Anders'), ref(null, '101.00')];
    const full = new NormTableList();
    const bare = new NormTableList(false);
    const withFigures = sequence.map((t) => full.use(t));
    const without = sequence.map((t) => bare.use(t));
    // A figure read with another value or label still tells a table apart, as in the full answer.
    expect(without.map((u) => u.table)).toEqual(withFigures.map((u) => u.table));
    expect(new Set(without.map((u) => u.table)).size).toBe(4);
    expect(without.every((u) => u.figures.length === 0)).toBe(true);
    expect(bare.tables()).toEqual(full.tables().map((t) => ({ ...t, figures: [] })));
    expect(full.tables().every((t) => t.figures.length === 1)).toBe(true);
  });

  it('lists a reference object used again exactly as an equal copy of it (the serialiser remembers each object)', () => {
    const ref = (provisionalFrom: string | null, figures: [string, string][]) => kinderbijslagRef(provisionalFrom, figures.map(([key, value]) => ({ key, label: key, value })));
    const a = ref(null, [['age_0_5', '100.00']]);
    const b = ref(null, [['age_6_11', '120.00'], ['age_0_5', '100.00']]);
    const c = ref('2027-01-01', [['age_0_5', '100.00']]);
    const d = ref(null, [['age_0_5', '99.00']]);
    // Objects used again after others joined or split their table: a, b, d and c each land where a copy lands.
    const sequence = [a, b, c, a, d, b, d, c, a, a, b];
    const remembered = new NormTableList();
    const copies = new NormTableList();
    const fromObjects = sequence.map((t) => remembered.use(t));
    const fromCopies = sequence.map((t) => copies.use(structuredClone(t)));
    expect(fromObjects).toEqual(fromCopies);
    expect(remembered.tables()).toEqual(copies.tables());
    expect(fromObjects.map((u) => u.table)).toEqual(['kinderbijslag@2026-07-01', 'kinderbijslag@2026-07-01', 'kinderbijslag@2026-07-01~2', 'kinderbijslag@2026-07-01', 'kinderbijslag@2026-07-01~3', 'kinderbijslag@2026-07-01', 'kinderbijslag@2026-07-01~3', 'kinderbijslag@2026-07-01~2', 'kinderbijslag@2026-07-01', 'kinderbijslag@2026-07-01', 'kinderbijslag@2026-07-01']);
    // Each use is its own object: changing one answer's list of names changes no other.
    fromObjects[0]!.figures.push('x');
    expect(remembered.use(a).figures).toEqual(['age_0_5']);
    expect(fromObjects[3]).not.toBe(fromObjects[0]);
  });

  it('does not change the answer it resolves (the renderer may resolve the same answer twice)', () => {
    const wire = serializeBudgetResult(computeBudget(SINGLE_PARENT, inputs(), norms, '2026-07-15'));
    const copy = JSON.parse(JSON.stringify(wire)) as unknown;
    expect(resolveBudgetResult(wire)).toEqual(resolveBudgetResult(wire));
    expect(wire).toEqual(copy);
  });
});
