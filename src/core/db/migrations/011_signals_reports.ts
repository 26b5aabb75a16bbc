// 011: systeemfouten. Signals per dossier (codes plus a private note; they cascade with their dossier),
// the office's Ed25519 report key (inside the encrypted database, so it is as safe as the case files) and
// the export ledger: append-only (triggers refuse UPDATE and DELETE) and hash-chained, so the rules
// against differencing (one export per period, whole-period corrections) rest on a history nobody can
// quietly rewrite. The ledger has no foreign key to signals or dossiers: it must outlive them.
import type { Migration } from './types';

export const m011SignalsReports: Migration = {
  version: 11,
  name: '011_signals_reports',
  up(db) {
    db.exec(`
      CREATE TABLE signals (
        id TEXT PRIMARY KEY,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        vocabulary_version TEXT NOT NULL,
        recorded_on TEXT NOT NULL,
        instantie TEXT NOT NULL,
        mechanism TEXT NOT NULL,
        effects TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(effects)),
        route TEXT NOT NULL,
        route_result TEXT NOT NULL,
        occurred_on TEXT,
        impact_cents INTEGER CHECK (impact_cents IS NULL OR (typeof(impact_cents) = 'integer' AND impact_cents >= 0)),
        shortfall_cents INTEGER CHECK (shortfall_cents IS NULL OR (typeof(shortfall_cents) = 'integer' AND shortfall_cents >= 0)),
        source TEXT NOT NULL CHECK (source IN ('dossier', 'budget', 'debt')),
        source_ref TEXT,
        note TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX signals_dossier ON signals (dossier_id, recorded_on);
      CREATE INDEX signals_recorded ON signals (recorded_on);

      CREATE TABLE report_keys (
        key_id TEXT PRIMARY KEY,
        public_key_der BLOB NOT NULL,
        private_key_der BLOB NOT NULL,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE report_ledger (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        export_id TEXT NOT NULL UNIQUE,
        period TEXT NOT NULL,
        schema_version TEXT NOT NULL,
        supersedes TEXT,
        levels TEXT NOT NULL CHECK (json_valid(levels)),
        cells TEXT NOT NULL CHECK (json_valid(cells)),
        signal_ids TEXT NOT NULL CHECK (json_valid(signal_ids)),
        payload_sha256 TEXT NOT NULL,
        key_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        envelope TEXT NOT NULL
      );
      CREATE TRIGGER report_ledger_no_update BEFORE UPDATE ON report_ledger
      BEGIN
        SELECT RAISE(ABORT, 'report_ledger is append-only');
      END;
      CREATE TRIGGER report_ledger_no_delete BEFORE DELETE ON report_ledger
      BEGIN
        SELECT RAISE(ABORT, 'report_ledger is append-only');
      END;
    `);
  },
};
