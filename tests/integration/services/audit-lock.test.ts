// The auto-lock and migrations leave an audit entry, written while the database is still open.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, defaultResourcesDir, type Core } from '../../../src/core/app';
import { silentLogger } from '../../../src/core/logger';
import { TestClock } from './helpers';
import { CHEAP_KDF } from '../../support/core';

const PASS = 'correct horse battery staple';

describe('audit entries for automatic events', () => {
  let dir = '';
  let core: Core | null = null;
  afterEach(async () => {
    await core?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs an auto-lock as vault.locked with its reason', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'houvast-audit-lock-'));
    const clock = new TestClock();
    const pending: Array<() => void> = [];
    core = createCore({
      dataDir: dir,
      resourcesDir: defaultResourcesDir(),
      clock,
      logger: silentLogger,
      kdf: CHEAP_KDF,
      timers: { setTimeout: (cb) => (pending.push(cb), pending.length), clearTimeout: () => undefined },
    });
    const created = await core.router.handle('vault.create', { name: 'Kantoor', passphrase: PASS });
    expect(created.ok).toBe(true);

    clock.advance(10 * 60_000);
    pending.splice(0).forEach((fire) => fire());
    const locked = await core.router.handle('vault.status', {});
    expect(locked).toMatchObject({ ok: true, value: { state: 'locked' } });

    expect((await core.router.handle('vault.unlock', { passphrase: PASS })).ok).toBe(true);
    const log = await core.router.handle('audit.list', {});
    if (!log.ok) throw new Error(log.error.message);
    const entries = log.value as Array<{ action: string; detail: string | null }>;
    expect(entries.find((e) => e.action === 'vault.locked')?.detail).toBe('Automatisch na inactiviteit');
  });
});
