// 022: search finds names written with letters that have no accent to remove (issue 10 §1, "accent-insensitive").
// The FTS5 tokenizers remove diacritics only where Unicode decomposes a letter into a base letter and a mark ("é",
// "ö", "ç"). Letters of their own were kept: "lukasz" did not find "Łukasz", nor "yilmaz" "Yılmaz", "soren" "Søren",
// "strasse" "Straße" or "dordevic" "Đorđević", though offices write those names every day. The index text is now
// folded with SEARCH_LETTER_FOLDS before the tokenizers see it, and the query and the sort name
// (dossier-search.ts, foldForSearch) with the same list. Every trigger of 016 is recreated with that content; rows
// and sort names with such a letter are rebuilt, the others are unchanged by the folding and stay as they are.
import type { Migration } from './types';

/** Letters without a decomposition, and what a Dutch keyboard types for them. Lower and upper case. */
export const SEARCH_LETTER_FOLDS: readonly (readonly [string, string])[] = Object.freeze([
  ['ł', 'l'], ['Ł', 'L'],
  ['ı', 'i'],
  ['ø', 'o'], ['Ø', 'O'],
  ['æ', 'ae'], ['Æ', 'AE'],
  ['œ', 'oe'], ['Œ', 'OE'],
  ['ß', 'ss'], ['ẞ', 'SS'],
  ['đ', 'd'], ['Đ', 'D'],
  ['ð', 'd'], ['Ð', 'D'],
  ['þ', 'th'], ['Þ', 'TH'],
  ['ħ', 'h'], ['Ħ', 'H'],
]);

/** The SQL expression `expr` with every letter of SEARCH_LETTER_FOLDS replaced. */
function foldLettersSql(expr: string): string {
  return SEARCH_LETTER_FOLDS.reduce((sql, [from, to]) => `replace(${sql}, '${from}', '${to}')`, expr);
}

/** A GLOB that matches a text holding any of the letters (the rows to rebuild). */
const ANY_FOLDED_LETTER = `'*[${SEARCH_LETTER_FOLDS.map(([from]) => from).join('')}]*'`;

function contentSelect(id: string): string {
  const content = `
        ifnull(d.number, '') || ' ' || ifnull(d.postcode, '') || ' ' || replace(ifnull(d.postcode, ''), ' ', '') || ' ' ||
        ifnull(d.street, '') || ' ' || ifnull(d.city, '') || ' ' ||
        ifnull((SELECT group_concat(p.first_name || ' ' || p.last_name || ' ' || ifnull(p.bsn, ''), ' ')
                FROM persons p WHERE p.dossier_id = d.id), '') || ' ' ||
        ifnull((SELECT group_concat(x.creditor || ' ' || ifnull(x.collector, ''), ' ')
                FROM debts x WHERE x.dossier_id = d.id), '') || ' ' ||
        ifnull((SELECT group_concat(b.iban, ' ') FROM bank_accounts b WHERE b.dossier_id = d.id), '')`;
  return `
      SELECT m.docid, ${foldLettersSql(`(${content})`)}
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

/** The folding of 016 plus the letters: as dossier-search.ts foldForSearch at the time of this migration. */
const fold = (s: string) => SEARCH_LETTER_FOLDS.reduce((t, [from, to]) => t.split(from).join(to), s.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase();

export const m022SearchLetters: Migration = {
  version: 22,
  name: '022_search_letters',
  up(db) {
    db.exec(`
      DROP TRIGGER dossiers_search_insert;
      DROP TRIGGER dossiers_search_update;
      DROP TRIGGER dossier_search_deferred_done;
      CREATE TRIGGER dossiers_search_insert AFTER INSERT ON dossiers BEGIN
        INSERT INTO dossier_search_ids (dossier_id) VALUES (NEW.id);
        ${refresh('NEW.id', true)}
      END;
      CREATE TRIGGER dossiers_search_update AFTER UPDATE OF number, postcode, street, city ON dossiers WHEN ${notDeferred('NEW.id')} BEGIN
        ${refresh('NEW.id')}
      END;
      ${childTriggers('persons')}
      ${childTriggers('debts')}
      ${childTriggers('bank_accounts')}
      CREATE TRIGGER dossier_search_deferred_done AFTER DELETE ON dossier_search_deferred BEGIN
        ${refresh('OLD.dossier_id')}
      END;
    `);
    // Only rows whose text holds such a letter change; rebuilt through the new triggers' own statements.
    const ids = db
      .prepare(`SELECT m.dossier_id FROM dossier_search s JOIN dossier_search_ids m ON m.docid = s.rowid WHERE s.content GLOB ${ANY_FOLDED_LETTER}`)
      .pluck()
      .all() as string[];
    const mark = db.prepare('INSERT INTO dossier_search_deferred (dossier_id) VALUES (?)');
    const done = db.prepare('DELETE FROM dossier_search_deferred WHERE dossier_id = ?');
    for (const id of ids) {
      mark.run(id);
      done.run(id); // dossier_search_deferred_done rebuilds both index rows of the dossier
    }
    const names = db.prepare(`SELECT id, sort_name FROM dossiers WHERE sort_name GLOB ${ANY_FOLDED_LETTER}`).all() as { id: string; sort_name: string }[];
    const setName = db.prepare('UPDATE dossiers SET sort_name = ? WHERE id = ?');
    for (const n of names) setName.run(fold(n.sort_name), n.id);
  },
};
