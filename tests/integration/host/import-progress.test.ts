// Progress and cancel for a long import (issue 10 §2), in-process and with the core in a worker thread:
// 'job.progress' events from 0 to the total, a cancel that rolls the whole file back (nothing imported, no
// logboek entry), other calls held back until the import ends, and a lock that cancels the import first.
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessTransport } from '../../../src/core/inprocess';
import type { Transport } from '../../../src/shared/contract/client';
import type { Envelope } from '../../../src/shared/contract/errors';
import { startTestCore, startWorkerTestCore } from '../../support/core';
import { plantedHousehold } from '../../support/households';

const PASSPHRASE = 'correct paard batterij niet';

interface Rig {
  transport: Transport;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  cleanup(): Promise<void>;
}

const RIGS: [string, () => Promise<Rig>][] = [
  [
    'in-process',
    async () => {
      const handle = await startTestCore({ cheapKdf: true, prefix: 'import-progress' });
      return { transport: createInProcessTransport(handle.core), onEvent: (l) => handle.core.onEvent(l), cleanup: () => handle.cleanup() };
    },
  ],
  [
    'worker thread',
    async () => {
      const handle = await startWorkerTestCore({ cheapKdf: true, prefix: 'import-progress-worker' });
      return { transport: handle.core.transport, onEvent: (l) => handle.core.onEvent(l), cleanup: () => handle.cleanup() };
    },
  ],
];

/**
 * A file long enough that a cancel sent at its first progress report after the start (at least PROGRESS_INTERVAL_MS
 * in) reaches the core well before its end, on a loaded machine too (a worker's events and the cancel each wait
 * their turn on the other side): 300 dossiers were done before the cancel in one CI run.
 */
const LONG = 1_500;

const file = (n: number) => ({ format: 'houvast.dossier', version: 1, dossiers: Array.from({ length: n }, () => plantedHousehold()) });

interface Progress {
  jobId: string;
  operation: string;
  done: number;
  total: number;
}

describe.each(RIGS)('import progress and cancel (%s)', (_kind, makeRig) => {
  let rig: Rig;
  afterEach(async () => {
    await rig?.cleanup();
  });

  async function call<T = unknown>(name: string, input: unknown): Promise<T> {
    const env = await rig.transport.invoke(name, input);
    if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
    return env.value as T;
  }

  async function start(): Promise<Progress[]> {
    rig = await makeRig();
    await call('vault.create', { name: 'Importkluis', passphrase: PASSPHRASE, userName: 'Mirjam de Wit' });
    const progress: Progress[] = [];
    rig.onEvent((event, payload) => event === 'job.progress' && progress.push(payload as Progress));
    return progress;
  }

  /** Resolves at the first progress report after `done` > 0: the import is then inside its transaction. */
  function underWay(progress: Progress[], jobId: string): Promise<void> {
    return new Promise((resolve) => {
      const off = rig.onEvent((event, payload) => {
        const p = payload as Progress;
        if (event === 'job.progress' && p.jobId === jobId && p.done > 0) {
          off();
          resolve();
        }
      });
    });
  }

  it('reports progress from 0 to the number of dossiers, ending with done === total', async () => {
    const progress = await start();
    const result = await call<{ imported: unknown[] }>('dossier.import', { file: file(60), onDuplicate: 'copy', jobId: 'import-aaaa-0001' });
    expect(result.imported).toHaveLength(60);
    const mine = progress.filter((p) => p.jobId === 'import-aaaa-0001');
    expect(mine[0]).toEqual({ jobId: 'import-aaaa-0001', operation: 'import', done: 0, total: 60 });
    expect(mine.at(-1)).toEqual({ jobId: 'import-aaaa-0001', operation: 'import', done: 60, total: 60 });
    for (let i = 1; i < mine.length; i++) expect(mine[i]!.done).toBeGreaterThanOrEqual(mine[i - 1]!.done);
    expect(mine.every((p) => p.total === 60)).toBe(true);
    expect(await call<unknown[]>('dossier.list', {})).toHaveLength(60);
  });

  it('cancel rolls back the whole file: no dossier, no logboek entry; the next import works', async () => {
    const progress = await start();
    const jobId = 'import-bbbb-0002';
    const going = underWay(progress, jobId);
    const importing = rig.transport.invoke('dossier.import', { file: file(LONG), onDuplicate: 'copy', jobId });
    await going;
    expect(await call('job.cancel', { jobId })).toEqual({ cancelled: true });
    const env: Envelope<unknown> = await importing;
    expect(env).toEqual({ ok: false, error: { code: 'CANCELLED', message: 'Afgebroken. Er is niets gewijzigd.' } });
    expect(progress.filter((p) => p.jobId === jobId).every((p) => p.done < LONG)).toBe(true);

    expect(await call('dossier.list', {})).toEqual([]);
    const log = await call<{ action: string }[]>('audit.list', {});
    expect(log.map((e) => e.action)).not.toContain('dossier.imported');
    // Nothing is stuck: a cancel of a finished job says so, and a fresh import goes through.
    expect(await call('job.cancel', { jobId })).toEqual({ cancelled: false });
    expect((await call<{ imported: unknown[] }>('dossier.import', { file: file(3), onDuplicate: 'copy' })).imported).toHaveLength(3);
  });

  it('holds other calls back until the import has ended, so they never see half a file', async () => {
    const progress = await start();
    const jobId = 'import-cccc-0003';
    const going = underWay(progress, jobId);
    const order: string[] = [];
    const importing = call('dossier.import', { file: file(120), onDuplicate: 'copy', jobId }).then(() => order.push('import'));
    await going;
    const listing = call<unknown[]>('dossier.list', {}).then((list) => {
      order.push('list');
      return list;
    });
    // Status answers at once, also mid-import.
    expect((await call<{ state: string }>('vault.status', {})).state).toBe('unlocked');
    const list = await listing;
    await importing;
    expect(order).toEqual(['import', 'list']);
    expect(list).toHaveLength(120);
  });

  it('a lock during the import cancels it first (rolled back), then locks', async () => {
    const progress = await start();
    const jobId = 'import-dddd-0004';
    const going = underWay(progress, jobId);
    const importing = rig.transport.invoke('dossier.import', { file: file(LONG), onDuplicate: 'copy', jobId });
    await going;
    expect((await call<{ state: string }>('vault.lock', {})).state).toBe('locked');
    expect(await importing).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect(await call('dossier.list', {})).toEqual([]);
  });
});
