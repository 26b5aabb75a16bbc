// 015: the association's store, used only in a vereniging vault (issue 9 §3): the register of office keys
// (office name, public key, registration and revocation dates), the received office report files (an accepted
// file keeps its signed envelope; a rejected one only its name, hash and reason, so nothing of it can enter
// a total) and the published tables. Everything lives in the encrypted database. Self-contained: new tables.
import type { Migration } from './types';

export const m015AssociationStore: Migration = {
  version: 15,
  name: '015_association_store',
  up(db) {
    db.exec(`
      CREATE TABLE association_keys (
        key_id TEXT PRIMARY KEY,
        office TEXT NOT NULL CHECK (length(trim(office)) > 0),
        public_key_pem TEXT NOT NULL,
        registered_on TEXT NOT NULL,
        revoked_on TEXT,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE association_files (
        id TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('geaccepteerd', 'afgewezen')),
        reason TEXT,
        key_id TEXT,
        period TEXT,
        envelope TEXT,
        CHECK ((status = 'geaccepteerd' AND envelope IS NOT NULL AND key_id IS NOT NULL AND period IS NOT NULL) OR (status = 'afgewezen' AND envelope IS NULL AND reason IS NOT NULL))
      );
      CREATE UNIQUE INDEX association_files_accepted_sha ON association_files (sha256) WHERE status = 'geaccepteerd';
      CREATE INDEX association_files_period ON association_files (period);

      CREATE TABLE association_publications (
        id TEXT PRIMARY KEY,
        year TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        published TEXT NOT NULL CHECK (json_valid(published)),
        files TEXT NOT NULL CHECK (json_valid(files))
      );
      CREATE INDEX association_publications_year ON association_publications (year, created_at);
    `);
  },
};
