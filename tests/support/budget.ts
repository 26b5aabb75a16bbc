// Budget fixtures shared by the unit, integration, PDF and renderer tests: the bundled norm tables and a
// builder that fills a fictitious dossier's bookkeeping fields, so each test spells out only the household
// and the money it is about (those stay explicit in the test: the expected figures are computed from them).
import path from 'node:path';
import { loadBundledNorms } from '../../src/core/norms/load';
import type { NormSet } from '../../src/shared/budget/norms';
import type { BudgetViewWire } from '../../src/shared/contract/budget';
import type { BudgetBatchItem } from '../../src/shared/contract/budget-batch';
import { isExplanationOnDemand, type ExplanationOnDemand } from '../../src/shared/contract/budget-explained';
import type { DossierSummary } from '../../src/shared/contract/procedures';
import { dossierDataSchema, type Dossier, type DossierData, type DossierDataInput, type DossierStatus } from '../../src/shared/dossier/schema';

// __dirname (vitest provides it) rather than import.meta.url: under jsdom the latter is not a file: URL.
export const RESOURCES = path.resolve(__dirname, '../../resources');

let cached: Promise<NormSet> | null = null;
/** The norm tables shipped under resources/norms, loaded once per test file. */
export function bundledNorms(): Promise<NormSet> {
  cached ??= loadBundledNorms(RESOURCES);
  return cached;
}

/**
 * A figure's explanation from a full budget answer. The types allow none (a figures-only answer on the wire) and the
 * placeholder (such an answer on the screen); a test of a full answer must find it there.
 */
export function explained<E extends object>(e: E | ExplanationOnDemand | undefined): E {
  if (e === undefined || isExplanationOnDemand(e)) throw new Error('expected a full answer with explanations, got a figures-only one');
  return e as E;
}

export type HouseholdInput = Partial<DossierDataInput> & Pick<DossierDataInput, 'adults'>;

/** A dossier's data as a form or import would send it: the given fields over neutral defaults. */
export function householdInput(partial: HouseholdInput): DossierDataInput {
  return {
    status: 'aanmelding',
    typeOfHelp: 'schuldhulpverlening',
    professional: 'Merel de Wit',
    children: [],
    address: { street: 'Teststraat', houseNumber: '1', postcode: '1234 AB', city: 'Teststad' },
    bankAccounts: [],
    incomes: [],
    expenses: [],
    debts: [],
    ...partial,
  };
}

/** The same, parsed by the shared schema (amounts as Decimal, defaults applied). */
export function householdData(partial: HouseholdInput): DossierData {
  return dossierDataSchema.parse(householdInput(partial));
}

/** A stored dossier around the data (id, number, timestamps), as the core returns it. */
export function storedDossier(
  data: DossierData,
  meta: { id: string; number: string; createdAt?: number; updatedAt?: number },
): Dossier {
  return { ...data, createdAt: 1, updatedAt: 1, ...meta };
}

/**
 * The budget screen's fictitious single parent with two children (Leeuwarden), used by the renderer and
 * browser tests; each adds the income and expense lines it is about.
 */
export const VEENSTRA = {
  fictitious: true,
  adults: [{ role: 'aanvrager', firstName: 'Ilse', lastName: 'Veenstra', birthDate: '1990-04-12' }],
  children: [
    { firstName: 'Pieter', lastName: 'Veenstra', birthDate: '2015-05-01', livingInHousehold: true },
    { firstName: 'Anna', lastName: 'Veenstra', birthDate: '2020-02-01', livingInHousehold: true },
  ],
  address: { street: 'Nieuwestad', houseNumber: '3', postcode: '8911 AA', city: 'Leeuwarden' },
} satisfies HouseholdInput;

/** VEENSTRA's row in the dossier list, as dossier d1 (2026-0007) in the renderer tests. */
export function veenstraSummary(status: DossierStatus = 'aanmelding'): DossierSummary {
  return {
    id: 'd1',
    number: '2026-0007',
    displayName: 'Veenstra, Ilse',
    postcode: '8911 AA',
    city: 'Leeuwarden',
    status,
    typeOfHelp: 'schuldhulpverlening',
    professional: 'Merel de Wit',
    childrenCount: 2,
    fictitious: true,
    updatedAt: 1,
  };
}

/** The key figures budget.batch gives for a household, read from budget.get's answer for the same date. */
export function batchFiguresOfView(v: { result: BudgetViewWire['result'] }): NonNullable<BudgetBatchItem['figures']> {
  return {
    inkomen: v.result.income.total.value,
    bijstandsnorm: v.result.bijstandsnorm.value,
    beslagvrijeVoet: v.result.beslagvrijeVoet.value,
    vtlb: v.result.vtlb.total.value,
    afloscapaciteit: v.result.afloscapaciteit.value,
    saldo: v.result.budget.saldo.value,
    warnings: v.result.warnings.length,
    provisional: v.result.provisional?.message ?? null,
  };
}
