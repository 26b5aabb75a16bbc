// Security checklist #11: no plaintext in vault.db, -wal or -shm, while open and after lock.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../src/core/db/driver';
import { isValidBsn } from '../../../src/shared/validation/bsn';
import { isValidIban } from '../../../src/shared/validation/iban';
import { PASSPHRASE, expectCode, sandbox } from './helpers';
import type { Sandbox } from './helpers';

const NAME = 'Wilhelmina Zwartkruis-Oosterveld';
const BSN = '111222333';
const IBAN = 'NL91ABNA0417164300';
const MARKERS = [NAME, BSN, IBAN];

let sb: Sandbox;
beforeEach(async () => {
  sb = await sandbox('rest');
});
afterEach(async () => {
  await sb.cleanup();
});

function leaks(file: string): string[] {
  if (!existsSync(file)) return [];
  const bytes = readFileSync(file);
  const found: string[] = [];
  for (const m of MARKERS) {
    if (bytes.includes(Buffer.from(m, 'utf8'))) found.push(`${path.basename(file)}: ${m} (utf8)`);
    if (bytes.includes(Buffer.from(m, 'utf16le'))) found.push(`${path.basename(file)}: ${m} (utf16le)`);
  }
  return found;
}

describe('encryption at rest', () => {
  it('the planted markers are real PII shapes (valid BSN and IBAN)', () => {
    expect(isValidBsn(BSN)).toBe(true);
    expect(isValidIban(IBAN)).toBe(true);
  });

  it('no name, BSN or IBAN in the database, WAL or SHM bytes, while open and after lock', async () => {
    const vm = sb.manager();
    const { status } = await vm.create({ name: 'Lek', passphrase: PASSPHRASE });
    const dbPath = path.join(status.vault!.path, 'vault.db');
    const files = [dbPath, `${dbPath}-wal`, `${dbPath}-shm`];
    const db = vm.db();
    const insert = db.prepare('INSERT INTO people (name, bsn, iban, note) VALUES (?, ?, ?, ?)');
    // Enough rows that pages go to the WAL; a checkpoint then puts them into the main file.
    for (let i = 0; i < 200; i++) insert.run(NAME, BSN, IBAN, `${NAME} ${BSN} ${IBAN}`);
    db.exec(`CREATE INDEX people_name ON people(name)`);

    // While open: the WAL holds the fresh pages.
    expect(existsSync(`${dbPath}-wal`)).toBe(true);
    expect(readFileSync(`${dbPath}-wal`).length).toBeGreaterThan(0);
    expect(files.flatMap(leaks)).toEqual([]);
    db.pragma('wal_checkpoint(PASSIVE)');
    expect(files.flatMap(leaks)).toEqual([]);

    // The data is really there (the search above is meaningful).
    expect(db.prepare('SELECT count(*) FROM people WHERE bsn = ? AND iban = ? AND name = ?').pluck().get(BSN, IBAN, NAME)).toBe(200);
    expect(db.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    vm.lock();
    expect(files.flatMap(leaks)).toEqual([]);
    const header = readFileSync(dbPath).subarray(0, 16).toString('latin1');
    expect(header).not.toBe('SQLite format 3\u0000');
    expect(readFileSync(dbPath).length).toBeGreaterThan(4096 * 3);

    // A wrong key: the raw driver reports SQLITE_NOTADB, our driver VAULT_CORRUPT.
    const raw = new Database(dbPath, { fileMustExist: true });
    try {
      raw.pragma(`cipher='sqlcipher'`);
      raw.pragma('legacy=4');
      raw.pragma(`key="x'${'ab'.repeat(32)}'"`);
      expect(() => raw.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(
        expect.objectContaining({ code: 'SQLITE_NOTADB' }),
      );
    } finally {
      raw.close();
    }
    expect(() => openEncrypted(dbPath, Buffer.alloc(32, 0xab))).toThrow(expectCode('VAULT_CORRUPT'));
    // Without any key it is not a database either.
    const plain = new Database(dbPath, { fileMustExist: true, readonly: true });
    try {
      expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(
        expect.objectContaining({ code: 'SQLITE_NOTADB' }),
      );
    } finally {
      plain.close();
    }

    // Unlocking again still finds the data, and integrity holds.
    await vm.unlock(PASSPHRASE);
    expect(vm.db().prepare('SELECT count(*) FROM people').pluck().get()).toBe(200);
    expect(vm.db().pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a database keyed through the wipeable key buffer opens with standard SQLCipher settings and PRAGMA key="x\'…\'"', () => {
    const key = Buffer.from('00112233445566778899aabbccddeeff102132435465768798a9bacbdcedfe0f', 'hex');
    const dbPath = path.join(sb.dir, 'compat.db');
    const db = openEncrypted(dbPath, key, { create: true });
    db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('gelijk')");
    db.close();
    // What an office would type into a SQLCipher tool, given the key.
    const raw = new Database(dbPath, { fileMustExist: true });
    try {
      raw.pragma(`cipher='sqlcipher'`);
      raw.pragma('legacy=4');
      raw.pragma(`key="x'${key.toString('hex')}'"`);
      expect(raw.prepare('SELECT x FROM t').pluck().get()).toBe('gelijk');
    } finally {
      raw.close();
    }
  });

  it('the session database zero-fills deleted rows and keeps temp data in memory', async () => {
    const vm = sb.manager();
    await vm.create({ name: 'Wis', passphrase: PASSPHRASE });
    const db = vm.db();
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY: no plaintext temp files
  });
});
