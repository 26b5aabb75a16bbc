// Contract of the tracked zorgpremie scheme conditions (issue 8 §3): per dossier, for every scheme it takes
// part in, whether the conditions hold during the term (recorded payments, no new arrears) and, when it
// entered a batch despite "voldoet niet", the reason given. Figures come from src/shared/arrangement/
// scheme-conditions.ts; the renderer only shows them.
import { z } from 'zod';
import { PARTICIPANT_STATUSES } from '../dossier/schema';
import { TERM_STATES, type TermCheck } from '../arrangement/scheme-conditions';
import { toAmountString } from '../money';

const dossierId = z.string().min(1).max(64);
const amountOut = z.string().regex(/^-?\d+\.\d{2}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

function procedure<I extends z.ZodType, O extends z.ZodType>(def: { input: I; output: O; unlocked: boolean; summary: string }) {
  return def;
}

export const termCheckOut = z.object({
  state: z.enum(TERM_STATES),
  stateLabel: z.string(),
  startDate: z.string().nullable(),
  agreedMonthly: amountOut.nullable(),
  months: z.array(z.object({ month: z.string(), due: amountOut, paid: amountOut, missed: z.boolean() })),
  missedMonths: z.array(z.string()),
  newArrears: z.array(z.object({ debtId: z.string(), creditor: z.string(), since: z.string(), amount: amountOut })),
  reasons: z.array(z.string()),
  next: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type TermCheckOut = z.infer<typeof termCheckOut>;

export const schemeConditionsOut = z.object({
  schemeId: z.string(),
  schemeName: z.string(),
  creditor: z.string(),
  status: z.enum(PARTICIPANT_STATUSES),
  /** Entered despite "voldoet niet": the user's reason and what was not met then. */
  override: z.object({ reason: z.string(), reasonsNotMet: z.array(z.string()), at: z.number().int() }).nullable(),
  term: termCheckOut,
});
export type SchemeConditionsOut = z.infer<typeof schemeConditionsOut>;

/** One family that does not meet a scheme's conditions, entered in a batch anyway, with the user's reason. */
export const conditionOverrideIn = z.object({
  dossierId,
  reason: z.string().trim().min(10, { message: 'Geef een reden van minstens 10 tekens waarom dit gezin toch meedoet.' }).max(1000),
});

export const schemeConditionsContract = {
  'schemes.conditions': procedure({
    summary: 'The zorgpremie schemes a dossier takes part in, with their conditions during the term (missed months, new arrears, what happens next).',
    unlocked: true,
    input: z.object({ dossierId, date: isoDate.optional() }),
    output: z.array(schemeConditionsOut),
  }),
} as const;

export function serializeTermCheck(t: TermCheck): TermCheckOut {
  return {
    state: t.state,
    stateLabel: t.stateLabel,
    startDate: t.startDate,
    agreedMonthly: t.agreedMonthly ? toAmountString(t.agreedMonthly) : null,
    months: t.months.map((m) => ({ month: m.month, due: toAmountString(m.due), paid: toAmountString(m.paid), missed: m.missed })),
    missedMonths: [...t.missedMonths],
    newArrears: t.newArrears.map((n) => ({ debtId: n.debtId, creditor: n.creditor, since: n.since, amount: toAmountString(n.amount) })),
    reasons: [...t.reasons],
    next: [...t.next],
    warnings: [...t.warnings],
  };
}
