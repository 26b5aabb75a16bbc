// Documents stored in a dossier (for now: budget plan PDFs). The bytes live in the encrypted database, never
// in a loose file, and are removed with their dossier (ON DELETE CASCADE + secure_delete).
import { randomUUID } from 'node:crypto';
import type { Job } from '../jobs';
import type { BudgetPlanInput } from '../budget/plan-pdf';
import type { DocumentSummary } from '../../shared/contract/budget';
import type { OfficeOut } from '../../shared/contract/office';
import { AppError } from '../../shared/contract/errors';
import type { NormGroup, NormOrigin } from '../../shared/budget';
import type { AuditService } from './audit';
import type { BudgetService } from './budget';
import type { ServiceContext } from './context';

export const PDF_MIME = 'application/pdf';

export interface DocumentsService {
  /** `job`: progress in steps (computed, rendered, stored) and a cancel honoured before anything is stored. */
  createBudgetPlan(
    dossierId: string,
    date?: string,
    options?: { includeBsn?: boolean; job?: Pick<Job, 'progress' | 'throwIfCancelled'> },
  ): Promise<{ documentId: string; fileName: string; mime: string; contentBase64: string }>;
  list(dossierId: string): DocumentSummary[];
  get(id: string): { id: string; dossierId: string; fileName: string; mime: string; contentBase64: string };
}

interface DocumentRow {
  id: string;
  dossier_id: string;
  kind: 'budgetplan';
  file_name: string;
  mime: string;
  created_at: number;
  size: number;
  reference_date: string | null;
  norm_periods: string;
}

/** The plan's steps as progress: compute the budget, render the PDF, store it. */
export const PLAN_STEPS = 3;

type StoredPeriod = { group: NormGroup; start: string; end: string; origin: NormOrigin };

export function createDocumentsService(
  ctx: ServiceContext,
  deps: {
    budget: BudgetService;
    /** The office printed in the plan's header (Instellingen → Kantoor). */
    office?: () => OfficeOut;
    audit: AuditService;
    actor(): string;
    renderBudgetPlan(input: BudgetPlanInput): Promise<Buffer>;
    fileName(dossierNumber: string, referenceDate: string): string;
  },
): DocumentsService {
  return {
    async createBudgetPlan(dossierId, date, options = {}) {
      const { job } = options;
      job?.progress(0, PLAN_STEPS);
      const c = await deps.budget.compute(dossierId, date);
      job?.progress(1, PLAN_STEPS);
      job?.throwIfCancelled();
      const generatedAt = ctx.clock.now();
      const pdf = await deps.renderBudgetPlan({
        dossier: c.dossier,
        result: c.result,
        projection: c.projection,
        generatedAt,
        generatedBy: deps.actor(),
        office: deps.office?.() ?? null,
        includeBsn: options.includeBsn === true,
      });
      job?.progress(2, PLAN_STEPS);
      // The last safe point: after it the plan is stored in the dossier and logged.
      job?.throwIfCancelled();
      const id = randomUUID();
      const fileName = deps.fileName(c.dossier.number, c.referenceDate);
      const periods: StoredPeriod[] = c.result.normPeriods.map((p) => ({ group: p.group, start: p.periodStart, end: p.periodEnd, origin: p.origin }));
      const db = ctx.db();
      db.transaction(() => {
        // The vault may have changed while the PDF rendered: the dossier must still exist.
        const row = db.prepare('SELECT number FROM dossiers WHERE id = ?').get(dossierId) as { number: string } | undefined;
        if (!row) throw new AppError('NOT_FOUND', 'Dit dossier bestaat niet (meer).');
        db.prepare(
          `INSERT INTO documents (id, dossier_id, kind, file_name, mime, created_at, content, reference_date, norm_periods)
           VALUES (?, ?, 'budgetplan', ?, ?, ?, ?, ?, ?)`,
        ).run(id, dossierId, fileName, PDF_MIME, generatedAt, pdf, c.referenceDate, JSON.stringify(periods));
        deps.audit.append(deps.actor(), 'dossier.budgetplan_created', dossierId, row.number, `Peildatum ${c.referenceDate}`);
      })();
      job?.progress(PLAN_STEPS, PLAN_STEPS);
      return { documentId: id, fileName, mime: PDF_MIME, contentBase64: pdf.toString('base64') };
    },

    list(dossierId) {
      const db = ctx.db();
      if (!db.prepare('SELECT 1 FROM dossiers WHERE id = ?').get(dossierId)) throw new AppError('NOT_FOUND', 'Dit dossier bestaat niet (meer).');
      const rows = db
        .prepare(
          `SELECT id, dossier_id, kind, file_name, mime, created_at, length(content) AS size, reference_date, norm_periods
           FROM documents WHERE dossier_id = ? ORDER BY created_at DESC, rowid DESC`,
        )
        .all(dossierId) as DocumentRow[];
      return rows.map((r) => ({
        id: r.id,
        dossierId: r.dossier_id,
        kind: r.kind,
        fileName: r.file_name,
        mime: r.mime,
        createdAt: r.created_at,
        size: r.size,
        referenceDate: r.reference_date,
        normPeriods: JSON.parse(r.norm_periods) as StoredPeriod[],
      }));
    },

    get(id) {
      const row = ctx
        .db()
        .prepare('SELECT d.id, d.dossier_id, d.file_name, d.mime, d.content, s.number FROM documents d JOIN dossiers s ON s.id = d.dossier_id WHERE d.id = ?')
        .get(id) as { id: string; dossier_id: string; file_name: string; mime: string; content: Buffer; number: string } | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'Dit document bestaat niet (meer).');
      // A stored plan holds personal data: taking it out of the vault is an export, and the log says so.
      deps.audit.append(deps.actor(), 'dossier.exported', row.dossier_id, row.number, `Document ${row.file_name} opgehaald`);
      return { id: row.id, dossierId: row.dossier_id, fileName: row.file_name, mime: row.mime, contentBase64: Buffer.from(row.content).toString('base64') };
    },
  };
}
