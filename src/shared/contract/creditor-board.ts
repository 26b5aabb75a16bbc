// Contract of the creditor board, the payments and the arrangement letters (issue 8 §4). Amounts cross the
// wire as "1234.56" strings; every figure is computed in the core (src/shared/creditor-board) and only shown
// by the renderer.
import { z } from 'zod';
import {
  BOARD_STEPS,
  CREDITOR_STATE_LABELS,
  DEFAULT_DEADLINE_DAYS,
  DEFAULT_REPLY_DAYS,
  type BoardResult,
  type CreditorState,
  type RegelingState,
  REGELING_STATE_LABELS,
} from '../creditor-board/board';
import type { Payment, RegelingProgress } from '../creditor-board/payments';
import type { Recalculation } from '../creditor-board/recalc';
import { schemeFilterSchema } from '../arrangement/scheme';
import { conditionOverrideIn } from './scheme-conditions';
import { localPath } from './vault';
import { jobId } from './jobs';
import { isoDate, nonNegativeAmount } from '../dossier/schema';
import { roundCents, sum, toAmountString } from '../money';

const dossierId = z.string().min(1).max(64);
const itemId = z.string().min(1).max(64);
const amountOut = z.string().regex(/^-?\d+\.\d{2}$/);
const CREDITOR_STATES = Object.keys(CREDITOR_STATE_LABELS) as [CreditorState, ...CreditorState[]];
const REGELING_STATES = Object.keys(REGELING_STATE_LABELS) as [RegelingState, ...RegelingState[]];

function procedure<I extends z.ZodType, O extends z.ZodType>(def: { input: I; output: O; unlocked: boolean; summary: string }) {
  return def;
}

export const boardEventOut = z.object({
  id: z.string(),
  debtId: z.string(),
  step: z.enum(BOARD_STEPS),
  date: z.string(),
  note: z.string().nullable(),
  amount: amountOut.nullable(),
  createdAt: z.number().int(),
});

export const paymentOut = z.object({
  id: z.string(),
  debtId: z.string(),
  month: z.string(),
  amount: amountOut,
  paidOn: z.string(),
  note: z.string().nullable(),
  createdAt: z.number().int(),
});

export const boardView = z.object({
  dossierId: z.string(),
  today: z.string(),
  settings: z.object({ deadlineDays: z.number().int(), replyDays: z.number().int(), startDate: z.string().nullable() }),
  creditors: z.array(
    z.object({
      debtId: z.string(),
      creditor: z.string(),
      kind: z.enum(['concurrent', 'preferent']),
      state: z.enum(CREDITOR_STATES),
      stateLabel: z.string(),
      lastDate: z.string().nullable(),
      claim: amountOut,
      claimSource: z.enum(['saldo_schuldeiser', 'dossier']),
      replyDue: z.string().nullable(),
      daysOverdue: z.number().int(),
      reminder: z.string().nullable(),
      agreedOn: z.string().nullable(),
      events: z.array(boardEventOut),
    }),
  ),
  /** Sum of the creditors' claims as shown (each in cents). */
  totalClaims: amountOut,
  regeling: z.enum(REGELING_STATES),
  regelingLabel: z.string(),
  inForceSince: z.string().nullable(),
  clock: z
    .object({
      startDate: z.string(),
      deadline: z.string(),
      deadlineDays: z.number().int(),
      daysElapsed: z.number().int(),
      daysLeft: z.number().int(),
      expired: z.boolean(),
      text: z.string(),
    })
    .nullable(),
  reminders: z.array(z.string()),
  counts: z.record(z.enum(CREDITOR_STATES), z.number().int()),
  dwangakkoord: z
    .object({
      totalClaims: amountOut,
      creditorsTotal: z.number().int(),
      agreedCount: z.number().int(),
      agreedClaims: amountOut,
      agreedSharePct: z.string(),
      refusingCount: z.number().int(),
      refusingClaims: amountOut,
      refusingSharePct: z.string(),
      pendingCount: z.number().int(),
      pendingClaims: amountOut,
      refusing: z.array(z.object({ debtId: z.string(), creditor: z.string(), claim: amountOut, offered: amountOut.nullable(), state: z.enum(CREDITOR_STATES) })),
    })
    .nullable(),
  options: z.array(z.string()),
  /** Where the payment targets come from: the stored proposal's offers, or the claims when there is none. */
  targetSource: z.enum(['voorstel', 'vordering']),
  payments: z.array(paymentOut),
  progress: z.object({
    creditors: z.array(
      z.object({
        debtId: z.string(),
        creditor: z.string(),
        target: amountOut,
        paid: amountOut,
        remaining: amountOut,
        percent: z.string(),
        months: z.number().int(),
        lastPaidOn: z.string().nullable(),
      }),
    ),
    target: amountOut,
    paid: amountOut,
    remaining: amountOut,
    percent: z.string(),
    perMonth: z.array(z.object({ month: z.string(), paid: amountOut })),
  }),
  /** Schuldbemiddeling with payments: the outcome with the current afloscapaciteit over the remaining months. */
  recalculation: z
    .object({
      term: z.number().int(),
      monthsPaid: z.number().int(),
      remainingMonths: z.number().int(),
      monthlyCapacity: amountOut,
      remainingPot: amountOut,
      lines: z.array(z.object({ debtId: z.string(), creditor: z.string(), claim: amountOut, paid: amountOut, expected: amountOut, total: amountOut, percent: z.string() })),
      totals: z.object({ claim: amountOut, paid: amountOut, expected: amountOut, total: amountOut }),
    })
    .nullable(),
});
export type BoardView = z.infer<typeof boardView>;

