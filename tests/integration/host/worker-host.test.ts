// The core in a worker_threads Worker behind the host protocol (src/core/host): the same contract answers as
// in-process, events relayed, the server's event loop free while the core works, and a crash of the worker
// answered clearly, with a restart that comes back locked.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../../../src/core/app';
import { CORE_STATUS_EVENT, CORE_STOPPED_MESSAGE, type HostedCore } from '../../../src/core/host/core-client';
import type { HostEndpoint } from '../../../src/core/host/protocol';
import { spawnCoreWorker } from '../../../src/web/core-worker';
import { startHostedCore } from '../../../src/core/host/core-client';
import { startWebServer, type WebCore, type WebServer } from '../../../src/web/server';
import { CHEAP_KDF, makeTempDir, startTestCore } from '../../support/core';
import { createNodeWsTransport, wsUrl, type ClosableTransport } from '../../support/ws-client';
import { plantedHousehold } from '../../support/households';

const PASSPHRASE = 'correct paard batterij niet';

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  cleanups = [];
});

async function workerCore(opts: { cheapKdf: boolean }): Promise<{ core: HostedCore; dataDir: string; endpoints: HostEndpoint[] }> {
  const dataDir = await makeTempDir('host');
  const endpoints: HostEndpoint[] = [];
  const core = await startHostedCore({
    spawn: () => {
      const endpoint = spawnCoreWorker();
      endpoints.push(endpoint);
      return endpoint;
    },
    init: { dataDir, resourcesDir: defaultResourcesDir(), silent: true, ...(opts.cheapKdf ? { kdf: CHEAP_KDF } : {}) },
  });
  cleanups.push(async () => {
    await core.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });
  return { core, dataDir, endpoints };
}

function ok<T>(env: { ok: boolean; value?: unknown; error?: unknown }): T {
  expect(env.ok, JSON.stringify(env)).toBe(true);
  return env.value as T;
}

