// Issue 6 part 3: every total shown equals the sum of the parts shown beside it, in the engine result and in
// the presenter's sections that the screen, the PDF and the CLI show. Property test over generated dossiers.
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeBudget, type BudgetResult } from '../../../src/shared/budget/engine';
import { costAllowancesOf } from '../../../src/shared/budget/lines';
import { sectionFiguresOf, toBudgetJson } from '../../../src/shared/budget/json';
import type { NormSet } from '../../../src/shared/budget/norms';
import { EXPENSE_CATEGORIES, INCOME_CATEGORIES, NIBUD_GROUPS } from '../../../src/shared/dossier/categories';
import { Money, sum, ZERO } from '../../../src/shared/money';
import { budgetSections, sectionsText } from '../../../src/shared/presenter';
import { adult, bundledNorms, child, dossier, inputs } from './helpers';

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});

const cents = (min: number, max: number) => fc.integer({ min, max }).map((c) => new Money(c).dividedBy(100).toFixed(2));
const FREQ = fc.constantFrom('week', 'vierweken', 'maand', 'kwartaal', 'jaar') as fc.Arbitrary<'week' | 'vierweken' | 'maand' | 'kwartaal' | 'jaar'>;
// Inside the tables, across a quarter and a half-year boundary, and in the provisional months of 2027.
const DATES = fc.constantFrom('2025-02-01', '2025-08-20', '2026-01-10', '2026-03-31', '2026-07-15', '2026-10-01', '2026-12-31', '2027-03-01', '2027-06-30');
const BIRTH = fc.integer({ min: 0, max: 20 * 365 }).map((d) => new Date(Date.UTC(2007, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

const household = fc.record({
  couple: fc.boolean(),
  children: fc.array(BIRTH, { maxLength: 3 }),
  incomes: fc.array(fc.record({ category: fc.constantFrom(...INCOME_CATEGORIES), amount: cents(0, 400_000), frequency: FREQ }), { maxLength: 6 }),
  expenses: fc.array(fc.record({ category: fc.constantFrom(...EXPENSE_CATEGORIES), amount: cents(0, 200_000), frequency: FREQ }), { maxLength: 8 }),
  toetsingsinkomen: fc.option(cents(0, 8_000_000), { nil: null }),
  date: DATES,
});

const twoDecimals = (d: Decimal | null) => d === null || d.decimalPlaces() <= 2;

function engineAddsUp(r: BudgetResult) {
  const inc = r.income.lines.filter((l) => l.counted && (l as { treatment?: string }).treatment !== 'kostenvergoeding');
  for (const l of r.income.lines) expect(twoDecimals(l.monthly), 'income line in cents').toBe(true);
  for (const l of r.budget.lines) expect(twoDecimals(l.monthly), 'expense line in cents').toBe(true);
  expect(r.income.total.value!.equals(sum(inc.map((l) => l.monthly)))).toBe(true);
  expect(r.income.attachable.value!.plus(r.income.nonAttachable.value!).equals(r.income.total.value!)).toBe(true);
  for (const g of NIBUD_GROUPS) {
    const parts = r.budget.lines.filter((l) => l.counted && l.group === g).map((l) => l.monthly);
    expect(r.budget.expensesByGroup[g].value!.equals(sum(parts)), g).toBe(true);
  }
  expect(r.budget.expensesTotal.value!.equals(sum(NIBUD_GROUPS.map((g) => r.budget.expensesByGroup[g].value!)))).toBe(true);
  const allowances = costAllowancesOf(r);
  const moneyIn = r.income.total.value!.plus(allowances);
  expect(r.budget.saldo.value!.equals(moneyIn.minus(r.budget.expensesTotal.value!))).toBe(true);
  expect(
    r.budget.leefgeldPerMaand.value!.equals(
      moneyIn.minus(r.budget.expensesByGroup.vaste_lasten.value!).minus(r.budget.expensesByGroup.reserveringsuitgaven.value!).minus(r.budget.vakantiegeldReservering.value!),
    ),
  ).toBe(true);
  // One vakantiegeld source: the reservation is the sum of the counted beslagbare income lines paid per year.
  const yearly = inc.filter((l) => l.attachable && l.frequency === 'jaar');
  expect(r.budget.vakantiegeldReservering.value!.equals(sum(yearly.map((l) => l.monthly)))).toBe(true);
  const kb = r.children.kinderbijslagExpected.value;
  if (kb !== null) expect(kb.equals(sum(r.children.perChild.map((c) => c.kinderbijslagPerMonth.value ?? ZERO)))).toBe(true);
  for (const c of r.children.perChild) expect(twoDecimals(c.kinderbijslagPerMonth.value)).toBe(true);
  expect(twoDecimals(r.children.kgbExpected.value)).toBe(true);
  if (r.bijstandsnorm.value !== null) expect(r.budget.gapToNorm.value!.equals(r.income.attachable.value!.minus(r.bijstandsnorm.value))).toBe(true);
  for (const e of r.entitlements.checks) {
    expect(twoDecimals(e.expected.value)).toBe(true);
    if (e.expected.value !== null) expect(e.difference.value!.equals(e.received.value!.minus(e.expected.value))).toBe(true);
  }
}

describe('figures that add up (round once, then add)', () => {
  it('engine: every total is the exact sum of its parts, all in cents', () => {
    fc.assert(
      fc.property(household, (h) => {
        const d = dossier({
          adults: h.couple ? [adult('aanvrager', '1980-05-05'), adult('partner', '1982-09-09')] : [adult('aanvrager', '1980-05-05')],
          children: h.children.map((b) => child(b)),
          incomes: h.incomes.map((i, n) => ({ description: `Inkomen ${n}`, ...i })),
          expenses: h.expenses.map((e, n) => ({ description: `Uitgave ${n}`, ...e })),
        });
        const r = computeBudget(d, inputs({ toetsingsinkomenPerJaar: h.toetsingsinkomen }), norms, h.date);
        engineAddsUp(r);

        // The presenter (screen, PDF, CLI): in each section the parts shown add up to the total shown.
        const sections = budgetSections(toBudgetJson(r));
        expect(sections.map((s) => s.id)).toEqual(expect.arrayContaining(['inkomen', 'uitgaven', 'saldo', 'leefgeld', 'verschilNorm']));
        for (const s of sections) {
          const total = s.rows[s.rows.length - 1]!;
          expect(total.sign).toBe('=');
          const parts = s.rows.slice(0, -1);
          if (total.amount === null || parts.some((p) => p.amount === null)) continue;
          const computed = parts.reduce((acc, p) => (p.sign === '−' ? acc.minus(p.amount!) : acc.plus(p.amount!)), new Money(0) as Decimal);
          expect(computed.toFixed(2), `${s.id}: ${parts.map((p) => `${p.sign}${p.amount}`).join(' ')} = ${total.amount}`).toBe(total.amount);
        }
        // The CLI text shows each total exactly as formatted by the presenter.
        const text = sectionsText(sections).join('\n');
        for (const s of sections) expect(text).toContain(s.rows[s.rows.length - 1]!.text);
        // budget.get builds the sections from the figures they read only: the same sections, provisional marks included.
        expect(budgetSections(sectionFiguresOf(r))).toEqual(sections);
      }),
      { numRuns: 200 },
    );
  });
});
