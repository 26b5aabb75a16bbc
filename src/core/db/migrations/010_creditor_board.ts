// 010: the creditor board (Schuldenknooppunt message steps per creditor, with dates), its settings per dossier
// (deadline for reaching a regeling, reply term), payments per creditor and month, and the letters
// (proposal letters, schuldenoverzicht) stored as encrypted documents. Debts are keyed by their stable item id
// (the debts table is rewritten on every dossier save, so no foreign key to it); everything cascades with
// the dossier. Self-contained: only new tables.
import type { Migration } from './types';

export const m010CreditorBoard: Migration = {
  version: 10,
  name: '010_creditor_board',
  up(db) {
    db.exec(`
      CREATE TABLE creditor_board_events (
        id TEXT PRIMARY KEY,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        debt_id TEXT NOT NULL,
        step TEXT NOT NULL CHECK (step IN ('saldoverzoek', 'saldo_ontvangen', 'voorstel_verstuurd', 'akkoord', 'afwijzing', 'heroverweging', 'geen_reactie')),
        event_date TEXT NOT NULL,
        note TEXT,
        amount_cents INTEGER CHECK (amount_cents IS NULL OR (typeof(amount_cents) = 'integer' AND amount_cents >= 0)),
        created_at INTEGER NOT NULL
      );
      CREATE INDEX creditor_board_events_dossier ON creditor_board_events (dossier_id, event_date);

      CREATE TABLE creditor_board_settings (
        dossier_id TEXT PRIMARY KEY REFERENCES dossiers (id) ON DELETE CASCADE,
        deadline_days INTEGER NOT NULL CHECK (deadline_days BETWEEN 1 AND 3650),
        reply_days INTEGER NOT NULL CHECK (reply_days BETWEEN 1 AND 365),
        start_date TEXT,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE arrangement_payments (
        id TEXT PRIMARY KEY,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        debt_id TEXT NOT NULL,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        amount_cents INTEGER NOT NULL CHECK (typeof(amount_cents) = 'integer' AND amount_cents > 0),
        paid_on TEXT NOT NULL,
        note TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX arrangement_payments_dossier ON arrangement_payments (dossier_id, month);

      CREATE TABLE arrangement_letters (
        id TEXT PRIMARY KEY,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        debt_id TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('voorstel', 'schuldenoverzicht', 'batch_overzicht')),
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        content BLOB NOT NULL,
        includes_bsn INTEGER NOT NULL DEFAULT 0 CHECK (includes_bsn IN (0, 1))
      );
      CREATE INDEX arrangement_letters_dossier ON arrangement_letters (dossier_id, created_at);
    `);
  },
};
