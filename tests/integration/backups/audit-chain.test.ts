// The logboek survives restores and is tamper-evident (issue 7, issue 10): entries made after a backup are
// carried into the restored vault and the restore itself is recorded; rows are hash-chained and the triggers
// refuse UPDATE, DELETE, INSERT OR REPLACE and any insert that does not extend the chain. Real core, real
// encrypted files, fake clock.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, defaultResourcesDir, type Core } from '../../../src/core/app';
import type { AuditEntry } from '../../../src/shared/contract/procedures';
import { plantedHousehold } from '../../support/households';
import { CHEAP_KDF, PASSPHRASE, sandbox, type Sandbox } from './helpers';

// Less than the auto-lock time, so the fake clock never locks the vault between steps.
const MINUTE = 60_000;

let sb: Sandbox;
let core: Core;
beforeEach(async () => {
  sb = await sandbox('audit-chain');
  core = createCore({ dataDir: sb.dataDir, resourcesDir: defaultResourcesDir(), logger: sb.logger, kdf: CHEAP_KDF, clock: sb.time, timers: sb.time });
});
afterEach(async () => {
  await core.dispose();
  await sb.cleanup();
});

async function call<T = any>(name: string, input: unknown): Promise<T> {
  const env = await core.router.handle(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
  return env.value as T;
}

const log = () => call<AuditEntry[]>('audit.list', { limit: 5000 });
const key = (e: AuditEntry) => `${e.at}|${e.action}|${e.dossierNumber ?? ''}|${e.detail ?? ''}`;

/** A vault with one manual backup, and after it a dossier created and changed (so the logboek grew after the backup). */
async function vaultWithWorkAfterBackup(): Promise<{ backupId: string; dossierNumber: string; afterBackup: AuditEntry[] }> {
  await call('vault.create', { name: 'Logboek', passphrase: PASSPHRASE, userName: 'Mirjam de Wit' });
  sb.time.advance(MINUTE);
  // The backup's own logboek entry is written after the snapshot, so it too is "after the backup".
  const before = await log();
  await call('vault.backup', {});
  const [backup] = await call<{ id: string; kind: string }[]>('vault.listBackups', {});
  sb.time.advance(MINUTE);
  const d = await call<{ id: string; number: string }>('dossier.create', { data: plantedHousehold() });
  sb.time.advance(MINUTE);
  await call('dossier.addNote', { id: d.id, text: 'Eerste gesprek gevoerd' });
  const all = await log();
  const afterBackup = all.filter((e) => !before.some((b) => b.id === e.id));
  return { backupId: backup!.id, dossierNumber: d.number, afterBackup };
}

describe('the logboek survives a restore', () => {
  it('keeps the entries made after the backup (in order, with their times) and records the restore', async () => {
    const { backupId, dossierNumber, afterBackup } = await vaultWithWorkAfterBackup();
    expect(afterBackup.map((e) => e.action)).toEqual(expect.arrayContaining(['dossier.created', 'dossier.note_added']));
    sb.time.advance(MINUTE);
    await call('vault.restoreBackup', { id: backupId, passphrase: PASSPHRASE });

    // The case data is from the backup: the dossier is gone ...
    expect(await call('dossier.list', {})).toEqual([]);
    // ... but its history is not.
    const entries = await log();
    const keys = entries.map(key);
    for (const e of afterBackup) expect(keys, `${e.action} kept`).toContain(key(e));
    const carried = entries.filter((e) => afterBackup.some((a) => key(a) === key(e)));
    expect(carried.map((e) => e.at)).toEqual(afterBackup.map((e) => e.at)); // newest first, original times
    expect(carried.find((e) => e.action === 'dossier.created')).toMatchObject({ dossierNumber, actor: 'Mirjam de Wit' });
    expect(entries[0]).toMatchObject({ action: 'vault.restored', actor: 'Mirjam de Wit' });
    expect(entries[0]!.detail).toContain(`${afterBackup.length} logboekregels van na deze back-up zijn bewaard`);
    expect(new Set(keys).size).toBe(keys.length); // nothing twice
    expect(await call('audit.verify', {})).toEqual({ intact: true, count: entries.length, brokenAtId: null });
  });

  it('undoing the restore brings the dossier back and the logboek still holds every entry exactly once', async () => {
    const { backupId } = await vaultWithWorkAfterBackup();
    sb.time.advance(MINUTE);
    const { undoId } = await call<{ undoId: string }>('vault.restoreBackup', { id: backupId, passphrase: PASSPHRASE });
    const afterFirst = await log();
    sb.time.advance(MINUTE);
    await call('vault.restoreBackup', { id: undoId, passphrase: PASSPHRASE });
    expect(await call('dossier.list', {})).toHaveLength(1);
    const entries = await log();
    const keys = entries.map(key);
    for (const e of afterFirst) expect(keys).toContain(key(e));
    expect(new Set(keys).size).toBe(keys.length);
    expect(entries.filter((e) => e.action === 'vault.restored')).toHaveLength(2);
    expect((await call<{ intact: boolean }>('audit.verify', {})).intact).toBe(true);
  });

  it('also when the restore is done while the vault is locked', async () => {
    const { backupId, afterBackup } = await vaultWithWorkAfterBackup();
    await call('vault.lock', {});
    sb.time.advance(MINUTE);
    await call('vault.restoreBackup', { id: backupId, passphrase: PASSPHRASE });
    const keys = (await log()).map(key);
    for (const e of afterBackup) expect(keys).toContain(key(e));
    expect(keys.some((k) => k.includes('|vault.locked|'))).toBe(true);
  });

  it('says so when the vault is too damaged to read its logboek: not carried, kept in the undo only', async () => {
    const { backupId, afterBackup } = await vaultWithWorkAfterBackup();
    const folder = (await call<{ vault: { path: string } }>('vault.status', {})).vault.path;
    await call('vault.lock', {});
    // Every page after the header overwritten: the file is the vault's, but SQLite cannot read it.
    const file = path.join(folder, 'vault.db');
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096);
    writeFileSync(file, bytes);
    sb.time.advance(MINUTE);
    const result = await call<{ logboekCarried: boolean; undoId: string | null }>('vault.restoreBackup', { id: backupId, passphrase: PASSPHRASE });
    expect(result.logboekCarried).toBe(false);
    expect(result.undoId).not.toBeNull();
    const entries = await log();
    expect(entries[0]).toMatchObject({ action: 'vault.restored' });
    expect(entries[0]!.detail).toContain('kon niet worden gelezen en is niet overgenomen');
    for (const e of afterBackup.filter((a) => a.action === 'dossier.created')) expect(entries.map(key)).not.toContain(key(e));
  });

  it('reports the logboek as carried after an ordinary restore', async () => {
    const { backupId } = await vaultWithWorkAfterBackup();
    sb.time.advance(MINUTE);
    const result = await call<{ logboekCarried: boolean }>('vault.restoreBackup', { id: backupId, passphrase: PASSPHRASE });
    expect(result.logboekCarried).toBe(true);
    expect((await log())[0]!.detail).not.toContain('niet overgenomen');
  });
});

