// dossier.debtTotals: the figures of the Schulden tab besides the debts' own amounts: how many debts, how many not
// paid, the totals of the original and the current amounts, and the same per status. The core computes them (Decimal, each amount already
// in cents); each total is the sum of the rows shown beside it, so the column adds up to the cent. The renderer only
// formats these strings.
import { z } from 'zod';
import { DEBT_STATUSES } from '../dossier/schema';
import { money, sum } from '../money';
import { amountOut } from './budget';

export const debtLineOut = z.object({
  /** The debt's id (every saved debt has one), so a line is matched to its row. */
  id: z.string().nullable(),
  original: amountOut,
  current: amountOut,
});

/** The debts of one status: how many, and the totals of their amounts. */
export const debtStatusOut = z.object({
  status: z.enum(DEBT_STATUSES),
  count: z.number().int().positive(),
  original: amountOut,
  current: amountOut,
});

export const debtTotalsOut = z
  .object({
    dossierId: z.string(),
    /** The dossier version these figures belong to: a screen holding a newer one waits for its own figures. */
    updatedAt: z.number().int(),
    /** In the order of the dossier's debts: the amounts of each row. */
    lines: z.array(debtLineOut),
    count: z.number().int().nonnegative(),
    /** Debts whose status is not "betaald". */
    unpaid: z.number().int().nonnegative(),
    totalOriginal: amountOut,
    totalCurrent: amountOut,
    /** Per status that occurs, in the order of DEBT_STATUSES; the statuses add up to the totals. */
    byStatus: z.array(debtStatusOut),
  })
  // What is shown adds up: a total that is not the sum of its rows is a bug, and never reaches a screen.
  .refine((v) => v.count === v.lines.length && v.unpaid <= v.count, { message: 'count is not the number of lines', path: ['count'] })
  .refine((v) => sum(v.lines.map((l) => money(l.original))).equals(money(v.totalOriginal)), {
    message: 'totalOriginal is not the sum of the lines',
    path: ['totalOriginal'],
  })
  .refine((v) => sum(v.lines.map((l) => money(l.current))).equals(money(v.totalCurrent)), {
    message: 'totalCurrent is not the sum of the lines',
    path: ['totalCurrent'],
  })
  .refine(
    (v) =>
      v.byStatus.reduce((n, s) => n + s.count, 0) === v.count &&
      v.count - (v.byStatus.find((s) => s.status === 'betaald')?.count ?? 0) === v.unpaid &&
      sum(v.byStatus.map((s) => money(s.original))).equals(money(v.totalOriginal)) &&
      sum(v.byStatus.map((s) => money(s.current))).equals(money(v.totalCurrent)),
    { message: 'the statuses do not add up to the totals', path: ['byStatus'] },
  );
export type DebtTotalsOut = z.output<typeof debtTotalsOut>;
