// Contract schemas of the anonymised systeemfouten report (procedures report.*).
import { z } from 'zod';
import { REPORTER_ROLES } from '../systeemfouten/export';
import { jobId } from './jobs';

const period = z
  .string()
  .trim()
  .regex(/^20\d\d(-Q[1-4]|-H[12])?$/, { message: 'Kies een periode als 2026-Q3 (kwartaal), 2026-H1 (halfjaar) of 2026 (jaar).' });
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, { message: 'Geen geldige export-id.' });

export const reportPreviewInput = z
  .object({
    period,
    reporterRole: z.enum(REPORTER_ROLES).optional(),
    /** k can only be raised above 10. */
    k: z.number().int().min(10, { message: 'k is minstens 10.' }).max(100).optional(),
    /** A correction replaces the whole period: the exportId of the report it replaces. */
    supersedes: uuid.optional(),
  })
  .strict();

const cellOut = z.object({ key: z.array(z.string()), labels: z.array(z.string()), households: z.number().int(), events: z.number().int() });

export const reportPreviewOut = z.object({
  period: z.string(),
  periodType: z.enum(['quarter', 'halfyear', 'year']),
  /** True when this report may be signed and written now. */
  ok: z.boolean(),
  /** Why not, in Dutch (too few households, a ledger rule, the period has not ended, ...). */
  refusal: z.string().nullable(),
  reporterRole: z.enum(REPORTER_ROLES),
  k: z.number().int(),
  households: z.number().int(),
  signals: z.number().int(),
  outOfScopeHouseholds: z.number().int(),
  recodedHouseholds: z.number().int(),
  unallocatedHouseholds: z.number().int(),
  /** Share of households not in the tables ("0,0 %"). */
  suppressedShare: z.string(),
  levels: z.array(z.object({ dimension: z.string(), name: z.string(), level: z.string(), levelName: z.string() })),
  tables: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      dims: z.array(z.string()),
      cells: z.array(cellOut),
      rows: z.array(z.object({ key: z.array(z.string()), labels: z.array(z.string()), households: z.number().int() })).optional(),
    }),
  ),
  /** Pass back to report.export: proves this exact preview was shown and that nothing changed since. */
  previewHash: z.string().nullable(),
  supersedes: z.string().nullable(),
});
export type ReportPreview = z.infer<typeof reportPreviewOut>;

export const reportExportInput = reportPreviewInput.extend({
  previewHash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'Bekijk eerst wat dit kantoor verlaat en bevestig dat.' }),
  /** Progress as job.progress events; job.cancel stops it before anything is recorded in the ledger (issue 10 §2). */
  jobId: jobId.optional(),
});

export const reportExportOut = z.object({
  exportId: z.string(),
  period: z.string(),
  /** Neutral base for the three file names: "systeemfouten-2026-Q3". */
  fileBase: z.string(),
  /** The DSSE envelope (JSON text) holding the canonical payload and its Ed25519 signature. */
  envelope: z.string(),
  csv: z.string(),
  pdfBase64: z.string(),
  payloadSha256: z.string(),
  keyId: z.string(),
});

export const reportPublicKeyOut = z.object({
  keyId: z.string(),
  publicKeyPem: z.string(),
  createdAt: z.number().int(),
});

export const reportLedgerOut = z.object({
  intact: z.boolean(),
  entries: z.array(
    z.object({
      seq: z.number().int(),
      exportId: z.string(),
      period: z.string(),
      supersedes: z.string().nullable(),
      signals: z.number().int(),
      payloadSha256: z.string(),
      keyId: z.string(),
      createdAt: z.number().int(),
    }),
  ),
});

// --- vereniging (association) side ---
export const associationMergeInput = z
  .object({
    /** The received office files (DSSE envelopes as text). */
    files: z.array(z.object({ name: z.string().max(300), text: z.string().max(5_000_000) })).min(1, { message: 'Kies minstens één rapportbestand.' }).max(1000),
    /** The association's key register (JSON text). */
    register: z.string().min(1, { message: 'Kies het sleutelregister.' }).max(5_000_000),
    /** Progress as job.progress events (files checked, publication rendered); job.cancel stops it (it stores nothing). */
    jobId: jobId.optional(),
  })
  .strict();

export const associationMergeOut = z.object({
  accepted: z.array(z.object({ name: z.string(), period: z.string() })),
  rejected: z.array(z.object({ name: z.string(), reason: z.string() })),
  published: z
    .object({
      year: z.string(),
      periods: z.array(z.string()),
      offices: z.number().int(),
      rules: z.string(),
      tables: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          dims: z.array(z.string()),
          cells: z.array(z.object({ key: z.array(z.string()), labels: z.array(z.string()), households: z.number().int(), events: z.number().int() })),
        }),
      ),
      /** Per calendar quarter: T0 (households by mechanism), each quarter published on its own by the same rules. */
      quarters: z.array(
        z.object({
          period: z.string(),
          offices: z.number().int(),
          /** Sum of the quarter's published T0 cells. */
          households: z.number().int(),
          cells: z.array(z.object({ key: z.array(z.string()), labels: z.array(z.string()), households: z.number().int(), events: z.number().int() })),
        }),
      ),
      /** Half-year or year files (small offices): in the year's tables, in no quarter. */
      coarserPeriods: z.array(z.string()),
      /** The dashboard's charts by mechanism, instantie, region and effect, from the published cells only. */
      charts: z.array(
        z.object({
          id: z.enum(['mechanisme', 'instantie', 'regio', 'effect']),
          title: z.string(),
          note: z.string(),
          rows: z.array(z.object({ key: z.string(), label: z.string(), households: z.number().int() })),
        }),
      ),
    })
    .nullable(),
  csv: z.string().nullable(),
  jsonStat: z.string().nullable(),
  pdfBase64: z.string().nullable(),
});
