// 013: per adult whether he or she is insured under the Zorgverzekeringswet (issue 6, second pass). Additive only:
// persons.insured_nl (1 = yes, 0 = no; NULL = not recorded, read as insured, as for every dossier before).
import type { Migration } from './types';

export const m013InsuredAdults: Migration = {
  version: 13,
  name: '013_insured_adults',
  up(db) {
    db.exec(`
      ALTER TABLE persons ADD COLUMN insured_nl INTEGER
        CHECK (insured_nl IS NULL OR (kind = 'adult' AND insured_nl IN (0, 1)));
    `);
  },
};
