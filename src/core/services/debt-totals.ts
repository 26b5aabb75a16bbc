// The figures of the Schulden tab, computed here once so the renderer only formats them (the renderer never adds up
// money): the number of debts and of those not paid, and the totals of the original and current amounts, each the
// sum of exactly the amounts shown in the rows, also per status (cents are exact, so the statuses add up too).
import type { DebtTotalsOut } from '../../shared/contract/debt-totals';
import { DEBT_STATUSES, type Dossier } from '../../shared/dossier/schema';
import { money, sum, toAmountString } from '../../shared/money';
import type { DossierService } from './dossiers';

export interface DebtTotalsService {
  /** Reads the dossier without logging it as opened: the tab shows a dossier that dossier.get already opened. */
  of(dossierId: string): DebtTotalsOut;
}

/** The figures of a dossier as it is passed in (pure; no database). */
export function debtTotalsOf(dossier: Dossier): DebtTotalsOut {
  const lines = dossier.debts.map((d) => ({ id: d.id ?? null, original: toAmountString(money(d.originalAmount)), current: toAmountString(money(d.currentAmount)) }));
  const totals = (of: typeof lines) => ({
    original: toAmountString(sum(of.map((l) => money(l.original)))),
    current: toAmountString(sum(of.map((l) => money(l.current)))),
  });
  const all = totals(lines);
  const byStatus = DEBT_STATUSES.flatMap((status) => {
    const of = lines.filter((_, i) => dossier.debts[i]!.status === status);
    return of.length > 0 ? [{ status, count: of.length, ...totals(of) }] : [];
  });
  return {
    dossierId: dossier.id,
    updatedAt: dossier.updatedAt,
    lines,
    count: lines.length,
    unpaid: dossier.debts.filter((d) => d.status !== 'betaald').length,
    totalOriginal: all.original,
    totalCurrent: all.current,
    byStatus,
  };
}

export function createDebtTotalsService(deps: { dossiers: Pick<DossierService, 'read'> }): DebtTotalsService {
  return { of: (dossierId) => debtTotalsOf(deps.dossiers.read(dossierId)) };
}
