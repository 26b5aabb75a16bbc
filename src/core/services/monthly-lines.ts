// The monthly figures of the "Inkomsten en uitgaven" tab, computed here once so the renderer only formats them:
// each line normalised exactly (frequency.ts) and rounded to cents half-up a single time, each total the sum of
// exactly those rounded lines (round once, then add), as the budget engine does with its own lines.
import { monthlyLine } from '../../shared/budget/lines';
import type { MonthlyLineOut, MonthlyLinesOut } from '../../shared/contract/monthly-lines';
import type { Dossier, Expense, Income } from '../../shared/dossier/schema';
import { sum, toAmountString } from '../../shared/money';
import type { DossierService } from './dossiers';

export interface MonthlyLinesService {
  /** Reads the dossier without logging it as opened: the tab shows a dossier that dossier.get already opened. */
  of(dossierId: string): MonthlyLinesOut;
}

/** The figures of a dossier as it is passed in (pure; no database). */
export function monthlyLinesOf(dossier: Dossier): MonthlyLinesOut {
  const lines = (items: (Income | Expense)[]) =>
    items.map((item) => ({ id: item.id ?? null, value: monthlyLine(item.amount, item.frequency, item.instalments) }));
  const incomes = lines(dossier.incomes);
  const expenses = lines(dossier.expenses);
  const totalIncome = sum(incomes.map((l) => l.value));
  const totalExpenses = sum(expenses.map((l) => l.value));
  const out = (l: { id: string | null; value: ReturnType<typeof monthlyLine> }): MonthlyLineOut => ({ id: l.id, monthly: toAmountString(l.value) });
  return {
    dossierId: dossier.id,
    updatedAt: dossier.updatedAt,
    incomes: incomes.map(out),
    expenses: expenses.map(out),
    totalIncome: toAmountString(totalIncome),
    totalExpenses: toAmountString(totalExpenses),
    difference: toAmountString(totalIncome.minus(totalExpenses)),
  };
}

export function createMonthlyLinesService(deps: { dossiers: Pick<DossierService, 'read'> }): MonthlyLinesService {
  return { of: (dossierId) => monthlyLinesOf(deps.dossiers.read(dossierId)) };
}
