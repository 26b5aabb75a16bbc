// 008: the household as it really is (issue 6 part 4). Additive only:
// - dossiers.address_kind: woonadres / briefadres_met_inzicht / geen_woonadres (NULL = derived from the address);
// - persons.foster_child and persons.co_parenting, per child;
// - incomes.instalments and expenses.instalments: "in N termijnen per jaar". The frequency column keeps its
//   original CHECK (a CHECK cannot be widened without rebuilding the table), so such an item is stored with
//   frequency 'jaar' and instalments N, the amount being per instalment; the dossier service maps it to and
//   from frequency 'termijnen'. An item without instalments is exactly as before.
import type { Migration } from './types';

export const m008Household: Migration = {
  version: 8,
  name: '008_household',
  up(db) {
    db.exec(`
      ALTER TABLE dossiers ADD COLUMN address_kind TEXT
        CHECK (address_kind IS NULL OR address_kind IN ('woonadres', 'briefadres_met_inzicht', 'geen_woonadres'));
      ALTER TABLE persons ADD COLUMN foster_child INTEGER CHECK (foster_child IS NULL OR foster_child IN (0, 1));
      ALTER TABLE persons ADD COLUMN co_parenting TEXT
        CHECK (co_parenting IS NULL OR co_parenting IN ('geen', 'wij_ontvangen_kinderbijslag', 'andere_ouder_ontvangt_kinderbijslag'));
      ALTER TABLE incomes ADD COLUMN instalments INTEGER
        CHECK (instalments IS NULL OR (typeof(instalments) = 'integer' AND instalments BETWEEN 1 AND 52));
      ALTER TABLE expenses ADD COLUMN instalments INTEGER
        CHECK (instalments IS NULL OR (typeof(instalments) = 'integer' AND instalments BETWEEN 1 AND 52));
    `);
  },
};
