// Contract schemas of the arrangement (schuldregeling proposal) and zorgpremie scheme procedures, and the
// serialisers from the engine's Decimal results to wire data (amounts "1234.56", percentages exact strings
// beside a two-decimal display string). The renderer shows these; it never recomputes them.
import type Decimal from 'decimal.js';
import { z } from 'zod';
import {
  ARRANGEMENT_VARIANTS,
  PROPOSAL_STATUSES,
  standardTermFor,
  type AmountOverride,
  type ArrangementParams,
  type ProposalResult,
} from '../arrangement/types';
import { PREMIUM_STAGES, type PremiumStageInfo } from '../arrangement/zorg';
import {
  PARTICIPANT_STATUSES,
  SCHEME_FAMILY_STATUSES,
  SCHEME_ORIGINS,
  schemeFilterSchema,
  schemeSchema,
} from '../arrangement/scheme';
import type { SchemeDashboard, SchemeFamilyResult } from '../arrangement/scheme-engine';
import { TERM_STATES } from '../arrangement/scheme-conditions';
import { CREDITOR_KINDS, DEBT_KINDS, isoDate } from '../dossier/schema';
import { AMOUNT_PATTERN, Money, toAmountString } from '../money';
import { AMOUNT_DECIMALS_ERROR, amountProblem } from '../validation/amount';
import { amountOut, exactOut, figureOut, serializeFigure } from './budget';

const reason = z.string().trim().min(3, { message: 'Geef een reden (minstens 3 tekens).' }).max(500, { message: 'De reden is te lang (hoogstens 500 tekens).' });
const nonNegative = z
  .string()
  .regex(AMOUNT_PATTERN, { error: (issue) => amountProblem(String(issue.input)) ?? AMOUNT_DECIMALS_ERROR })
  .refine((s) => !s.startsWith('-'), { message: 'Het bedrag mag niet negatief zijn.' });
const overrideIn = z.object({ amount: nonNegative, reason });
/** A percentage/factor as a decimal string. */
const decimalString = z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, { message: 'Vul een getal in, bijvoorbeeld 2 of 1.5.' });

/** What-if parameters (and the parameters saved with a dossier). All optional; defaults: 18 months, factor 2. */
export const arrangementParamsIn = z
  .object({
    months: z.number().int().min(1, { message: 'De looptijd is minstens 1 maand.' }).max(60, { message: 'De looptijd is hoogstens 60 maanden.' }).optional(),
    monthsReason: reason.optional(),
    factor: decimalString
      .refine((s) => Number(s) >= 1 && Number(s) <= 5, { message: 'De factor voor preferente schuldeisers ligt tussen 1 en 5.' })
      .optional(),
    variant: z.enum(ARRANGEMENT_VARIANTS).optional(),
    startDate: isoDate.optional(),
    capacityOverride: overrideIn.optional(),
    holidayPayOverride: overrideIn.optional(),
    potOverride: overrideIn.optional(),
    /** Debt ids left out for this what-if. */
    leaveOut: z.array(z.string().min(1).max(64)).max(200).optional(),
  })
  .superRefine((p, ctx) => {
    // The standard term follows the start date (RULES.md d.1: 36 months before 1 July 2023, 18 since).
    const standard = standardTermFor(p.startDate);
    if (p.months !== undefined && p.months !== standard && !p.monthsReason) {
      ctx.addIssue({ code: 'custom', path: ['monthsReason'], message: `Geef een reden voor een andere looptijd dan ${standard} maanden.` });
    }
  });
export type ArrangementParamsIn = z.input<typeof arrangementParamsIn>;

const percentageOut = z.object({
  /** Two decimals for display ("37.50" = 37,50 %). */
  value: amountOut.nullable(),
  /** Exact. */
  exact: exactOut.nullable(),
});

export const scheduledPaymentOut = z.object({ month: z.number().int(), dueDate: z.string(), amount: amountOut });

export const creditorAllocationOut = z.object({
  debtId: z.string(),
  creditor: z.string(),
  reference: z.string().nullable(),
  creditorKind: z.enum(CREDITOR_KINDS),
  kind: z.enum(DEBT_KINDS),
  claim: amountOut,
  percentage: percentageOut,
  amount: figureOut,
  capped: z.boolean(),
  schedule: z.array(scheduledPaymentOut),
});

export const excludedDebtOut = z.object({
  debtId: z.string(),
  creditor: z.string(),
  reference: z.string().nullable(),
  creditorKind: z.enum(CREDITOR_KINDS),
  claim: amountOut,
  reason: z.string(),
});

export const premiumStageOut = z.object({
  stage: z.enum(PREMIUM_STAGES),
  label: z.string(),
  monthsInArrears: z.number().int(),
  reportedToCak: z.boolean(),
  now: z.string(),
  next: z.string(),
  exits: z.array(z.string()),
  articles: z.string(),
});