describe('the core in a worker thread', () => {
  it('answers the contract and relays events', async () => {
    const { core } = await workerCore({ cheapKdf: true });
    const statuses: unknown[] = [];
    core.onEvent((event, payload) => event === 'vault.status' && statuses.push(payload));

    expect(ok<{ state: string }>(await core.router.handle('vault.status', {})).state).toBe('none');
    const created = ok<{ recoveryCode: string; status: { state: string } }>(
      await core.router.handle('vault.create', { name: 'Werkkluis', passphrase: PASSPHRASE, userName: 'Mirjam de Wit' }),
    );
    expect(created.status.state).toBe('unlocked');
    expect(created.recoveryCode).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){7}$/);
    expect(statuses.some((s) => (s as { state: string }).state === 'unlocked')).toBe(true);

    // Errors come back as the same envelopes as in-process.
    expect(await core.router.handle('no.such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    expect(await core.router.handle('vault.unlock', { passphrase: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // What a wire cannot carry is refused before it reaches the worker.
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await core.router.handle('vault.status', cyclic)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // A running core does not restart.
    expect(ok<{ restarted: boolean }>(await core.router.handle('core.restart', {}))).toEqual({ restarted: false });

    // The transport form, for createClient.
    expect(ok<{ state: string }>(await core.transport.invoke('vault.lock', {})).state).toBe('locked');
  });

  /**
   * Over the socket: a vault, then an import of many households (its validation alone is one long synchronous
   * stretch in the core), and 50 ms later a static request. Returns the order of: the static answer, the
   * import's first progress event (sent when validation is done) and the import's (cancelled) result.
   */
  async function orderOfAnswers(core: WebCore, dataDir: string): Promise<string[]> {
    const staticDir = path.join(dataDir, 'static');
    await mkdir(staticDir);
    await writeFile(path.join(staticDir, 'health.txt'), 'ok');
    const server: WebServer = await startWebServer({ core, staticDir, host: '127.0.0.1', port: 0 });
    cleanups.push(() => server.close());
    const transport: ClosableTransport = createNodeWsTransport(wsUrl(server.port, server.token), server.origin);
    cleanups.push(() => transport.close());
    const created = await transport.invoke('vault.create', { name: 'Drukke kluis', passphrase: PASSPHRASE });
    expect(created.ok, JSON.stringify(created)).toBe(true);

    const order: string[] = [];
    transport.on('job.progress', () => {
      if (!order.includes('progress')) order.push('progress');
    });
    const file = { format: 'houvast.dossier', version: 1, dossiers: Array.from({ length: 2000 }, () => plantedHousehold()) };
    const importing = transport.invoke('dossier.import', { file, onDuplicate: 'copy', jobId: 'health-check-0001' }).then((env) => {
      order.push('import');
      return env;
    });
    await new Promise((r) => setTimeout(r, 50));
    const health = await new Promise<string>((resolve, reject) => {
      request({ host: '127.0.0.1', port: server.port, path: '/health.txt', headers: { host: `127.0.0.1:${server.port}` } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += String(c)));
        res.on('end', () => {
          order.push('static');
          resolve(body);
        });
      })
        .on('error', reject)
        .end();
    });
    expect(health).toBe('ok');
    // The rest of the import is not the point: stop it once it reported (it rolls back).
    await expect.poll(() => order.includes('progress'), { timeout: 60_000 }).toBe(true);
    expect(await transport.invoke('job.cancel', { jobId: 'health-check-0001' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await importing).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    return order;
  }

  it('keeps the server answering while the core validates a large import', async () => {
    const { core, dataDir } = await workerCore({ cheapKdf: true });
    expect(await orderOfAnswers(core, dataDir)).toEqual(['static', 'progress', 'import']);
  });

  it('(control) with the core on the server\'s own thread, the same request waits for the validation', async () => {
    // Shows that the ordering above measures something: in-process, the validation holds the event loop.
    const handle = await startTestCore({ cheapKdf: true, prefix: 'host-control' });
    cleanups.push(() => handle.cleanup());
    expect((await orderOfAnswers(handle.core, handle.dataDir))[0]).toBe('progress');
  });

  it('answers open calls clearly when the worker dies, and restarts it with the vault locked', async () => {
    const { core, endpoints } = await workerCore({ cheapKdf: false });
    const states: unknown[] = [];
    core.onEvent((event, payload) => event === CORE_STATUS_EVENT && states.push(payload));
    ok(await core.router.handle('vault.status', {}));

    // A real-KDF create cannot finish before the thread is ended right after the call was sent.
    const open = core.router.handle('vault.create', { name: 'Afgebroken', passphrase: PASSPHRASE });
    endpoints[0]!.kill();
    expect(await open).toEqual({ ok: false, error: { code: 'INTERNAL', message: CORE_STOPPED_MESSAGE } });
    expect(states).toEqual([{ state: 'stopped' }]);
    expect(core.state()).toBe('stopped');
    // Every call now gets the same clear answer, until the restart.
    expect(await core.router.handle('vault.status', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: CORE_STOPPED_MESSAGE } });

    expect(ok<{ restarted: boolean }>(await core.router.handle('core.restart', {}))).toEqual({ restarted: true });
    expect(endpoints).toHaveLength(2);
    expect(states).toEqual([{ state: 'stopped' }, { state: 'running' }]);
    const status = ok<{ state: string }>(await core.router.handle('vault.status', {}));
    expect(status.state).not.toBe('unlocked');
  });

  it('gives the vault back when the worker that had it unlocked dies: the restarted core unlocks it', async () => {
    const { core, endpoints } = await workerCore({ cheapKdf: true });
    const created = ok<{ status: { vault: { path: string } } }>(await core.router.handle('vault.create', { name: 'Na een crash', passphrase: PASSPHRASE }));
    const exited = new Promise<void>((resolve) => endpoints[0]!.onExit(() => resolve()));
    endpoints[0]!.kill();
    await exited;
    expect(ok<{ restarted: boolean }>(await core.router.handle('core.restart', {}))).toEqual({ restarted: true });
    ok(await core.router.handle('vault.open', { path: created.status.vault.path }));
    // The session lock (session-lock.ts) died with the thread's connection: no VAULT_IN_USE.
    const status = ok<{ state: string }>(await core.router.handle('vault.unlock', { passphrase: PASSPHRASE }));
    expect(status.state).toBe('unlocked');
  });

  it('locks the vault and ends the thread on dispose', async () => {
    const dataDir = await makeTempDir('host-dispose');
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    let exited: number | null | undefined;
    const core = await startHostedCore({
      spawn: () => {
        const endpoint = spawnCoreWorker();
        endpoint.onExit((code) => (exited = code));
        return endpoint;
      },
      init: { dataDir, resourcesDir: defaultResourcesDir(), silent: true, kdf: CHEAP_KDF },
    });
    ok(await core.router.handle('vault.create', { name: 'Dicht', passphrase: PASSPHRASE }));
    const states: unknown[] = [];
    core.onEvent((event, payload) => states.push([event, payload]));
    await core.dispose();
    expect(core.state()).toBe('disposed');
    await expect.poll(() => exited).not.toBeUndefined();
    // An orderly end is not a crash.
    expect(states.filter((s) => (s as [string])[0] === CORE_STATUS_EVENT)).toEqual([]);
    expect(await core.router.handle('vault.status', {})).toMatchObject({ ok: false });
  });

  it('refuses to start when the host reports that the core could not be created, and ends it', async () => {
    let killed = false;
    const failing: HostEndpoint = {
      post: () => undefined,
      onMessage: (listener) => void setTimeout(() => listener({ type: 'init_failed', message: 'De kern van Houvast kon niet starten.' }), 0),
      onExit: () => undefined,
      kill: () => void (killed = true),
    };
    await expect(startHostedCore({ spawn: () => failing, init: { dataDir: '/tmp/x', resourcesDir: defaultResourcesDir() } })).rejects.toThrow(/kon niet starten/);
    expect(killed).toBe(true);
  });
});
