// 005: the logboek becomes tamper-evident. Every row carries the SHA-256 of its predecessor's hash and its own
// content, so changing, removing or reordering a row anywhere breaks the chain from that row on. Existing rows
// are chained here (the no-update trigger is lifted for exactly that and put back). A new BEFORE INSERT trigger
// refuses a row that does not extend the chain and any id at or below the last one: `INSERT OR REPLACE` deletes
// the old row without firing the delete trigger (recursive_triggers is off), so it is stopped here instead.
// Self-contained on purpose: the hash function lives in this file and the audit service uses it from here.
import { createHash } from 'node:crypto';
import type { Migration } from './types';

export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export interface ChainedAuditFields {
  id: number;
  at: number;
  actor: string;
  action: string;
  dossier_id: string | null;
  dossier_number: string | null;
  detail: string | null;
}

/** SHA-256 (hex) over the previous hash and the row's fields, in a fixed order. */
export function auditChainHash(prevHash: string, row: ChainedAuditFields): string {
  const body = JSON.stringify([row.id, row.at, row.actor, row.action, row.dossier_id, row.dossier_number, row.detail]);
  return createHash('sha256').update(`houvast.audit.v1\n${prevHash}\n${body}`, 'utf8').digest('hex');
}

export const m005AuditChain: Migration = {
  version: 5,
  name: '005_audit_chain',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit_log ADD COLUMN hash TEXT;
      DROP TRIGGER audit_log_no_update;
    `);
    const rows = db.prepare('SELECT id, at, actor, action, dossier_id, dossier_number, detail FROM audit_log ORDER BY id').all() as ChainedAuditFields[];
    const set = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
    let prev = AUDIT_GENESIS_HASH;
    for (const row of rows) {
      const hash = auditChainHash(prev, row);
      set.run(prev, hash, row.id);
      prev = hash;
    }
    db.exec(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;
      CREATE TRIGGER audit_log_append_only_insert BEFORE INSERT ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only')
          WHERE NEW.id IS NOT NULL AND NEW.id > 0 AND NEW.id <= coalesce((SELECT max(id) FROM audit_log), 0);
        SELECT RAISE(ABORT, 'audit_log rows must extend the hash chain')
          WHERE NEW.hash IS NULL OR length(NEW.hash) != 64
             OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '${AUDIT_GENESIS_HASH}');
      END;
    `);
  },
};
