// Schema migrations (ENGINEERING.md checklist 19): a vault created at EVERY earlier schema version,
// filled with data valid at that version, migrates to the latest schema with its data intact; the
// resulting schema equals the committed snapshot (so a schema change without a reviewed snapshot
// update fails here); a failing migration rolls back; a database from the future is refused.
//
// Update the snapshot after an intended schema change: UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/integration/migrations
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncrypted, userVersion, type Db } from '../../../src/core/db/driver';
import { migrate } from '../../../src/core/db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../src/core/db/migrations';
import type { Migration } from '../../../src/core/db/migrations/types';
import { silentLogger } from '../../../src/core/logger';
import { createAuditService } from '../../../src/core/services/audit';
import { createDossierService } from '../../../src/core/services/dossiers';
import { createSettingsService } from '../../../src/core/services/settings';
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
    db.prepare("INSERT INTO audit_log (at, actor, action, dossier_id, dossier_number, detail) VALUES (?, 'Merel', 'dossier.changed', ?, '2025-0007', 'Kinderen')").run(T0, DOSSIER_ID);
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
};

const DATA_TABLES = ['dossier_number_seq', 'dossiers', 'persons', 'bank_accounts', 'incomes', 'expenses', 'debts', 'audit_log', 'settings', 'notes', 'budget_inputs', 'user_norm_files', 'documents', 'signals', 'report_ledger'];

function tablesOf(db: Db): Set<string> {
  return new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
}

function dump(db: Db): Record<string, unknown[]> {
  const present = tablesOf(db);
  return Object.fromEntries(DATA_TABLES.filter((t) => present.has(t)).map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
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
    migrateTo(db, v);
    for (let version = 1; version <= v; version++) FIXTURES[version]!(db);
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
    for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows);

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
      expect(d.children.map((c) => c.firstName)).toEqual(['Noor']);
      expect(d.notes.map((n) => n.text)).toEqual(v >= 3 ? ['Eerste gesprek'] : []);
    }
    expect(settings.get()).toEqual(v >= 2 ? { autoLockMinutes: 25, userName: 'Merel de Wit' } : { autoLockMinutes: 10, userName: 'Medewerker' });
    expect(audit.list().length).toBe(v >= 2 ? 1 : 0);
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

describe.each(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, v) => v))('a vault folder created by a Houvast at schema version %i', (v) => {
  it('is migrated on unlock by the current VaultManager, with a backup first and its data intact', async () => {
    const PASS = 'oude kluis wachtwoord';
    const kdf = { memoryKiB: 1024, iterations: 1, parallelism: 1 };
    const clock = { now: () => T0 };
    const old = new VaultManager({ dataDir: dir, clock, logger: silentLogger, kdf, migrations: migrations.slice(0, v) });
    const { status } = await old.create({ name: `Oud v${v}`, passphrase: PASS });
    for (let version = 1; version <= v; version++) FIXTURES[version]!(old.db());
    const before = dump(old.db());
    old.close();

    const current = new VaultManager({ dataDir: dir, clock, logger: silentLogger, kdf, migrations });
    await current.open(status.vault!.path);
    const unlocked = await current.unlock(PASS);
    expect(unlocked.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const db = current.db();
    const after = dump(db);
    for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows);
    expect(schemaOf(db)).toEqual(JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')).objects);
    const backups = readdirSync(path.join(status.vault!.path, 'backups'));
    expect(backups.length).toBe(v > 0 ? 1 : 0);
    current.close();
  });
});
