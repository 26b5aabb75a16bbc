// 016: one- and two-letter searches and the sort by name answered from an index (issue 10 §1).
// 1. Trigrams need three characters, so a one- or two-letter query scanned every dossier's index text. A second
//    FTS5 table, `dossier_words` (unicode61 words, accents removed, prefix indexes of 1 and 2 characters), holds
//    the same text as `dossier_search` under the same rowid; "ja" finds "Jansen" and "van Jaarsveld" as a word
//    prefix. It is kept exactly like the trigram table: every trigger of 007/012 is recreated to write both
//    tables, with the same deferral mark (dossier_search_deferred) for whole-dossier writers. The words row is
//    copied from the trigram row just written, so the two can never hold different text.
// 2. Sorting by name folded the aanvrager's name per row through a function registered from JS (no index).
//    `dossiers.sort_name` holds it folded ("lastname firstname", lower case, no accents), written by the
//    dossier service with every write of the adults; here it is back-filled in JS, with an index.
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

const notDeferred = (id: string) => `NOT EXISTS (SELECT 1 FROM dossier_search_deferred WHERE dossier_id = ${id})`;
const docid = (id: string) => `(SELECT docid FROM dossier_search_ids WHERE dossier_id = ${id})`;

/** Rebuilds both index rows of one dossier; with `guard`, each statement skips a dossier marked as deferred. */
function refresh(id: string, guard = false): string {
  const and = guard ? ` AND ${notDeferred(id)}` : '';
  return `
    DELETE FROM dossier_search WHERE rowid = ${docid(id)}${and};
    DELETE FROM dossier_words WHERE rowid = ${docid(id)}${and};
    INSERT INTO dossier_search (rowid, content) ${contentSelect(id)}${and};
    INSERT INTO dossier_words (rowid, content) SELECT rowid, content FROM dossier_search WHERE rowid = ${docid(id)}${and};`;
}

function childTriggers(table: string): string {
  return `
    DROP TRIGGER ${table}_search_insert;
    DROP TRIGGER ${table}_search_update;
    DROP TRIGGER ${table}_search_delete;
    CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} WHEN ${notDeferred('NEW.dossier_id')} BEGIN
      ${refresh('NEW.dossier_id')}
    END;
    CREATE TRIGGER ${table}_search_update AFTER UPDATE ON ${table} BEGIN
      ${refresh('NEW.dossier_id', true)}
      ${refresh('OLD.dossier_id', true)}
    END;
    CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} WHEN ${notDeferred('OLD.dossier_id')} BEGIN
      ${refresh('OLD.dossier_id')}
    END;`;
}

/** Lower case without accents: the same folding as the search (dossier-search.ts foldForSearch). */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export const m016SearchShortAndName: Migration = {
  version: 16,
  name: '016_search_short_and_name',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE dossier_words USING fts5(content, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2');
      INSERT INTO dossier_words (dossier_words, rank) VALUES ('secure-delete', 1);

      DROP TRIGGER dossiers_search_insert;
      DROP TRIGGER dossiers_search_update;
      DROP TRIGGER dossiers_search_delete;
      DROP TRIGGER dossier_search_deferred_done;
      CREATE TRIGGER dossiers_search_insert AFTER INSERT ON dossiers BEGIN
        INSERT INTO dossier_search_ids (dossier_id) VALUES (NEW.id);
        ${refresh('NEW.id', true)}
      END;
      CREATE TRIGGER dossiers_search_update AFTER UPDATE OF number, postcode, street, city ON dossiers WHEN ${notDeferred('NEW.id')} BEGIN
        ${refresh('NEW.id')}
      END;
      CREATE TRIGGER dossiers_search_delete BEFORE DELETE ON dossiers BEGIN
        DELETE FROM dossier_search WHERE rowid = ${docid('OLD.id')};
        DELETE FROM dossier_words WHERE rowid = ${docid('OLD.id')};
        DELETE FROM dossier_search_ids WHERE dossier_id = OLD.id;
      END;
      ${childTriggers('persons')}
      ${childTriggers('debts')}
      ${childTriggers('bank_accounts')}
      CREATE TRIGGER dossier_search_deferred_done AFTER DELETE ON dossier_search_deferred BEGIN
        ${refresh('OLD.dossier_id')}
      END;

      INSERT INTO dossier_words (rowid, content) SELECT rowid, content FROM dossier_search;

      ALTER TABLE dossiers ADD COLUMN sort_name TEXT NOT NULL DEFAULT '';
    `);
    // The aanvrager (else the first adult) of every dossier, folded in JS as the service does on every write.
    const rows = db
      .prepare(
        `SELECT d.id, (SELECT p.last_name || ' ' || p.first_name FROM persons p
           WHERE p.dossier_id = d.id AND p.kind = 'adult' ORDER BY (p.role = 'aanvrager') DESC, p.sort_order LIMIT 1) AS name
         FROM dossiers d`,
      )
      .all() as { id: string; name: string | null }[];
    const set = db.prepare('UPDATE dossiers SET sort_name = ? WHERE id = ?');
    for (const r of rows) set.run(fold(r.name ?? ''), r.id);
    db.exec('CREATE INDEX dossiers_sort_name ON dossiers (sort_name, updated_at DESC, number DESC)');
  },
};
