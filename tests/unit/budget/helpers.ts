// Test helpers: the real bundled norm tables and a small dossier builder (shared with the other budget tests).
import { budgetInputsSchema, type BudgetInputs, type BudgetInputsInput } from '../../../src/shared/budget/inputs';

export { RESOURCES, bundledNorms, householdData as dossier } from '../../support/budget';

export const adult = (role: 'aanvrager' | 'partner', birthDate: string) => ({ role, firstName: 'Fictief', lastName: 'Persoon', birthDate });
export const child = (birthDate: string, livingInHousehold = true) => ({ firstName: 'Kind', lastName: 'Persoon', birthDate, livingInHousehold });

export function inputs(partial: BudgetInputsInput = {}): BudgetInputs {
  return budgetInputsSchema.parse(partial);
}
