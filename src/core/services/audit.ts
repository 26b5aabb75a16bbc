// The append-only audit log: who did what to which dossier, and when. Only ids, dossier numbers and
// section names go in here, never personal data. The table's triggers refuse UPDATE and DELETE and any
// INSERT that does not extend the hash chain (migration 005), so a changed or removed row is detectable.
import type { AuditEntry } from '../../shared/contract/procedures';
import type { Db } from '../db/driver';
import { AUDIT_GENESIS_HASH, auditChainHash, type ChainedAuditFields } from '../db/migrations/005_audit_chain';
import type { ServiceContext } from './context';
import { cachedStatement } from '../db/statements';

export type AuditAction = AuditEntry['action'];

export interface AuditChainCheck {
  intact: boolean;
  /** Rows checked. */
  count: number;
  /** The first row whose hash does not follow from its predecessor (null when intact). */
  brokenAtId: number | null;
}

export interface AuditService {
  append(actor: string, action: AuditAction, dossierId: string | null, dossierNumber: string | null, detail?: string | null): void;
  list(options?: { dossierId?: string; limit?: number }): AuditEntry[];
  verify(): AuditChainCheck;
}

export const DEFAULT_AUDIT_LIMIT = 500;

interface AuditRow extends ChainedAuditFields {
  action: AuditAction;
  prev_hash: string | null;
  hash: string | null;
}

/** Append one row to the chain of `db`, keeping the given time stamp (used for new rows and for rows carried over a restore). */
export function appendAuditRow(db: Db, row: Omit<ChainedAuditFields, 'id'>): void {
  const last = cachedStatement(db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string | null } | undefined;
  const prev = last?.hash ?? AUDIT_GENESIS_HASH;
  const id = (last?.id ?? 0) + 1;
  const hash = auditChainHash(prev, { id, ...row });
  cachedStatement(db, 'INSERT INTO audit_log (id, at, actor, action, dossier_id, dossier_number, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    id,
    row.at,
    row.actor,
    row.action,
    row.dossier_id,
    row.dossier_number,
    row.detail,
    prev,
    hash,
  );
}

/** Walks the whole chain of `db`. */
export function verifyAuditChain(db: Db): AuditChainCheck {
  let prev = AUDIT_GENESIS_HASH;
  let count = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    count++;
    if (row.prev_hash !== prev || row.hash !== auditChainHash(prev, row)) return { intact: false, count, brokenAtId: row.id };
    prev = row.hash;
  }
  return { intact: true, count, brokenAtId: null };
}

/** The newest row of the chain (its number and hash), or null for an empty logboek. */
export function auditChainHead(db: Db): { id: number; hash: string } | null {
  const row = cachedStatement(db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string | null } | undefined;
  return row?.hash ? { id: row.id, hash: row.hash } : null;
}

/** The hash of row `id`, or null when the chain has no such row. */
export function auditHashAt(db: Db, id: number): string | null {
  const row = cachedStatement(db, 'SELECT hash FROM audit_log WHERE id = ?').get(id) as { hash: string | null } | undefined;
  return row?.hash ?? null;
}

// ---- carrying the logboek over a restore ------------------------------------------------------------

export type CarriedAuditRow = Omit<ChainedAuditFields, 'id'>;

function contentKey(r: CarriedAuditRow): string {
  return JSON.stringify([r.at, r.actor, r.action, r.dossier_id, r.dossier_number, r.detail]);
}

/** Every row of the current logboek (read before a restore replaces the database). */
export function readAuditRows(db: Db): CarriedAuditRow[] {
  return cachedStatement(db, 'SELECT at, actor, action, dossier_id, dossier_number, detail FROM audit_log ORDER BY id').all() as CarriedAuditRow[];
}

/**
 * After a restore: appends, in their original order and with their original times, the rows of the previous
 * logboek that the restored one does not hold (rows written after the backup was made), so a restore never
 * erases history. Rows are matched by content, which also works across earlier restores. Returns how many.
 */
export function carryAuditRows(db: Db, previous: readonly CarriedAuditRow[]): number {
  const present = new Map<string, number>();
  for (const r of readAuditRows(db)) present.set(contentKey(r), (present.get(contentKey(r)) ?? 0) + 1);
  let carried = 0;
  db.transaction(() => {
    for (const r of previous) {
      const key = contentKey(r);
      const n = present.get(key) ?? 0;
      if (n > 0) {
        present.set(key, n - 1);
        continue;
      }
      appendAuditRow(db, r);
      carried++;
    }
  })();
  return carried;
}

export function createAuditService(ctx: ServiceContext): AuditService {
  return {
    append(actor, action, dossierId, dossierNumber, detail = null) {
      const db = ctx.db();
      db.transaction(() =>
        appendAuditRow(db, { at: ctx.clock.now(), actor, action, dossier_id: dossierId, dossier_number: dossierNumber, detail }),
      )();
    },
    list(options = {}) {
      const limit = options.limit ?? DEFAULT_AUDIT_LIMIT;
      const db = ctx.db();
      const rows = (
        options.dossierId !== undefined
          ? cachedStatement(db, 'SELECT * FROM audit_log WHERE dossier_id = ? ORDER BY id DESC LIMIT ?').all(options.dossierId, limit)
          : cachedStatement(db, 'SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit)
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
    verify() {
      return verifyAuditChain(ctx.db());
    },
  };
}
