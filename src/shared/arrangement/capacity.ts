// The one adapter between the budget engine and the proposal engine. When the budget engine gains a separate
// vakantiegeld share of the afloscapaciteit (budget branch), only `holidayPayPerYear` here changes.
import type { BudgetResult } from '../budget/engine';
import { figure } from '../budget/explain';
import { formatNlDate } from '../dates';
import { ZERO } from '../money';
import type { ArrangementCapacity } from './types';

export function capacityFromBudget(result: BudgetResult, budgetName: string): ArrangementCapacity {
  return {
    monthly: result.afloscapaciteit,
    vtlb: result.vtlb.total,
    // Today's engine counts every income per month including the accrued vakantiegeld (a yearly holiday
    // allowance entered as a yearly income is / 12), so it is already inside the monthly afloscapaciteit.
    holidayPayPerYear: figure(
      'Vakantiegeldafdracht per jaar (apart)',
      ZERO,
      'Het vakantiegeld zit al in het maandinkomen (een jaarlijks bedrag telt mee als 1/12 per maand) en dus in de afloscapaciteit per maand; er is geen aparte afdracht.',
      {},
    ),
    referenceDate: result.referenceDate,
    source: `${budgetName}, peildatum ${formatNlDate(result.referenceDate)}`,
  };
}
