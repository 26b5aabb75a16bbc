// The creditor board and payments in the dossier interchange file (version 2, optional block
// `creditorBoards`). The file's debts carry no ids, so a step or payment names its debt by position in that
// dossier's `debts` array, and its dossier by position in `dossiers`. Files without the block (all version-1
// files) import unchanged. Self-contained (no import from the dossier schema, which includes this block).
import { z } from 'zod';
import { isIsoDate } from '../dates';
import { AMOUNT_PATTERN } from '../money';
import { AMOUNT_DECIMALS_ERROR, amountProblem } from '../validation/amount';
import { BOARD_STEPS } from './board';

const iso = z.string().refine(isIsoDate, { message: 'Vul een geldige datum in (dd-mm-jjjj).' });
const amount = z
  .string()
  .regex(AMOUNT_PATTERN, { error: (issue) => amountProblem(String(issue.input)) ?? AMOUNT_DECIMALS_ERROR })
  .refine((s) => !s.startsWith('-'), { message: 'Het bedrag mag niet negatief zijn.' });
const position = z.number().int().min(0).max(10_000);

export const boardInterchangeSchema = z.object({
  /** Position of the dossier in the file's `dossiers` (0 = the first). */
  dossier: position,
  settings: z
    .object({
      deadlineDays: z.number().int().min(1).max(3650),
      replyDays: z.number().int().min(1).max(365),
      startDate: iso.nullable(),
    })
    .optional(),
  events: z
    .array(
      z.object({
        /** Position of the debt in that dossier's `debts` (0 = the first). */
        debt: position,
        step: z.enum(BOARD_STEPS, { message: 'Onbekende stap op het schuldeisersbord.' }),
        date: iso,
        note: z.string().trim().max(2000).nullable().optional(),
        amount: amount.nullable().optional(),
      }),
    )
    .max(10_000)
    .default([]),
  payments: z
    .array(
      z.object({
        debt: position,
        month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Kies een maand (jjjj-mm).' }),
        amount: amount.refine((s) => !/^0+(\.0+)?$/.test(s), { message: 'Het bedrag moet groter zijn dan nul.' }),
        paidOn: iso,
        note: z.string().trim().max(2000).nullable().optional(),
      }),
    )
    .max(50_000)
    .default([]),
});
export type BoardInterchange = z.output<typeof boardInterchangeSchema>;

/** The block as it sits in the interchange file. */
export const creditorBoardsField = z.array(boardInterchangeSchema).max(1000).optional();
