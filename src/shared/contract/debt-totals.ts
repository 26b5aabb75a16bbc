// dossier.debtTotals: the figures of the Schulden tab besides the debts' own amounts: how many debts, how many not
// paid, and the totals of the original and the current amounts. The core computes them (Decimal, each amount already
// in cents); each total is the sum of the rows shown beside it, so the column adds up to the cent. The renderer only
// formats these strings.
import { z } from 'zod';
import { money, sum } from '../money';
import { amountOut } from './budget';

export const debtLineOut = z.object({
  /** The debt's id (every saved debt has one), so a line is matched to its row. */
  id: z.string().nullable(),
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
  });
export type DebtTotalsOut = z.output<typeof debtTotalsOut>;
