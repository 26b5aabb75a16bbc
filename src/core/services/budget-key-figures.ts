// The stored key figures of each household (migration 023): budget.batch serves a household's figures from here
// while nothing they were computed from has changed, and stores what it had to compute. The triggers of 023 remove
// a dossier's row with every write to its household; here a row is used only when it was also computed on the same
// reference date, by the same app version and engine revision, from the same norm tables (`basis`).
import { createHash } from 'node:crypto';
import { BUDGET_KEY_FIGURES_REVISION, type NormSet } from '../../shared/budget';
import { canonicalJson } from '../../shared/canonical-json';
import type { BudgetBatchItem } from '../../shared/contract/budget-batch';
import type { Db } from '../db/driver';
import { cachedStatement } from '../db/statements';

/** What a stored row holds besides its dossier id: the item as budget.batch answers it. */
export type StoredItem = Omit<BudgetBatchItem, 'dossierId'>;

export interface StoredKeyFigures {
  /** The date the figures were computed on. */
  referenceDate: string;
  /** The peildatum saved in the dossier's budget inputs when they were computed (null: none). */
  peildatum: string | null;
  basis: string;
  /** JSON of a StoredItem. */
  item: string;
}

const normHashes = new WeakMap<NormSet, string>();

/** App version, engine revision and a hash of the merged norm tables: stored figures of another basis are stale. */
export function keyFiguresBasis(version: string, norms: NormSet): string {
  let hash = normHashes.get(norms);
  if (hash === undefined) {
    hash = createHash('sha256').update(canonicalJson(norms)).digest('hex').slice(0, 32);
    normHashes.set(norms, hash);
  }
  return `${version}|r${BUDGET_KEY_FIGURES_REVISION}|${hash}`;
}

interface Row {
  dossier_id: string;
  reference_date: string;
  peildatum: string | null;
  basis: string;
  item: string;
}

/** The stored rows of these dossiers (a dossier without one is absent). */
export function readStoredKeyFigures(db: Db, dossierIds: readonly string[]): Map<string, StoredKeyFigures> {
  const rows = cachedStatement(
    db,
    'SELECT dossier_id, reference_date, peildatum, basis, item FROM budget_key_figures WHERE dossier_id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(dossierIds)) as Row[];
  return new Map(rows.map((r) => [r.dossier_id, { referenceDate: r.reference_date, peildatum: r.peildatum, basis: r.basis, item: r.item }]));
}

export interface KeyFiguresToStore {
  dossierId: string;
  peildatum: string | null;
  basis: string;
  item: StoredItem & { referenceDate: string };
}

/** Stores computed figures, replacing each dossier's row, in one transaction. */
export function storeKeyFigures(db: Db, rows: readonly KeyFiguresToStore[]): void {
  if (rows.length === 0) return;
  const insert = cachedStatement(db, 'INSERT OR REPLACE INTO budget_key_figures (dossier_id, reference_date, peildatum, basis, item) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const r of rows) insert.run(r.dossierId, r.item.referenceDate, r.peildatum, r.basis, JSON.stringify(r.item));
  })();
}
