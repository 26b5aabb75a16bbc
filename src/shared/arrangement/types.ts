// Public types of the proposal engine (pure: no I/O). The engine takes the debts of a dossier, the
// afloscapaciteit from the budget (through capacity.ts, the one adapter) and the what-if parameters, and
// returns a proposal in which every figure carries its explanation. Wire shapes: src/shared/contract/arrangements.ts.
import type Decimal from 'decimal.js';
import type { BudgetWarning, Figure } from '../budget/explain';
import type { CreditorKind } from '../dossier/schema';

/** Standard term of a minnelijke schuldregeling since 1 July 2023 (RULES.md d.1). */
export const DEFAULT_TERM_MONTHS = 18;
/** Standard term of a regeling that started before 1 July 2023 (RULES.md d.1). */
export const TERM_MONTHS_BEFORE_2023_07 = 36;
export const TERM_18_MONTHS_FROM = '2023-07-01';
/** Until 30 June 2024 NVVK members asked a minimum monthly amount; since 1 July 2024 a nul-aanbod is allowed (RULES.md d.1, d.4). */
export const MINIMUM_MONTHLY_UNTIL_2024_07 = '64.00';
export const NUL_AANBOD_FROM = '2024-07-01';

/** The standard term of a regeling starting (fase 2) on `startDate` (ISO): 36 months until 30 June 2023, 18 from 1 July 2023. */
export function standardTermMonths(startDate: string): number {
  return startDate < TERM_18_MONTHS_FROM ? TERM_MONTHS_BEFORE_2023_07 : DEFAULT_TERM_MONTHS;
}

/**
 * The standard term for parameters that may leave the start date out: without one the regeling starts after the
 * budget's peildatum, which a norm table covers (2024 or later), so 18 months.
 */
export function standardTermFor(startDate: string | undefined): number {
  return startDate ? standardTermMonths(startDate) : DEFAULT_TERM_MONTHS;
}
export const MIN_TERM_MONTHS = 1;
export const MAX_TERM_MONTHS = 60;
/** Preferent creditors get factor × the concurrent percentage: practice, not law (RULES.md d.1). */
export const DEFAULT_PREFERENT_FACTOR = '2';
export const MIN_PREFERENT_FACTOR = '1';
export const MAX_PREFERENT_FACTOR = '5';

export const ARRANGEMENT_VARIANTS = ['schuldbemiddeling', 'saneringskrediet'] as const;
export type ArrangementVariant = (typeof ARRANGEMENT_VARIANTS)[number];
export const ARRANGEMENT_VARIANT_LABELS: Record<ArrangementVariant, string> = {
  schuldbemiddeling: 'Schuldbemiddeling (maandelijkse betalingen)',
  saneringskrediet: 'Saneringskrediet (één betaling bij de start)',
};

/**
 * voorstel: a pot above zero is distributed; nul_aanbod: afloscapaciteit (and pot) zero, a schuldregeling
 * zonder afloscapaciteit; ontbreekt: a figure is missing (see `missing`), nothing is distributed.
 */
