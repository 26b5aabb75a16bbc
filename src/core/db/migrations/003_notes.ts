// 003: notes per dossier (appended with dossier.addNote, carried by interchange files).
import type { Migration } from './types';

export const m003Notes: Migration = {
  version: 3,
  name: '003_notes',
  up(db) {
    db.exec(`
      CREATE TABLE notes (
        row_id INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        author TEXT,
        text TEXT NOT NULL,
        UNIQUE (dossier_id, id)
      );
      CREATE INDEX notes_dossier ON notes (dossier_id, created_at);
    `);
  },
};
