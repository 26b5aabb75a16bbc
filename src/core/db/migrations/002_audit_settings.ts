// 002: the append-only audit log (triggers refuse UPDATE and DELETE, so not even a bug in our own code
// can rewrite history) and the vault's settings as key/value JSON. The audit log has no foreign key
// to dossiers on purpose: it must outlive a deleted dossier. It holds no personal data.
import type { Migration } from './types';

export const m002AuditSettings: Migration = {
  version: 2,
  name: '002_audit_settings',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        dossier_id TEXT,
        dossier_number TEXT,
        detail TEXT
      );
      CREATE INDEX audit_log_dossier ON audit_log (dossier_id, id);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      INSERT INTO settings (key, value) VALUES ('autoLockMinutes', '10'), ('userName', '"Medewerker"');
    `);
  },
};
