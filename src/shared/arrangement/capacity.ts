// The one adapter between the budget engine and the proposal engine. The budget engine splits the afloscapaciteit
// into what comes in every month and the vakantiegeld share (vtlb.ts afloscapaciteitDetail, from the one
// vakantiegeld source in vakantiegeld.ts); the pot is monthly part × term + vakantiegeld share over the term, which
// equals the afloscapaciteit (in cents) × term.
import type { BudgetResult } from '../budget/engine';
import { figure, fmt } from '../budget/explain';
import { formatNlDate } from '../dates';
import type { ArrangementCapacity } from './types';

export function capacityFromBudget(result: BudgetResult, budgetName: string): ArrangementCapacity {
  const d = result.afloscapaciteitDetail;
  const share = d.vakantiegeldPerMaand;
  const monthly = d.maandelijks;
  return {
    monthly:
      monthly.value === null
        ? result.afloscapaciteit
        : {
            ...monthly,
            label: 'Afloscapaciteit per maand (zonder vakantiegeld)',
            explanation: {
              ...monthly.explanation,
              rule: `${result.afloscapaciteit.explanation.rule} Per maand zonder het vakantiegelddeel: ${monthly.explanation.rule}`,
              inputs: { ...result.afloscapaciteit.explanation.inputs, ...monthly.explanation.inputs },
            },
            ...(result.afloscapaciteit.provisional ? { provisional: result.afloscapaciteit.provisional } : {}),
          },
    vtlb: result.vtlb.total,
    holidayPayPerYear: figure(
      'Vakantiegeldafdracht per jaar',
      share.value === null ? null : share.value.times(12),
      `Vakantiegelddeel van de afloscapaciteit × 12 (het deel dat alleen met de jaarlijkse uitbetaling binnenkomt). ${share.explanation.rule}`,
      { ...share.explanation.inputs, 'vakantiegelddeel per maand': fmt(share.value) },
    ),
    referenceDate: result.referenceDate,
    source: `${budgetName}, peildatum ${formatNlDate(result.referenceDate)}`,
  };
}
