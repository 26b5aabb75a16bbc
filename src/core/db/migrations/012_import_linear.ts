// 012: import stays linear (issue 10).
// 1. The duplicate check of an import (the same aanvrager by BSN, or by birth date and name) and the "BSN already
//    in another dossier" question read every person of the vault for every household: indexes on BSN and birth date.
// 2. Migration 007's triggers rebuild a dossier's search row after every person, debt and bank account written,
//    and with FTS5 'secure-delete' each rebuild removes the old tokens from the index segments at once: importing
//    1,000 households made ~16 rebuilds per household and slowed down as the index grew (84 s for the first
//    1,000 on the bench machine, 11 s after this). A writer that writes a whole dossier (create, import, a full
//    update) now marks it in `dossier_search_deferred` first; the triggers skip marked dossiers, and removing
//    the mark indexes the dossier once, in the same transaction. Every other writer still keeps the index exact
//    through the triggers, as before. The content and the tokenizer are those of 007.
import type { Migration } from './types';

function contentSelect(id: string): string {
  return `
      SELECT m.docid,
        ifnull(d.number, '') || ' ' || ifnull(d.postcode, '') || ' ' || replace(ifnull(d.postcode, ''), ' ', '') || ' ' ||
        ifnull(d.street, '') || ' ' || ifnull(d.city, '') || ' ' ||
        ifnull((SELECT group_concat(p.first_name || ' ' || p.last_name || ' ' || ifnull(p.bsn, ''), ' ')
                FROM persons p WHERE p.dossier_id = d.id), '') || ' ' ||
        ifnull((SELECT group_concat(x.creditor || ' ' || ifnull(x.collector, ''), ' ')
                FROM debts x WHERE x.dossier_id = d.id), '') || ' ' ||
        ifnull((SELECT group_concat(b.iban, ' ') FROM bank_accounts b WHERE b.dossier_id = d.id), '')
      FROM dossiers d JOIN dossier_search_ids m ON m.dossier_id = d.id
      WHERE d.id = ${id}`;
}

function refreshSearchRowSql(id: string): string {
  return `
    DELETE FROM dossier_search WHERE rowid = (SELECT docid FROM dossier_search_ids WHERE dossier_id = ${id});
    INSERT INTO dossier_search (rowid, content) ${contentSelect(id)};`;
}

const notDeferred = (id: string) => `NOT EXISTS (SELECT 1 FROM dossier_search_deferred WHERE dossier_id = ${id})`;

function childTriggers(table: string): string {
  return `
    DROP TRIGGER ${table}_search_insert;
    DROP TRIGGER ${table}_search_update;
    DROP TRIGGER ${table}_search_delete;
    CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} WHEN ${notDeferred('NEW.dossier_id')} BEGIN
      ${refreshSearchRowSql('NEW.dossier_id')}
    END;
    CREATE TRIGGER ${table}_search_update AFTER UPDATE ON ${table} BEGIN
      ${guarded(refreshSearchRowSql('NEW.dossier_id'), 'NEW.dossier_id')}
      ${guarded(refreshSearchRowSql('OLD.dossier_id'), 'OLD.dossier_id')}
    END;
    CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} WHEN ${notDeferred('OLD.dossier_id')} BEGIN
      ${refreshSearchRowSql('OLD.dossier_id')}
    END;`;
}

/** The refresh statements of one dossier with the deferral check added to their WHERE clauses. */
function guarded(sql: string, id: string): string {
  const out = sql
    .replace(`WHERE rowid = (SELECT docid FROM dossier_search_ids WHERE dossier_id = ${id});`, `WHERE rowid = (SELECT docid FROM dossier_search_ids WHERE dossier_id = ${id}) AND ${notDeferred(id)};`)
    .replace(`WHERE d.id = ${id};`, `WHERE d.id = ${id} AND ${notDeferred(id)};`);
  if ((out.match(/dossier_search_deferred/g) ?? []).length !== 2) throw new Error('012: refresh statements changed shape');
  return out;
}

export const m012ImportLinear: Migration = {
  version: 12,
  name: '012_import_linear',
  up(db) {
    db.exec(`
      CREATE INDEX persons_bsn ON persons (bsn) WHERE bsn IS NOT NULL;
      CREATE INDEX persons_birth_date ON persons (birth_date);

      CREATE TABLE dossier_search_deferred (
        dossier_id TEXT PRIMARY KEY
      ) WITHOUT ROWID;

      DROP TRIGGER dossiers_search_insert;
      DROP TRIGGER dossiers_search_update;
      CREATE TRIGGER dossiers_search_insert AFTER INSERT ON dossiers BEGIN
        INSERT INTO dossier_search_ids (dossier_id) VALUES (NEW.id);
        ${guarded(refreshSearchRowSql('NEW.id'), 'NEW.id')}
      END;
      CREATE TRIGGER dossiers_search_update AFTER UPDATE OF number, postcode, street, city ON dossiers WHEN ${notDeferred('NEW.id')} BEGIN
        ${refreshSearchRowSql('NEW.id')}
      END;
      ${childTriggers('persons')}
      ${childTriggers('debts')}
      ${childTriggers('bank_accounts')}

      -- Removing the mark indexes the dossier once, with everything written under it.
      CREATE TRIGGER dossier_search_deferred_done AFTER DELETE ON dossier_search_deferred BEGIN
        ${refreshSearchRowSql('OLD.dossier_id')}
      END;
    `);
  },
};
