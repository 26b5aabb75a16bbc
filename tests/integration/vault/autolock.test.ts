// Auto-lock after inactivity, driven by a fake clock and fake timers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VaultStatus } from '../../../src/shared/contract/vault';
import { PASSPHRASE, expectCode, sandbox } from './helpers';
import type { Sandbox } from './helpers';

const MINUTE = 60_000;
let sb: Sandbox;
beforeEach(async () => {
  sb = await sandbox('autolock');
});
afterEach(async () => {
  await sb.cleanup();
});

describe('auto-lock', () => {
  it('locks after 10 minutes without activity by default, and reports when', async () => {
    const events: VaultStatus[] = [];
    const vm = sb.manager({ onStatusChange: (s) => events.push(s) });
    const start = sb.time.now();
    const { status } = await vm.create({ name: 'Auto', passphrase: PASSPHRASE });
    expect(status.autoLockMinutes).toBe(10);
    expect(status.autoLockAt).toBe(start + 10 * MINUTE);
    const db = vm.db();

    sb.time.advance(10 * MINUTE - 1);
    expect(vm.status().state).toBe('unlocked');
    sb.time.advance(1);
    expect(vm.status()).toMatchObject({ state: 'locked', autoLockAt: null });
    expect(() => vm.db()).toThrow(expectCode('LOCKED'));
    expect(db.open).toBe(false); // the connection (and with it the driver's copy of the key) is gone
    expect(events.at(-1)?.state).toBe('locked');
    expect(sb.time.pendingCount).toBe(0);
  });

  it('touch() postpones the lock; lock() and close() cancel the timer', async () => {
    const vm = sb.manager();
    await vm.create({ name: 'Touch', passphrase: PASSPHRASE });
    sb.time.advance(9 * MINUTE);
    const touched = vm.touch();
    expect(touched.autoLockAt).toBe(sb.time.now() + 10 * MINUTE);
    sb.time.advance(9 * MINUTE);
    expect(vm.status().state).toBe('unlocked');
    sb.time.advance(1 * MINUTE);
    expect(vm.status().state).toBe('locked');

    await vm.unlock(PASSPHRASE);
    expect(sb.time.pendingCount).toBe(1);
    vm.lock();
    expect(sb.time.pendingCount).toBe(0);
    // touch() while locked neither unlocks nor arms a timer.
    expect(vm.touch().state).toBe('locked');
    expect(sb.time.pendingCount).toBe(0);
  });

  it('setAutoLockMinutes re-arms the timer and validates its range', async () => {
    const vm = sb.manager();
    await vm.create({ name: 'Minutes', passphrase: PASSPHRASE });
    sb.time.advance(2 * MINUTE);
    const status = vm.setAutoLockMinutes(3);
    expect(status).toMatchObject({ autoLockMinutes: 3, autoLockAt: sb.time.now() + 3 * MINUTE });
    expect(() => vm.setAutoLockMinutes(0)).toThrow(expectCode('VALIDATION'));
    expect(() => vm.setAutoLockMinutes(1.5)).toThrow(expectCode('VALIDATION'));
    expect(() => vm.setAutoLockMinutes(241)).toThrow(expectCode('VALIDATION'));
    sb.time.advance(3 * MINUTE);
    expect(vm.status().state).toBe('locked');
    // The setting survives lock/unlock within this manager.
    const again = await vm.unlock(PASSPHRASE);
    expect(again.autoLockMinutes).toBe(3);
  });

  it('a timer that fires early (clock behind) re-arms instead of locking too soon', async () => {
    const vm = sb.manager();
    await vm.create({ name: 'Early', passphrase: PASSPHRASE });
    // Timers driven by hand, independent of the clock: the first one fires while time is left.
    const timers: Array<() => void> = [];
    const vm2 = sb.manager({
      timers: { setTimeout: (cb) => (timers.push(cb), timers.length), clearTimeout: () => undefined },
    });
    await vm2.open(vm.status().vault!.path);
    vm.close();
    await vm2.unlock(PASSPHRASE);
    timers.shift()!();
    expect(vm2.status().state).toBe('unlocked');
    expect(timers).toHaveLength(1); // re-armed for the remainder
    sb.time.advance(10 * MINUTE);
    timers.shift()!();
    expect(vm2.status().state).toBe('locked');
  });
});

describe('auto-lock held off by running jobs', () => {
  it('waits while a job holds it, then locks at the release; activity meanwhile restarts the countdown', async () => {
    const vm = sb.manager();
    await vm.create({ name: 'Jobs', passphrase: PASSPHRASE });
    const release = vm.holdAutoLock();
    sb.time.advance(25 * MINUTE);
    expect(vm.status().state).toBe('unlocked');
    release();
    expect(vm.status().state).toBe('locked');
    release(); // idempotent: a second release changes nothing
    expect(vm.status().state).toBe('locked');

    await vm.unlock(PASSPHRASE);
    const first = vm.holdAutoLock();
    const second = vm.holdAutoLock();
    sb.time.advance(11 * MINUTE);
    first();
    expect(vm.status().state).toBe('unlocked'); // the other job still runs
    // The user comes back during the job: a fresh 10 minutes from now, not a lock when the job ends.
    vm.touch();
    second();
    expect(vm.status().state).toBe('unlocked');
    sb.time.advance(10 * MINUTE);
    expect(vm.status().state).toBe('locked');
  });

  it('a job that ends before the deadline neither locks early nor moves the deadline', async () => {
    const vm = sb.manager();
    await vm.create({ name: 'Short', passphrase: PASSPHRASE });
    const at = vm.status().autoLockAt;
    const release = vm.holdAutoLock();
    sb.time.advance(3 * MINUTE);
    release();
    expect(vm.status()).toMatchObject({ state: 'unlocked', autoLockAt: at });
    sb.time.advance(7 * MINUTE);
    expect(vm.status().state).toBe('locked');
  });
});
