// Test helpers: the real bundled norm tables and a small dossier builder.
import { fileURLToPath } from 'node:url';
import { loadBundledNorms } from '../../../src/core/norms/load';
import { dossierDataSchema, type DossierData, type DossierDataInput } from '../../../src/shared/dossier/schema';
import { budgetInputsSchema, type BudgetInputs, type BudgetInputsInput } from '../../../src/shared/budget/inputs';
import type { NormSet } from '../../../src/shared/budget/norms';

export const RESOURCES = fileURLToPath(new URL('../../../resources', import.meta.url));

let cached: Promise<NormSet> | null = null;
export function bundledNorms(): Promise<NormSet> {
  cached ??= loadBundledNorms(RESOURCES);
  return cached;
}

const ADDRESS = { street: 'Teststraat', houseNumber: '1', postcode: '1234 AB', city: 'Teststad' };

export function dossier(partial: Partial<DossierDataInput> & Pick<DossierDataInput, 'adults'>): DossierData {
  return dossierDataSchema.parse({
    status: 'aanmelding',
    typeOfHelp: 'schuldhulpverlening',
    professional: 'Test Medewerker',
    children: [],
    address: ADDRESS,
    bankAccounts: [],
    incomes: [],
    expenses: [],
    debts: [],
    ...partial,
  });
}

export const adult = (role: 'aanvrager' | 'partner', birthDate: string) => ({ role, firstName: 'Fictief', lastName: 'Persoon', birthDate });
export const child = (birthDate: string, livingInHousehold = true) => ({ firstName: 'Kind', lastName: 'Persoon', birthDate, livingInHousehold });

export function inputs(partial: BudgetInputsInput = {}): BudgetInputs {
  return budgetInputsSchema.parse(partial);
}
