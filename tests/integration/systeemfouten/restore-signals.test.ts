// Rule R1 and restores (issue 9): a signal imported into this vault is registered on the import date, but a
// restore of this vault's own backup is not an import: months later, the restored signals are the same rows
// with the same dates (registration here and first registration elsewhere), not registered again on the day
// of the restore. Real core, real encrypted files, fake clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, defaultResourcesDir, type Core } from '../../../src/core/app';
import type { Signal } from '../../../src/shared/signals/schema';
import { householdsWithSignal } from '../../support/office-exports';
import { CHEAP_KDF, DAY, PASSPHRASE, sandbox, type Sandbox } from '../backups/helpers';

let sb: Sandbox;
let core: Core;
beforeEach(async () => {
  sb = await sandbox('restore-signals');
  core = createCore({ dataDir: sb.dataDir, resourcesDir: defaultResourcesDir(), logger: sb.logger, kdf: CHEAP_KDF, clock: sb.time, timers: sb.time });
});
afterEach(async () => {
  await core.dispose();
  await sb.cleanup();
});

async function call<T = unknown>(name: string, input: unknown): Promise<T> {
  const env = await core.router.handle(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
  return env.value as T;
}

describe('a restore is not an import', () => {
  it('the restored signals keep their registration date and their first registration date', async () => {
    await call('vault.create', { name: 'Herstel', passphrase: PASSPHRASE, userName: 'Mirjam de Wit' });
    // 01-03-2026: two households come in from another office, whose signals it registered on 20-11-2025.
    const file = householdsWithSignal(2, false);
    for (const d of file.dossiers) d.signals[0]!.recordedOn = '2025-11-20';
    await call('dossier.import', { file });
    const before = await call<Signal[]>('signals.list', {});
    expect(before.map((s) => [s.recordedOn, s.originalRecordedOn])).toEqual([
      ['2026-03-01', '2025-11-20'],
      ['2026-03-01', '2025-11-20'],
    ]);
    await call('vault.backup', {});
    const [backup] = await call<{ id: string }[]>('vault.listBackups', {});
    await call('signals.delete', { id: before[0]!.id });

    // Three months later, in another quarter: restore the backup.
    sb.time.advance(100 * DAY);
    if ((await call<{ state: string }>('vault.status', {})).state !== 'unlocked') await call('vault.unlock', { passphrase: PASSPHRASE });
    await call('vault.restoreBackup', { id: backup!.id, passphrase: PASSPHRASE });
    expect(await call<Signal[]>('signals.list', {})).toEqual(before);
    expect(await call<Signal[]>('signals.list', { quarter: '2026-Q2' })).toEqual([]);
  });
});
