// A real core on a fresh temporary data folder, for contract and browser tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCore, defaultResourcesDir } from '../../src/core/app';
import { silentLogger } from '../../src/core/logger';
import type { HostedCore } from '../../src/core/host/core-client';
import { startCoreWorker } from '../../src/web/core-worker';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../src/shared/contract/procedures';
import type { Clock } from '../../src/shared/dates';

/** Argon2id parameters that keep contract tests fast; the browser tests use the real defaults. */
export const CHEAP_KDF = { memoryKiB: 1024, iterations: 1, parallelism: 1 };

export type TestCore = Awaited<ReturnType<typeof createCore>>;

export interface TestCoreHandle {
  core: TestCore;
  dataDir: string;
  cleanup(): Promise<void>;
}

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `houvast-${prefix}-`));
}

export async function startTestCore(opts: { cheapKdf: boolean; prefix?: string; clock?: Clock }): Promise<TestCoreHandle> {
  const dataDir = await makeTempDir(opts.prefix ?? 'core');
  const core = await createCore({
    dataDir,
    resourcesDir: defaultResourcesDir(),
    logger: silentLogger,
    ...(opts.cheapKdf ? { kdf: CHEAP_KDF } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  return {
    core,
    dataDir,
    async cleanup() {
      await core.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface WorkerCoreHandle {
  core: HostedCore;
  dataDir: string;
  cleanup(): Promise<void>;
}

/** The core as the web shell runs it: in a worker thread behind the host protocol (src/core/host). */
export async function startWorkerTestCore(opts: { cheapKdf: boolean; prefix?: string }): Promise<WorkerCoreHandle> {
  const dataDir = await makeTempDir(opts.prefix ?? 'worker');
  const core = await startCoreWorker({ dataDir, resourcesDir: defaultResourcesDir(), silent: true, ...(opts.cheapKdf ? { kdf: CHEAP_KDF } : {}) });
  return {
    core,
    dataDir,
    async cleanup() {
      await core.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A real core on a fresh folder with the demo vault created and unlocked: the arrangement and letter tests start from its households. */
export async function startDemoCore(prefix: string, clock: Clock) {
  const dataDir = await makeTempDir(prefix);
  const core = await createCore({ dataDir, resourcesDir: defaultResourcesDir(), logger: silentLogger, kdf: CHEAP_KDF, clock });
  async function call<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>> {
    const env = await core.router.handle(name, input);
    if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
    return env.value as ProcedureOutput<K>;
  }
  const { passphrase } = await call('vault.createDemo', {});
  await call('vault.unlock', { passphrase });
  return {
    core,
    dataDir,
    call,
    async cleanup() {
      await core.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
