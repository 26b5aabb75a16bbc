// File format of a norm table (one file per figure group). Bundled files live in resources/norms/; users can
// import files of the same format or enter a period by hand (origin 'user'). The JSON Schema in
// resources/schema/norms.schema.json is generated from this (scripts/gen-norms-schema.ts).
import { z } from 'zod';
import { isIsoDate, ISO_DATE_PATTERN } from '../dates';
import { unknownFields } from '../strict-json';

export const NORM_FORMAT = 'houvast.norms' as const;
export const NORM_VERSION = 1 as const;

/** Figure groups the app knows. A file for another group is rejected (nothing would use it). */
export const NORM_GROUPS = [
  'bijstandsnormen',
  'beslagvrije_voet',
  'kinderbijslag',
  'kindgebonden_budget',
  'zorgverzekering',
  'aow_leeftijd',
] as const;
export type NormGroup = (typeof NORM_GROUPS)[number];

export const NORM_GROUP_LABELS: Record<NormGroup, string> = {
  bijstandsnormen: 'Bijstandsnormen',
  beslagvrije_voet: 'Maximale beslagvrije voet',
  kinderbijslag: 'Kinderbijslag',
  kindgebonden_budget: 'Kindgebonden budget',
  zorgverzekering: 'Zorgverzekering (eigen risico, premies)',
  aow_leeftijd: 'AOW-leeftijd',
};

/** Status markers of RULES.md / norms.json. */
export const NORM_STATUSES = ['official', 'secondary', 'secondary_uncertain', 'derived', 'conflict', 'missing'] as const;
export type NormStatus = (typeof NORM_STATUSES)[number];
export const NORM_STATUS_LABELS: Record<NormStatus, string> = {
  official: 'officieel',
  secondary: 'secundaire bron',
  secondary_uncertain: 'secundaire bron, onzeker',
  derived: 'afgeleid',
  conflict: 'bronnen spreken elkaar tegen',
  missing: 'ontbreekt',
};

export const NORM_ORIGINS = ['bundled', 'user'] as const;
export type NormOrigin = (typeof NORM_ORIGINS)[number];

/** A figure: a non-negative decimal string (amounts with 2 decimals, fractions such as "0.0760", counts). */
export const FIGURE_PATTERN = /^\d{1,9}(\.\d{1,6})?$/;
export const FIGURE_KEY_PATTERN = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;
const MONTH_DAY_PATTERN = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const isoDateString = z
  .string()
  .regex(ISO_DATE_PATTERN, { message: 'Gebruik een datum als JJJJ-MM-DD.' })
  .refine(isIsoDate, { message: 'Dit is geen bestaande datum.' });
const sourceList = z
  .array(z.string().trim().min(1, { message: 'Een bron mag niet leeg zijn.' }))
  .min(1, { message: 'Noem minstens één bron (URL).' });

export const normPeriodSchema = z.object({
  /** Last day the figures apply; default: the day before the next period, or for the last period the day
   *  before the next indexation date after its start. */
  validTo: isoDateString.optional(),
  status: z.enum(NORM_STATUSES, { message: `Onbekende status; kies uit: ${NORM_STATUSES.join(', ')}.` }),
  source: sourceList,
  figures: z.record(
    z.string().regex(FIGURE_KEY_PATTERN, { message: 'Ongeldige naam van een bedrag: gebruik kleine letters, cijfers en _ (delen gescheiden door een punt).' }),
    z.string().regex(FIGURE_PATTERN, { message: 'Een bedrag is een getal zoals "1401.50" (hoogstens zes decimalen).' }),
  ),
  /** Status of single figures when it differs from the period's (e.g. derived excl.-VT norms). */
  figureStatus: z.record(z.string(), z.enum(NORM_STATUSES, { message: `Onbekende status; kies uit: ${NORM_STATUSES.join(', ')}.` })).optional(),
  /** Figures known to be absent for this period: never guessed, the engine reports them by name. */
  missing: z.array(z.string().min(1)).optional(),
  notes: z.array(z.string()).optional(),
});
export type NormPeriod = z.output<typeof normPeriodSchema>;

