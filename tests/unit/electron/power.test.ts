// Checklist #17: suspend, screen lock and window close lock the vault (fake powerMonitor emitter).
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installAutoLock, lockVia } from '../../../electron/main/power';

function setup() {
  const powerMonitor = new EventEmitter();
  const window = new EventEmitter();
  const router = { handle: vi.fn(async (_name: string, _input: unknown) => ({ ok: true, value: { state: 'locked' } })) };
  const onError = vi.fn();
  const dispose = installAutoLock({ powerMonitor, window, lock: lockVia(router), onError });
  return { powerMonitor, window, router, onError, dispose };
}

describe('installAutoLock', () => {
  it.each(['suspend', 'lock-screen'])('powerMonitor %s calls vault.lock', (event) => {
    const { powerMonitor, router } = setup();
    powerMonitor.emit(event);
    expect(router.handle).toHaveBeenCalledTimes(1);
    expect(router.handle).toHaveBeenCalledWith('vault.lock', {});
  });

  it('closing the window calls vault.lock', () => {
    const { window, router } = setup();
    window.emit('close', { preventDefault() {} });
    expect(router.handle).toHaveBeenCalledWith('vault.lock', {});
  });

  it('other power events do not lock', () => {
    const { powerMonitor, router } = setup();
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    powerMonitor.emit('on-ac');
    expect(router.handle).not.toHaveBeenCalled();
  });

  it('the disposer removes every listener', () => {
    const { powerMonitor, window, router, dispose } = setup();
    dispose();
    powerMonitor.emit('suspend');
    powerMonitor.emit('lock-screen');
    window.emit('close');
    expect(router.handle).not.toHaveBeenCalled();
    expect(powerMonitor.listenerCount('suspend')).toBe(0);
    expect(window.listenerCount('close')).toBe(0);
  });

  it('a failing lock is reported, never thrown into the emitter', async () => {
    const powerMonitor = new EventEmitter();
    const onError = vi.fn();
    installAutoLock({ powerMonitor, lock: () => Promise.reject(new Error('x')), onError });
    expect(() => powerMonitor.emit('suspend')).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
    expect(onError).toHaveBeenCalledTimes(1);
    installAutoLock({
      powerMonitor,
      lock: () => {
        throw new Error('sync');
      },
      onError,
    });
    expect(() => powerMonitor.emit('lock-screen')).not.toThrow();
    expect(onError).toHaveBeenCalledTimes(2);
  });
});
