// A signal ("systeemfout") recorded in a dossier: codes from the vocabulary plus a private note.
// Only the codes can ever reach the anonymised report; the note, the dates and the amounts stay in
// the vault (amounts leave only as bands, dates only as the registration quarter).
import { z } from 'zod';
import { isIsoDate } from '../dates';
import { AMOUNT_PATTERN } from '../money';
import { AMOUNT_DECIMALS_ERROR, amountProblem } from '../validation/amount';
import {
  EFFECT_CODES,
  INSTANTIE_CODES,
  MECHANISM_CODES,
  ROUTE_CODES,
  ROUTE_RESULT_CODES,
  VOCABULARY_VERSION,
} from './vocabulary';

// Own copies of the date and amount rules: dossier/schema.ts imports this file (interchange v2 block).
const isoDate = z.string().refine(isIsoDate, { message: 'Vul een geldige datum in (dd-mm-jjjj).' });
const nonNegativeAmount = z
  .string()
  .regex(AMOUNT_PATTERN, { error: (issue) => amountProblem(String(issue.input)) ?? AMOUNT_DECIMALS_ERROR })
  .refine((s) => !s.startsWith('-'), { message: 'Het bedrag mag niet negatief zijn.' });

/** Where the signal was recorded from; the form is pre-filled from that place. */
export const SIGNAL_SOURCES = ['dossier', 'budget', 'debt'] as const;
export type SignalSource = (typeof SIGNAL_SOURCES)[number];

/** Budget warnings a signal can be recorded from (the budget tab offers "Meld systeemfout" beside them). */
export const BUDGET_SIGNAL_WARNINGS = ['onder_bvv', 'tekort_bijstandsnorm', 'kinderbijslag_ontbreekt', 'kgb_ontbreekt'] as const;

export const signalDataSchema = z
  .object({
    instantie: z.enum(INSTANTIE_CODES, { message: 'Kies een instantie.' }),
    mechanism: z.enum(MECHANISM_CODES, { message: 'Kies een mechanisme.' }),
    effects: z
      .array(z.enum(EFFECT_CODES))
      .max(8)
      .default([])
      .refine((e) => new Set(e).size === e.length, { message: 'Elk gevolg hoogstens één keer.' }),
    route: z.enum(ROUTE_CODES).default('geen'),
    routeResult: z.enum(ROUTE_RESULT_CODES).default('nvt'),
    /** When the problem happened (stays in the vault; the report uses the registration quarter). */
    occurredOn: isoDate.nullable().optional(),
    /** One-off financial impact in euro ("1234.56"); leaves the office only as a band. */
    impactAmount: nonNegativeAmount.nullable().optional(),
    /** Monthly shortfall below the BVV / bestaansminimum in euro; leaves the office only as a band. */
    monthlyShortfall: nonNegativeAmount.nullable().optional(),
    source: z.enum(SIGNAL_SOURCES).default('dossier'),
    /** The debt it was recorded from (source 'debt'), or the budget warning (source 'budget'). */
    sourceRef: z.string().trim().max(64).nullable().optional(),
    /** Private note: never leaves the vault (not even in the anonymised report). */
    note: z.string().trim().max(5000, { message: 'Maximaal 5000 tekens.' }).optional(),
  })
  .strict();
export type SignalData = z.output<typeof signalDataSchema>;
export type SignalDataInput = z.input<typeof signalDataSchema>;

export const signalSchema = z.object({
  id: z.string(),
  dossierId: z.string(),
  dossierNumber: z.string(),
  vocabularyVersion: z.string(),
  /** Registration date in this vault: decides the report quarter (rule R1). An imported signal is registered on the import date. */
  recordedOn: isoDate,
  /** For an imported signal: the date it was first registered (in the office it came from); null when registered here. */
  originalRecordedOn: isoDate.nullable(),
  instantie: z.enum(INSTANTIE_CODES),
  mechanism: z.enum(MECHANISM_CODES),
  effects: z.array(z.enum(EFFECT_CODES)),
  route: z.enum(ROUTE_CODES),
  routeResult: z.enum(ROUTE_RESULT_CODES),
  occurredOn: isoDate.nullable(),
  impactAmount: z.string().nullable(),
  monthlyShortfall: z.string().nullable(),
  source: z.enum(SIGNAL_SOURCES),
  sourceRef: z.string().nullable(),
  note: z.string(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Signal = z.output<typeof signalSchema>;

/**
 * A signal as it travels in the interchange file (format version 2): no vault ids. `recordedOn` is the date the
 * signal was first registered, in whichever office; the importing vault registers it on the import date (R1).
 */
export const interchangeSignalSchema = signalDataSchema
  .extend({
    vocabularyVersion: z.string().max(20).default(VOCABULARY_VERSION),
    recordedOn: isoDate,
  })
  .strict();
export type InterchangeSignal = z.output<typeof interchangeSignalSchema>;

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;
export const PERIOD_PATTERN = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/;

/** Filters of the vault-wide overview. */
export const signalFilterSchema = z
  .object({
    dossierId: z.string().min(1).max(64).optional(),
    quarter: z.string().regex(QUARTER_PATTERN, { message: 'Kies een kwartaal als 2026-Q3.' }).optional(),
    instantie: z.enum(INSTANTIE_CODES).optional(),
    mechanismGroup: z.string().regex(/^M(1[0-2]|[1-9])$/).optional(),
    childEffect: z.boolean().optional(),
  })
  .strict();
export type SignalFilter = z.output<typeof signalFilterSchema>;

export const VOCABULARY = VOCABULARY_VERSION;