const monthPattern = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Kies een maand (jjjj-mm).' });
const note = z.string().trim().max(2000, { message: 'Maximaal 2000 tekens.' }).optional();

export const addBoardEventInput = z.object({
  dossierId,
  debtId: itemId,
  step: z.enum(BOARD_STEPS, { message: 'Kies een stap.' }),
  date: isoDate,
  note,
  /** Only for "saldo ontvangen": the balance the creditor stated. */
  amount: nonNegativeAmount.optional(),
});

export const boardSettingsInput = z.object({
  dossierId,
  deadlineDays: z
    .number({ message: 'Vul een aantal dagen in.' })
    .int({ message: 'Vul een heel aantal dagen in.' })
    .min(1, { message: 'De termijn is minstens 1 dag.' })
    .max(3650, { message: 'De termijn is hoogstens 3650 dagen.' })
    .default(DEFAULT_DEADLINE_DAYS),
  replyDays: z
    .number({ message: 'Vul een aantal dagen in.' })
    .int({ message: 'Vul een heel aantal dagen in.' })
    .min(1, { message: 'De reactietermijn is minstens 1 dag.' })
    .max(365, { message: 'De reactietermijn is hoogstens 365 dagen.' })
    .default(DEFAULT_REPLY_DAYS),
  startDate: isoDate.nullable().default(null),
});

export const recordPaymentInput = z.object({
  dossierId,
  debtId: itemId,
  month: monthPattern,
  amount: nonNegativeAmount.refine((s) => !/^0+(\.0+)?$/.test(s), { message: 'Het bedrag moet groter zijn dan nul.' }),
  paidOn: isoDate,
  note,
});

export const LETTER_KINDS = ['voorstel', 'schuldenoverzicht', 'batch_overzicht'] as const;
export const letterSummaryOut = z.object({
  id: z.string(),
  dossierId: z.string(),
  debtId: z.string().nullable(),
  kind: z.enum(LETTER_KINDS),
  fileName: z.string(),
  createdAt: z.number().int(),
  size: z.number().int(),
  includesBsn: z.boolean(),
});
export type LetterSummary = z.infer<typeof letterSummaryOut>;
export const letterContentOut = z.object({ id: z.string(), fileName: z.string(), mime: z.string(), contentBase64: z.string() });

