// The background refresh of the stored key figures (key-figures-refresh.ts): it works through every household a
// slice at a time, only while no call has come in for IDLE_MS, waits for exclusive work (an import's transaction),
// and stops at a lock or a switch of vault. Real timers; the work is recorded instead of computed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/logger';
import { createKeyFiguresRefresh, IDLE_MS, REFRESH_SLICE } from '../../../src/core/services/key-figures-refresh';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** 60 households numbered 001..060; each slice is recorded with the time it ran. */
function rig(opts: { exclusive?: () => Promise<void> } = {}) {
  const numbers = Array.from({ length: 60 }, (_, i) => String(i + 1).padStart(3, '0'));
  const slices: { at: number; from: string; to: string }[] = [];
  let handle: object | null = {};
  const refresh = createKeyFiguresRefresh({
    async refreshAfter(after, limit) {
      if (handle === null) throw new Error('locked');
      const next = numbers.filter((n) => n > after).slice(0, limit);
      if (next.length === 0) return null;
      slices.push({ at: performance.now(), from: next[0]!, to: next[next.length - 1]! });
      return next[next.length - 1]!;
    },
    handle: () => {
      if (handle === null) throw new Error('locked');
      return handle;
    },
    waitForExclusive: opts.exclusive ?? (async () => undefined),
    logger: silentLogger,
  });
  return {
    refresh,
    slices,
    lock: () => void (handle = null),
    switchVault: () => void (handle = {}),
  };
}

describe('the key figures refresh', () => {
  it('works through every household in slices, in order of number, once the core is quiet', async () => {
    const r = rig();
    r.refresh.start();
    await r.refresh.settled();
    expect(r.slices.map((s) => [s.from, s.to])).toEqual([['001', '025'], ['026', '050'], ['051', '060']]);
    expect(REFRESH_SLICE).toBe(25);
  });

  it('runs no slice while calls keep coming in, and goes on once they stop', async () => {
    const r = rig();
    r.refresh.touch();
    r.refresh.start();
    const busyUntil = performance.now() + 3 * IDLE_MS;
    while (performance.now() < busyUntil) {
      r.refresh.touch();
      await wait(IDLE_MS / 5);
    }
    r.refresh.touch();
    const lastCall = performance.now();
    expect(r.slices).toEqual([]);
    await r.refresh.settled();
    expect(r.slices).toHaveLength(3);
    expect(r.slices[0]!.at - lastCall).toBeGreaterThanOrEqual(IDLE_MS - 5);
  });

  it('waits for exclusive work before a slice', async () => {
    let release!: () => void;
    const importing = new Promise<void>((resolve) => (release = resolve));
    let done = false;
    const r = rig({ exclusive: () => (done ? Promise.resolve() : importing) });
    r.refresh.start();
    await wait(IDLE_MS * 2);
    expect(r.slices).toEqual([]);
    done = true;
    release();
    await r.refresh.settled();
    expect(r.slices).toHaveLength(3);
  });

  it('stops at a lock, at a switch of vault and when stopped, without an error', async () => {
    for (const end of ['lock', 'switchVault', 'stop'] as const) {
      const r = rig();
      r.refresh.touch();
      r.refresh.start();
      await wait(IDLE_MS / 2);
      if (end === 'stop') r.refresh.stop();
      else r[end]();
      await r.refresh.settled();
      expect(r.slices, end).toEqual([]);
    }
  });

  it('a second start replaces the pass that runs, and the second pass does the whole vault', async () => {
    const r = rig();
    r.refresh.start();
    r.refresh.start();
    await r.refresh.settled();
    expect(r.slices.map((s) => s.from)).toEqual(['001', '026', '051']);
  });

  it('keeps a process that waits for it alive until the pass has ended (the bench waited on a pass that was waiting)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'houvast-refresh-'));
    try {
      const script = path.join(dir, 'settle.mts');
      const module = pathToFileURL(path.resolve(__dirname, '../../../src/core/services/key-figures-refresh.ts')).href;
      writeFileSync(
        script,
        `import { createKeyFiguresRefresh } from ${JSON.stringify(module)};
const r = createKeyFiguresRefresh({ refreshAfter: async (a) => (a === '' ? '001' : null), handle: () => 1, waitForExclusive: async () => undefined, logger: { info() {}, warn() {}, error() {} } });
r.touch();
r.start();
await r.settled();
console.log('settled');
`,
      );
      expect(execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' }).trim()).toBe('settled');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends its wait at once when stopped', async () => {
    const r = rig();
    r.refresh.touch();
    r.refresh.start();
    await wait(10);
    const t0 = performance.now();
    r.refresh.stop();
    await r.refresh.settled();
    expect(performance.now() - t0).toBeLessThan(IDLE_MS / 2);
    expect(r.slices).toEqual([]);
  });

  it('goes back to the event loop between slices, so a call that comes in is read and goes first', async () => {
    const r = rig();
    r.refresh.start();
    // A call arriving as a message (a macrotask) while the pass runs: it is handled before the next slice.
    const arrived = new Promise<number>((resolve) =>
      setImmediate(() => {
        r.refresh.touch();
        resolve(r.slices.length);
      }),
    );
    const slicesBeforeCall = await arrived;
    await r.refresh.settled();
    expect(slicesBeforeCall).toBeLessThan(3);
    // The slices after the call waited until the core had been quiet for IDLE_MS.
    expect(r.slices).toHaveLength(3);
  });
});
