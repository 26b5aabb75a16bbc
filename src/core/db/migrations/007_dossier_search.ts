// 007: the dossier search index (issue 10: a keystroke must not read every dossier). An FTS5 table with the
// trigram tokenizer (substring matches, case- and accent-insensitive) over what a professional searches
// for: dossier number, postcode with and without its space, street, city, the names and BSNs of adults and
// children, creditors and collecting parties, and IBANs. Triggers keep it in the same transaction as every
// write, whatever code path writes. The FTS rowid comes from a map table with an INTEGER PRIMARY KEY, so it
// survives VACUUM (INTO), which may renumber the implicit rowids of the dossiers table. 'secure-delete'
// makes FTS5 remove a deleted dossier's tokens from the index at once instead of at a later merge.
import type { Migration } from './types';

/** The index content of the dossiers matched by `where` (an SQL clause over `d`), keyed by their docid. */
function contentSelect(where: string): string {
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
      ${where}`;
}

/** Rebuilds the index row of one dossier; `id` is an SQL expression (NEW.dossier_id, OLD.id, …). */
function refreshSearchRowSql(id: string): string {
  return `
    DELETE FROM dossier_search WHERE rowid = (SELECT docid FROM dossier_search_ids WHERE dossier_id = ${id});
    INSERT INTO dossier_search (rowid, content) ${contentSelect(`WHERE d.id = ${id}`)};`;
}

function childTriggers(table: string): string {
  return `
    CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN ${refreshSearchRowSql('NEW.dossier_id')} END;
    CREATE TRIGGER ${table}_search_update AFTER UPDATE ON ${table} BEGIN
      ${refreshSearchRowSql('NEW.dossier_id')}
      ${refreshSearchRowSql('OLD.dossier_id')}
    END;
    CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} BEGIN ${refreshSearchRowSql('OLD.dossier_id')} END;`;
}

export const m007DossierSearch: Migration = {
  version: 7,
  name: '007_dossier_search',
  up(db) {
    db.exec(`
      CREATE TABLE dossier_search_ids (
        docid INTEGER PRIMARY KEY,
        dossier_id TEXT NOT NULL UNIQUE
      );
      CREATE VIRTUAL TABLE dossier_search USING fts5(content, tokenize = 'trigram remove_diacritics 1');
      INSERT INTO dossier_search (dossier_search, rank) VALUES ('secure-delete', 1);

      CREATE TRIGGER dossiers_search_insert AFTER INSERT ON dossiers BEGIN
        INSERT INTO dossier_search_ids (dossier_id) VALUES (NEW.id);
        ${refreshSearchRowSql('NEW.id')}
      END;
      CREATE TRIGGER dossiers_search_update AFTER UPDATE OF number, postcode, street, city ON dossiers BEGIN
        ${refreshSearchRowSql('NEW.id')}
      END;
      CREATE TRIGGER dossiers_search_delete BEFORE DELETE ON dossiers BEGIN
        DELETE FROM dossier_search WHERE rowid = (SELECT docid FROM dossier_search_ids WHERE dossier_id = OLD.id);
        DELETE FROM dossier_search_ids WHERE dossier_id = OLD.id;
      END;
      ${childTriggers('persons')}
      ${childTriggers('debts')}
      ${childTriggers('bank_accounts')}

      INSERT INTO dossier_search_ids (dossier_id) SELECT id FROM dossiers ORDER BY created_at, id;
      INSERT INTO dossier_search (rowid, content) ${contentSelect('')};
    `);
  },
};
