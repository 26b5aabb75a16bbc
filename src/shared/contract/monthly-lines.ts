// dossier.monthlyLines: the monthly equivalent of each income and expense line of a dossier, and the monthly totals,
// as the "Inkomsten en uitgaven" tab shows them. The core computes them once (Decimal, exact normalisation, each
// line rounded to cents half-up); every total is the sum of the lines shown beside it, so the column adds up to the
// cent. The renderer only formats these strings.
import { z } from 'zod';
import { money, sum } from '../money';
import { amountOut } from './budget';

export const monthlyLineOut = z.object({
  /** The item's id (every saved item has one), so a line is matched to its row and never to a neighbour's. */
  id: z.string().nullable(),
  monthly: amountOut,
});
export type MonthlyLineOut = z.output<typeof monthlyLineOut>;

export const monthlyLinesOut = z
  .object({
    dossierId: z.string(),
    /** The dossier version these figures belong to: a screen holding a newer one waits for its own figures. */
    updatedAt: z.number().int(),
    /** In the order of the dossier's incomes and expenses. */
    incomes: z.array(monthlyLineOut),
    expenses: z.array(monthlyLineOut),
    totalIncome: amountOut,
    totalExpenses: amountOut,
    /** totalIncome − totalExpenses; negative when the household spends more than it receives. */
    difference: amountOut,
  })
  // What is shown adds up: a total that is not the sum of its lines is a bug, and never reaches a screen.
  .refine((v) => sum(v.incomes.map((l) => money(l.monthly))).equals(money(v.totalIncome)), {
    message: 'totalIncome is not the sum of the income lines',
    path: ['totalIncome'],
  })
  .refine((v) => sum(v.expenses.map((l) => money(l.monthly))).equals(money(v.totalExpenses)), {
    message: 'totalExpenses is not the sum of the expense lines',
    path: ['totalExpenses'],
  })
  .refine((v) => money(v.totalIncome).minus(money(v.totalExpenses)).equals(money(v.difference)), {
    message: 'difference is not totalIncome − totalExpenses',
    path: ['difference'],
  });
export type MonthlyLinesOut = z.output<typeof monthlyLinesOut>;
