// Issue 10 §2: the first unlock after an update runs the pending schema migrations (a backup first), which can take
// a while in a large vault. Through the real core (in-process and in its worker thread), that unlock sends
// 'vault.migrating' events in order (the backup, each pending migration, done) before it answers; so does restoring
// a backup made before a migration. A new vault and the next unlock send none. The events carry counts and a stage only.
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, defaultResourcesDir } from '../../../src/core/app';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../src/core/db/migrations';
import { silentLogger } from '../../../src/core/logger';
import { VaultManager } from '../../../src/core/vault';
import { startCoreWorker } from '../../../src/web/core-worker';
import { vaultMigrating, type VaultMigrating } from '../../../src/shared/contract/vault';
import { CHEAP_KDF, makeTempDir } from '../../support/core';

const PASS = 'oude kluis wachtwoord';
const NEW_PASS = 'nieuw kluis wachtwoord';

interface AnyCore {
  router: { handle(name: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> };
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  dispose(): Promise<void>;
}

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  cleanups = [];
});

/** A vault folder as a Houvast at schema version `v` left it; returns its path and recovery code. */
async function vaultAt(dataDir: string, v: number): Promise<{ path: string; recoveryCode: string }> {
  const old = new VaultManager({ dataDir, clock: { now: () => Date.UTC(2026, 0, 5, 9) }, logger: silentLogger, kdf: CHEAP_KDF, migrations: migrations.slice(0, v) });
  const { status, recoveryCode } = await old.create({ name: `Oud v${v}`, passphrase: PASS });
  expect(status.schemaVersion).toBe(v);
  old.close();
  return { path: status.vault!.path, recoveryCode };
}

/** What an update from version `v` must tell, derived from the migration list. */
function expectedSteps(v: number): VaultMigrating[] {
  const pending = migrations.slice(v);
  const steps = pending.length + 1;
  return [
    { step: 1, steps, stage: 'backup' },
    ...pending.map((_, i): VaultMigrating => ({ step: i + 2, steps, stage: 'migration' })),
    { step: steps, steps, stage: 'done' },
  ];
}

async function call(core: AnyCore, name: string, input: unknown): Promise<unknown> {
  const env = await core.router.handle(name, input);
  expect(env.ok, JSON.stringify(env)).toBe(true);
  return env.value;
}

/** Runs one call and returns the 'vault.migrating' payloads in order, with 'answer' where the call answered. */
async function eventsDuring(core: AnyCore, name: string, input: unknown): Promise<unknown[]> {
  const seen: unknown[] = [];
  const off = core.onEvent((event, payload) => {
    if (event === 'vault.migrating') seen.push(payload);
  });
  try {
    await call(core, name, input);
    seen.push('answer');
  } finally {
    off();
  }
  return seen;
}

const shells: [string, (dataDir: string) => Promise<AnyCore>][] = [
  ['in-process', async (dataDir) => createCore({ dataDir, resourcesDir: defaultResourcesDir(), logger: silentLogger, kdf: CHEAP_KDF })],
  ['worker thread', (dataDir) => startCoreWorker({ dataDir, resourcesDir: defaultResourcesDir(), silent: true, kdf: CHEAP_KDF })],
];

describe.each(shells)('the core (%s) updating an older vault on unlock', (_shell, start) => {
  async function setUp(): Promise<{ core: AnyCore; dataDir: string }> {
    const dataDir = await makeTempDir('migrating');
    const core = await start(dataDir);
    cleanups.push(async () => {
      await core.dispose();
      await rm(dataDir, { recursive: true, force: true });
    });
    return { core, dataDir };
  }

  it.each([1, LATEST_SCHEMA_VERSION - 1])('from schema version %i: the steps in order before the answer, none on the next unlock', async (v) => {
    const { core, dataDir } = await setUp();
    const old = await vaultAt(dataDir, v);
    await call(core, 'vault.open', { path: old.path });

    const first = await eventsDuring(core, 'vault.unlock', { passphrase: PASS });
    expect(first).toEqual([...expectedSteps(v), 'answer']);
    // Exactly the contract's shape: counts and a stage, nothing else (no path, no name).
    for (const payload of first.slice(0, -1)) expect(vaultMigrating.strict().parse(payload)).toEqual(payload);
    expect(((await call(core, 'vault.status', {})) as { schemaVersion: number }).schemaVersion).toBe(LATEST_SCHEMA_VERSION);

    await call(core, 'vault.lock', {});
    expect(await eventsDuring(core, 'vault.unlock', { passphrase: PASS })).toEqual(['answer']);
  });

  it('the recovery-code unlock tells the same steps', async () => {
    const { core, dataDir } = await setUp();
    const v = LATEST_SCHEMA_VERSION - 1;
    const old = await vaultAt(dataDir, v);
    await call(core, 'vault.open', { path: old.path });
    expect(await eventsDuring(core, 'vault.unlockWithRecoveryCode', { recoveryCode: old.recoveryCode, newPassphrase: NEW_PASS })).toEqual([
      ...expectedSteps(v),
      'answer',
    ]);
  });

  // A restore reopens the database through the same update: restoring a backup made before a migration (or any
  // backup at an older schema version) updates it again, with the same steps; the restore screen shows them.
  it('restoring a pre-migration backup tells the same steps before the answer; an up-to-date backup none', async () => {
    const { core, dataDir } = await setUp();
    const v = LATEST_SCHEMA_VERSION - 1;
    const old = await vaultAt(dataDir, v);
    await call(core, 'vault.open', { path: old.path });
    await call(core, 'vault.unlock', { passphrase: PASS });
    const backups = (await call(core, 'vault.listBackups', {})) as { id: string; kind: string }[];
    const preMigration = backups.find((b) => b.kind === 'pre-migration');
    expect(preMigration?.id).toMatch(new RegExp(`-pre-migration-v${v}\\.db$`));

    const restore = await eventsDuring(core, 'vault.restoreBackup', { id: preMigration!.id, passphrase: PASS });
    expect(restore).toEqual([...expectedSteps(v), 'answer']);
    for (const payload of restore.slice(0, -1)) expect(vaultMigrating.strict().parse(payload)).toEqual(payload);
    expect(((await call(core, 'vault.status', {})) as { schemaVersion: number }).schemaVersion).toBe(LATEST_SCHEMA_VERSION);

    // The undo snapshot the restore made is at the latest version: restoring it needs no update.
    const undo = ((await call(core, 'vault.listBackups', {})) as { id: string; kind: string }[]).find((b) => b.kind === 'before-restore');
    expect(await eventsDuring(core, 'vault.restoreBackup', { id: undo!.id, passphrase: PASS })).toEqual(['answer']);
  });

  it('a brand-new vault sends none', async () => {
    const { core } = await setUp();
    expect(await eventsDuring(core, 'vault.create', { name: 'Nieuw', passphrase: PASS })).toEqual(['answer']);
  });
});
