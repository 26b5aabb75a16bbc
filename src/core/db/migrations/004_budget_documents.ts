// 004: budget inputs per dossier (stated BVV, kostendelers, VTLB corrections), norm tables supplied by the
// user (imported files and hand-entered periods; validated before they get here) and generated documents
// (budget plan PDFs). Documents and inputs cascade with their dossier, so deleting a dossier removes them
// too (secure_delete overwrites the freed pages). Everything lives inside the encrypted database.
import type { Migration } from './types';

export const m004BudgetDocuments: Migration = {
  version: 4,
  name: '004_budget_documents',
  up(db) {
    db.exec(`
      CREATE TABLE budget_inputs (
        dossier_id TEXT PRIMARY KEY REFERENCES dossiers (id) ON DELETE CASCADE,
        inputs TEXT NOT NULL CHECK (json_valid(inputs)),
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE user_norm_files (
        id TEXT PRIMARY KEY,
        norm_group TEXT NOT NULL,
        content TEXT NOT NULL CHECK (json_valid(content)),
        source TEXT NOT NULL,
        imported_at INTEGER NOT NULL,
        origin TEXT NOT NULL DEFAULT 'user' CHECK (origin = 'user')
      );
      CREATE INDEX user_norm_files_group ON user_norm_files (norm_group, imported_at);

      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('budgetplan')),
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        content BLOB NOT NULL,
        reference_date TEXT,
        norm_periods TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(norm_periods))
      );
      CREATE INDEX documents_dossier ON documents (dossier_id, created_at);
    `);
  },
};
