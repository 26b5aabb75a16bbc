// 018: the export ledger refuses `INSERT OR REPLACE` as the logboek does (005). REPLACE removes a row that
// conflicts on seq, export_id or hash without firing the no-delete trigger (recursive_triggers is off), so an
// outside tool could drop an accepted export from the ledger and the office could report its period again: the
// differencing the ledger exists to stop (SYSTEEMFOUTEN.md R3, R7). A BEFORE INSERT trigger sees the old row
// before REPLACE removes it, and refuses. Self-contained: only the trigger is added; no row changes.
import type { Migration } from './types';

export const m018ReportLedgerNoReplace: Migration = {
  version: 18,
  name: '018_report_ledger_no_replace',
  up(db) {
    db.exec(`
      CREATE TRIGGER report_ledger_append_only_insert BEFORE INSERT ON report_ledger
      BEGIN
        SELECT RAISE(ABORT, 'report_ledger is append-only')
          WHERE (NEW.seq IS NOT NULL AND NEW.seq > 0 AND NEW.seq <= coalesce((SELECT max(seq) FROM report_ledger), 0))
             OR EXISTS (SELECT 1 FROM report_ledger WHERE export_id = NEW.export_id OR hash = NEW.hash);
      END;
    `);
  },
};
