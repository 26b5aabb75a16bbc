// Schema migrations (ENGINEERING.md checklist 19): a vault created at EVERY earlier schema version,
// filled with data valid at that version, migrates to the latest schema with its data intact; the
// resulting schema equals the committed snapshot (so a schema change without a reviewed snapshot
// update fails here); a failing migration rolls back; a database from the future is refused.
//
// Update the snapshot after an intended schema change: UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/integration/migrations
import { randomBytes } from 'node:crypto';
import { findDuplicate } from '../../../src/core/services/plausibility';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncrypted, userVersion, type Db } from '../../../src/core/db/driver';
import { migrate } from '../../../src/core/db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../src/core/db/migrations';
import type { Migration } from '../../../src/core/db/migrations/types';
import { silentLogger } from '../../../src/core/logger';
import { auditChainHash } from '../../../src/core/db/migrations/005_audit_chain';
import { createAuditService, verifyAuditChain } from '../../../src/core/services/audit';
import { createDossierService } from '../../../src/core/services/dossiers';
import { createSettingsService } from '../../../src/core/services/settings';
import { createSignalService } from '../../../src/core/services/signals';
import { VaultManager } from '../../../src/core/vault';
import { AppError } from '../../../src/shared/contract/errors';

const SNAPSHOT_FILE = path.join(path.dirname(new URL(import.meta.url).pathname), 'schema-snapshot.json');

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string;
}

function schemaOf(db: Db): SchemaObject[] {
  const rows = db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  return rows.map((r) => ({ ...r, sql: (r.sql ?? '').replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim() }));
}

/** Bring a database to exactly version v, the way a Houvast of that version would have left it. */
function migrateTo(db: Db, v: number): void {
  migrate(db, migrations.slice(0, v), { backup: () => undefined });
  expect(userVersion(db)).toBe(v);
}

const T0 = Date.UTC(2025, 10, 3, 9, 30);
const DOSSIER_ID = '0b9f4a62-52f6-4d9e-9a53-3f1f6b1f0001';