export const proposalOut = z.object({
  status: z.enum(PROPOSAL_STATUSES),
  variant: z.enum(ARRANGEMENT_VARIANTS),
  months: z.number().int(),
  factor: z.string(),
  startDate: z.string(),
  monthlyCapacity: figureOut,
  /** Monthly afloscapaciteit × months; with holidayPay the parts of the computed pot (value null for a stated pot). */
  capacityOverTerm: figureOut.optional(),
  holidayPay: figureOut,
  pot: figureOut,
  percentages: z.object({ concurrent: figureOut, preferent: figureOut }),
  creditors: z.array(creditorAllocationOut),
  excluded: z.array(excludedDebtOut),
  totals: z.object({ claims: figureOut, amounts: figureOut, surplus: figureOut }),
  centRule: z.string(),
  nulAanbodText: z.string().nullable(),
  missing: z.array(z.object({ figure: z.string(), message: z.string() })),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), figure: z.string().optional() })),
  source: z.string(),
});
export type ProposalOut = z.infer<typeof proposalOut>;

/** arrangement.get / arrangement.preview. */
export const arrangementView = z.object({
  dossierId: z.string(),
  /** The budget's reference date used. */
  referenceDate: z.string(),
  /** Parameters used (saved ones for .get, the what-if for .preview). */
  params: arrangementParamsIn,
  paramsUpdatedAt: z.number().int().nullable(),
  proposal: proposalOut,
  /** Wanbetalersregeling stage per zorgverzekeraar debt with recorded premium arrears. */
  premiumStages: z.array(z.object({ debtId: z.string(), creditor: z.string(), stage: premiumStageOut })),
});
export type ArrangementView = z.infer<typeof arrangementView>;

// ---- schemes

export const storedSchemeOut = z.object({
  scheme: schemeSchema,
  origin: z.enum(SCHEME_ORIGINS),
  /** A user copy replaces a bundled scheme with the same id. */
  replacesBundled: z.boolean(),
  updatedAt: z.number().int().nullable(),
});
export type StoredSchemeOut = z.infer<typeof storedSchemeOut>;

export const schemeFamilyOut = z.object({
  schemeId: z.string(),
  dossierId: z.string(),
  dossierNumber: z.string(),
  displayName: z.string(),
  city: z.string().nullable(),
  childrenCount: z.number().int(),
  fictitious: z.boolean(),
  status: z.enum(SCHEME_FAMILY_STATUSES),
  /** Matching debts at the scheme's creditor (ids). */
  debtIds: z.array(z.string()),
  arrears: figureOut,
  premiumStage: premiumStageOut.nullable(),
  feasible: z.boolean(),
  monthly: figureOut,
  months: z.number().int().nullable(),
  paid: figureOut,
  /** Arrears − paid: what is still owed after the term, forgiven or not. */
  remainder: figureOut.optional(),
  forgiven: figureOut,
  /** Plain Dutch: the amount, the term, what is forgiven, the CAK stage and the exit it leads to. */
  summary: z.string(),
  missing: z.array(z.object({ figure: z.string(), message: z.string() })),
  warnings: z.array(z.string()),
  /** The scheme's conditions at selection: "voldoet niet" with the reasons (the batch leaves it out unless overridden). */
  eligibility: z.object({ meets: z.boolean(), reasons: z.array(z.string()) }),
  /** Taken in although "voldoet niet": the stated reason (then the agreed amount is the monthly amount). */
  override: z.object({ reason: z.string(), reasonsNotMet: z.array(z.string()), at: z.number().int() }).nullable().optional(),
  /** Stored participation (when not a kandidaat). */
  agreedMonthly: amountOut.nullable(),
  startDate: z.string().nullable(),
});
export type SchemeFamilyOut = z.infer<typeof schemeFamilyOut>;

export const schemeDashboardOut = z.object({
  schemeId: z.string(),
  referenceDate: z.string(),
  families: z.number().int(),
  children: z.number().int(),
  arrears: amountOut,
  /** Sum of agreed monthly amounts (stored participations, else the computed feasible amount). */
  monthly: amountOut,
  expectedForgiveness: amountOut,
  byStatus: z.record(z.enum(SCHEME_FAMILY_STATUSES), z.number().int()),
  notFeasible: z.number().int(),
  missingFigures: z.number().int(),
  /** Participating families by how their conditions hold during the term ("voorwaarde geschonden" and the others). */
  byTermState: z.record(z.enum(TERM_STATES), z.number().int()),
  /** The families whose conditions are broken during the term, with why (in Dutch). */
  breached: z.array(
    z.object({ dossierId: z.string(), dossierNumber: z.string(), displayName: z.string(), status: z.enum(SCHEME_FAMILY_STATUSES), reasons: z.array(z.string()) }),
  ),
});
export type SchemeDashboardOut = z.infer<typeof schemeDashboardOut>;

export const schemeBatchIn = z.object({
  schemeId: z.string().min(1).max(64),
  filters: schemeFilterSchema.default({}),
  date: isoDate.optional(),
  /** One page of the group (ordered by dossier number); without it every family of the group (issue 10). */
  page: z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(50) }).optional(),
});

export const participantIn = z.object({
  schemeId: z.string().min(1).max(64),
  dossierId: z.string().min(1).max(64),
  /** null removes the participation (the family becomes a kandidaat again). */
  status: z.enum(PARTICIPANT_STATUSES).nullable(),
  agreedMonthly: nonNegative.nullable().optional(),
  startDate: isoDate.nullable().optional(),
});

