// Household type and age groups on a reference date (Participatiewet art. 20-22a; RULES.md a.1).
import { ageOn, monthsReached } from '../dates';
import { addressKindOf, type AddressKind, type DossierData } from '../dossier/schema';
import { NormUse, normNumber, selectGroupPeriod, type NormSet, type NormTableRef } from './norms';

export const HOUSEHOLD_TYPES = ['alleenstaande', 'alleenstaande_ouder', 'gehuwden'] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];
export const HOUSEHOLD_TYPE_LABELS: Record<HouseholdType, string> = {
  alleenstaande: 'Alleenstaande',
  alleenstaande_ouder: 'Alleenstaande ouder',
  gehuwden: 'Gehuwden / samenwonenden',
};

export const AGE_GROUPS = ['18-20', '21-aow', 'aow'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const AGE_GROUP_LABELS: Record<AgeGroup, string> = {
  '18-20': '18 t/m 20 jaar',
  '21-aow': '21 jaar tot AOW-leeftijd',
  aow: 'AOW-leeftijd',
};

export interface HouseholdAdult {
  role: 'aanvrager' | 'partner';
  age: number;
  ageGroup: AgeGroup;
  /** Insured under the Zorgverzekeringswet (dossier `insuredInNl`, absent = yes). */
  insured: boolean;
}

export interface Household {
  type: HouseholdType;
  adults: HouseholdAdult[];
  /** Own children living in the household and younger than 18 on the reference date (pleegkinderen excluded). */
  childrenUnder18: number;
  /** Pleegkinderen living in the household and younger than 18: they do not make an alleenstaande ouder. */
  fosterChildrenUnder18: number;
  /** Kostendelende medebewoners (27+) besides the adults of the household (input). */
  kostendelers: number;
  /** A in the kostendelersnorm: adults of the household + kostendelers, or null without kostendelers. */
  kostendelersA: number | null;
  fixedAddress: boolean;
  /** Woonadres, briefadres with insight (art. 475e lid 1 Rv: normal BVV) or geen woonadres (47.5 %). */
  addressKind: AddressKind;
  /** AOW age in months on the reference date (from the aow_leeftijd table). */
  aowAgeMonths: number;
  tables: NormTableRef[];
}

/**
 * What the budget engine reads of a dossier: the people, the items and the address. A full dossier is one; the
 * budget's own reads (budget.get, budget.batch) fetch only these parts.
 */
export type BudgetDossier = Pick<DossierData, 'adults' | 'children' | 'incomes' | 'expenses' | 'address' | 'addressKind'>;

type Child = DossierData['children'][number];

/** Co-ouderschap: a child counts in this household when it lives here or this household receives its kinderbijslag. */
export const childInHousehold = (c: Child): boolean => c.livingInHousehold || c.coParenting === 'wij_ontvangen_kinderbijslag';

/** Why no kinderbijslag / kindgebonden budget is expected for this child in this household, or null. */
export function noChildBenefitReason(c: Child): string | null {
  if (c.fosterChild) return 'Pleegkind: de pleegvergoeding dekt de kosten; er bestaat geen recht op kinderbijslag of kindgebonden budget.';
  if (c.coParenting === 'andere_ouder_ontvangt_kinderbijslag') {
    return 'Co-ouderschap: de andere ouder ontvangt de kinderbijslag (en het kindgebonden budget) voor dit kind.';
  }
  return null;
}

/**
 * The children this household gets (or should get) kinderbijslag and kindgebonden budget for, whatever their age:
 * the engine's expected benefits and the VTLB's maximum kindgebonden budget count the same children.
 */
export const childBenefitsHere = (c: Child): boolean => childInHousehold(c) && noChildBenefitReason(c) === null;

/** Determine household type and age groups. Throws NormNotCoveredError when the AOW-age table does not cover the date. */
export function determineHousehold(dossier: BudgetDossier, kostendelers: number, date: string, norms: NormSet): Household {
  const use = new NormUse(norms);
  const aowPeriod = selectGroupPeriod(norms, 'aow_leeftijd', date);
  const years = use.figure(aowPeriod, 'age_years');
  const months = use.figure(aowPeriod, 'age_extra_months');
  const aowAgeMonths = (years === null ? 67 : normNumber(years)) * 12 + (months === null ? 0 : normNumber(months));
  const adults = [...dossier.adults]
    .sort((a, b) => (a.role === 'aanvrager' ? -1 : 0) - (b.role === 'aanvrager' ? -1 : 0))
    .map((a): HouseholdAdult => {
      const age = ageOn(a.birthDate, date);
      const ageGroup: AgeGroup = monthsReached(a.birthDate, date, aowAgeMonths) ? 'aow' : age >= 21 ? '21-aow' : '18-20';
      return { role: a.role, age, ageGroup, insured: a.insuredInNl !== false };
    });
  const minors = dossier.children.filter((c) => c.livingInHousehold && ageOn(c.birthDate, date) < 18 && c.birthDate <= date);
  // A pleegkind is not a child "ten laste" (no kinderbijslag): it does not make its carer an alleenstaande ouder.
  const childrenUnder18 = minors.filter((c) => !c.fosterChild).length;
  const fosterChildrenUnder18 = minors.length - childrenUnder18;
  const addressKind = addressKindOf(dossier);
  const type: HouseholdType = adults.length >= 2 ? 'gehuwden' : childrenUnder18 > 0 ? 'alleenstaande_ouder' : 'alleenstaande';
  return {
    type,
    adults,
    childrenUnder18,
    fosterChildrenUnder18,
    kostendelers,
    kostendelersA: kostendelers > 0 ? adults.length + kostendelers : null,
    fixedAddress: addressKind !== 'geen_woonadres',
    addressKind,
    aowAgeMonths,
    tables: use.tables(),
  };
}
