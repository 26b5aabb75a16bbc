// What a dossier holds besides its household data, for the interchange file: budget inputs and stored documents
// (as attachments). Read for an export, written inside an import's transaction. Documents keep their bytes,
// file name, time and norm periods, so an exported and re-imported dossier holds exactly the same plans.
import { randomUUID } from 'node:crypto';
import { budgetInputsSchema } from '../../shared/budget/inputs';
import type { Attachment, DossierExtras } from '../../shared/dossier/interchange-extras';
import type { Db } from '../db/driver';

interface DocumentRow {
  kind: Attachment['kind'];
  file_name: string;
  mime: string;
  created_at: number;
  content: Buffer;
  reference_date: string | null;
  norm_periods: string;
}

export function readDossierExtras(db: Db, dossierId: string): DossierExtras {
  const out: DossierExtras = {};
  const inputs = db.prepare('SELECT inputs FROM budget_inputs WHERE dossier_id = ?').get(dossierId) as { inputs: string } | undefined;
  if (inputs) {
    const parsed = budgetInputsSchema.safeParse(JSON.parse(inputs.inputs));
    // Stored through the same schema; a row that no longer parses is left out rather than exported wrong.
    if (parsed.success) out.budgetInputs = parsed.data;
  }
  const docs = db
    .prepare('SELECT kind, file_name, mime, created_at, content, reference_date, norm_periods FROM documents WHERE dossier_id = ? ORDER BY created_at, rowid')
    .all(dossierId) as DocumentRow[];
  if (docs.length > 0) {
    out.attachments = docs.map((d) => ({
      kind: d.kind,
      fileName: d.file_name,
      mime: 'application/pdf' as const,
      createdAt: d.created_at,
      referenceDate: d.reference_date,
      normPeriods: JSON.parse(d.norm_periods) as NonNullable<Attachment['normPeriods']>,
      contentBase64: Buffer.from(d.content).toString('base64'),
    }));
  }
  return out;
}

/** Stores the extras of an imported dossier (inside the caller's transaction). */
export function writeDossierExtras(db: Db, dossierId: string, extras: DossierExtras, now: number): void {
  if (extras.budgetInputs) {
    db.prepare('INSERT INTO budget_inputs (dossier_id, inputs, updated_at) VALUES (?, ?, ?)').run(dossierId, JSON.stringify(extras.budgetInputs), now);
  }
  const insert = db.prepare(
    `INSERT INTO documents (id, dossier_id, kind, file_name, mime, created_at, content, reference_date, norm_periods)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const a of extras.attachments ?? []) {
    insert.run(randomUUID(), dossierId, a.kind, a.fileName, a.mime, a.createdAt, Buffer.from(a.contentBase64, 'base64'), a.referenceDate ?? null, JSON.stringify(a.normPeriods ?? []));
  }
}
