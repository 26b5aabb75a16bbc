// Arrangements per dossier: the saved parameters (term, factor, variant, overrides with reasons) and the
// proposal over the dossier's budget. `get` uses the saved parameters, `preview` the what-if ones; both run
// the same pure engine as the CLI (proposalForDossier), so the figures are the same everywhere.
import { premiumStagesOf, proposalForDossier } from '../../shared/arrangement';
import {
  arrangementParamsIn,
  serializePremiumStage,
  serializeProposal,
  toEngineParams,
  type ArrangementView,
} from '../../shared/contract/arrangements';
import { computeBudget, NormNotCoveredError } from '../../shared/budget';
import { AppError } from '../../shared/contract/errors';
import { isoDateOf } from '../../shared/dates';
import type { z } from 'zod';
import type { AuditService } from './audit';
import type { BudgetService } from './budget';
import type { ServiceContext } from './context';
import type { DossierService } from './dossiers';
import type { NormsService } from './norms';

export type ArrangementParamsStored = z.output<typeof arrangementParamsIn>;

export interface ArrangementService {
  params(dossierId: string): { params: ArrangementParamsStored; updatedAt: number | null };
  saveInputs(dossierId: string, params: ArrangementParamsStored): { params: ArrangementParamsStored; updatedAt: number };
  get(dossierId: string, date?: string): Promise<ArrangementView>;
  preview(dossierId: string, params: ArrangementParamsStored, date?: string): Promise<ArrangementView>;
}

export function createArrangementService(
  ctx: ServiceContext,
  deps: { dossiers: DossierService; budget: BudgetService; norms: NormsService; audit: AuditService; actor(): string },
): ArrangementService {
  function params(dossierId: string): { params: ArrangementParamsStored; updatedAt: number | null } {
    const row = ctx.db().prepare('SELECT inputs, updated_at FROM arrangement_inputs WHERE dossier_id = ?').get(dossierId) as
      | { inputs: string; updated_at: number }
      | undefined;
    if (!row) return { params: {}, updatedAt: null };
    const parsed = arrangementParamsIn.safeParse(JSON.parse(row.inputs));
    if (!parsed.success) {
      ctx.logger.error('arrangement.inputs_invalid', { paths: parsed.error.issues.map((i) => i.path.join('.')) });
      throw new AppError('INTERNAL', 'De opgeslagen gegevens van de schuldregeling kunnen niet worden gelezen. Er is niets gewijzigd; zet zo nodig een back-up terug.');
    }
    return { params: parsed.data, updatedAt: row.updated_at };
  }

  async function view(dossierId: string, p: ArrangementParamsStored, updatedAt: number | null, date?: string): Promise<ArrangementView> {
    // The budget engine alone (no 24-month projection): the what-if preview runs on every keystroke. Same
    // reference-date rule as budget.get: the given date, else the saved peildatum, else today.
    const dossier = deps.dossiers.read(dossierId);
    const inputs = deps.budget.inputs(dossierId).inputs;
    const referenceDate = date ?? inputs.referenceDate ?? isoDateOf(ctx.clock.now());
    const norms = await deps.norms.normSet();
    let budget;
    try {
      budget = computeBudget(dossier, inputs, norms, referenceDate);
    } catch (err) {
      if (err instanceof NormNotCoveredError) throw new AppError('NORM_NOT_COVERED', err.message);
      throw err;
    }
    const proposal = proposalForDossier(dossier, budget, toEngineParams(p), `Budget van dossier ${dossier.number}`);
    // Ids in the proposal are the vault's debt ids (always present on stored debts).
    return {
      dossierId,
      referenceDate,
      params: p,
      paramsUpdatedAt: updatedAt,
      proposal: serializeProposal(proposal),
      premiumStages: premiumStagesOf(dossier.debts).map((s) => ({ ...s, stage: serializePremiumStage(s.stage) })),
    };
  }

  return {
    params,
    saveInputs(dossierId, next) {
      const db = ctx.db();
      const now = ctx.clock.now();
      const valid = arrangementParamsIn.parse(next);
      db.transaction(() => {
        const d = deps.dossiers.read(dossierId);
        db.prepare(
          'INSERT INTO arrangement_inputs (dossier_id, inputs, updated_at) VALUES (?, ?, ?) ON CONFLICT (dossier_id) DO UPDATE SET inputs = excluded.inputs, updated_at = excluded.updated_at',
        ).run(dossierId, JSON.stringify(valid), now);
        deps.audit.append(deps.actor(), 'dossier.changed', dossierId, d.number, 'Schuldregeling');
      })();
      return { params: valid, updatedAt: now };
    },
    async get(dossierId, date) {
      const saved = params(dossierId);
      return view(dossierId, saved.params, saved.updatedAt, date);
    },
    async preview(dossierId, p, date) {
      return view(dossierId, p, null, date);
    },
  };
}