/** Representative rows per schema version, inserted with plain SQL valid at that version. */
const FIXTURES: Record<number, (db: Db) => void> = {
  1: (db) => {
    db.prepare('INSERT INTO dossier_number_seq (year, last) VALUES (2025, 7)').run();
    db.prepare(
      `INSERT INTO dossiers (id, number, status, type_of_help, professional, fictitious, street, house_number, postcode, city,
        phone, email, date_aanmelding, date_stabilisatie, created_at, updated_at)
       VALUES (?, '2025-0007', 'stabilisatie', 'budgetbeheer', 'Merel de Wit', 0, 'Lindelaan', '3', '3511 AB', 'Utrecht',
        '06 12345678', NULL, '2025-10-01', '2025-11-01', ?, ?)`,
    ).run(DOSSIER_ID, T0, T0);
    const person = db.prepare(
      `INSERT INTO persons (id, dossier_id, kind, role, first_name, last_name, birth_date, bsn, living_in_household, sort_order)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    person.run('p1', DOSSIER_ID, 'adult', 'aanvrager', 'Anna', 'Jansen', '1985-04-12', '111222333', null, 0);
    person.run('p2', DOSSIER_ID, 'child', null, 'Noor', 'Jansen', '2015-06-01', null, 1, 1);
    db.prepare("INSERT INTO bank_accounts (id, dossier_id, iban, holder, description, sort_order) VALUES ('b1', ?, 'NL91ABNA0417164300', NULL, 'Betaal', 0)").run(DOSSIER_ID);
    db.prepare(
      "INSERT INTO incomes (id, dossier_id, description, category, amount_cents, frequency, person_role, start_date, end_date, sort_order) VALUES ('i1', ?, 'Loon', 'loon', 183450, 'maand', 'aanvrager', NULL, NULL, 0)",
    ).run(DOSSIER_ID);
    db.prepare(
      "INSERT INTO expenses (id, dossier_id, description, category, amount_cents, frequency, start_date, end_date, sort_order) VALUES ('e1', ?, 'Huur', 'huur', 71235, 'maand', '2025-01-01', NULL, 0)",
    ).run(DOSSIER_ID);
    db.prepare(
      "INSERT INTO debts (id, dossier_id, creditor, collector, reference, original_cents, current_cents, kind, status, since, sort_order) VALUES ('d1', ?, 'Zorgverzekeraar', NULL, 'ZV-1', 120000, 98010, 'concurrent', 'open', NULL, 0)",
    ).run(DOSSIER_ID);
  },
  2: (db) => {
    const chained = (db.prepare('PRAGMA table_info(audit_log)').all() as { name: string }[]).some((c) => c.name === 'hash');
    if (!chained) {
      db.prepare("INSERT INTO audit_log (at, actor, action, dossier_id, dossier_number, detail) VALUES (?, 'Merel', 'dossier.changed', ?, '2025-0007', 'Kinderen')").run(T0, DOSSIER_ID);
    } else {
      // From 005 on, a row must extend the hash chain (the insert trigger refuses anything else).
      const row = { id: 1, at: T0, actor: 'Merel', action: 'dossier.changed', dossier_id: DOSSIER_ID, dossier_number: '2025-0007', detail: 'Kinderen' };
      const genesis = '0'.repeat(64);
      db.prepare('INSERT INTO audit_log (id, at, actor, action, dossier_id, dossier_number, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        row.id, row.at, row.actor, row.action, row.dossier_id, row.dossier_number, row.detail, genesis, auditChainHash(genesis, row),
      );
    }
    db.prepare("UPDATE settings SET value = '25' WHERE key = 'autoLockMinutes'").run();
    db.prepare("UPDATE settings SET value = '\"Merel de Wit\"' WHERE key = 'userName'").run();
  },
  3: (db) => {
    db.prepare("INSERT INTO notes (id, dossier_id, created_at, author, text) VALUES ('n1', ?, ?, 'Merel', 'Eerste gesprek')").run(DOSSIER_ID, T0);
  },
  4: (db) => {
    db.prepare('INSERT INTO budget_inputs (dossier_id, inputs, updated_at) VALUES (?, ?, ?)').run(
      DOSSIER_ID,
      JSON.stringify({ statedBvv: { amount: '1500.00', date: '2025-10-15', statedBy: 'Deurwaarder' }, kostendelers: 0, vtlbCorrections: [] }),
      T0,
    );
    db.prepare("INSERT INTO user_norm_files (id, norm_group, content, source, imported_at) VALUES ('u1', 'aow_leeftijd', '{}', 'https://www.svb.nl', ?)").run(T0);
    db.prepare(
      "INSERT INTO documents (id, dossier_id, kind, file_name, mime, created_at, content, reference_date, norm_periods) VALUES ('doc1', ?, 'budgetplan', 'budgetplan.pdf', 'application/pdf', ?, ?, '2025-11-01', '[]')",
    ).run(DOSSIER_ID, T0, Buffer.from('%PDF-1.7 test'));
  },
  5: (db) => {
    // A second logboek row, chained onto the first as the audit service does.
    const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    const row = { id: last.id + 1, at: T0 + 5, actor: 'Merel de Wit', action: 'vault.unlocked', dossier_id: null, dossier_number: null, detail: null };
    db.prepare('INSERT INTO audit_log (id, at, actor, action, dossier_id, dossier_number, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      row.id, row.at, row.actor, row.action, row.dossier_id, row.dossier_number, row.detail, last.hash, auditChainHash(last.hash, row),
    );
  },
  6: (db) => {
    db.prepare("INSERT INTO drafts (form_key, dossier_id, label, data, updated_at) VALUES ('dossier:nieuw', NULL, 'Nieuw dossier', '{\"adults\":[]}', ?)").run(T0);
  },
  7: (db) => {
    // A second household written after the search index exists: the triggers index it.
    db.prepare(
      `INSERT INTO dossiers (id, number, status, type_of_help, professional, fictitious, street, house_number, postcode, city,
        date_aanmelding, created_at, updated_at)
       VALUES ('0b9f4a62-52f6-4d9e-9a53-3f1f6b1f0006', '2025-0008', 'aanmelding', 'schuldhulpverlening', 'Merel de Wit', 0,
        'Havenkade', '12', '3011 AA', 'Rotterdam', '2025-11-02', ?, ?)`,
    ).run(T0 + 6, T0 + 6);
    db.prepare(
      `INSERT INTO persons (id, dossier_id, kind, role, first_name, last_name, birth_date, bsn, living_in_household, sort_order)
       VALUES ('p6', '0b9f4a62-52f6-4d9e-9a53-3f1f6b1f0006', 'adult', 'aanvrager', 'Özkan', 'Yılmaz', '1983-11-02', NULL, NULL, 0)`,
    ).run();
  },
  8: (db) => {
    db.prepare("UPDATE dossiers SET address_kind = 'briefadres_met_inzicht' WHERE id = ?").run(DOSSIER_ID);
    db.prepare("UPDATE persons SET foster_child = 1, co_parenting = 'geen' WHERE id = 'p2'").run();
    // Gemeentelijke belastingen in 10 termijnen: stored as frequency 'jaar' plus instalments (see 008_household.ts).
    db.prepare(
      "INSERT INTO expenses (id, dossier_id, description, category, amount_cents, frequency, start_date, end_date, sort_order, instalments) VALUES ('e2', ?, 'Gemeentelijke belastingen', 'gemeentelijke_belastingen', 6400, 'jaar', NULL, NULL, 1, 10)",
    ).run(DOSSIER_ID);
  },
  9: (db) => {
    db.prepare(
      `INSERT INTO debts (id, dossier_id, creditor, collector, reference, original_cents, current_cents, kind, status, since, sort_order,
         creditor_kind, kind_reason, statement_date, statement_principal_cents, statement_interest_cents, statement_costs_cents,
         verification, recheck_after, inclusion, inclusion_reason, arrears_months, arrears_premium_cents, arrears_reported_to_cak, arrears_reported_on)
       VALUES ('d2', ?, 'CJIB', NULL, 'CJ-9', 23000, 23000, 'concurrent', 'open', NULL, 1,
         'cjib', NULL, '2025-11-01', 20000, 0, 3000, 'gecontroleerd', '2026-02-01', 'standaard', NULL, NULL, NULL, NULL, NULL)`,
    ).run(DOSSIER_ID);
    db.prepare("INSERT INTO arrangement_inputs (dossier_id, inputs, updated_at) VALUES (?, '{\"months\":18}', ?)").run(DOSSIER_ID, T0);
    db.prepare("INSERT INTO schemes (id, content, updated_at) VALUES ('eigen-regeling', '{}', ?)").run(T0);
    db.prepare("INSERT INTO scheme_participants (scheme_id, dossier_id, status, monthly_cents, start_date, updated_at) VALUES ('eigen-regeling', ?, 'lopend', 3500, '2026-01-01', ?)").run(DOSSIER_ID, T0);
  },
  10: (db) => {
    db.prepare(
      "INSERT INTO creditor_board_events (id, dossier_id, debt_id, step, event_date, note, amount_cents, created_at) VALUES ('ev1', ?, 'd1', 'saldo_ontvangen', '2025-11-10', NULL, 98010, ?)",
    ).run(DOSSIER_ID, T0);
    db.prepare("INSERT INTO creditor_board_settings (dossier_id, deadline_days, reply_days, start_date, updated_at) VALUES (?, 120, 30, '2025-11-01', ?)").run(DOSSIER_ID, T0);
    db.prepare(
      "INSERT INTO arrangement_payments (id, dossier_id, debt_id, month, amount_cents, paid_on, note, created_at) VALUES ('pay1', ?, 'd1', '2025-12', 2500, '2025-12-28', NULL, ?)",
    ).run(DOSSIER_ID, T0);
    db.prepare(
      "INSERT INTO arrangement_letters (id, dossier_id, debt_id, kind, file_name, mime, created_at, content, includes_bsn) VALUES ('l1', ?, 'd1', 'voorstel', 'voorstel.pdf', 'application/pdf', ?, ?, 0)",
    ).run(DOSSIER_ID, T0, Buffer.from('%PDF-1.7 brief'));
  },
  11: (db) => {
    db.prepare(
      `INSERT INTO signals (id, dossier_id, vocabulary_version, recorded_on, instantie, mechanism, effects, route, route_result,
        occurred_on, impact_cents, shortfall_cents, source, source_ref, note, created_at, updated_at)
       VALUES ('s1', ?, '2026.1', '2025-11-03', 'toeslagen', 'M1.2', '["stress"]', 'bezwaar', 'loopt', '2025-10-20', 45000, 12000, 'debt', 'd1', 'Privé', ?, ?)`,
    ).run(DOSSIER_ID, T0, T0);
    db.prepare(
      `INSERT INTO report_ledger (export_id, period, schema_version, supersedes, levels, cells, signal_ids, payload_sha256, key_id, created_at, prev_hash, hash, envelope)
       VALUES ('e1', '2025-Q3', '1.0.0', NULL, '{}', '[]', '["s0"]', 'aa', 'k1', ?, 'genesis', 'h1', '{}')`,
    ).run(T0);
  },
  12: (db) => {
    // A partner written by plain SQL after 012 (no deferral mark): the triggers still index it at once.
    db.prepare(
      `INSERT INTO persons (id, dossier_id, kind, role, first_name, last_name, birth_date, bsn, living_in_household, sort_order)
       VALUES ('p12', '0b9f4a62-52f6-4d9e-9a53-3f1f6b1f0006', 'adult', 'partner', 'Wietske', 'Hoekstra', '1984-02-11', NULL, NULL, 1)`,
    ).run();
  },
  13: (db) => {
    // A partner who is not insured under the Zvw (the aanvrager's row stays NULL: read as insured).
    db.prepare(
      "INSERT INTO persons (id, dossier_id, kind, role, first_name, last_name, birth_date, bsn, living_in_household, sort_order, insured_nl) VALUES ('p13', ?, 'adult', 'partner', 'Sam', 'Jansen', '1988-04-04', NULL, NULL, 5, 0)",
    ).run(DOSSIER_ID);
  },
  14: (db) => {
    db.prepare(
      `INSERT INTO scheme_condition_overrides (scheme_id, dossier_id, reason, reasons_not_met, created_at)
       VALUES ('eigen-regeling', ?, 'Bijstand loopt al 14 maanden; bewijs in het dossier', '["Route bijstand: ..."]', ?)`,
    ).run(DOSSIER_ID, T0);
  },
  15: (db) => {
    db.prepare("INSERT INTO association_keys (key_id, office, public_key_pem, registered_on, revoked_on, created_at) VALUES ('k1', 'Bewind Noord', 'PEM', '2026-01-05', NULL, ?)").run(T0);
    db.prepare(
      "INSERT INTO association_files (id, file_name, sha256, received_at, status, reason, key_id, period, envelope) VALUES ('f1', 'noord.json', 'aa', ?, 'geaccepteerd', NULL, 'k1', '2026-Q1', '{}')",
    ).run(T0);
    db.prepare("INSERT INTO association_files (id, file_name, sha256, received_at, status, reason, key_id, period, envelope) VALUES ('f2', 'x.json', 'bb', ?, 'afgewezen', 'Ongeldig', NULL, NULL, NULL)").run(T0);
    db.prepare("INSERT INTO association_publications (id, year, created_at, published, files) VALUES ('p1', '2026', ?, '{}', '[]')").run(T0);
  },
  16: (db) => {
    // A third household written after 016 with its folded sort name, as the dossier service writes it; the
    // triggers index it in both search tables.
    db.prepare(
      `INSERT INTO dossiers (id, number, status, type_of_help, professional, fictitious, date_aanmelding, created_at, updated_at, sort_name)
       VALUES ('0b9f4a62-52f6-4d9e-9a53-3f1f6b1f0016', '2025-0009', 'aanmelding', 'budgetbeheer', 'Merel de Wit', 0, '2025-11-03', ?, ?, 'de bruijn emile')`,
    ).run(T0 + 16, T0 + 16);
    db.prepare(
      `INSERT INTO persons (id, dossier_id, kind, role, first_name, last_name, birth_date, bsn, living_in_household, sort_order)
       VALUES ('p16', '0b9f4a62-52f6-4d9e-9a53-3f1f6b1f0016', 'adult', 'aanvrager', 'Émile', 'de Bruijn', '1990-07-07', NULL, NULL, 0)`,
    ).run();
  },
  17: (db) => {
    // An imported signal: registered here on the import date, first registered elsewhere in February.
    db.prepare(
      `INSERT INTO signals (id, dossier_id, vocabulary_version, recorded_on, original_recorded_on, instantie, mechanism, effects, route, route_result,
        occurred_on, impact_cents, shortfall_cents, source, source_ref, note, created_at, updated_at)
       VALUES ('s17', ?, '2026.1', '2026-11-20', '2026-02-10', 'cjib', 'M3.1', '[]', 'geen', 'nvt', NULL, NULL, NULL, 'dossier', NULL, '', ?, ?)`,
    ).run(DOSSIER_ID, T0, T0);
  },
  18: (db) => {
    // A second export, appended after 018 as the ledger appends (it extends the chain of fixture 11's row).
    db.prepare(
      `INSERT INTO report_ledger (export_id, period, schema_version, supersedes, levels, cells, signal_ids, payload_sha256, key_id, created_at, prev_hash, hash, envelope)
       VALUES ('e18', '2025-Q4', '1.0.0', NULL, '{}', '[]', '["s17"]', 'bb', 'k1', ?, 'h1', 'h18', '{}')`,
    ).run(T0 + 18);
  },
  19: (db) => {
    // Items written after 019 (keyed on dossier and id, no row_id): an income of the second household, an expense
    // of the first in termijnen.
    db.prepare(
      "INSERT INTO incomes (id, dossier_id, description, category, amount_cents, frequency, person_role, start_date, end_date, sort_order, instalments) VALUES ('i19', '0b9f4a62-52f6-4d9e-9a53-3f1f6b1f0006', 'Uitkering', 'bijstand', 125000, 'maand', 'aanvrager', NULL, NULL, 0, NULL)",
    ).run();
    db.prepare(
      "INSERT INTO expenses (id, dossier_id, description, category, amount_cents, frequency, start_date, end_date, sort_order, instalments) VALUES ('e19', ?, 'Waterschapsbelasting', 'gemeentelijke_belastingen', 2100, 'jaar', NULL, NULL, 2, 4)",
    ).run(DOSSIER_ID);
  },
  20: (db) => {
    // The second household moved to Amsterdam (Noord-Holland) on 15 January 2026, recorded after 020.
    db.prepare("INSERT INTO dossier_regions (dossier_id, from_date, province) VALUES ('0b9f4a62-52f6-4d9e-9a53-3f1f6b1f0006', '2026-01-15', 'PV27')").run();
  },
  21: (db) => {
    // The second household gets a partner born on the aanvrager's birthday of the first: not an aanvrager, so never a
    // candidate of the duplicate check.
    db.prepare(
      `INSERT INTO persons (id, dossier_id, kind, role, first_name, last_name, birth_date, bsn, living_in_household, sort_order)
       VALUES ('p21', '0b9f4a62-52f6-4d9e-9a53-3f1f6b1f0006', 'adult', 'partner', 'Anna', 'Jansen', '1985-04-12', NULL, NULL, 1)`,
    ).run();
  },
  22: (db) => {
    // A creditor written with a letter of its own after 022: indexed folded by the triggers.
    db.prepare(
      "INSERT INTO debts (id, dossier_id, creditor, collector, reference, original_cents, current_cents, kind, status, since, sort_order) VALUES ('d22', ?, 'Søndergaard Wonen', NULL, 'SW-1', 50000, 50000, 'concurrent', 'open', NULL, 7)",
    ).run(DOSSIER_ID);
  },
  23: (db) => {
    // Stored key figures of two households; a later write to one household's expenses removes only its row.
    const store = db.prepare("INSERT INTO budget_key_figures (dossier_id, reference_date, peildatum, basis, item) VALUES (?, '2026-12-01', NULL, 'b', '{}')");
    const ids = db.prepare('SELECT id FROM dossiers ORDER BY number').pluck().all() as string[];
    for (const id of ids) store.run(id);
    db.prepare("UPDATE expenses SET description = description || ' (gewijzigd)' WHERE dossier_id = ?").run(DOSSIER_ID);
  },
  24: (db) => {
    // A child added to 2025-0008 after 024 (persons without a rowid): the search and key figure triggers, made again
    // from their stored text, still run on it.
    const id = db.prepare("SELECT id FROM dossiers WHERE number = '2025-0008'").pluck().get() as string;
    db.prepare("INSERT INTO budget_key_figures (dossier_id, reference_date, peildatum, basis, item) VALUES (?, '2026-12-02', NULL, 'b', '{}') ON CONFLICT (dossier_id) DO NOTHING").run(id);
    db.prepare(
      "INSERT INTO persons (id, dossier_id, kind, role, first_name, last_name, birth_date, bsn, living_in_household, sort_order) VALUES ('p24', ?, 'child', NULL, 'Fenna', 'Quist', '2024-03-01', NULL, 1, 9)",
    ).run(id);
  },
};

const DATA_TABLES = ['dossier_number_seq', 'dossiers', 'persons', 'bank_accounts', 'incomes', 'expenses', 'debts', 'audit_log', 'settings', 'notes', 'budget_inputs', 'user_norm_files', 'documents', 'drafts', 'dossier_search_ids', 'arrangement_inputs', 'schemes', 'scheme_participants', 'creditor_board_events', 'creditor_board_settings', 'arrangement_payments', 'arrangement_letters', 'signals', 'report_ledger', 'scheme_condition_overrides', 'association_keys', 'association_files', 'association_publications', 'dossier_regions', 'budget_key_figures'];

function tablesOf(db: Db): Set<string> {
  return new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
}

/** 019 keys incomes and expenses, 024 persons on (dossier_id, id) without a rowid: those are compared in that order. */
const BY_DOSSIER_AND_ID = new Set(['incomes', 'expenses', 'persons']);
/** Other WITHOUT ROWID tables, in key order. */
const KEY_ORDER: Record<string, string> = { dossier_regions: 'dossier_id, from_date', budget_key_figures: 'dossier_id' };

function dump(db: Db): Record<string, unknown[]> {
  const present = tablesOf(db);
  return Object.fromEntries(DATA_TABLES.filter((t) => present.has(t)).map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY ${BY_DOSSIER_AND_ID.has(t) ? 'dossier_id, id' : (KEY_ORDER[t] ?? 'rowid')}`).all()]));
}

