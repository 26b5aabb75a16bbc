// The restore module's own contract (src/core/vault/restore.ts), driven without the vault manager: a restore
// that fails or is interrupted between its steps leaves a vault that opens with its data, and its staging
// file is swept on the next open. Real encrypted files; the "session" is a plain connection the test owns.
import { closeSync, existsSync, openSync, readFileSync, readdirSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../src/core/db/driver';
import type { Db } from '../../../src/core/db/driver';
import { latestVersion } from '../../../src/core/db/migrate';
import { replaceDatabaseFile, restoreSnapshot, restoreSource, restoreStagingName, type RestoreCarry } from '../../../src/core/vault/restore';
import { PASSPHRASE, TEST_MIGRATIONS, addPerson, dataKeyOf, expectCode, fingerprint, names, sandbox, type Sandbox } from '../backups/helpers';

let sb: Sandbox;
beforeEach(async () => {
  sb = await sandbox('restore-module');
});
afterEach(async () => {
  await sb.cleanup();
});

/** A locked vault holding "eerste" and "tweede", with a snapshot taken when it held only "eerste". */
async function lockedVault(): Promise<{ folder: string; snapshot: string; key: Buffer }> {
  const vm = sb.manager({ autoLockMinutes: 240 });
  const { status } = await vm.create({ name: 'Terug', passphrase: PASSPHRASE });
  addPerson(vm, 'eerste');
  const { path: snapshot } = await vm.createBackup();
  sb.time.advance(60_000);
  addPerson(vm, 'tweede');
  const key = await dataKeyOf(vm);
  vm.close();
  return { folder: status.vault!.path, snapshot, key };
}

/** The vault's side of the restore, as a plain connection; `onReopen` runs on the reopened database. */
function fakeSession(folder: string, key: Buffer, onReopen: (db: Db) => void = () => undefined) {
  const calls: string[] = [];
  let db: Db | null = null;
  return {
    calls,
    session: {
      current: () => db,
      close: () => {
        calls.push('close');
        if (!db) return;
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
        db = null;
      },
      reopen: () => {
        calls.push('reopen');
        db = openEncrypted(path.join(folder, 'vault.db'), key);
        onReopen(db);
        return db;
      },
    },
    closeLeft: () => db?.close(),
  };
}

function input(folder: string, source: string, key: Buffer, session: ReturnType<typeof fakeSession>['session'], carry?: RestoreCarry) {
  return {
    folder,
    dbName: 'vault.db',
    backupsDir: path.join(folder, 'backups'),
    source,
    dataKey: key,
    latestSchema: latestVersion(TEST_MIGRATIONS),
    openOptions: {},
    clock: sb.time,
    logger: sb.logger,
    carry,
    session,
  };
}

const stagingLeft = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.tmp') || f.includes('.restore.tmp'));
const beforeRestore = (folder: string) => readdirSync(path.join(folder, 'backups')).filter((f) => f.includes('before-restore'));

async function unlockedNames(folder: string): Promise<string[]> {
  const vm = sb.manager();
  await vm.open(folder);
  await vm.unlock(PASSPHRASE);
  const out = names(vm);
  vm.close();
  return out;
}

describe('restore.ts on its own', () => {
  it('restores a locked vault: undo snapshot first, carried data written into the reopened database', async () => {
    const { folder, snapshot, key } = await lockedVault();
    const seen: unknown[] = [];
    const carry: RestoreCarry = {
      read: (db) => (db ? (db.prepare('SELECT name FROM people ORDER BY id').pluck().all() as string[]) : null),
      write: (db, carried) => {
        seen.push(carried);
        db.prepare('INSERT INTO people (name) VALUES (?)').run('meegenomen');
        return 1;
      },
    };
    const fake = fakeSession(folder, key);
    const result = restoreSnapshot(input(folder, snapshot, key, fake.session, carry));
    fake.session.close();
    // Locked: the carry read the current file read-only, before it was replaced.
    expect(seen).toEqual([['eerste', 'tweede']]);
    expect(result.carried).toBe(1);
    expect(result.undoId).toBe(beforeRestore(folder)[0]);
    expect(fake.calls).toEqual(['close', 'reopen', 'close']);
    expect(stagingLeft(folder)).toEqual([]);
    expect(await unlockedNames(folder)).toEqual(['eerste', 'meegenomen']);
  });

  it('a reopen that fails (e.g. a migration) puts the previous database back; the undo snapshot stays', async () => {
    const { folder, snapshot, key } = await lockedVault();
    const fake = fakeSession(folder, key, () => {
      throw new Error('migratie mislukt');
    });
    expect(() => restoreSnapshot(input(folder, snapshot, key, fake.session))).toThrow('migratie mislukt');
    // The failed session was closed again before the file was put back.
    expect(fake.calls).toEqual(['close', 'reopen', 'close']);
    expect(stagingLeft(folder)).toEqual([]);
    expect(beforeRestore(folder)).toHaveLength(1);
    expect(await unlockedNames(folder)).toEqual(['eerste', 'tweede']);
  });

  it('a carry that fails undoes the restore as well', async () => {
    const { folder, snapshot, key } = await lockedVault();
    const fake = fakeSession(folder, key);
    const carry: RestoreCarry = {
      read: () => 'logboek',
      write: () => {
        throw new Error('logboek past niet');
      },
    };
    expect(() => restoreSnapshot(input(folder, snapshot, key, fake.session, carry))).toThrow('logboek past niet');
    fake.closeLeft();
    expect(stagingLeft(folder)).toEqual([]);
    expect(await unlockedNames(folder)).toEqual(['eerste', 'tweede']);
  });

  it('a damaged snapshot is refused before the session is touched; the folder is unchanged', async () => {
    const { folder, snapshot, key } = await lockedVault();
    const fd = openSync(snapshot, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, 4096 + 100);
    closeSync(fd);
    const before = fingerprint(folder);
    const fake = fakeSession(folder, key);
    expect(() => restoreSnapshot(input(folder, snapshot, key, fake.session))).toThrow(expectCode('VAULT_CORRUPT'));
    expect(fake.calls).toEqual([]);
    expect(fingerprint(folder)).toEqual(before);
  });

  it('only a bare snapshot name that exists is a source', async () => {
    const { folder, snapshot } = await lockedVault();
    const backups = path.join(folder, 'backups');
    expect(restoreSource(backups, path.basename(snapshot))).toBe(snapshot);
    for (const id of ['../vault.db', '2026-03-01T09-00-00.000Z-manual.db/..', '2030-01-01T00-00-00.000Z-manual.db']) {
      expect(() => restoreSource(backups, id)).toThrow(expectCode('NOT_FOUND'));
    }
  });

  it('interrupted while staging: the half-written staging file is swept on the next open and the old data opens', async () => {
    const { folder, snapshot } = await lockedVault();
    // What a crash during the copy leaves: the staging file under the very name a restore gives it, half written.
    const staging = path.join(folder, restoreStagingName('vault.db'));
    const half = readFileSync(snapshot).subarray(0, 4096);
    const fd = openSync(staging, 'wx', 0o600);
    writeSync(fd, half);
    closeSync(fd);
    expect(await unlockedNames(folder)).toEqual(['eerste', 'tweede']);
    expect(existsSync(staging)).toBe(false);
  });

  it('interrupted after the rename, before the reopen: the vault opens with the restored data', async () => {
    const { folder, snapshot } = await lockedVault();
    replaceDatabaseFile(folder, 'vault.db', snapshot);
    expect(stagingLeft(folder)).toEqual([]);
    expect(await unlockedNames(folder)).toEqual(['eerste']);
  });
});
