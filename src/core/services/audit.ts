// The append-only audit log: who did what to which dossier, and when. Only ids, dossier numbers and
// section names go in here, never personal data. The table's triggers refuse UPDATE and DELETE.
import type { AuditEntry } from '../../shared/contract/procedures';
import type { ServiceContext } from './context';

export type AuditAction = AuditEntry['action'];

export interface AuditService {
  append(actor: string, action: AuditAction, dossierId: string | null, dossierNumber: string | null, detail?: string | null): void;
  list(options?: { dossierId?: string; limit?: number }): AuditEntry[];
}

export const DEFAULT_AUDIT_LIMIT = 500;

interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: AuditAction;
  dossier_id: string | null;
  dossier_number: string | null;
  detail: string | null;
}

export function createAuditService(ctx: ServiceContext): AuditService {
  return {
    append(actor, action, dossierId, dossierNumber, detail = null) {
      ctx
        .db()
        .prepare('INSERT INTO audit_log (at, actor, action, dossier_id, dossier_number, detail) VALUES (?, ?, ?, ?, ?, ?)')
        .run(ctx.clock.now(), actor, action, dossierId, dossierNumber, detail);
    },
    list(options = {}) {
      const limit = options.limit ?? DEFAULT_AUDIT_LIMIT;
      const db = ctx.db();
      const rows = (
        options.dossierId !== undefined
          ? db.prepare('SELECT * FROM audit_log WHERE dossier_id = ? ORDER BY id DESC LIMIT ?').all(options.dossierId, limit)
          : db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit)
      ) as AuditRow[];
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        dossierId: r.dossier_id,
        dossierNumber: r.dossier_number,
        detail: r.detail,
      }));
    },
  };
}