describe('the logboek is append-only and hash-chained', () => {
  it('refuses UPDATE, DELETE, INSERT OR REPLACE and rows that do not extend the chain', async () => {
    await call('vault.create', { name: 'Logboek', passphrase: PASSPHRASE });
    await call('dossier.create', { data: plantedHousehold() });
    const db = core.vault.db();
    const first = db.prepare('SELECT * FROM audit_log ORDER BY id LIMIT 1').get() as Record<string, unknown>;
    const count = () => (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const n = count();
    expect(() => db.prepare("UPDATE audit_log SET detail = 'weg' WHERE id = ?").run(first.id)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = ?').run(first.id)).toThrow(/append-only/);
    expect(() =>
      db
        .prepare('INSERT OR REPLACE INTO audit_log (id, at, actor, action, dossier_id, dossier_number, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(first.id, first.at, 'Iemand anders', first.action, null, null, 'vervalst', first.prev_hash, first.hash),
    ).toThrow(/append-only/);
    expect(() =>
      db.prepare("INSERT INTO audit_log (at, actor, action, prev_hash, hash) VALUES (1, 'x', 'vault.unlocked', ?, ?)").run('0'.repeat(64), 'a'.repeat(64)),
    ).toThrow(/hash chain/);
    expect(() => db.prepare("INSERT INTO audit_log (at, actor, action) VALUES (1, 'x', 'vault.unlocked')").run()).toThrow(/hash chain/);
    expect(count()).toBe(n);
    expect(db.prepare('SELECT detail FROM audit_log WHERE id = ?').get(first.id)).toEqual({ detail: first.detail });
    expect((await call<{ intact: boolean }>('audit.verify', {})).intact).toBe(true);
  });

  it('detects a row changed behind Houvast\'s back (triggers dropped by an outside tool)', async () => {
    await call('vault.create', { name: 'Logboek', passphrase: PASSPHRASE });
    await call('dossier.create', { data: plantedHousehold() });
    await call('vault.lock', {});
    await call('vault.unlock', { passphrase: PASSPHRASE });
    const db = core.vault.db();
    const ids = (db.prepare('SELECT id FROM audit_log ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    const victim = ids[1]!;
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'Iemand anders' WHERE id = ?").run(victim);
    expect(await call('audit.verify', {})).toEqual({ intact: false, count: 2, brokenAtId: victim });
  });
});