export const creditorBoardContract = {
  'board.get': procedure({
    summary: 'The creditor board of a dossier: steps per creditor, reminders, the deadline clock, regeling state, payments and progress.',
    unlocked: true,
    input: z.object({ dossierId }),
    output: boardView,
  }),
  'board.addEvent': procedure({
    summary: 'Record a step (saldoverzoek, saldo ontvangen, voorstel, akkoord, afwijzing, heroverweging, geen reactie) for one creditor.',
    unlocked: true,
    input: addBoardEventInput,
    output: boardView,
  }),
  'board.removeEvent': procedure({
    summary: 'Remove a step recorded by mistake.',
    unlocked: true,
    input: z.object({ dossierId, eventId: itemId }),
    output: boardView,
  }),
  'board.saveSettings': procedure({
    summary: 'Deadline (days) for reaching a regeling, reply term for creditors and the start of the creditor phase.',
    unlocked: true,
    input: boardSettingsInput,
    output: boardView,
  }),
  'payments.record': procedure({
    summary: 'Record a payment to one creditor for one month of the regeling.',
    unlocked: true,
    input: recordPaymentInput,
    output: boardView,
  }),
  'payments.remove': procedure({
    summary: 'Remove a payment recorded by mistake.',
    unlocked: true,
    input: z.object({ dossierId, paymentId: itemId }),
    output: boardView,
  }),
  'letters.create': procedure({
    summary: 'Make a proposal letter for one creditor, or the schuldenoverzicht, from the saved proposal; stored encrypted in the dossier and returned.',
    unlocked: true,
    input: z.object({
      dossierId,
      kind: z.enum(['voorstel', 'schuldenoverzicht']),
      debtId: itemId.optional(),
      /** The BSN is printed only when the user chooses so. */
      includeBsn: z.boolean().default(false),
      /** Also record "betaalvoorstel verstuurd" on the creditor board. */
      recordSent: z.boolean().default(false),
    }),
    output: z.object({ letter: letterSummaryOut, contentBase64: z.string() }),
  }),
  'letters.list': procedure({
    summary: 'Letters and overviews stored in a dossier (without content), newest first.',
    unlocked: true,
    input: z.object({ dossierId }),
    output: z.array(letterSummaryOut),
  }),
  'letters.get': procedure({
    summary: 'One stored letter with its content (base64); logged as an export.',
    unlocked: true,
    input: z.object({ id: itemId }),
    output: letterContentOut,
  }),
  'letters.exportToFolder': procedure({
    summary: 'Write the stored letters of a dossier (all, or the chosen ones) as PDF files into a folder the user picks; never over an existing file; logged as an export.',
    unlocked: true,
    input: z.object({
      dossierId,
      /** Absolute path of an existing folder outside the vault. */
      folder: localPath('Kies een map.'),
      ids: z.array(itemId).min(1).max(1000).optional(),
    }),
    output: z.object({ folder: z.string(), files: z.array(z.string()) }),
  }),
  'schemes.produceBatch': procedure({
    summary: 'Group batch of a zorgpremie scheme: a letter per selected family (stored in its dossier) and one overview for the creditor (PDF and CSV); candidates become "voorgesteld".',
    unlocked: true,
    input: z.object({
      schemeId: z.string().min(1).max(64),
      filters: schemeFilterSchema.default({}),
      dossierIds: z.array(dossierId).min(1, { message: 'Kies minstens één gezin voor de batch.' }).max(500),
      includeBsn: z.boolean().default(false),
      /** Families that do not meet the scheme's conditions enter only with a reason (issue 8 §3). */
      overrides: z.array(conditionOverrideIn).max(500).default([]),
      /** Progress (letters made) as job.progress events; job.cancel stops it before any letter is stored (issue 10 §2). */
      jobId: jobId.optional(),
    }),
    output: z.object({
      files: z.array(z.object({ fileName: z.string(), mime: z.string(), contentBase64: z.string() })),
      proposed: z.number().int(),
    }),
  }),
} as const;

