// "What is shown adds up" (ENGINEERING.md: round once, then add): a couple with weekly, four-weekly, quarterly and
// yearly amounts whose monthly value has more than two decimals, and a pleegvergoeding (a cost allowance: no income,
// but counted in the saldo). Every expected figure below is computed by hand from the amounts in the dossier.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBudgetPlanPdf } from '../../../src/core/budget/plan-pdf';
import { loadBundledNorms } from '../../../src/core/norms/load';
import { computeBudget, type BudgetResult } from '../../../src/shared/budget/engine';
import { budgetInputsSchema } from '../../../src/shared/budget/inputs';
import { toBudgetJson } from '../../../src/shared/budget/json';
import type { NormSet } from '../../../src/shared/budget/norms';
import { projectBudget, type Projection } from '../../../src/shared/budget/projection';
import { sum } from '../../../src/shared/money';
import { householdData, storedDossier } from '../../support/budget';
import { extractPdf, RESOURCES, squash, type ExtractedPdf } from './helpers';
import { formatBudgetText } from '../../../src/cli/commands/budget';

const REFERENCE_DATE = '2026-07-15';
const dossier = storedDossier(
  householdData({
    adults: [
      { role: 'aanvrager', firstName: 'Fictief', lastName: 'Een', birthDate: '1985-03-01' },
      { role: 'partner', firstName: 'Fictief', lastName: 'Twee', birthDate: '1987-09-30' },
    ],
    incomes: [
      // 100.00 × 52 / 12 = 433.333… → 433.33
      { description: 'Loon per week', category: 'loon', amount: '100.00', frequency: 'week' },
      // 250.00 × 13 / 12 = 270.8333… → 270.83
      { description: 'WW per vier weken', category: 'uitkering_uwv', amount: '250.00', frequency: 'vierweken' },
      // 1000.00 / 12 = 83.333… → 83.33
      { description: 'Vakantiegeld', category: 'loon', amount: '1000.00', frequency: 'jaar' },
      { description: 'Zorgtoeslag', category: 'zorgtoeslag', amount: '131.00', frequency: 'maand' },
      // A cost allowance: not income, counted in the saldo.
      { description: 'Pleegvergoeding', category: 'pleegvergoeding', amount: '600.00', frequency: 'maand' },
    ],
    expenses: [
      { description: 'Huur', category: 'huur', amount: '800.00', frequency: 'maand' },
      // 100.00 / 3 = 33.333… → 33.33
      { description: 'Gemeentelijke belastingen', category: 'gemeentelijke_belastingen', amount: '100.00', frequency: 'kwartaal' },
      // 250.00 / 12 = 20.8333… → 20.83
      { description: 'Inboedelverzekering', category: 'verzekeringen', amount: '250.00', frequency: 'jaar' },
      // 50.00 × 13 / 12 = 54.1666… → 54.17
      { description: 'Kleding', category: 'kleding', amount: '50.00', frequency: 'vierweken' },
      // 80.00 × 52 / 12 = 346.666… → 346.67
      { description: 'Boodschappen', category: 'voeding', amount: '80.00', frequency: 'week' },
    ],
  }),
  { id: 'd-adds-up', number: '2026-0777' },
);
const inputs = budgetInputsSchema.parse({});

// By hand: income lines 433.33 + 270.83 + 83.33 (beslagbaar 787.49) + 131.00 = 918.49; allowances 600.00.
// Expenses: vaste lasten 800.00 + 33.33 + 20.83 = 854.16; reserveringen 54.17; huishoudelijk 346.67; total 1255.00.
// Saldo = 918.49 + 600.00 − 1255.00 = 263.49 (without the allowance it would be −336.51).
// Projection, a month without vakantiegeld: income as it comes in 918.49 − 83.33 = 835.16; saldo 835.16 + 600.00 −
// 1255.00 = 180.16.

let norms: NormSet;
let result: BudgetResult;
let projection: Projection;
let extracted: ExtractedPdf;
const has = (needle: string) => squash(extracted.text).includes(squash(needle));

