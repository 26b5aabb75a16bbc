// budget.batch (issue 10 §1): the key figures of many households at once, for the screens that list them (the
// office overview, the scheme selection). One page at a time, ordered by dossier number; a household whose
// budget cannot be computed carries its error code and Dutch message instead of figures, and never fails the page.
import { z } from 'zod';
import { isoDate } from '../dossier/schema';
import { amountOut } from './budget';
import { ERROR_CODES } from './errors';

/** Largest page: all households of a large office in one call stays possible, more is paged. */
export const BUDGET_BATCH_MAX_LIMIT = 10_000;
export const BUDGET_BATCH_DEFAULT_LIMIT = 100;
/**
 * Households the office overview asks per call (BudgetOverviewScreen): a page computes in well under a second, so
 * progress moves and "Stoppen" is quick, and one answer stays small (~150 KB) on its way through IPC.
 */
export const OVERVIEW_BATCH_SIZE = 500;

export const budgetBatchIn = z.object({
  /** Only these dossiers (default: every dossier in the vault). */
  dossierIds: z.array(z.string().min(1).max(64)).max(BUDGET_BATCH_MAX_LIMIT).optional(),
  /** One reference date for every household; default per household as budget.get: saved peildatum, else today. */
  date: isoDate.optional(),
  page: z
    .object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(BUDGET_BATCH_MAX_LIMIT).default(BUDGET_BATCH_DEFAULT_LIMIT),
    })
    .optional(),
});
export type BudgetBatchIn = z.output<typeof budgetBatchIn>;

/** The figures of one household, each as budget.get shows it (two decimals, half-up); null = not computable. */
export const budgetBatchFiguresOut = z.object({
  inkomen: amountOut.nullable(),
  bijstandsnorm: amountOut.nullable(),
  beslagvrijeVoet: amountOut.nullable(),
  vtlb: amountOut.nullable(),
  afloscapaciteit: amountOut.nullable(),
  saldo: amountOut.nullable(),
  /** How many warnings budget.get lists for this household. */
  warnings: z.number().int().min(0),
  /** "voorlopig: de normen per … zijn nog niet gepubliceerd", else null. */
  provisional: z.string().nullable(),
});

export const budgetBatchItemOut = z.object({
  dossierId: z.string(),
  /** Null when the dossier does not exist (error NOT_FOUND). */
  number: z.string().nullable(),
  /** "Jansen, Anna en Piet de Vries"; null when the dossier does not exist. */
  displayName: z.string().nullable(),
  referenceDate: z.string().nullable(),
  figures: budgetBatchFiguresOut.nullable(),
  /** Why this household has no figures (e.g. NORM_NOT_COVERED), else null. */
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).nullable(),
});
export type BudgetBatchItem = z.infer<typeof budgetBatchItemOut>;

export const budgetBatchOut = z.object({
  /** Households in the whole selection (all pages). */
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1),
  items: z.array(budgetBatchItemOut),
});
export type BudgetBatchOut = z.infer<typeof budgetBatchOut>;
