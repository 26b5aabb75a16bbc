// Auto-lock triggers that only the desktop shell sees: suspend, screen lock and closing the window.
// (Inactivity is timed by the core itself.)

export interface EmitterLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
}

export const POWER_LOCK_EVENTS = ['suspend', 'lock-screen'] as const;

/**
 * Calls `lock` on powerMonitor 'suspend' and 'lock-screen' and on the window's 'close'.
 * Returns a function that removes the listeners.
 */
export function installAutoLock(options: {
  powerMonitor: EmitterLike;
  window?: EmitterLike | null;
  lock: () => Promise<unknown> | unknown;
  onError?: (error: unknown) => void;
}): () => void {
  const { powerMonitor, window, lock, onError } = options;
  const trigger = () => {
    try {
      void Promise.resolve(lock()).catch((err) => onError?.(err));
    } catch (err) {
      onError?.(err);
    }
  };
  for (const event of POWER_LOCK_EVENTS) powerMonitor.on(event, trigger);
  window?.on('close', trigger);
  return () => {
    for (const event of POWER_LOCK_EVENTS) powerMonitor.removeListener(event, trigger);
    window?.removeListener('close', trigger);
  };
}

/** The lock request as the router expects it. */
export function lockVia(router: { handle(name: string, input: unknown): Promise<unknown> }): () => Promise<unknown> {
  return () => router.handle('vault.lock', {});
}