// ---- serialisers

const amountOfD = (d: Decimal): string => toAmountString(d);

function overrideOf(o: { amount: string; reason: string } | undefined): AmountOverride | undefined {
  return o ? { amount: new Money(o.amount), reason: o.reason } : undefined;
}

/** Wire parameters -> engine parameters. */
export function toEngineParams(p: z.output<typeof arrangementParamsIn>): ArrangementParams {
  const out: ArrangementParams = {};
  if (p.months !== undefined) out.months = p.months;
  if (p.monthsReason !== undefined) out.monthsReason = p.monthsReason;
  if (p.factor !== undefined) out.factor = p.factor;
  if (p.variant !== undefined) out.variant = p.variant;
  if (p.startDate !== undefined) out.startDate = p.startDate;
  const c = overrideOf(p.capacityOverride);
  if (c) out.capacityOverride = c;
  const h = overrideOf(p.holidayPayOverride);
  if (h) out.holidayPayOverride = h;
  const pot = overrideOf(p.potOverride);
  if (pot) out.potOverride = pot;
  if (p.leaveOut !== undefined) out.leaveOut = [...p.leaveOut];
  return out;
}

export function serializePremiumStage(s: PremiumStageInfo): z.infer<typeof premiumStageOut> {
  return { ...s, exits: [...s.exits] };
}

export function serializeProposal(r: ProposalResult): ProposalOut {
  const fig = serializeFigure;
  return {
    status: r.status,
    variant: r.variant,
    months: r.months,
    factor: r.factor.toFixed(),
    startDate: r.startDate,
    monthlyCapacity: fig(r.monthlyCapacity),
    capacityOverTerm: fig(r.capacityOverTerm),
    holidayPay: fig(r.holidayPay),
    pot: fig(r.pot),
    percentages: { concurrent: fig(r.percentages.concurrent), preferent: fig(r.percentages.preferent) },
    creditors: r.creditors.map((c) => ({
      debtId: c.debtId,
      creditor: c.creditor,
      reference: c.reference,
      creditorKind: c.creditorKind,
      kind: c.kind,
      claim: amountOfD(c.claim),
      percentage: { value: amountOfD(c.percentage), exact: c.percentage.toFixed() },
      amount: fig(c.amount),
      capped: c.capped,
      schedule: c.schedule.map((s) => ({ month: s.month, dueDate: s.dueDate, amount: amountOfD(s.amount) })),
    })),
    excluded: r.excluded.map((e) => ({
      debtId: e.debtId,
      creditor: e.creditor,
      reference: e.reference,
      creditorKind: e.creditorKind,
      claim: amountOfD(e.claim),
      reason: e.reason,
    })),
    totals: { claims: fig(r.totals.claims), amounts: fig(r.totals.amounts), surplus: fig(r.totals.surplus) },
    centRule: r.centRule,
    nulAanbodText: r.nulAanbodText,
    missing: r.missing.map((m) => ({ ...m })),
    warnings: r.warnings.map((w) => ({ ...w })),
    source: r.source,
  };
}

export function serializeSchemeFamily(f: SchemeFamilyResult): SchemeFamilyOut {
  const fig = serializeFigure;
  return {
    schemeId: f.schemeId,
    dossierId: f.dossierId,
    dossierNumber: f.dossierNumber,
    displayName: f.displayName,
    city: f.city,
    childrenCount: f.childrenCount,
    fictitious: f.fictitious,
    status: f.status,
    debtIds: [...f.debtIds],
    arrears: fig(f.arrears),
    premiumStage: f.premiumStage ? serializePremiumStage(f.premiumStage) : null,
    feasible: f.feasible,
    monthly: fig(f.monthly),
    months: f.months,
    paid: fig(f.paid),
    remainder: fig(f.remainder),
    forgiven: fig(f.forgiven),
    summary: f.summary,
    missing: f.missing.map((m) => ({ ...m })),
    warnings: [...f.warnings],
    eligibility: { meets: f.eligibility.meets, reasons: [...f.eligibility.reasons] },
    override: f.override ? { reason: f.override.reason, reasonsNotMet: [...f.override.reasonsNotMet], at: f.override.at } : null,
    agreedMonthly: f.agreedMonthly ? amountOfD(f.agreedMonthly) : null,
    startDate: f.startDate,
  };
}

export function serializeSchemeDashboard(d: SchemeDashboard): SchemeDashboardOut {
  return {
    schemeId: d.schemeId,
    referenceDate: d.referenceDate,
    families: d.families,
    children: d.children,
    arrears: amountOfD(d.arrears),
    monthly: amountOfD(d.monthly),
    expectedForgiveness: amountOfD(d.expectedForgiveness),
    byStatus: { ...d.byStatus },
    notFeasible: d.notFeasible,
    missingFigures: d.missingFigures,
    byTermState: { ...d.byTermState },
    breached: d.breached.map((b) => ({ ...b, reasons: [...b.reasons] })),
  };
}
