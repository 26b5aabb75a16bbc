// Drafts of half-filled forms (issue 7): saved while the user types, offered again when the form opens (also
// after an auto-lock and unlock), deleted when the form is saved or the draft is discarded. They hold what the
// user typed, personal data included, so they live only in the encrypted vault and never reach a log.
import { AppError } from '../../shared/contract/errors';
import type { ServiceContext } from './context';

export const MAX_DRAFT_JSON = 1_000_000;

export interface DraftSummary {
  form: string;
  dossierId: string | null;
  label: string;
  updatedAt: number;
}

export interface DraftsService {
  save(input: { form: string; dossierId?: string | null | undefined; label: string; data: unknown }): { updatedAt: number };
  get(form: string): (DraftSummary & { data: unknown }) | null;
  list(): DraftSummary[];
  discard(form: string): void;
}

interface Row {
  form_key: string;
  dossier_id: string | null;
  label: string;
  data: string;
  updated_at: number;
}

const summary = (r: Row): DraftSummary => ({ form: r.form_key, dossierId: r.dossier_id, label: r.label, updatedAt: r.updated_at });

export function createDraftsService(ctx: ServiceContext): DraftsService {
  return {
    save({ form: key, dossierId, label, data }) {
      const json = JSON.stringify(data ?? null);
      if (json.length > MAX_DRAFT_JSON) throw new AppError('VALIDATION', 'Dit concept is te groot om te bewaren.');
      const db = ctx.db();
      if (dossierId && !db.prepare('SELECT 1 FROM dossiers WHERE id = ?').get(dossierId)) {
        throw new AppError('NOT_FOUND', 'Dit dossier bestaat niet (meer); het concept is niet bewaard.');
      }
      const now = ctx.clock.now();
      db.prepare(
        `INSERT INTO drafts (form_key, dossier_id, label, data, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (form_key) DO UPDATE SET dossier_id = excluded.dossier_id, label = excluded.label, data = excluded.data, updated_at = excluded.updated_at`,
      ).run(key, dossierId ?? null, label, json, now);
      return { updatedAt: now };
    },
    get(key) {
      const row = ctx.db().prepare('SELECT * FROM drafts WHERE form_key = ?').get(key) as Row | undefined;
      return row ? { ...summary(row), data: JSON.parse(row.data) as unknown } : null;
    },
    list() {
      return (ctx.db().prepare('SELECT * FROM drafts ORDER BY updated_at DESC').all() as Row[]).map(summary);
    },
    discard(key) {
      ctx.db().prepare('DELETE FROM drafts WHERE form_key = ?').run(key);
    },
  };
}
