// Layer 3 (ENGINEERING.md §10): one suite of contract tests, run through the in-process transport (what
// Electron's ipcMain handler calls) and through the web shell's WebSocket (what the browser harness
// uses). Both must give the same answers, so the browser tests exercise the same code path as Electron.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessTransport } from '../../src/core/inprocess';
import { startWebServer, type WebServer } from '../../src/web/server';
import type { Transport } from '../../src/shared/contract/client';
import { ERROR_CODES, type Envelope } from '../../src/shared/contract/errors';
import { PROCEDURE_NAMES } from '../../src/shared/contract/procedures';
import { BSN_ERROR } from '../../src/shared/validation/bsn';
import { startTestCore, startWorkerTestCore } from '../support/core';
import { BAD_BSN, PLANTED, plantedHousehold } from '../support/households';
import { closeCode, createNodeWsTransport, tryConnect, wsUrl, type ClosableTransport } from '../support/ws-client';

const PASSPHRASE = 'correct paard batterij niet';
const NEW_PASSPHRASE = 'een heel ander wachtwoord 2';

interface Rig {
  kind: string;
  handle: { dataDir: string };
  transport: Transport;
  server: WebServer | null;
  close(): Promise<void>;
}

async function inProcessRig(): Promise<Rig> {
  const handle = await startTestCore({ cheapKdf: true, prefix: 'parity-ip' });
  const transport = createInProcessTransport(handle.core) as Transport;
  return { kind: 'in-process', handle, transport, server: null, close: () => handle.cleanup() };
}

async function webSocketRig(): Promise<Rig> {
  const handle = await startTestCore({ cheapKdf: true, prefix: 'parity-ws' });
  // The contract does not need the renderer build; an empty folder is enough to serve from.
  const staticDir = path.join(handle.dataDir, 'static');
  await mkdir(staticDir);
  const server = await startWebServer({ core: handle.core, staticDir, host: '127.0.0.1', port: 0 });
  const transport: ClosableTransport = createNodeWsTransport(wsUrl(server.port, server.token), server.origin);
  return {
    kind: 'WebSocket',
    handle,
    transport,
    server,
    async close() {
      await transport.close();
      await server.close();
      await handle.cleanup();
    },
  };
}

/** The core in a worker thread behind the host protocol (what the web shell and Electron's utility process run). */
async function workerRig(): Promise<Rig> {
  const handle = await startWorkerTestCore({ cheapKdf: true, prefix: 'parity-worker' });
  return { kind: 'worker', handle, transport: handle.core.transport, server: null, close: () => handle.cleanup() };
}

const RIGS: [string, () => Promise<Rig>][] = [
  ['in-process', inProcessRig],
  ['WebSocket', webSocketRig],
  ['worker thread', workerRig],
];

function expectError(env: Envelope<unknown>, code: string): { code: string; message: string; issues?: { path: string; message: string }[] } {
  expect(env.ok, JSON.stringify(env)).toBe(false);
  if (env.ok) throw new Error('unreachable');
  expect(env.error.code).toBe(code);
  expect(env.error.message.length).toBeGreaterThan(0);
  return env.error;
}

function expectOk<T = any>(env: Envelope<unknown>): T {
  expect(env.ok, JSON.stringify(env)).toBe(true);
  if (!env.ok) throw new Error('unreachable');
  return env.value as T;
}

/** Words that give away an untranslated (English) message (zod's Dutch locale keeps type names like "string"). */
const ENGLISH = /\b(expected|received|invalid|required|must|too (big|small))\b/i;

/** Arbitrary (name, input) pairs: mostly real procedure names, with JSON inputs (what a wire can carry). */
const garbageCall = fc.record({
  name: fc.oneof(
    // createDemo and create are left out: they build vaults (slow, and they change state on purpose).
    fc.constantFrom(...PROCEDURE_NAMES.filter((n) => n !== 'vault.createDemo' && n !== 'vault.create')),
    fc.string(),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'vault.', 'dossier.list ', 'DOSSIER.LIST', ''),
  ),
  input: fc.oneof(
    fc.jsonValue(),
    fc.dictionary(fc.constantFrom('id', 'query', 'passphrase', 'data', 'status', 'path', 'limit', 'file'), fc.jsonValue()),
  ),
});