beforeAll(async () => {
  norms = await loadBundledNorms(RESOURCES);
  result = computeBudget(dossier, inputs, norms, REFERENCE_DATE);
  projection = projectBudget(dossier, inputs, norms, REFERENCE_DATE);
  const pdf = await renderBudgetPlanPdf({ dossier, result, projection, generatedAt: Date.UTC(2026, 6, 15, 9), generatedBy: 'Merel de Wit' });
  extracted = await extractPdf(pdf);
});

describe('the shown figures add up (weekly / four-weekly / quarterly / yearly amounts, a pleegvergoeding)', () => {
  it('the engine rounds each line once and totals the rounded lines', () => {
    expect(result.income.lines.map((l) => l.monthly.toFixed(2))).toEqual(['433.33', '270.83', '83.33', '131.00', '600.00']);
    expect(result.income.attachable.value!.toFixed(2)).toBe('787.49');
    expect(result.income.total.value!.toFixed(2)).toBe('918.49');
    expect(result.budget.expensesByGroup.vaste_lasten.value!.toFixed(2)).toBe('854.16');
    expect(result.budget.expensesTotal.value!.toFixed(2)).toBe('1255.00');
    expect(result.budget.saldo.value!.toFixed(2)).toBe('263.49');
    expect(result.vtlb.total.value!.equals(sum(result.vtlb.lines.map((l) => l.figure.value!)))).toBe(true);
  });

  it('the explanation of the income and expenses says each line is rounded to cents (not "geen afronding")', () => {
    expect(result.afloscapaciteit.explanation.rule).not.toMatch(/geen afronding|niet afgerond|alleen bij weergave/);
    for (const rule of [result.income.total.explanation.rule, result.income.attachable.explanation.rule, result.budget.expensesByGroup.vaste_lasten.explanation.rule]) {
      expect(rule).not.toMatch(/geen afronding|niet afgerond|alleen bij weergave/);
      expect(rule).toMatch(/afgerond op centen/);
    }
  });

  it('the PDF income table: the income total is the sum of the income lines above it; the allowance is listed apart', () => {
    expect(has('Totaal inkomen per maand € 918,49')).toBe(true);
    // The pleegvergoeding is not under the income total but in its own block with its own total.
    const text = squash(extracted.text);
    const totalAt = text.indexOf(squash('Totaal inkomen per maand'));
    const allowanceLineAt = text.indexOf(squash('Pleegvergoeding Pleegvergoeding'));
    expect(allowanceLineAt).toBeGreaterThan(totalAt);
    expect(has('Totaal kostenvergoedingen per maand € 600,00')).toBe(true);
    expect(has('afgerond op centen alleen bij weergave')).toBe(false);
  });

  it('the PDF norm table shows the allowance between income and expenses, so the saldo is their sum', () => {
    expect(has('Inkomen per maand € 918,49')).toBe(true);
    expect(has('Kostenvergoedingen per maand € 600,00')).toBe(true);
    expect(has('Uitgaven per maand € 1.255,00')).toBe(true);
    expect(has('Saldo per maand € 263,49')).toBe(true);
  });

  it('the projection has a column for the allowances, so each month saldo = inkomen + kostenvergoedingen − uitgaven', () => {
    const july = projection.months[0]!;
    expect(july.inkomen.toFixed(2)).toBe('835.16');
    expect(july.saldo.toFixed(2)).toBe('180.16');
    expect(has('Kosten- vergoedingen') || has('Kostenvergoedingen')).toBe(true);
    expect(has('07-2026 € 835,16 € 600,00 € 1.255,00 € 180,16')).toBe(true);
  });

  it('the CLI shows the allowance beside the saldo and in the projection', () => {
    const text = formatBudgetText(toBudgetJson(result, projection));
    expect(text).not.toContain('Saldo (inkomen − uitgaven)');
    expect(text).toMatch(/Kostenvergoedingen \(geen inkomen\)\s+€ 600,00/);
    expect(text).toMatch(/juli 2026\s+€ 835,16\s+€ 600,00\s+€ 1\.255,00\s+€ 180,16/);
  });
});
