// The key figures of one household (budget.batch: the office overview, the scheme selection), taken from the
// engine's result exactly as budget.get shows them (two decimals, half-up). Stored per dossier by the core
// (src/core/services/budget-key-figures.ts): a change to what this file or the engine computes must raise
// BUDGET_KEY_FIGURES_REVISION, or stored figures of the old code would still be served (tests/static/
// budget-key-figures-revision.test.ts holds a hash of every source file they depend on and fails until it is raised).
import type Decimal from 'decimal.js';
import { toAmountString } from '../money';
import type { BudgetResult } from './engine';

/** Raise by one whenever the key figures of any household could change (engine, norms logic, money, this file). */
export const BUDGET_KEY_FIGURES_REVISION = 1;

export interface BudgetKeyFigures {
  inkomen: string | null;
  bijstandsnorm: string | null;
  beslagvrijeVoet: string | null;
  vtlb: string | null;
  afloscapaciteit: string | null;
  saldo: string | null;
  warnings: number;
  provisional: string | null;
}

function amount(f: { value: Decimal | null }): string | null {
  return f.value === null ? null : toAmountString(f.value);
}

/** The key figures of an engine result (figures-only or explained: the same figures and warnings). */
export function keyFiguresOf(r: BudgetResult): BudgetKeyFigures {
  return {
    inkomen: amount(r.income.total),
    bijstandsnorm: amount(r.bijstandsnorm),
    beslagvrijeVoet: amount(r.beslagvrijeVoet),
    vtlb: amount(r.vtlb.total),
    afloscapaciteit: amount(r.afloscapaciteit),
    saldo: amount(r.budget.saldo),
    warnings: r.warnings.length,
    provisional: r.provisional?.message ?? null,
  };
}
