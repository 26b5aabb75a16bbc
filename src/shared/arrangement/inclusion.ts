// Which debts take part in a schuldregeling. CJIB fines and DUO study debt stay out by default (RULES.md d.1:
// not negotiable / frozen via the DUO convenant); the professional can override either way with a reason.
import type { Debt } from '../dossier/schema';
import { Money } from '../money';
import type { ArrangementDebt } from './types';

export const DEFAULT_EXCLUSION_REASONS: Partial<Record<NonNullable<Debt['creditorKind']>, string>> = {
  cjib: 'CJIB-boetes zijn niet onderhandelbaar en vallen buiten de schuldregeling; daarvoor geldt een aparte betalingsregeling met het CJIB.',
  duo: 'DUO-studieschuld valt buiten de schuldregeling; de aflossing wordt via het convenant met DUO bevroren of aangepast.',
};

/** The engine's view of a debt; `index` (0-based) gives an id to debts without one (interchange files). */
export function toArrangementDebt(debt: Debt, index: number): ArrangementDebt & { excludedReason: string | null } {
  const kind = debt.creditorKind ?? 'overig';
  const inclusion = debt.inclusion ?? 'standaard';
  const claim = new Money(debt.currentAmount);
  const base = {
    id: debt.id ?? String(index + 1),
    creditor: debt.creditor,
    reference: debt.reference ?? null,
    creditorKind: kind,
    kind: debt.kind,
    claim,
    verification: debt.verification ?? 'opgevraagd',
    recheckAfter: debt.recheckAfter ?? null,
    disputed: debt.status === 'betwist',
  };
  const defaultReason = DEFAULT_EXCLUSION_REASONS[kind] ?? null;
  let excludedReason: string | null = null;
  let inclusionNote: string | null = null;
  if (debt.status === 'betaald') excludedReason = 'De schuld is betaald.';
  else if (!claim.greaterThan(0)) excludedReason = 'Er staat geen saldo open.';
  else if (inclusion === 'uitsluiten') excludedReason = `Buiten de regeling gehouden: ${debt.inclusionReason ?? ''}`.trim();
  else if (inclusion === 'opnemen') inclusionNote = defaultReason ? `Toch in de regeling opgenomen: ${debt.inclusionReason ?? ''}`.trim() : null;
  else if (defaultReason) excludedReason = defaultReason;
  return { ...base, included: excludedReason === null, inclusionNote: excludedReason ?? inclusionNote, excludedReason };
}
