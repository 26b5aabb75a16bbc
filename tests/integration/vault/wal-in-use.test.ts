// Hostile test: the "crashed" session was still alive in another process (its connection kept the -shm index
// of the WAL), and the WAL was deleted or damaged under it. Unlocking then answered INTERNAL; with a damaged
// WAL it even left the vault unlocked while every call failed. Now the unlock fails cleanly: a Dutch error
// that offers the backups, and the vault stays locked.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCoreHandle } from '../../support/core';

const PASS = 'een lang genoeg wachtwoord';
let first: TestCoreHandle;
let second: TestCoreHandle;

beforeEach(async () => {
  first = await startTestCore({ cheapKdf: true, prefix: 'wal-in-use-a' });
  second = await startTestCore({ cheapKdf: true, prefix: 'wal-in-use-b' });
});
afterEach(async () => {
  await second.cleanup();
  await first.cleanup();
});

async function call<T = any>(rig: TestCoreHandle, name: string, input: unknown = {}): Promise<T> {
  const env = await rig.core.router.handle(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
  return env.value as T;
}

/** A vault left unlocked by the first core, with its latest writes only in the WAL. */
async function liveVault(): Promise<string> {
  const created = await call<{ status: { vault: { path: string } } }>(first, 'vault.create', { name: 'Gedeeld', passphrase: PASS });
  const folder = created.status.vault.path;
  // Logboek entries of their own: the pages a later unlock reads first are in the WAL.
  for (let i = 0; i < 200; i++) await call(first, 'settings.update', { userName: `Medewerker ${i}`.padEnd(190, '.') });
  return folder;
}

/** Flips bytes in the data of every WAL frame of a page that `hit` picks, from frame `from` on. */
function damageFrames(wal: string, from: (frames: number) => number, hit: (page: number) => boolean): void {
  const bytes = readFileSync(wal);
  const frame = 24 + bytes.readUInt32BE(8);
  for (let at = 32 + frame * from(Math.floor((bytes.length - 32) / frame)); at + frame <= bytes.length; at += frame) {
    if (!hit(bytes.readUInt32BE(at))) continue;
    for (let i = at + 24; i < at + frame; i += 7) bytes[i]! ^= 0xff;
  }
  writeFileSync(wal, bytes);
}

const tamper: Record<string, (wal: string, logboekRoot: number) => void> = {
  deleted: (wal) => rmSync(wal),
  // The newest frames of the data pages, page 1 left intact: the vault opens, its identity cannot be read.
  damaged: (wal) => damageFrames(wal, (n) => Math.floor(n / 2), (page) => page !== 1),
  // Only the logboek's root page: everything the unlock itself reads is intact, its logboek entry is not.
  'logboek damaged': (wal, root) => damageFrames(wal, () => 0, (page) => page === root),
};

describe('a WAL tampered with while another session still has the vault open', () => {
  for (const [variant, change] of Object.entries(tamper)) {
    it(`(${variant}) the unlock fails cleanly in Dutch and the vault stays locked`, async () => {
      const folder = await liveVault();
      const { rootpage } = first.core.vault.db().prepare("SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'").get() as { rootpage: number };
      await call(second, 'vault.open', { path: folder });
      change(path.join(folder, 'vault.db-wal'), rootpage);
      const env = await second.core.router.handle('vault.unlock', { passphrase: PASS });
      if (env.ok) {
        // Opening is fine too, as long as the session works.
        expect((await second.core.router.handle('audit.list', {})).ok).toBe(true);
        return;
      }
      expect(env.error.code, env.error.message).not.toBe('INTERNAL');
      expect(env.error.message).toMatch(/back-up/);
      expect((await call<{ state: string }>(second, 'vault.status')).state).toBe('locked');
      const list = await second.core.router.handle('audit.list', {});
      expect(list.ok ? 'ok' : list.error.code).toBe('LOCKED');
    });
  }
});