function expectEnvelope(env: unknown): void {
  expect(env).toBeTypeOf('object');
  const e = env as Envelope<unknown>;
  expect(typeof e.ok).toBe('boolean');
  if (!e.ok) {
    expect(ERROR_CODES).toContain(e.error.code);
    expect(e.error.message).toBeTypeOf('string');
    expect(e.error.message.length).toBeGreaterThan(0);
    // Internal errors mean a bug somewhere: garbage must be answered with a proper refusal.
    expect(e.error.code).not.toBe('INTERNAL');
  }
}

describe.each(RIGS)('contract through the %s transport', (_label, makeRig) => {
  let rig: Rig;
  let call: (name: string, input?: unknown) => Promise<Envelope<unknown>>;
  let recoveryCode = '';
  let vaultPath = '';
  let dossierId = '';
  const events: { event: string; payload: unknown }[] = [];

  beforeAll(async () => {
    rig = await makeRig();
    call = (name, input = {}) => rig.transport.invoke(name, input);
    rig.transport.on('vault.status', (payload) => events.push({ event: 'vault.status', payload }));
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('answers app.info without a vault', async () => {
    const info = expectOk(await call('app.info'));
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.knownVaults).toEqual([]);
    expect(typeof info.defaultVaultFolder).toBe('string');
    expect(info.demoPassphrase.length).toBeGreaterThanOrEqual(12);
    expect(expectOk(await call('vault.status')).state).toBe('none');
  });

  it('refuses case-file procedures while no vault is open', async () => {
    expectError(await call('dossier.list', {}), 'NO_VAULT');
  });

  it('rejects a too-short passphrase in Dutch and creates nothing', async () => {
    const err = expectError(await call('vault.create', { name: 'Kantoor', passphrase: 'kort' }), 'VALIDATION');
    expect(err.message).toBe('Kies een wachtwoord van minstens 12 tekens.');
    expect(err.issues?.map((i) => i.path)).toContain('passphrase');
    expect(expectOk(await call('vault.status')).state).toBe('none');
  });

  it('creates a vault, unlocked, with a recovery code', async () => {
    const created = expectOk(await call('vault.create', { name: 'Kantoor Noord', passphrase: PASSPHRASE }));
    expect(created.status.state).toBe('unlocked');
    expect(created.status.vault.name).toBe('Kantoor Noord');
    expect(created.status.vault.demo).toBe(false);
    expect(created.recoveryCode.replace(/[^A-Za-z0-9]/g, '').length).toBeGreaterThanOrEqual(20);
    recoveryCode = created.recoveryCode;
    vaultPath = created.status.vault.path;
    expect(expectOk(await call('dossier.list', {}))).toEqual([]);
  });

  it('creates a household with two children', async () => {
    const dossier = expectOk(await call('dossier.create', { data: plantedHousehold() }));
    expect(dossier.id).toBeTruthy();
    expect(dossier.number).toBeTruthy();
    expect(dossier.children).toHaveLength(2);
    expect(dossier.adults[0].bsn).toBe(PLANTED.bsn);
    expect(dossier.address.postcode).toBe(PLANTED.postcode);
    dossierId = dossier.id;
  });

  it('rejects a BSN that fails the elfproef with the Dutch message and saves nothing', async () => {
    const data = plantedHousehold();
    data.adults[0] = { ...data.adults[0]!, firstName: 'Anders', bsn: BAD_BSN };
    const err = expectError(await call('dossier.create', { data }), 'VALIDATION');
    expect(err.issues).toContainEqual({ path: 'data.adults.0.bsn', message: BSN_ERROR });
    expect(expectOk<unknown[]>(await call('dossier.list', {}))).toHaveLength(1);
  });

  it('words schema errors in Dutch', async () => {
    const err = expectError(await call('dossier.list', { query: 42 }), 'VALIDATION');
    expect(err.issues?.[0]?.path).toBe('query');
    expect(err.message).not.toMatch(ENGLISH);
    expect(err.message).toMatch(/ongeldig|verwacht/i);
    const missing = expectError(await call('dossier.create', { data: { ...plantedHousehold(), professional: '' } }), 'VALIDATION');
    expect(missing.issues).toContainEqual({ path: 'data.professional', message: 'Verantwoordelijk medewerker is verplicht.' });
  });

  it('finds the household by name, postcode and BSN, and not by nonsense', async () => {
    for (const query of [PLANTED.lastName, PLANTED.firstName.toLowerCase(), PLANTED.postcode, PLANTED.postcode.replace(' ', ''), PLANTED.bsn]) {
      const hits = expectOk<{ id: string; childrenCount: number; displayName: string }[]>(await call('dossier.list', { query }));
      expect(hits.map((h) => h.id), `query ${query}`).toEqual([dossierId]);
      expect(hits[0]!.childrenCount).toBe(2);
      expect(hits[0]!.displayName).toContain(PLANTED.lastName);
    }
    expect(expectOk(await call('dossier.list', { query: 'Zzyzx' }))).toEqual([]);
    expect(expectOk(await call('dossier.list', { status: 'nazorg' }))).toEqual([]);
  });

  it('locks: case files answer LOCKED, and a status event is pushed', async () => {
    events.length = 0;
    expect(expectOk(await call('vault.lock')).state).toBe('locked');
    expectError(await call('dossier.list', {}), 'LOCKED');
    expectError(await call('dossier.get', { id: dossierId }), 'LOCKED');
    expectError(await call('dossier.create', { data: plantedHousehold() }), 'LOCKED');
    await expect.poll(() => events.map((e) => (e.payload as { state: string }).state)).toContain('locked');
  });

  it('refuses a wrong passphrase in Dutch and stays locked', async () => {
    const err = expectError(await call('vault.unlock', { passphrase: 'dit is het niet echt' }), 'WRONG_PASSPHRASE');
    expect(err.message).toMatch(/wachtwoord/i);
    expect(expectOk(await call('vault.status')).state).toBe('locked');
    expectError(await call('dossier.list', {}), 'LOCKED');
  });

  it('unlocks with the passphrase and finds the household again', async () => {
    expect(expectOk(await call('vault.unlock', { passphrase: PASSPHRASE })).state).toBe('unlocked');
    const hits = expectOk<{ id: string }[]>(await call('dossier.list', { query: PLANTED.bsn }));
    expect(hits.map((h) => h.id)).toEqual([dossierId]);
    const full = expectOk(await call('dossier.get', { id: dossierId }));
    expect(full.children.map((c: { firstName: string }) => c.firstName)).toEqual(PLANTED.children.map((c) => c.firstName));
  });

  it('unlocks with the recovery code and sets a new passphrase', async () => {
    expectOk(await call('vault.lock'));
    expectError(await call('vault.unlockWithRecoveryCode', { recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH', newPassphrase: NEW_PASSPHRASE }), 'WRONG_RECOVERY_CODE');
    expect(expectOk(await call('vault.unlockWithRecoveryCode', { recoveryCode, newPassphrase: NEW_PASSPHRASE })).state).toBe('unlocked');
    expectOk(await call('vault.lock'));
    expectError(await call('vault.unlock', { passphrase: PASSPHRASE }), 'WRONG_PASSPHRASE');
    expect(expectOk(await call('vault.unlock', { passphrase: NEW_PASSPHRASE })).state).toBe('unlocked');
  });

  it('rejects unknown procedures', async () => {
    for (const name of ['dossier.drop', 'vault', '', '__proto__', 'constructor', 'toString']) {
      expect(expectError(await call(name, {}), 'UNKNOWN_PROCEDURE').message).toBe('Onbekende opdracht.');
    }
    expectError(await rig.transport.invoke(42 as unknown as string, {}), 'UNKNOWN_PROCEDURE');
  });

  it('answers any garbage payload with an envelope, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(garbageCall, async ({ name, input }) => {
        expectEnvelope(await rig.transport.invoke(name, input));
      }),
      { numRuns: 150 },
    );
    // Still serving afterwards, and the vault is intact (the garbage may have locked or closed it).
    expectOk(await call('app.info'));
    if (expectOk(await call('vault.status')).state === 'none') expectOk(await call('vault.open', { path: vaultPath }));
    if (expectOk(await call('vault.status')).state === 'locked') expectOk(await call('vault.unlock', { passphrase: NEW_PASSPHRASE }));
    expect(expectOk<{ id: string }[]>(await call('dossier.list', { query: PLANTED.lastName })).map((h) => h.id)).toEqual([dossierId]);
  });
});

