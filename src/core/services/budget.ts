// Budget per dossier: the stored budget inputs (stated BVV, kostendelers, VTLB corrections) and the engine run
// over the dossier with the vault's norm tables. `computeBudgetView` is the one place that turns (dossier,
// inputs, norms, date) into what the app and the CLI show, so both give the same figures.
import {
  budgetInputsSchema,
  computeBudget,
  EMPTY_BUDGET_INPUTS,
  NormNotCoveredError,
  projectBudget,
  toBudgetJson,
  type BudgetInputs,
  type BudgetJson,
  type BudgetResult,
  type NormSet,
  type Projection,
} from '../../shared/budget';
import { serializeBudgetResult, serializeProjection, type BudgetView } from '../../shared/contract/budget';
import { AppError } from '../../shared/contract/errors';
import { isoDateOf } from '../../shared/dates';
import type { Dossier, DossierData } from '../../shared/dossier/schema';
import type { AuditService } from './audit';
import type { ServiceContext } from './context';
import type { DossierService } from './dossiers';
import type { NormsService } from './norms';

export const PROJECTION_MONTHS = 24;

export interface ComputedBudget {
  result: BudgetResult;
  projection: Projection;
  json: BudgetJson;
}

/**
 * Pure: run the engine and the projection. An uncovered date becomes AppError NORM_NOT_COVERED with the
 * engine's Dutch message (NormNotCoveredError already is one; it is re-thrown as a plain AppError so every
 * transport sees the same shape).
 */
export function computeBudgetView(dossier: DossierData, inputs: BudgetInputs, norms: NormSet, referenceDate: string): ComputedBudget {
  try {
    const result = computeBudget(dossier, inputs, norms, referenceDate);
    const projection = projectBudget(dossier, inputs, norms, referenceDate, PROJECTION_MONTHS);
    return { result, projection, json: toBudgetJson(result, projection) };
  } catch (err) {
    if (err instanceof NormNotCoveredError) throw new AppError('NORM_NOT_COVERED', err.message);
    throw err;
  }
}

export interface BudgetService {
  /** Stored inputs (defaults when none were saved) and when they were saved. */
  inputs(dossierId: string): { inputs: BudgetInputs; updatedAt: number | null };
  saveInputs(dossierId: string, inputs: BudgetInputs): { inputs: BudgetInputs; updatedAt: number };
  /** Reference date: `date`, else the stored inputs' peildatum, else today (clock). */
  compute(dossierId: string, date?: string): Promise<ComputedBudget & { dossier: Dossier; inputs: BudgetInputs; inputsUpdatedAt: number | null; referenceDate: string }>;
  get(dossierId: string, date?: string): Promise<BudgetView>;
}

interface InputsRow {
  inputs: string;
  updated_at: number;
}

export function createBudgetService(
  ctx: ServiceContext,
  deps: { dossiers: DossierService; norms: NormsService; audit: AuditService; actor(): string },
): BudgetService {
  function inputs(dossierId: string): { inputs: BudgetInputs; updatedAt: number | null } {
    const row = ctx.db().prepare('SELECT inputs, updated_at FROM budget_inputs WHERE dossier_id = ?').get(dossierId) as InputsRow | undefined;
    if (!row) return { inputs: { ...EMPTY_BUDGET_INPUTS, vtlbCorrections: [] }, updatedAt: null };
    const parsed = budgetInputsSchema.safeParse(JSON.parse(row.inputs));
    if (!parsed.success) {
      // Written through the same schema; a row that no longer parses must not silently change figures.
      ctx.logger.error('budget.inputs_invalid', { paths: parsed.error.issues.map((i) => i.path.join('.')) });
      throw new AppError('INTERNAL', 'De opgeslagen budgetgegevens van dit dossier kunnen niet worden gelezen. Er is niets gewijzigd; zet zo nodig een back-up terug (Instellingen → Back-ups).');
    }
    return { inputs: parsed.data, updatedAt: row.updated_at };
  }

  async function compute(dossierId: string, date?: string) {
    const dossier = deps.dossiers.read(dossierId);
    const stored = inputs(dossierId);
    const referenceDate = date ?? stored.inputs.referenceDate ?? isoDateOf(ctx.clock.now());
    const norms = await deps.norms.normSet();
    const computed = computeBudgetView(dossier, stored.inputs, norms, referenceDate);
    return { ...computed, dossier, inputs: stored.inputs, inputsUpdatedAt: stored.updatedAt, referenceDate };
  }

  return {
    inputs,
    saveInputs(dossierId, next) {
      const db = ctx.db();
      const now = ctx.clock.now();
      const valid = budgetInputsSchema.parse(next);
      db.transaction(() => {
        const d = deps.dossiers.read(dossierId);
        db.prepare(
          'INSERT INTO budget_inputs (dossier_id, inputs, updated_at) VALUES (?, ?, ?) ON CONFLICT (dossier_id) DO UPDATE SET inputs = excluded.inputs, updated_at = excluded.updated_at',
        ).run(dossierId, JSON.stringify(valid), now);
        deps.audit.append(deps.actor(), 'dossier.changed', dossierId, d.number, 'Budgetgegevens');
      })();
      return { inputs: valid, updatedAt: now };
    },
    compute,
    async get(dossierId, date) {
      const c = await compute(dossierId, date);
      return {
        dossierId,
        referenceDate: c.referenceDate,
        inputs: c.inputs,
        inputsUpdatedAt: c.inputsUpdatedAt,
        result: serializeBudgetResult(c.result),
        projection: serializeProjection(c.projection),
        json: c.json,
      };
    },
  };
}
