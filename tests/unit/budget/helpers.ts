// Test helpers: the real bundled norm tables and a small dossier builder (shared with the other budget tests).
import { budgetInputsSchema, type BudgetInputs, type BudgetInputsInput } from '../../../src/shared/budget/inputs';

export { RESOURCES, bundledNorms, householdData as dossier } from '../../support/budget';

export const adult = (role: 'aanvrager' | 'partner', birthDate: string) => ({ role, firstName: 'Fictief', lastName: 'Persoon', birthDate });
export const child = (birthDate: string, livingInHousehold = true) => ({ firstName: 'Kind', lastName: 'Persoon', birthDate, livingInHousehold });

export function inputs(partial: BudgetInputsInput = {}): BudgetInputs {
  return budgetInputsSchema.parse(partial);
}

/** An amount as two-decimal text ("1438.62"), null when there is none. */
export const s = (d: { toFixed(n: number): string } | null | undefined): string | null => (d === null || d === undefined ? null : d.toFixed(2));

/** The codes of a result's warnings, in order. */
export const codes = (r: { warnings: { code: string }[] }): string[] => r.warnings.map((w) => w.code);
