// 020: the province each dossier's address was in, from which day (SYSTEEMFOUTEN.md: a report's region is the client's
// address at the end of the quarter). Only the province is kept, never an old postcode or address: the report needs
// no more, and the vault keeps no address history it does not need. The dossier service adds a row when a write moves
// the household to another province; the report takes the last row on or before the quarter's end.
// Existing dossiers start with one row for their current address, valid from the beginning ('0000-01-01'): their
// earlier addresses were never recorded, and the current one is the best that is known for every earlier day.
import { provinceOfPostcode } from '../../../shared/signals/vocabulary';
import type { Migration } from './types';

/** The first row of a dossier's region history: no earlier address is known. */
export const REGION_HISTORY_START = '0000-01-01';

export const m020DossierRegions: Migration = {
  version: 20,
  name: '020_dossier_regions',
  up(db) {
    db.exec(`
      CREATE TABLE dossier_regions (
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        from_date TEXT NOT NULL,
        province TEXT,
        PRIMARY KEY (dossier_id, from_date)
      ) WITHOUT ROWID;
    `);
    const insert = db.prepare('INSERT INTO dossier_regions (dossier_id, from_date, province) VALUES (?, ?, ?)');
    for (const row of db.prepare('SELECT id, postcode FROM dossiers').all() as { id: string; postcode: string | null }[]) {
      insert.run(row.id, REGION_HISTORY_START, provinceOfPostcode(row.postcode));
    }
  },
};
