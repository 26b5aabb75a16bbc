// 014: zorgpremie scheme conditions, tracked. A family that does not meet a scheme's conditions at selection
// enters a batch only when the user overrides with a reason; that reason is kept here (one per scheme and
// dossier, the latest wins) so the dossier shows why it is in the scheme. Cascades with the dossier.
// Self-contained: one new table.
import type { Migration } from './types';

export const m014SchemeConditions: Migration = {
  version: 14,
  name: '014_scheme_conditions',
  up(db) {
    db.exec(`
      CREATE TABLE scheme_condition_overrides (
        scheme_id TEXT NOT NULL,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        reasons_not_met TEXT NOT NULL CHECK (json_valid(reasons_not_met)),
        created_at INTEGER NOT NULL,
        PRIMARY KEY (scheme_id, dossier_id)
      );
    `);
  },
};
