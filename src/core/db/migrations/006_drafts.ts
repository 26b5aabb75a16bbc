// 006: drafts of half-filled forms, so navigating away or an auto-lock never loses work. One row per form
// (form_key), the values as JSON, encrypted with the rest of the vault; removed when the form is saved or the
// draft is discarded, and with its dossier (ON DELETE CASCADE).
import type { Migration } from './types';

export const m006Drafts: Migration = {
  version: 6,
  name: '006_drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        form_key TEXT PRIMARY KEY,
        dossier_id TEXT REFERENCES dossiers (id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX drafts_updated ON drafts (updated_at DESC);
    `);
  },
};