/** Columns a later migration removed on purpose: the insertion number row_id of incomes and expenses (019), persons (024). */
const DROPPED_COLUMNS: Record<string, { column: string; from: number }[]> = {
  incomes: [{ column: 'row_id', from: 19 }],
  expenses: [{ column: 'row_id', from: 19 }],
  persons: [{ column: 'row_id', from: 24 }],
};
/** Columns a later migration rewrites on purpose (asserted on their own): 022 folds more letters in the sort name. */
const REWRITTEN_COLUMNS: Record<string, { column: string; from: number }[]> = { dossiers: [{ column: 'sort_name', from: 22 }] };

/**
 * Every row of `before` (a vault at schema version `v`) is in `after` with the same values in its old columns. Columns
 * added later may appear; a column a later migration dropped on purpose (DROPPED_COLUMNS) must really be gone, and one
 * it rewrites on purpose (REWRITTEN_COLUMNS) is left to its own assertions.
 * `firstRowsOnly`: the old rows come first and more may follow (an unlock adds its own).
 */
function expectRowsKept(before: Record<string, unknown[]>, after: Record<string, unknown[]>, v: number, options: { firstRowsOnly?: boolean } = {}): void {
  for (const [table, rows] of Object.entries(before)) {
    const dropped = new Set((DROPPED_COLUMNS[table] ?? []).filter((d) => v < d.from).map((d) => d.column));
    const rewritten = new Set((REWRITTEN_COLUMNS[table] ?? []).filter((d) => v < d.from).map((d) => d.column));
    const kept = rows.map((r) => Object.fromEntries(Object.entries(r as object).filter(([k]) => !dropped.has(k) && !rewritten.has(k))));
    const now = options.firstRowsOnly ? (after[table] ?? []).slice(0, rows.length) : (after[table] ?? []);
    const oldColumns = now.map((r, i) => Object.fromEntries(Object.keys(kept[i] ?? {}).map((k) => [k, (r as Record<string, unknown>)[k]])));
    expect(oldColumns, table).toEqual(kept);
    for (const column of dropped) expect((after[table] ?? []).every((r) => !Object.hasOwn(r as object, column)), `${table}.${column} is gone`).toBe(true);
  }
}

