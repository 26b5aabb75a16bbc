// A running job is never cut off by the auto-lock (issue 10 §2): the lock waits while an import runs and
// follows right after it when the user was idle; the job's progress neither postpones the deadline nor keeps
// the vault open once it ends. Real timers and a real encrypted vault; the auto-lock is set to its shortest
// (1 minute, through settings.update) and the core's clock runs SPEED times faster than the wall clock, with
// the timers scaled to match, so a "minute" takes 100 ms.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, defaultResourcesDir, type Core } from '../../../src/core/app';
import { silentLogger } from '../../../src/core/logger';
import { CHEAP_KDF } from '../../support/core';

const PASS = 'correct horse battery staple';
const SPEED = 600;
const DEMO_01 = path.join(defaultResourcesDir(), 'demo', '01-eenoudergezin-bijstand.json');

/** Epoch ms that run SPEED times as fast as the wall clock, from a fixed start. */
function fastClock() {
  const start = Date.UTC(2026, 10, 30, 9, 0, 0);
  const wall = performance.now();
  return { now: () => Math.round(start + (performance.now() - wall) * SPEED) };
}

const fastTimers = {
  setTimeout: (callback: () => void, ms: number) => setTimeout(callback, Math.ceil(ms / SPEED)),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function manyHouseholds(n: number): unknown {
  const demo = JSON.parse(readFileSync(DEMO_01, 'utf8')) as { dossiers: unknown[] } & Record<string, unknown>;
  return { ...demo, dossiers: Array.from({ length: n }, () => demo.dossiers[0]) };
}

async function call<T = unknown>(core: Core, name: string, input: unknown): Promise<T> {
  const r = await core.router.handle(name as never, input as never);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('auto-lock and running jobs', () => {
  let dir = '';
  let core: Core | null = null;
  let clock = fastClock();
  afterEach(async () => {
    await core?.dispose();
    core = null;
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(): Promise<Core> {
    dir = mkdtempSync(path.join(tmpdir(), 'houvast-autolock-jobs-'));
    clock = fastClock();
    core = createCore({ dataDir: dir, resourcesDir: defaultResourcesDir(), clock, timers: fastTimers, logger: silentLogger, kdf: CHEAP_KDF });
    await call(core, 'vault.create', { name: 'Kantoor', passphrase: PASS });
    await call(core, 'settings.update', { autoLockMinutes: 1 });
    return core;
  }

  it('an import longer than the auto-lock time runs to the end; the vault locks right after it', async () => {
    const c = await start();
    const n = 1500;
    const before = await call<{ autoLockAt: number }>(c, 'vault.status', {});
    const progress: number[] = [];
    c.onEvent((event, payload) => {
      if (event === 'job.progress') progress.push((payload as { done: number }).done);
    });
    // vault.status answers at once while the import runs: look at it meanwhile.
    const seen: { state: string; autoLockAt: number | null; at: number }[] = [];
    let importing = true;
    const watch = (async () => {
      while (importing) {
        const s = await call<{ state: string; autoLockAt: number | null }>(c, 'vault.status', {});
        seen.push({ ...s, at: clock.now() });
        await sleep(20);
      }
    })();
    const result = await call<{ imported: unknown[] }>(c, 'dossier.import', { file: manyHouseholds(n), onDuplicate: 'copy', jobId: 'autolock-import-1' });
    importing = false;
    await watch;

    expect(result.imported).toHaveLength(n);
    expect(progress.length).toBeGreaterThan(2);
    // While it ran the vault stayed unlocked well past its deadline, and progress did not move the deadline.
    const during = seen.filter((s) => s.state === 'unlocked');
    expect(during.length).toBe(seen.length);
    expect(during.every((s) => s.autoLockAt === before.autoLockAt)).toBe(true);
    expect(during.some((s) => s.at > before.autoLockAt + 60_000)).toBe(true);
    // The lock came as soon as the job ended (the user had been idle all along).
    expect((await call<{ state: string }>(c, 'vault.status', {})).state).toBe('locked');

    await call(c, 'vault.unlock', { passphrase: PASS });
    expect(await call<unknown[]>(c, 'dossier.list', {})).toHaveLength(n);
    const log = await call<{ action: string; detail: string | null }[]>(c, 'audit.list', {});
    const actions = log.map((e) => `${e.action}:${e.detail ?? ''}`);
    // Newest first: the auto-lock follows the import.
    const lockAt = actions.indexOf('vault.locked:Automatisch na inactiviteit');
    const importAt = actions.findIndex((a) => a.startsWith('dossier.imported'));
    expect(lockAt).toBeGreaterThanOrEqual(0);
    expect(importAt).toBeGreaterThan(lockAt);
  });

  it('a job that ends before the deadline leaves the countdown as it was: the vault locks at the deadline, not earlier', async () => {
    const c = await start();
    const before = await call<{ autoLockAt: number }>(c, 'vault.status', {});
    await call(c, 'dossier.import', { file: manyHouseholds(2), onDuplicate: 'copy', jobId: 'autolock-import-2' });
    const after = await call<{ state: string; autoLockAt: number }>(c, 'vault.status', {});
    expect(after).toMatchObject({ state: 'unlocked', autoLockAt: before.autoLockAt });
    // One "minute" is 100 ms here; wait well past it.
    await sleep(400);
    expect((await call<{ state: string }>(c, 'vault.status', {})).state).toBe('locked');
  });

  it('a manual lock still stops a running import at once (it rolls back)', async () => {
    const c = await start();
    const importing = c.router.handle('dossier.import', { file: manyHouseholds(1500), onDuplicate: 'copy', jobId: 'autolock-import-3' });
    await sleep(50);
    await call(c, 'vault.lock', {});
    const r = await importing;
    expect(r.ok).toBe(false);
    await call(c, 'vault.unlock', { passphrase: PASS });
    expect(await call<unknown[]>(c, 'dossier.list', {})).toHaveLength(0);
  });
});
