// A dossier's proposal: its debts (with the inclusion rules) and its budget (through the capacity adapter)
// into the engine. Used by the app's service and the CLI, so both show the same figures.
import type { BudgetResult } from '../budget/engine';
import type { Debt, DossierData } from '../dossier/schema';
import { capacityFromBudget } from './capacity';
import { computeProposal } from './engine';
import { toArrangementDebt } from './inclusion';
import type { ArrangementParams, ProposalResult } from './types';
import { debtPremiumStage, type PremiumStageInfo } from './zorg';

export function proposalForDossier(dossier: Pick<DossierData, 'debts'>, budget: BudgetResult, params: ArrangementParams, budgetName: string): ProposalResult {
  return computeProposal({
    debts: dossier.debts.map((d, i) => toArrangementDebt(d, i)),
    capacity: capacityFromBudget(budget, budgetName),
    params,
  });
}

export function premiumStagesOf(debts: readonly Debt[]): { debtId: string; creditor: string; stage: PremiumStageInfo }[] {
  return debts.flatMap((d, i) => {
    const stage = debtPremiumStage(d);
    return stage ? [{ debtId: d.id ?? String(i + 1), creditor: d.creditor, stage }] : [];
  });
}