export const normFileSchema = z
  .object({
    format: z.literal(NORM_FORMAT, { message: `Dit is geen normtabel (format moet "${NORM_FORMAT}" zijn).` }),
    version: z.literal(NORM_VERSION, { message: `Onbekende versie van het normbestand (verwacht ${NORM_VERSION}).` }),
    group: z.enum(NORM_GROUPS, { message: `Onbekende normgroep; kies uit: ${NORM_GROUPS.join(', ')}.` }),
    title: z.string().trim().min(1, { message: 'De titel ontbreekt.' }),
    unit: z.string().trim().min(1, { message: 'De eenheid ontbreekt.' }),
    origin: z.enum(NORM_ORIGINS, { message: 'Herkomst moet "bundled" of "user" zijn.' }),
    /** Dates (MM-DD) on which the group is indexed; bounds the validity of the last period. */
    indexationDates: z
      .array(z.string().regex(MONTH_DAY_PATTERN, { message: 'Indexatiedatum als MM-DD, bijvoorbeeld 01-01.' }))
      .min(1, { message: 'Noem minstens één indexatiedatum.' }),
    source: sourceList,
    notes: z.array(z.string()).optional(),
    /** Dutch labels of figure keys (or of their prefixes). */
    figureLabels: z.record(z.string(), z.string()).optional(),
    periods: z.record(
      z.string().regex(ISO_DATE_PATTERN, { message: 'Een periode begint op een datum als JJJJ-MM-DD.' }),
      normPeriodSchema,
    ),
  })
  // Runs even when other fields are invalid (when: always), so a rejected file lists all its problems at once;
  // therefore it reads the raw value defensively.
  .superRefine(
    (raw, ctx) => {
      if (typeof raw !== 'object' || raw === null) return; // the object check above reports it
      const file = raw as { periods?: unknown };
      if (typeof file.periods !== 'object' || file.periods === null) return;
      const periods = file.periods as Record<string, unknown>;
      const starts = Object.keys(periods).sort();
      if (starts.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['periods'], message: 'Het bestand bevat geen perioden.' });
      }
      starts.forEach((start, i) => {
        const path = ['periods', start];
        if (!isIsoDate(start)) ctx.addIssue({ code: 'custom', path, message: `${start} is geen bestaande datum.` });
        const p = periods[start] as Partial<Record<string, unknown>> | null;
        if (typeof p !== 'object' || p === null) return;
        const validTo = typeof p.validTo === 'string' ? p.validTo : undefined;
        if (validTo !== undefined) {
          if (validTo < start) {
            ctx.addIssue({ code: 'custom', path: [...path, 'validTo'], message: 'De einddatum ligt voor de begindatum.' });
          }
          const next = starts[i + 1];
          if (next !== undefined && validTo >= next) {
            ctx.addIssue({ code: 'custom', path: [...path, 'validTo'], message: `De periode overlapt met de volgende periode (vanaf ${next}).` });
          }
        }
        const figures = typeof p.figures === 'object' && p.figures !== null ? (p.figures as Record<string, unknown>) : {};
        const keys = Object.keys(figures);
        if (p.status !== 'missing' && keys.length === 0) {
          ctx.addIssue({ code: 'custom', path: [...path, 'figures'], message: 'De periode bevat geen bedragen.' });
        }
        const fs = typeof p.figureStatus === 'object' && p.figureStatus !== null ? Object.keys(p.figureStatus) : [];
        for (const k of fs) {
          if (!(k in figures)) ctx.addIssue({ code: 'custom', path: [...path, 'figureStatus', k], message: `Status voor onbekend bedrag "${k}".` });
        }
        const missing = Array.isArray(p.missing) ? p.missing.filter((m): m is string => typeof m === 'string') : [];
        for (const m of missing) {
          const name = m.split(' ')[0]!;
          if (keys.some((k) => k === name || k.startsWith(`${name}.`))) {
            ctx.addIssue({ code: 'custom', path: [...path, 'missing'], message: `"${name}" staat als ontbrekend vermeld maar heeft ook een bedrag.` });
          }
        }
      });
    },
    { when: () => true },
  );

export type NormFile = z.output<typeof normFileSchema>;

export type NormFileValidation = { ok: true; file: NormFile } | { ok: false; reasons: string[] };

/**
 * Validate parsed JSON as a norm file. Rejects the whole file; reasons are Dutch and name the place
 * ("periods › 2026-07-01 › figures › x: ...") so a user can fix the file.
 */
export function validateNormData(json: unknown): NormFileValidation {
  const r = normFileSchema.safeParse(json, { reportInput: true });
  if (r.success) {
    // A field the format does not have is refused rather than dropped (a misspelt optional field: strict-json.ts).
    const unknown = unknownFields(json, r.data);
    if (unknown.length === 0) return { ok: true, file: r.data };
    return { ok: false, reasons: unknown.map((i) => `${i.path.split('.').join(' › ')}: ${i.message}`) };
  }
  const reasons = r.error.issues.map((issue) => {
    const where = issue.path.map(String).join(' › ');
    const missingValue = issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined;
    const msg = missingValue ? 'ontbreekt.' : issue.message;
    return where ? `${where}: ${msg}` : msg;
  });
  return { ok: false, reasons };
}
