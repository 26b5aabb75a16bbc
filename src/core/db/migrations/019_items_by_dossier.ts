// 019: a dossier's incomes and expenses stored together (issue 10 §1). Both tables kept their rows in insertion
// order (row_id) with a separate index on (dossier_id, id), so every read of a dossier's items went through the index
// and then to the table, and the budget of all households (budget.batch) read two b-trees per table: at 10,000
// dossiers these two tables and their indexes were some 34 MB of the 44 MB the batch reads, more than the page cache
// holds, and every page read from disk is decrypted. As WITHOUT ROWID tables keyed on (dossier_id, id) the table is
// that index: one b-tree, a dossier's items on one or two neighbouring pages, and no second copy of the keys.
// Nothing refers to these rows by row_id (the dossier service deletes and writes a dossier's items as a whole), no
// trigger or index is defined on them, and the columns, checks and foreign key are otherwise those of 001 and 008.
// The rows are copied as they are; only row_id, their insertion number, is gone. Persons stay as they are: the
// search triggers (007, 012, 016) and two indexes (012) are defined on that table.
import type { Migration } from './types';

const INCOME_COLUMNS = 'id, dossier_id, description, category, amount_cents, frequency, person_role, start_date, end_date, sort_order, instalments';
const EXPENSE_COLUMNS = 'id, dossier_id, description, category, amount_cents, frequency, start_date, end_date, sort_order, instalments';

export const m019ItemsByDossier: Migration = {
  version: 19,
  name: '019_items_by_dossier',
  up(db) {
    db.exec(`
      CREATE TABLE incomes_019 (
        id TEXT NOT NULL,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        description TEXT NOT NULL,
        category TEXT NOT NULL,
        amount_cents INTEGER NOT NULL CHECK (typeof(amount_cents) = 'integer' AND amount_cents >= 0),
        frequency TEXT NOT NULL CHECK (frequency IN ('week','vierweken','maand','kwartaal','jaar')),
        person_role TEXT CHECK (person_role IS NULL OR person_role IN ('aanvrager', 'partner')),
        start_date TEXT,
        end_date TEXT,
        sort_order INTEGER NOT NULL,
        instalments INTEGER CHECK (instalments IS NULL OR (typeof(instalments) = 'integer' AND instalments BETWEEN 1 AND 52)),
        PRIMARY KEY (dossier_id, id)
      ) WITHOUT ROWID;
      INSERT INTO incomes_019 (${INCOME_COLUMNS}) SELECT ${INCOME_COLUMNS} FROM incomes;
      DROP TABLE incomes;
      ALTER TABLE incomes_019 RENAME TO incomes;

      CREATE TABLE expenses_019 (
        id TEXT NOT NULL,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        description TEXT NOT NULL,
        category TEXT NOT NULL,
        amount_cents INTEGER NOT NULL CHECK (typeof(amount_cents) = 'integer' AND amount_cents >= 0),
        frequency TEXT NOT NULL CHECK (frequency IN ('week','vierweken','maand','kwartaal','jaar')),
        start_date TEXT,
        end_date TEXT,
        sort_order INTEGER NOT NULL,
        instalments INTEGER CHECK (instalments IS NULL OR (typeof(instalments) = 'integer' AND instalments BETWEEN 1 AND 52)),
        PRIMARY KEY (dossier_id, id)
      ) WITHOUT ROWID;
      INSERT INTO expenses_019 (${EXPENSE_COLUMNS}) SELECT ${EXPENSE_COLUMNS} FROM expenses;
      DROP TABLE expenses;
      ALTER TABLE expenses_019 RENAME TO expenses;
    `);
  },
};
