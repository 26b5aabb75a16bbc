// 001: dossiers and everything a professional enters about a household. Money is INTEGER cents
// (never REAL), calendar dates are ISO TEXT, timestamps epoch ms. Sub-items cascade with their dossier
// so a delete removes every row at once (secure_delete then overwrites the freed pages).
import type { Migration } from './types';

export const m001Initial: Migration = {
  version: 1,
  name: '001_initial',
  up(db) {
    db.exec(`
      CREATE TABLE dossier_number_seq (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL CHECK (last >= 0)
      );

      CREATE TABLE dossiers (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('aanmelding','stabilisatie','schuldregeling','nazorg','afgesloten')),
        type_of_help TEXT NOT NULL CHECK (type_of_help IN ('beschermingsbewind','schuldhulpverlening','budgetbeheer')),
        professional TEXT NOT NULL,
        fictitious INTEGER NOT NULL DEFAULT 0 CHECK (fictitious IN (0, 1)),
        street TEXT,
        house_number TEXT,
        postcode TEXT,
        city TEXT,
        phone TEXT,
        email TEXT,
        date_aanmelding TEXT,
        date_stabilisatie TEXT,
        date_schuldregeling TEXT,
        date_nazorg TEXT,
        date_afgesloten TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX dossiers_updated_at ON dossiers (updated_at DESC);

      CREATE TABLE persons (
        row_id INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('adult', 'child')),
        role TEXT CHECK ((kind = 'adult' AND role IN ('aanvrager', 'partner')) OR (kind = 'child' AND role IS NULL)),
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        birth_date TEXT NOT NULL,
        bsn TEXT CHECK (bsn IS NULL OR (kind = 'adult' AND length(bsn) = 9)),
        living_in_household INTEGER CHECK ((kind = 'child' AND living_in_household IN (0, 1)) OR (kind = 'adult' AND living_in_household IS NULL)),
        sort_order INTEGER NOT NULL,
        UNIQUE (dossier_id, id)
      );

      CREATE TABLE bank_accounts (
        row_id INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        iban TEXT NOT NULL,
        holder TEXT,
        description TEXT,
        sort_order INTEGER NOT NULL,
        UNIQUE (dossier_id, id)
      );

      CREATE TABLE incomes (
        row_id INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        description TEXT NOT NULL,
        category TEXT NOT NULL,
        amount_cents INTEGER NOT NULL CHECK (typeof(amount_cents) = 'integer' AND amount_cents >= 0),
        frequency TEXT NOT NULL CHECK (frequency IN ('week','vierweken','maand','kwartaal','jaar')),
        person_role TEXT CHECK (person_role IS NULL OR person_role IN ('aanvrager', 'partner')),
        start_date TEXT,
        end_date TEXT,
        sort_order INTEGER NOT NULL,
        UNIQUE (dossier_id, id)
      );

      CREATE TABLE expenses (
        row_id INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        description TEXT NOT NULL,
        category TEXT NOT NULL,
        amount_cents INTEGER NOT NULL CHECK (typeof(amount_cents) = 'integer' AND amount_cents >= 0),
        frequency TEXT NOT NULL CHECK (frequency IN ('week','vierweken','maand','kwartaal','jaar')),
        start_date TEXT,
        end_date TEXT,
        sort_order INTEGER NOT NULL,
        UNIQUE (dossier_id, id)
      );

      CREATE TABLE debts (
        row_id INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        creditor TEXT NOT NULL,
        collector TEXT,
        reference TEXT,
        original_cents INTEGER NOT NULL CHECK (typeof(original_cents) = 'integer' AND original_cents >= 0),
        current_cents INTEGER NOT NULL CHECK (typeof(current_cents) = 'integer' AND current_cents >= 0),
        kind TEXT NOT NULL CHECK (kind IN ('concurrent', 'preferent')),
        status TEXT NOT NULL,
        since TEXT,
        sort_order INTEGER NOT NULL,
        UNIQUE (dossier_id, id)
      );
    `);
  },
};