let dir: string;
let open: Db[];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'houvast-migrations-'));
  open = [];
});
afterEach(() => {
  for (const db of open) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

function freshDb(name: string): Db {
  const db = openEncrypted(path.join(dir, `${name}.db`), randomBytes(32), { create: true });
  open.push(db);
  return db;
}

describe('migration list', () => {
  it('is numbered 1..n with unique names and has at least two migrations', () => {
    expect(migrations.length).toBeGreaterThanOrEqual(2);
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
    for (const v of Object.keys(FIXTURES)) expect(Number(v)).toBeLessThanOrEqual(LATEST_SCHEMA_VERSION);
    // Every version must have fixture data, or upgrading from it is not really tested.
    expect(Object.keys(FIXTURES).map(Number)).toEqual(migrations.map((m) => m.version));
  });
});

describe('schema snapshot', () => {
  it('a fresh database at the latest version matches tests/integration/migrations/schema-snapshot.json', () => {
    const db = freshDb('fresh');
    migrate(db, migrations, { backup: () => undefined });
    const actual = { version: LATEST_SCHEMA_VERSION, objects: schemaOf(db) };
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(actual, null, 2)}\n`);
    expect(existsSync(SNAPSHOT_FILE), 'schema-snapshot.json is missing: run with UPDATE_SCHEMA_SNAPSHOT=1 and review the diff').toBe(true);
    const expected = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8'));
    expect(actual, 'the schema changed: add a migration, then update the snapshot (UPDATE_SCHEMA_SNAPSHOT=1) and review the diff').toEqual(expected);
  });
});

describe.each(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, v) => v))('upgrading a vault at schema version %i', (v) => {
  it('keeps its data and ends with the snapshot schema', () => {
    const db = freshDb(`v${v}`);
    // As a vault really grows: each version's rows are written while the vault is at that version.
    migrateTo(db, 0);
    for (let version = 1; version <= v; version++) {
      migrateTo(db, version);
      FIXTURES[version]!(db);
    }
    const before = dump(db);

    let backups = 0;
    const result = migrate(db, migrations, { backup: () => backups++ });
    expect(result).toMatchObject({ from: v, to: LATEST_SCHEMA_VERSION });
    expect(result.applied).toEqual(migrations.slice(v).map((m) => m.name));
    // An encrypted backup is taken first, except for a brand-new (empty) database.
    expect(backups).toBe(v > 0 ? 1 : 0);
    expect(userVersion(db)).toBe(LATEST_SCHEMA_VERSION);

    // Every row that existed survived unchanged.
    const after = dump(db);
    // Columns added later (e.g. the logboek's hash chain in 005) may appear; the old columns keep their values.
    expectRowsKept(before, after, v);
    // The logboek is hash-chained from its first row, old rows included.
    expect(verifyAuditChain(db)).toMatchObject({ intact: true });
    // 021: the import's duplicate check finds the household of every earlier version by the aanvrager's name and birth
    // date (case and accents ignored) through the new index, and tells two BSNs apart.
    const anna = { role: 'aanvrager' as const, firstName: ' ANNA', lastName: 'jansen ', birthDate: '1985-04-12' };
    if (v >= 1) {
      expect(findDuplicate(db, { adults: [{ ...anna, bsn: null }] as never })).toEqual({ id: DOSSIER_ID, number: '2025-0007' });
      expect(findDuplicate(db, { adults: [{ ...anna, bsn: '111222333' }] as never })).toEqual({ id: DOSSIER_ID, number: '2025-0007' });
      expect(findDuplicate(db, { adults: [{ ...anna, bsn: '123456782' }] as never })).toBeNull();
    }
    if (v >= 7) expect(findDuplicate(db, { adults: [{ role: 'aanvrager', firstName: 'ÖZKAN', lastName: 'Yılmaz', birthDate: '1983-11-02', bsn: null }] as never })?.number).toBe('2025-0008');
    // 022: the index text and the sort name are folded for letters without an accent to remove (Yılmaz as "yilmaz"),
    // whatever version the vault came from; the rest of the index is as it was.
    const hits = (q: string) => (db.prepare('SELECT count(*) FROM dossier_words WHERE dossier_words MATCH ?').pluck().get(q) as number);
    if (v >= 7) {
      expect(hits('yilmaz')).toBe(1);
      expect(db.prepare("SELECT sort_name FROM dossiers WHERE number = '2025-0008'").pluck().get()).toBe('yilmaz ozkan');
    }
    if (v >= 1) expect(hits('jansen')).toBe(v >= 21 ? 2 : 1);
    if (v >= 22) expect(hits('sondergaard')).toBe(1);
    // 018: whatever version the vault came from, INSERT OR REPLACE cannot swap out an export in the ledger.
    if (v >= 11) {
      expect(() =>
        db
          .prepare(
            `INSERT OR REPLACE INTO report_ledger (export_id, period, schema_version, supersedes, levels, cells, signal_ids, payload_sha256, key_id, created_at, prev_hash, hash, envelope)
             VALUES ('e1', '2025-Q3', '1.0.0', NULL, '{}', '[]', '[]', 'cc', 'k1', 0, 'genesis', 'h-other', '{}')`,
          )
          .run(),
      ).toThrow(/append-only/);
      expect(db.prepare("SELECT hash FROM report_ledger WHERE export_id = 'e1'").get()).toEqual({ hash: 'h1' });
    }
    if (v >= 1 && v < 9) {
      // Debts from before 009 get the v2 defaults.
      expect(after.debts![0]).toMatchObject({ creditor_kind: 'overig', verification: 'opgevraagd', inclusion: 'standaard', statement_date: null, arrears_months: null });
    }

    // The schema is the same as a fresh install's.
    const expected = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8'));
    expect(schemaOf(db)).toEqual(expected.objects);

    // The current services read the old data.
    const ctx = { db: () => db, clock: { now: () => T0 + 1 }, logger: silentLogger };
    const audit = createAuditService(ctx);
    const settings = createSettingsService(ctx, { audit });
    const dossiers = createDossierService(ctx, { audit, actor: () => settings.get().userName });
    if (v >= 1) {
      const d = dossiers.read(DOSSIER_ID);
      expect(d).toMatchObject({ number: '2025-0007', status: 'stabilisatie', statusDates: { aanmelding: '2025-10-01', stabilisatie: '2025-11-01' } });
      expect(d.incomes[0]!.amount).toBe('1834.50');
      expect(d.debts[0]!.currentAmount).toBe('980.10');
      expect(d.debts[0]).toMatchObject({ creditorKind: 'overig', verification: 'opgevraagd', inclusion: 'standaard', statement: null, premiumArrears: null });
      if (v >= 9) {
        expect(d.debts[1]).toMatchObject({
          creditorKind: 'cjib',
          verification: 'gecontroleerd',
          recheckAfter: '2026-02-01',
          statement: { date: '2025-11-01', principal: '200.00', interest: '0.00', costs: '30.00' },
        });
      }
      expect(d.children.map((c) => c.firstName)).toEqual(['Noor']);
      expect(d.notes.map((n) => n.text)).toEqual(v >= 3 ? ['Eerste gesprek'] : []);
      // Old households are in the search index (filled by migration 007), by street, postcode, IBAN and creditor.
      for (const q of ['lindel', '3511ab', '3511 ab', 'abna0417', 'zorgverz', 'noor jans']) {
        expect(dossiers.list({ query: q }).map((x) => x.number), q).toContain('2025-0007');
      }
      if (v >= 7) expect(dossiers.list({ query: 'ozkan' }).map((x) => x.number)).toEqual(['2025-0008']);
      if (v >= 12) expect(dossiers.list({ query: 'wietske hoekstra' }).map((x) => x.number)).toEqual(['2025-0008']);
      // 016: one- and two-letter word prefixes from the words index, filled for old households too.
      // (021's fixture gives the second household a partner Anna Jansen.)
      expect(dossiers.list({ query: 'ja' }).map((x) => x.number).sort()).toEqual(v >= 21 ? ['2025-0007', '2025-0008'] : ['2025-0007']);
      expect(dossiers.list({ query: 'oz' }).map((x) => x.number)).toEqual(v >= 7 ? ['2025-0008'] : []);
      // (022's fixture gives 2025-0007 the creditor "Søndergaard Wonen".)
      expect(dossiers.list({ query: 'w' }).map((x) => x.number)).toEqual(v >= 22 ? ['2025-0008', '2025-0007'] : v >= 12 ? ['2025-0008'] : []);
      expect(dossiers.list({ query: 'em' }).map((x) => x.number)).toEqual(v >= 16 ? ['2025-0009'] : []);
      // 024's fixture: a child added after persons lost their rowid is found, and only its household's key figures went.
      expect(dossiers.list({ query: 'fenna quist' }).map((x) => x.number)).toEqual(v >= 24 ? ['2025-0008'] : []);
      if (v >= 24) {
        const stored = db.prepare('SELECT d.number FROM budget_key_figures k JOIN dossiers d ON d.id = k.dossier_id ORDER BY d.number').pluck().all();
        expect(stored).not.toContain('2025-0008');
        expect(stored).toContain('2025-0009');
      }
      // 016: the sort name, back-filled for old households: de Bruijn, Jansen, Yılmaz.
      const byName = dossiers.list({ sort: { key: 'name', dir: 'asc' } }).map((x) => x.number);
      expect(byName).toEqual(v >= 16 ? ['2025-0009', '2025-0007', '2025-0008'] : v >= 7 ? ['2025-0007', '2025-0008'] : ['2025-0007']);
      if (v >= 8) {
        expect(d.addressKind).toBe('briefadres_met_inzicht');
        expect(d.children[0]).toMatchObject({ fosterChild: true, coParenting: 'geen' });
        expect(d.expenses[1]).toMatchObject({ amount: '64.00', frequency: 'termijnen', instalments: 10 });
      } else {
        expect(d.addressKind).toBeUndefined();
        expect(d.children[0]!.fosterChild).toBeUndefined();
        expect(d.expenses[0]!.frequency).toBe('maand');
      }
      // 017: signals from before 017 were registered here (no original date), imported or not.
      // 017's own fixture: an imported signal keeps its first registration date beside its date here.
      if (v >= 11) {
        expect(createSignalService(ctx, { audit, actor: () => 'x' }).listForDossier(DOSSIER_ID)).toEqual([
          expect.objectContaining({ id: 's1', recordedOn: '2025-11-03', originalRecordedOn: null }),
          ...(v >= 17 ? [expect.objectContaining({ id: 's17', recordedOn: '2026-11-20', originalRecordedOn: '2026-02-10' })] : []),
        ]);
      }
      // 020: every household from before 020 starts its region history with the province of its address, valid from
      // the beginning; 020's own fixture adds a move.
      const regions = db.prepare('SELECT dossier_id, from_date, province FROM dossier_regions ORDER BY dossier_id, from_date').all() as { dossier_id: string; from_date: string; province: string | null }[];
      const dossierIds = (db.prepare('SELECT id FROM dossiers ORDER BY id').all() as { id: string }[]).map((r) => r.id);
      expect(regions.filter((r) => r.from_date === '0000-01-01').map((r) => r.dossier_id)).toEqual(dossierIds);
      expect(regions.find((r) => r.dossier_id === DOSSIER_ID)).toEqual({ dossier_id: DOSSIER_ID, from_date: '0000-01-01', province: 'PV26' });
      expect(regions.filter((r) => r.from_date !== '0000-01-01')).toEqual(v >= 20 ? [{ dossier_id: '0b9f4a62-52f6-4d9e-9a53-3f1f6b1f0006', from_date: '2026-01-15', province: 'PV27' }] : []);
      // 013: insured per adult; absent (NULL) means insured.
      expect(d.adults[0]!.insuredInNl).toBeUndefined();
      if (v >= 13) expect(d.adults.find((x) => x.role === 'partner')).toMatchObject({ firstName: 'Sam', insuredInNl: false });
    }
    expect(settings.get()).toEqual(v >= 2 ? { autoLockMinutes: 25, userName: 'Merel de Wit' } : { autoLockMinutes: 10, userName: 'Medewerker' });
    expect(audit.list().length).toBe(v >= 5 ? 2 : v >= 2 ? 1 : 0);
  });
});

describe('the runner', () => {
  it('rolls a failing migration back completely, user_version included', () => {
    const db = freshDb('broken');
    migrateTo(db, 1);
    FIXTURES[1]!(db);
    const broken: Migration = {
      version: migrations.length + 1,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER)');
        d.exec('DELETE FROM persons');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...migrations, broken], { backup: () => undefined })).toThrow('boom');
    expect(userVersion(db)).toBe(1);
    expect(tablesOf(db).has('half_done')).toBe(false);
    expect(tablesOf(db).has('audit_log')).toBe(false);
    expect(db.prepare('SELECT count(*) AS n FROM persons').get()).toEqual({ n: 2 });
  });

  it('refuses a database from a newer Houvast and leaves it untouched', () => {
    const db = freshDb('future');
    migrate(db, migrations, { backup: () => undefined });
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    const schema = schemaOf(db);
    let backups = 0;
    let error: unknown;
    try {
      migrate(db, migrations, { backup: () => backups++ });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DB_FROM_FUTURE');
    expect(backups).toBe(0);
    expect(userVersion(db)).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(schemaOf(db)).toEqual(schema);
  });
});

// From version 1: every Houvast created its vault with at least the first migration, and a vault folder
// whose database has no schema (user_version 0) is damage, refused on unlock (tests/integration/vault/damaged-db.test.ts).
describe.each(Array.from({ length: LATEST_SCHEMA_VERSION - 1 }, (_, v) => v + 1))('a vault folder created by a Houvast at schema version %i', (v) => {
  it('is migrated on unlock by the current VaultManager, with a backup first and its data intact', async () => {
    const PASS = 'oude kluis wachtwoord';
    const kdf = { memoryKiB: 1024, iterations: 1, parallelism: 1 };
    const clock = { now: () => T0 };
    const old = new VaultManager({ dataDir: dir, clock, logger: silentLogger, kdf, migrations: migrations.slice(0, 1) });
    const { status } = await old.create({ name: `Oud v${v}`, passphrase: PASS });
    // Each version's rows are written while the vault is at that version (as Houvast of that version did).
    for (let version = 1; version <= v; version++) {
      if (version > 1) migrate(old.db(), migrations.slice(0, version), { backup: () => undefined });
      FIXTURES[version]!(old.db());
    }
    const before = dump(old.db());
    old.close();

    const current = new VaultManager({ dataDir: dir, clock, logger: silentLogger, kdf, migrations });
    await current.open(status.vault!.path);
    const unlocked = await current.unlock(PASS);
    expect(unlocked.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const db = current.db();
    const after = dump(db);
    // Old rows come first and are unchanged; the unlock may add its own (the vault identity in settings).
    expectRowsKept(before, after, v, { firstRowsOnly: true });
    expect(verifyAuditChain(db)).toMatchObject({ intact: true });
    expect(schemaOf(db)).toEqual(JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')).objects);
    const backups = readdirSync(path.join(status.vault!.path, 'backups'));
    expect(backups.length).toBe(v > 0 ? 1 : 0);
    current.close();
  });
});
