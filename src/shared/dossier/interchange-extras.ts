// Interchange version 2, "daily use" block (issue 7): besides the household data a dossier carries everything
// else it holds in the vault: its budget inputs and its stored documents (budget plans; letters too once they
// are stored as documents) as attachments. Both are optional, so version-1 files import unchanged. Kept in its
// own module (and its own block per dossier) so other branches' additions merge cleanly.
import { z } from 'zod';
import { budgetInputsSchema } from '../budget/inputs';
import { NORM_GROUPS, NORM_ORIGINS } from '../budget/norm-schema';
import { interchangeDossierSchema, interchangeSchema, isoDate } from './schema';

/**
 * Kinds of stored documents that travel: budget plans (the documents table) and the regeling's letters
 * (issue 8: proposal letters and the schuldenoverzicht, the arrangement_letters table). A scheme batch's
 * overview for a creditor covers many families and never travels with one dossier.
 */
export const ATTACHMENT_KINDS = ['budgetplan', 'voorstel', 'schuldenoverzicht'] as const;
/** The letter kinds among them. */
export const LETTER_ATTACHMENT_KINDS = ['voorstel', 'schuldenoverzicht'] as const;
/** A generous bound per attachment (base64 of about 15 MB). */
export const MAX_ATTACHMENT_BASE64 = 20_000_000;

const base64 = z
  .string()
  .max(MAX_ATTACHMENT_BASE64, { message: 'Deze bijlage is te groot.' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'De inhoud van de bijlage is geen geldige base64-tekst.' });

/** base64 of "%PDF-" starts with "JVBERi0". */
const PDF_MAGIC_BASE64 = 'JVBERi0';

export const attachmentSchema = z
  .object({
    kind: z.enum(ATTACHMENT_KINDS, { message: 'Onbekend soort bijlage.' }),
    fileName: z.string().trim().min(1, { message: 'Een bijlage heeft een bestandsnaam.' }).max(200),
    mime: z.literal('application/pdf', { message: 'Alleen PDF-bijlagen worden ondersteund.' }),
    /** Epoch ms when the document was made. */
    createdAt: z.number().int().nonnegative(),
    /** Peildatum the document was computed for (budget plans). */
    referenceDate: isoDate.nullable().optional(),
    /** Norm periods the document used (budget plans). */
    normPeriods: z
      .array(z.object({ group: z.enum(NORM_GROUPS), start: isoDate, end: isoDate, origin: z.enum(NORM_ORIGINS) }))
      .max(100)
      .optional(),
    // Letters (issue 8): the creditor a proposal letter is addressed to, by position in this dossier's
    // `debts` (0 = the first; null when that debt is no longer in the dossier), and whether the letter
    // prints the BSN.
    debt: z.number().int().min(0).max(10_000).nullable().optional(),
    includesBsn: z.boolean().optional(),
    contentBase64: base64,
  })
  .refine((a) => a.contentBase64.startsWith(PDF_MAGIC_BASE64), { message: 'De bijlage is geen PDF-bestand.', path: ['contentBase64'] })
  .refine((a) => a.kind === 'voorstel' || a.debt === undefined || a.debt === null, {
    message: 'Alleen een voorstelbrief hoort bij een schuldeiser.',
    path: ['debt'],
  });
export type Attachment = z.output<typeof attachmentSchema>;

export const dossierExtrasSchema = z.object({
  /** Budget inputs (stated BVV, kostendelers, VTLB corrections, peildatum); absent = none entered. */
  budgetInputs: budgetInputsSchema.optional(),
  /** Stored documents, oldest first. */
  attachments: z.array(attachmentSchema).max(200).optional(),
});
export type DossierExtras = z.output<typeof dossierExtrasSchema>;

/** The full interchange file: version 1 or 2, each dossier with the optional version-2 blocks. */
export const fullInterchangeSchema = interchangeSchema.extend({
  dossiers: z.array(interchangeDossierSchema.and(dossierExtrasSchema)).min(1, { message: 'Het bestand bevat geen dossiers.' }),
});
export type FullInterchangeFile = z.output<typeof fullInterchangeSchema>;