export const PROPOSAL_STATUSES = ['voorstel', 'nul_aanbod', 'ontbreekt'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A stated amount that replaces a computed one; the reason is printed in the explanation and the letter. */
export interface AmountOverride {
  amount: Decimal;
  reason: string;
}

/** What the budget provides (see capacity.ts `capacityFromBudget`). */
export interface ArrangementCapacity {
  /** Afloscapaciteit per month; value null = the budget could not compute it. */
  monthly: Figure;
  /** VTLB per month (context for the letter); value null = missing. */
  vtlb: Figure;
  /**
   * Holiday-pay contribution per year of the term that is NOT already inside `monthly`; value null = the
   * budget does not say (then the proposal asks for it, unless an override is given).
   */
  holidayPayPerYear: Figure;
  /** The budget's reference date (peildatum). */
  referenceDate: string;
  /** Which budget the figures came from, in Dutch (e.g. "Budget van dossier 2026-0012, peildatum 01-12-2026"). */
  source: string;
}

/** One debt as the engine sees it (built from a Debt by inclusion.ts `toArrangementDebt`). */
export interface ArrangementDebt {
  /** Stable id of the debt within the dossier (1-based position when the file has no ids). */
  id: string;
  creditor: string;
  reference: string | null;
  creditorKind: CreditorKind;
  kind: 'preferent' | 'concurrent';
  /** The claim on the peildatum (the debt's current amount). */
  claim: Decimal;
  /** In the regeling after the creditor-kind default and the user's override. */
  included: boolean;
  /** Dutch: why it is in or out when that is not the plain default (shown beside the debt). */
  inclusionNote: string | null;
  /** Verification of the saldo (debts v2); absent = not known. Drives warnings, never the figures. */
  verification?: 'opgevraagd' | 'ontvangen' | 'gecontroleerd';
  /** The saldo must be asked again after this date (ISO). */
  recheckAfter?: string | null;
  /** The debtor disputes the debt. */
  disputed?: boolean;
}

/** The what-if parameters (all optional: defaults apply). */
export interface ArrangementParams {
  /** Term in months; default 18. A different term needs `monthsReason`. */
  months?: number;
  monthsReason?: string;
  /** Preferent factor as a decimal string; default "2". */
  factor?: string;
  variant?: ArrangementVariant;
  /** First month of the regeling (ISO); default: first day of the month after the reference date. */
  startDate?: string;
  /** Replaces the budget's afloscapaciteit per month. */
  capacityOverride?: AmountOverride;
  /** Replaces the holiday-pay contribution per year. */
  holidayPayOverride?: AmountOverride;
  /** Distributes this amount instead of the computed pot (kredietbank's saneringskrediet, actual reservations). */
  potOverride?: AmountOverride;
  /** Debts (ids) left out for this what-if, on top of the exclusions stored with the debts. */
  leaveOut?: string[];
}

export interface ProposalInput {
  debts: ArrangementDebt[];
  capacity: ArrangementCapacity;
  params: ArrangementParams;
}

export interface ScheduledPayment {
  /** 1-based month of the term (saneringskrediet: 1). */
  month: number;
  dueDate: string;
  amount: Decimal;
}

export interface CreditorAllocation {
  debtId: string;
  creditor: string;
  reference: string | null;
  creditorKind: CreditorKind;
  kind: 'preferent' | 'concurrent';
  claim: Decimal;
  /** The offered percentage of the claim (the group's percentage of the rule, exact). */
  percentage: Decimal;
  /** Amount in cents over the whole term (sums to the pot exactly). */
  amount: Figure & { value: Decimal };
  /** Whether the creditor is paid in full (capped at 100 %). */
  capped: boolean;
  schedule: ScheduledPayment[];
}

export interface ExcludedDebt {
  debtId: string;
  creditor: string;
  reference: string | null;
  creditorKind: CreditorKind;
  claim: Decimal;
  /** Dutch reason it is outside the regeling. */
  reason: string;
}

export interface ProposalMissing {
  /** Which figure: 'afloscapaciteit' | 'vakantiegeld' | ... */
  figure: string;
  /** Dutch: what the professional must provide. */
  message: string;
}

export interface ProposalResult {
  status: ProposalStatus;
  variant: ArrangementVariant;
  months: number;
  factor: Decimal;
  startDate: string;
  /** Afloscapaciteit per month used (budget or override). */
  monthlyCapacity: Figure;
  /** Monthly afloscapaciteit × months: with the holiday pay, the parts of the computed total (null for a stated total). */
  capacityOverTerm: Figure;
  /** Holiday-pay contribution for the whole term. */
  holidayPay: Figure;
  /** Total for the creditors over the term, in cents; null when status is 'ontbreekt'. */
  pot: Figure;
  percentages: { concurrent: Figure; preferent: Figure };
  creditors: CreditorAllocation[];
  excluded: ExcludedDebt[];
  totals: {
    /** Sum of the included claims. */
    claims: Figure;
    /** Sum of the amounts (equals the pot, or the claims when the pot exceeds them). */
    amounts: Figure;
    /** Pot minus what the creditors can take (everything paid in full); zero normally. */
    surplus: Figure;
  };
  /** The deterministic cent rule, in Dutch (also in docs/arrangements.md). */
  centRule: string;
  /** Letter text for a nul-aanbod (d.3), null otherwise. */
  nulAanbodText: string | null;
  missing: ProposalMissing[];
  warnings: BudgetWarning[];
  /** Where the figures came from (budget, overrides). */
  source: string;
}