describe('both transports give the same answers', () => {
  let a: Rig;
  let b: Rig;
  beforeAll(async () => {
    [a, b] = await Promise.all([inProcessRig(), webSocketRig()]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  /** Drops what legitimately differs between two vaults: generated ids, times, codes, keys and temp paths. */
  function normalize(value: unknown, rig: Rig): unknown {
    const VOLATILE = new Set(['id', 'createdAt', 'updatedAt', 'at', 'autoLockAt', 'lastOpenedAt', 'recoveryCode', 'publicKeyPem']);
    const walk = (v: unknown, key?: string): unknown => {
      if (key !== undefined && (VOLATILE.has(key) || key.endsWith('Id')) && v !== null) return `<${key}>`;
      // Backup file names carry their creation time (2026-03-01T09-00-00.000Z-manual.db).
      if (typeof v === 'string') return v.split(rig.handle.dataDir).join('<dataDir>').replace(/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z/g, '<time>');
      if (Array.isArray(v)) return v.map((x) => walk(x));
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
      return v;
    };
    return walk(value);
  }

  async function both(name: string, input: unknown): Promise<[unknown, unknown]> {
    const [ea, eb] = await Promise.all([a.transport.invoke(name, input), b.transport.invoke(name, input)]);
    return [normalize(ea, a), normalize(eb, b)];
  }

  it('for a scripted session and for random payloads in every vault state', async () => {
    const script: [string, unknown][] = [
      ['app.info', {}],
      ['dossier.list', {}],
      ['vault.create', { name: 'Gelijk', passphrase: 'kort' }],
      ['vault.create', { name: 'Gelijk', passphrase: PASSPHRASE }],
      ['dossier.create', { data: plantedHousehold() }],
      ['dossier.create', { data: { ...plantedHousehold(), adults: [] } }],
      ['dossier.list', { query: PLANTED.postcode }],
      ['nope', {}],
    ];
    for (const [name, input] of script) {
      const [ra, rb] = await both(name, input);
      expect(rb, name).toEqual(ra);
    }
    for (const state of ['unlocked', 'locked'] as const) {
      if (state === 'locked') await both('vault.lock', {});
      await fc.assert(
        fc.asyncProperty(garbageCall, async ({ name, input }) => {
          const [ra, rb] = await both(name, input);
          expect(rb).toEqual(ra);
        }),
        { numRuns: 100 },
      );
    }
  });
});

describe('the WebSocket refuses strangers', () => {
  let rig: Rig;
  let server: WebServer;
  beforeAll(async () => {
    rig = await webSocketRig();
    server = rig.server!;
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('accepts the right token with our own Origin', async () => {
    const outcome = await tryConnect(wsUrl(server.port, server.token), { origin: server.origin });
    expect(outcome.opened).toBe(true);
    if (outcome.opened) outcome.socket.close();
  });

  it('binds the token to the first session: the same tab may reconnect, a second client is refused', async () => {
    // The rig's transport connected first with TEST_SESSION, like the browser tab that opened the URL.
    const again = await tryConnect(wsUrl(server.port, server.token), { origin: server.origin });
    expect(again.opened).toBe(true);
    if (again.opened) again.socket.close();
    const stranger = await tryConnect(wsUrl(server.port, server.token, 'another-tab-session-9876543210'), { origin: server.origin });
    expect(stranger).toEqual({ opened: false, status: 401 });
    const noSession = await tryConnect(wsUrl(server.port, server.token, null), { origin: server.origin });
    expect(noSession).toEqual({ opened: false, status: 401 });
    const tooShort = await tryConnect(wsUrl(server.port, server.token, 'kort'), { origin: server.origin });
    expect(tooShort).toEqual({ opened: false, status: 401 });
    // The refusals did not unbind the first session.
    expectOk(await rig.transport.invoke('app.info', {}));
  });

  it.each([
    ['a wrong token', (s: WebServer) => wsUrl(s.port, `${s.token.slice(0, -1)}${s.token.endsWith('A') ? 'B' : 'A'}`), (s: WebServer) => s.origin, 401],
    ['no token', (s: WebServer) => wsUrl(s.port, ''), (s: WebServer) => s.origin, 401],
    ['a token with extra characters', (s: WebServer) => wsUrl(s.port, `${s.token}x`), (s: WebServer) => s.origin, 401],
    ['another site as Origin', (s: WebServer) => wsUrl(s.port, s.token), () => 'https://evil.example', 403],
    ['localhost instead of 127.0.0.1 as Origin', (s: WebServer) => wsUrl(s.port, s.token), (s: WebServer) => `http://localhost:${s.port}`, 403],
    ['another port as Origin', (s: WebServer) => wsUrl(s.port, s.token), (s: WebServer) => `http://127.0.0.1:${s.port + 1}`, 403],
    ['a "null" Origin (sandboxed frame, file:)', (s: WebServer) => wsUrl(s.port, s.token), () => 'null', 403],
  ])('refuses %s', async (_label, url, origin, status) => {
    const outcome = await tryConnect(url(server), { origin: origin(server) });
    expect(outcome).toEqual({ opened: false, status });
  });

  it('refuses a connection without an Origin header', async () => {
    expect(await tryConnect(wsUrl(server.port, server.token))).toEqual({ opened: false, status: 403 });
  });

  it('refuses another path and a foreign Host header (DNS rebinding)', async () => {
    const wrongPath = `ws://127.0.0.1:${server.port}/ws?token=${server.token}`;
    expect(await tryConnect(wrongPath, { origin: server.origin })).toEqual({ opened: false, status: 404 });
    expect(await tryConnect(wsUrl(server.port, server.token), { origin: server.origin, Host: `evil.example:${server.port}` })).toEqual({
      opened: false,
      status: 421,
    });
  });

  it('closes a socket that sends non-JSON or a request without a numeric id, and keeps serving others', async () => {
    for (const [payload, code] of [
      ['niet json', 1003],
      [JSON.stringify({ name: 'app.info', input: {} }), 1008],
      [JSON.stringify({ id: 'x', name: 'app.info', input: {} }), 1008],
      [JSON.stringify([1, 2]), 1008],
      [Buffer.from([0, 1, 2]), 1003],
    ] as const) {
      const outcome = await tryConnect(wsUrl(server.port, server.token), { origin: server.origin });
      if (!outcome.opened) throw new Error('connection refused');
      const closed = closeCode(outcome.socket);
      outcome.socket.send(payload);
      expect(await closed).toBe(code);
    }
    expectOk(await rig.transport.invoke('app.info', {}));
  });

  it('answers concurrent requests by id', async () => {
    const outcome = await tryConnect(wsUrl(server.port, server.token), { origin: server.origin });
    if (!outcome.opened) throw new Error('connection refused');
    const socket: WebSocket = outcome.socket;
    const answers = new Map<number, Envelope<unknown>>();
    const done = new Promise<void>((resolve) => {
      socket.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { id?: number; envelope?: Envelope<unknown> };
        if (typeof msg.id === 'number' && msg.envelope) answers.set(msg.id, msg.envelope);
        if (answers.size === 3) resolve();
      });
    });
    socket.send(JSON.stringify({ id: 7, name: 'app.info', input: {} }));
    socket.send(JSON.stringify({ id: 8, name: 'nope', input: {} }));
    socket.send(JSON.stringify({ id: 9, name: 'vault.status' }));
    await done;
    expect(answers.get(7)?.ok).toBe(true);
    expect(answers.get(8)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    expect(answers.get(9)).toMatchObject({ ok: true, value: { state: 'none' } });
    socket.close();
  });
});
