// Issue 10: unlock must not wait for work that grows with the vault. The full integrity check and the daily
// snapshot run in a worker thread after the unlock has answered; damage inside a page is still found there
// and reported in the status notice; a damaged database is never snapshotted and never causes pruning; a
// lock while the job runs is immediate and the job still leaves a complete snapshot and no WAL behind.
import { closeSync, existsSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../src/core/db/driver';
import type { VaultManager } from '../../../src/core/vault/vault-manager';
import type { VaultStatus } from '../../../src/shared/contract/vault';
import { PASSPHRASE, dataKeyFromKeyfile, expectCode, sandbox } from './helpers';
import type { Sandbox } from './helpers';

const DAY = 86_400_000;
let sb: Sandbox;
beforeEach(async () => {
  sb = await sandbox('maintenance');
});
afterEach(async () => {
  await sb.cleanup();
});

/** A vault of many pages (300 rows of ~400 bytes), locked, with automatic backups on. */
async function lockedVault(events: VaultStatus[] = []): Promise<{ vm: VaultManager; folder: string }> {
  const vm = sb.manager({ automaticBackups: true, autoLockMinutes: 240, onStatusChange: (s) => events.push(s) });
  const { status } = await vm.create({ name: 'Onderhoud', passphrase: PASSPHRASE });
  const insert = vm.db().prepare('INSERT INTO people (name, note) VALUES (?, ?)');
  vm.db().transaction(() => {
    for (let i = 0; i < 300; i++) insert.run(`persoon ${i}`, 'x'.repeat(400));
  })();
  vm.lock();
  return { vm, folder: status.vault!.path };
}

const autos = (folder: string) => readdirSync(path.join(folder, 'backups')).filter((f) => f.endsWith('-auto.db')).sort();
const events = (lines: string[]) => lines.map((l) => (JSON.parse(l) as { event: string }).event);

function flipBytes(file: string, offset: number, count: number): void {
  const bytes = readFileSync(file).subarray(offset, offset + count);
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.from(bytes.map((b) => b ^ 0xff)), 0, count, offset);
  } finally {
    closeSync(fd);
  }
}

