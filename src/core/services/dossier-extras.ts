// What a dossier holds besides its household data, for the interchange file: budget inputs and stored documents
// (as attachments). Read for an export, written inside an import's transaction. Documents keep their bytes,
// file name, time and norm periods, so an exported and re-imported dossier holds exactly the same plans.
import { randomUUID } from 'node:crypto';
import { budgetInputsSchema } from '../../shared/budget/inputs';
import type { Attachment, DossierExtras } from '../../shared/dossier/interchange-extras';
import type { Db } from '../db/driver';
import { AppError } from '../../shared/contract/errors';
import { cachedStatement } from '../db/statements';

interface DocumentRow {
  kind: 'budgetplan';
  file_name: string;
  mime: string;
  created_at: number;
  content: Buffer;
  reference_date: string | null;
  norm_periods: string;
}

interface LetterRow {
  kind: 'voorstel' | 'schuldenoverzicht';
  debt_id: string | null;
  file_name: string;
  created_at: number;
  content: Buffer;
  includes_bsn: number;
}

/**
 * `debtIds`: the dossier's debt ids in the order the file lists its debts, so a proposal letter can name its
 * creditor by position (the file carries no vault ids).
 */
export function readDossierExtras(db: Db, dossierId: string, debtIds: readonly string[] = []): DossierExtras {
  const out: DossierExtras = {};
  const inputs = cachedStatement(db, 'SELECT inputs FROM budget_inputs WHERE dossier_id = ?').get(dossierId) as { inputs: string } | undefined;
  if (inputs) {
    const parsed = budgetInputsSchema.safeParse(JSON.parse(inputs.inputs));
    // Stored through the same schema; a row that no longer parses is left out rather than exported wrong.
    if (parsed.success) out.budgetInputs = parsed.data;
  }
  const docs = cachedStatement(db, 'SELECT kind, file_name, mime, created_at, content, reference_date, norm_periods FROM documents WHERE dossier_id = ? ORDER BY created_at, rowid')
    .all(dossierId) as DocumentRow[];
  const attachments: Attachment[] = docs.map((d) => ({
    kind: d.kind,
    fileName: d.file_name,
    mime: 'application/pdf' as const,
    createdAt: d.created_at,
    referenceDate: d.reference_date,
    normPeriods: JSON.parse(d.norm_periods) as NonNullable<Attachment['normPeriods']>,
    contentBase64: Buffer.from(d.content).toString('base64'),
  }));
  // The regeling's letters (issue 8). The creditors' batch overviews cover other families and stay home.
  const position = new Map(debtIds.map((id, i) => [id, i]));
  const letters = cachedStatement(db,
      `SELECT kind, debt_id, file_name, created_at, content, includes_bsn FROM arrangement_letters
       WHERE dossier_id = ? AND kind IN ('voorstel', 'schuldenoverzicht') ORDER BY created_at, rowid`,
    )
    .all(dossierId) as LetterRow[];
  for (const l of letters) {
    attachments.push({
      kind: l.kind,
      fileName: l.file_name,
      mime: 'application/pdf' as const,
      createdAt: l.created_at,
      ...(l.kind === 'voorstel' ? { debt: l.debt_id === null ? null : (position.get(l.debt_id) ?? null) } : {}),
      includesBsn: l.includes_bsn === 1,
      contentBase64: Buffer.from(l.content).toString('base64'),
    });
  }
  // Oldest first across both kinds (a stable sort keeps plans before letters made in the same millisecond).
  attachments.sort((a, b) => a.createdAt - b.createdAt);
  if (attachments.length > 0) out.attachments = attachments;
  return out;
}

/**
 * Stores the extras of an imported dossier (inside the caller's transaction). `debtIds` are the new dossier's
 * debt ids in file order; a letter naming a debt outside them is refused in Dutch (the caller's transaction
 * then imports nothing). `path` is the dossier's place in the file, for that message.
 */
export function writeDossierExtras(db: Db, dossierId: string, extras: DossierExtras, now: number, debtIds: readonly string[] = [], path = 'dossiers.0'): void {
  if (extras.budgetInputs) {
    cachedStatement(db, 'INSERT INTO budget_inputs (dossier_id, inputs, updated_at) VALUES (?, ?, ?)').run(dossierId, JSON.stringify(extras.budgetInputs), now);
  }
  const insert = cachedStatement(db,
    `INSERT INTO documents (id, dossier_id, kind, file_name, mime, created_at, content, reference_date, norm_periods)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLetter = cachedStatement(db,
    'INSERT INTO arrangement_letters (id, dossier_id, debt_id, kind, file_name, mime, created_at, content, includes_bsn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  (extras.attachments ?? []).forEach((a, i) => {
    const content = Buffer.from(a.contentBase64, 'base64');
    if (a.kind === 'budgetplan') {
      insert.run(randomUUID(), dossierId, a.kind, a.fileName, a.mime, a.createdAt, content, a.referenceDate ?? null, JSON.stringify(a.normPeriods ?? []));
      return;
    }
    let debtId: string | null = null;
    if (a.debt !== undefined && a.debt !== null) {
      debtId = debtIds[a.debt] ?? null;
      if (debtId === null) {
        throw new AppError('VALIDATION', 'Het bestand is niet geldig (1 fout). Er is niets geïmporteerd.', [
          { path: `${path}.attachments.${i}.debt`, message: `Er is geen schuld nummer ${a.debt + 1} in dit dossier.` },
        ]);
      }
    }
    insertLetter.run(randomUUID(), dossierId, debtId, a.kind, a.fileName, a.mime, a.createdAt, content, a.includesBsn === true ? 1 : 0);
  });
}