// ---------------------------------------------------------------------------------------------- serialiser

const a = toAmountString;

export function serializeBoard(
  dossierIdValue: string,
  today: string,
  board: BoardResult,
  payments: readonly Payment[],
  progress: RegelingProgress,
  targetSource: 'voorstel' | 'vordering',
  recalc: Recalculation | null = null,
): BoardView {
  return {
    dossierId: dossierIdValue,
    today,
    settings: { ...board.settings },
    creditors: board.creditors.map((c) => ({
      debtId: c.debtId,
      creditor: c.creditor,
      kind: c.kind,
      state: c.state,
      stateLabel: CREDITOR_STATE_LABELS[c.state],
      lastDate: c.lastDate,
      claim: a(c.claim),
      claimSource: c.claimSource,
      replyDue: c.replyDue,
      daysOverdue: c.daysOverdue,
      reminder: c.reminder,
      agreedOn: c.agreedOn,
      events: c.events.map((e) => ({ ...e })),
    })),
    totalClaims: a(sum(board.creditors.map((c) => roundCents(c.claim)))),
    regeling: board.regeling,
    regelingLabel: REGELING_STATE_LABELS[board.regeling],
    inForceSince: board.inForceSince,
    clock: board.clock ? { ...board.clock } : null,
    reminders: [...board.reminders],
    counts: { ...board.counts },
    dwangakkoord: board.dwangakkoord
      ? {
          totalClaims: a(board.dwangakkoord.totalClaims),
          creditorsTotal: board.dwangakkoord.creditorsTotal,
          agreedCount: board.dwangakkoord.agreedCount,
          agreedClaims: a(board.dwangakkoord.agreedClaims),
          agreedSharePct: board.dwangakkoord.agreedSharePct.toFixed(2),
          refusingCount: board.dwangakkoord.refusingCount,
          refusingClaims: a(board.dwangakkoord.refusingClaims),
          refusingSharePct: board.dwangakkoord.refusingSharePct.toFixed(2),
          pendingCount: board.dwangakkoord.pendingCount,
          pendingClaims: a(board.dwangakkoord.pendingClaims),
          refusing: board.dwangakkoord.refusing.map((r) => ({
            debtId: r.debtId,
            creditor: r.creditor,
            claim: a(r.claim),
            offered: r.offered ? a(r.offered) : null,
            state: r.state,
          })),
        }
      : null,
    options: [...board.options],
    targetSource,
    payments: payments.map((p) => ({ ...p })),
    progress: {
      creditors: progress.creditors.map((c) => ({
        debtId: c.debtId,
        creditor: c.creditor,
        target: a(c.target),
        paid: a(c.paid),
        remaining: a(c.remaining),
        percent: c.percent.toFixed(1),
        months: c.months,
        lastPaidOn: c.lastPaidOn,
      })),
      target: a(progress.target),
      paid: a(progress.paid),
      remaining: a(progress.remaining),
      percent: progress.percent.toFixed(1),
      perMonth: progress.perMonth.map((m) => ({ month: m.month, paid: a(m.paid) })),
    },
    recalculation: recalc
      ? {
          term: recalc.term,
          monthsPaid: recalc.monthsPaid,
          remainingMonths: recalc.remainingMonths,
          monthlyCapacity: a(recalc.monthlyCapacity),
          remainingPot: a(recalc.remainingPot),
          lines: recalc.lines.map((l) => ({ debtId: l.debtId, creditor: l.creditor, claim: a(l.claim), paid: a(l.paid), expected: a(l.expected), total: a(l.total), percent: l.percent.toFixed(2) })),
          totals: { claim: a(recalc.totals.claim), paid: a(recalc.totals.paid), expected: a(recalc.totals.expected), total: a(recalc.totals.total) },
        }
      : null,
  };
}
