// 017: a signal imported into this vault is registered here on the import date (rule R1, lead's decision on
// issue 9): `recorded_on` keeps deciding the report quarter, so an import can never land in a quarter this
// office has already exported. The date on which it was first registered elsewhere (the interchange file's
// `recordedOn`) is kept beside it for the dossier's own view and travels on when the dossier is exported again.
// Additive only: NULL = registered in this vault (every signal before 017, imported or not, keeps its date).
import type { Migration } from './types';

export const m017SignalOriginalDate: Migration = {
  version: 17,
  name: '017_signal_original_date',
  up(db) {
    db.exec(`ALTER TABLE signals ADD COLUMN original_recorded_on TEXT;`);
  },
};
