// Shared fixtures for the vault integration tests: temp folders, a fake clock + timers, cheap KDF params.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Migration } from '../../../src/core/db/migrations/types';
import { createLogger } from '../../../src/core/logger';
import type { Logger } from '../../../src/core/logger';
import { KEYFILE_NAME, readKeyfile, unwrapKey } from '../../../src/core/vault/keyfile';
import type { KdfParams } from '../../../src/core/vault/keyfile';
import { VaultManager } from '../../../src/core/vault/vault-manager';
import type { VaultManagerOptions, VaultTimers } from '../../../src/core/vault/vault-manager';
import type { Clock } from '../../../src/shared/dates';

export const CHEAP_KDF: KdfParams = { memoryKiB: 1024, iterations: 1, parallelism: 1 };
export const PASSPHRASE = 'correct horse battery staple';
export const OTHER_PASSPHRASE = 'paard-nietje-batterij-correct';

/** Two schema versions so tests can create a vault "at version 1" and migrate it. */
export const TEST_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'people',
    up: (db) => db.exec('CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, bsn TEXT, iban TEXT)'),
  },
  {
    version: 2,
    name: 'people_note',
    up: (db) => db.exec('ALTER TABLE people ADD COLUMN note TEXT'),
  },
];

/** A clock and timers under the test's control: advance() moves time and fires due timers in order. */
export class FakeTime implements Clock, VaultTimers {
  private current: number;
  private nextId = 1;
  private pending = new Map<number, { at: number; callback: () => void }>();

  constructor(start = Date.UTC(2026, 2, 1, 9, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { at: this.current + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  advance(ms: number): void {
    const end = this.current + ms;
    for (;;) {
      let nextId: number | null = null;
      let nextAt = Infinity;
      for (const [id, t] of this.pending) {
        if (t.at <= end && t.at < nextAt) {
          nextAt = t.at;
          nextId = id;
        }
      }
      if (nextId === null) break;
      const timer = this.pending.get(nextId)!;
      this.pending.delete(nextId);
      this.current = Math.max(this.current, timer.at);
      timer.callback();
    }
    this.current = end;
  }
}

export interface Sandbox {
  dir: string;
  dataDir: string;
  time: FakeTime;
  logLines: string[];
  logger: Logger;
  manager(options?: Partial<VaultManagerOptions>): VaultManager;
  cleanup(): Promise<void>;
}

export async function sandbox(prefix: string): Promise<Sandbox> {
  const dir = await mkdtemp(path.join(tmpdir(), `houvast-vault-${prefix}-`));
  const dataDir = path.join(dir, 'data');
  const time = new FakeTime();
  const logLines: string[] = [];
  const logger = createLogger((line) => logLines.push(line));
  const managers: VaultManager[] = [];
  return {
    dir,
    dataDir,
    time,
    logLines,
    logger,
    manager(options = {}) {
      const m = new VaultManager({
        dataDir,
        clock: time,
        timers: time,
        logger,
        kdf: CHEAP_KDF,
        migrations: TEST_MIGRATIONS,
        ...options,
      });
      managers.push(m);
      return m;
    },
    async cleanup() {
      // As the shells do on exit: let background writes (registry, snapshots) finish before the folder goes.
      for (const m of managers) {
        await m.idle();
        m.close();
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function sha256File(file: string): string | null {
  if (!existsSync(file)) return null;
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export function expectCode(code: string) {
  return expect.objectContaining({ name: 'AppError', code });
}


/**
 * The data key of a vault, unwrapped from its keyfile with the passphrase: what any holder of the passphrase
 * can compute, so tests can open snapshots or look for the key in outputs without a hook into the manager.
 */
export async function dataKeyFromKeyfile(folder: string, passphrase: string): Promise<Buffer> {
  const keyfile = await readKeyfile(path.join(folder, KEYFILE_NAME));
  const key = await unwrapKey(keyfile.passphrase, Buffer.from(passphrase.normalize('NFC'), 'utf8'), {
    vaultId: keyfile.vaultId,
    purpose: 'passphrase',
  });
  if (!key) throw new Error('the passphrase does not open this keyfile');
  return key;
}