describe('background maintenance after unlock', () => {
  it('the unlock answers before the integrity check and the daily snapshot are done; both follow', async () => {
    const { vm, folder } = await lockedVault();
    const status = await vm.unlock(PASSPHRASE);
    // Observed right after the answer, before any other task could run: nothing of the job is visible yet.
    expect(status.state).toBe('unlocked');
    expect(vm.listBackups().filter((b) => b.kind === 'auto')).toEqual([]);
    expect(events(sb.logLines)).toContain('vault.unlocked');
    expect(events(sb.logLines)).not.toContain('vault.integrity_checked');
    // The vault is usable meanwhile.
    expect(vm.db().prepare('SELECT count(*) FROM people').pluck().get()).toBe(300);

    await vm.idle();
    expect(autos(folder)).toEqual(['2026-03-01T09-00-00.000Z-auto.db']);
    const log = events(sb.logLines);
    expect(log.indexOf('vault.unlocked')).toBeLessThan(log.indexOf('vault.integrity_checked'));
    expect(log.indexOf('vault.integrity_checked')).toBeLessThan(log.lastIndexOf('vault.backup_created'));
    expect(vm.status().notice).toBeUndefined();
  });

  it('damage inside a data page passes the quick check on unlock and is found and reported by the background check', async () => {
    const seen: VaultStatus[] = [];
    const { vm, folder } = await lockedVault(seen);
    await vm.unlock(PASSPHRASE);
    await vm.idle();
    vm.lock();
    const [goodSnapshot] = autos(folder);
    expect(goodSnapshot).toBeDefined();

    sb.time.advance(2 * DAY); // a new automatic snapshot would be due
    flipBytes(path.join(folder, 'vault.db'), 4096 * 5 + 1000, 32);
    const status = await vm.unlock(PASSPHRASE);
    expect(status.state).toBe('unlocked'); // the unlock did not read that page
    expect(status.notice).toBeUndefined();

    await vm.idle();
    expect(vm.status().notice).toMatch(/^Bij de controle van de kluis zijn beschadigde gegevens gevonden\./);
    expect(vm.status().notice).toMatch(/Zet een back-up terug/);
    expect(seen.at(-1)?.notice).toBe(vm.status().notice); // pushed to the screens, not only on the next poll
    // No snapshot of the damaged database, and the good one is kept.
    expect(autos(folder)).toEqual([goodSnapshot]);
    expect(sb.logLines.some((l) => l.includes('"event":"vault.corrupt"') && l.includes('background_integrity_check'))).toBe(true);
    // The notice belongs to the session: a lock clears it, the next unlock's check reports it again.
    vm.lock();
    expect(vm.status().notice).toBeUndefined();
  });

  it('a lock while the job runs is immediate; the job still completes its snapshot and leaves no WAL or temp file', async () => {
    const { vm, folder } = await lockedVault();
    await vm.unlock(PASSPHRASE);
    expect(vm.lock().state).toBe('locked');
    expect(() => vm.db()).toThrow(expectCode('LOCKED'));
    await vm.idle();

    const [snap] = autos(folder);
    expect(snap).toBeDefined();
    const key = await dataKeyFromKeyfile(folder, PASSPHRASE);
    const copy = openEncrypted(path.join(folder, 'backups', snap!), key, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM people').pluck().get()).toBe(300);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(readdirSync(path.join(folder, 'backups')).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(existsSync(path.join(folder, 'vault.db-wal'))).toBe(false);
    // And the next unlock sees a clean shutdown, not a crash.
    expect((await vm.unlock(PASSPHRASE)).notice).toBeUndefined();
  });

  it('an unlock right after such a lock opens beside the running job, reports no false crash and loses nothing', async () => {
    const { vm, folder } = await lockedVault();
    await vm.unlock(PASSPHRASE);
    vm.lock(); // the job still reads the database
    const again = await vm.unlock(PASSPHRASE);
    expect(again.state).toBe('unlocked');
    expect(again.notice).toBeUndefined(); // not "Houvast is de vorige keer niet netjes afgesloten"
    expect(readdirSync(folder)).not.toContain('herstel');
    vm.db().prepare("INSERT INTO people (name) VALUES ('na de herhaalde ontgrendeling')").run();
    await vm.idle();
    vm.lock();
    expect(existsSync(path.join(folder, 'vault.db-wal'))).toBe(false);
    await vm.unlock(PASSPHRASE);
    expect(vm.db().prepare('SELECT count(*) FROM people').pluck().get()).toBe(301);
    expect(autos(folder)).toHaveLength(1);
  });

  it('a second session elsewhere cannot take the vault while the job still reads it after the lock; it can after', async () => {
    const vm = sb.manager({ automaticBackups: true, autoLockMinutes: 240 });
    const { status } = await vm.create({ name: 'Groot', passphrase: PASSPHRASE });
    const folder = status.vault!.path;
    // Large enough (about 8 MB) that the job's check and snapshot outlast an open and a cheap unlock.
    const insert = vm.db().prepare('INSERT INTO people (name, note) VALUES (?, ?)');
    vm.db().transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`persoon ${i}`, 'x'.repeat(400));
    })();
    vm.lock();
    await vm.unlock(PASSPHRASE);
    vm.lock(); // the job still reads the database, and will fold its WAL into the file when it closes
    const other = sb.manager();
    await other.open(folder);
    await expect(other.unlock(PASSPHRASE)).rejects.toThrow(expectCode('VAULT_IN_USE'));
    await vm.idle();
    expect((await other.unlock(PASSPHRASE)).state).toBe('unlocked');
    expect(other.db().prepare('SELECT count(*) FROM people').pluck().get()).toBe(20_000);
  });

  it('a failed automatic snapshot is reported in the status notice; the unlock itself succeeded', async () => {
    const { vm, folder } = await lockedVault();
    // A file where the backups folder should be: the snapshot cannot be written.
    rmSync(path.join(folder, 'backups'), { recursive: true, force: true });
    writeFileSync(path.join(folder, 'backups'), 'geen map');
    expect((await vm.unlock(PASSPHRASE)).state).toBe('unlocked');
    await vm.idle();
    expect(vm.status().notice).toMatch(/^De dagelijkse automatische back-up van de kluis is niet gelukt\./);
    expect(sb.logLines.some((l) => l.includes('"event":"vault.auto_backup_failed"'))).toBe(true);
  });
});
