// 009: payment arrangements. Debts v2 (creditor kind, dated statement split into hoofdsom/rente/kosten,
// reason for preferent/concurrent, verification, re-check date, in/out of the regeling with a reason, and
// premium arrears for a zorgverzekeraar) as columns with defaults, so every existing debt row moves forward
// unchanged ('overig', 'opgevraagd', 'standaard'). Plus the arrangement parameters per dossier, the
// zorgpremie schemes edited by the user (bundled ones live in resources/schemes) and the dossiers taking
// part in a scheme. Money is INTEGER cents, dates ISO TEXT, timestamps epoch ms.
import type { Migration } from './types';

export const m009Arrangements: Migration = {
  version: 9,
  name: '009_arrangements',
  up(db) {
    db.exec(`
      ALTER TABLE debts ADD COLUMN creditor_kind TEXT NOT NULL DEFAULT 'overig'
        CHECK (creditor_kind IN ('zorgverzekeraar','belastingdienst','toeslagen','gemeente','verhuurder','energie','water','telecom','cjib','duo','uwv_svb','bank','particulier','overig'));
      ALTER TABLE debts ADD COLUMN kind_reason TEXT;
      ALTER TABLE debts ADD COLUMN statement_date TEXT;
      ALTER TABLE debts ADD COLUMN statement_principal_cents INTEGER CHECK (statement_principal_cents IS NULL OR (typeof(statement_principal_cents) = 'integer' AND statement_principal_cents >= 0));
      ALTER TABLE debts ADD COLUMN statement_interest_cents INTEGER CHECK (statement_interest_cents IS NULL OR (typeof(statement_interest_cents) = 'integer' AND statement_interest_cents >= 0));
      ALTER TABLE debts ADD COLUMN statement_costs_cents INTEGER CHECK (statement_costs_cents IS NULL OR (typeof(statement_costs_cents) = 'integer' AND statement_costs_cents >= 0));
      ALTER TABLE debts ADD COLUMN verification TEXT NOT NULL DEFAULT 'opgevraagd' CHECK (verification IN ('opgevraagd','ontvangen','gecontroleerd'));
      ALTER TABLE debts ADD COLUMN recheck_after TEXT;
      ALTER TABLE debts ADD COLUMN inclusion TEXT NOT NULL DEFAULT 'standaard' CHECK (inclusion IN ('standaard','opnemen','uitsluiten'));
      ALTER TABLE debts ADD COLUMN inclusion_reason TEXT;
      ALTER TABLE debts ADD COLUMN arrears_months INTEGER CHECK (arrears_months IS NULL OR (typeof(arrears_months) = 'integer' AND arrears_months >= 0));
      ALTER TABLE debts ADD COLUMN arrears_premium_cents INTEGER CHECK (arrears_premium_cents IS NULL OR (typeof(arrears_premium_cents) = 'integer' AND arrears_premium_cents >= 0));
      ALTER TABLE debts ADD COLUMN arrears_reported_to_cak INTEGER CHECK (arrears_reported_to_cak IS NULL OR arrears_reported_to_cak IN (0, 1));
      ALTER TABLE debts ADD COLUMN arrears_reported_on TEXT;

      CREATE TABLE arrangement_inputs (
        dossier_id TEXT PRIMARY KEY REFERENCES dossiers (id) ON DELETE CASCADE,
        inputs TEXT NOT NULL CHECK (json_valid(inputs)),
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE schemes (
        id TEXT PRIMARY KEY,
        content TEXT NOT NULL CHECK (json_valid(content)),
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE scheme_participants (
        scheme_id TEXT NOT NULL,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('voorgesteld','akkoord','lopend','afgerond','gestopt')),
        monthly_cents INTEGER CHECK (monthly_cents IS NULL OR (typeof(monthly_cents) = 'integer' AND monthly_cents >= 0)),
        start_date TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (scheme_id, dossier_id)
      );
      CREATE INDEX scheme_participants_dossier ON scheme_participants (dossier_id);
    `);
  },
};
