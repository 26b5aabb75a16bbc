// The figures of the Schulden tab, computed here once so the renderer only formats them (the renderer never adds up
// money): the number of debts and of those not paid, and the totals of the original and current amounts, each the
// sum of exactly the amounts shown in the rows.
import type { DebtTotalsOut } from '../../shared/contract/debt-totals';
import type { Dossier } from '../../shared/dossier/schema';
import { money, sum, toAmountString } from '../../shared/money';
import type { DossierService } from './dossiers';

export interface DebtTotalsService {
  /** Reads the dossier without logging it as opened: the tab shows a dossier that dossier.get already opened. */
  of(dossierId: string): DebtTotalsOut;
}

/** The figures of a dossier as it is passed in (pure; no database). */
export function debtTotalsOf(dossier: Dossier): DebtTotalsOut {
  const lines = dossier.debts.map((d) => ({ id: d.id ?? null, original: toAmountString(money(d.originalAmount)), current: toAmountString(money(d.currentAmount)) }));
  return {
    dossierId: dossier.id,
    updatedAt: dossier.updatedAt,
    lines,
    count: lines.length,
    unpaid: dossier.debts.filter((d) => d.status !== 'betaald').length,
    totalOriginal: toAmountString(sum(lines.map((l) => money(l.original)))),
    totalCurrent: toAmountString(sum(lines.map((l) => money(l.current)))),
  };
}

export function createDebtTotalsService(deps: { dossiers: Pick<DossierService, 'read'> }): DebtTotalsService {
  return { of: (dossierId) => debtTotalsOf(deps.dossiers.read(dossierId)) };
}
