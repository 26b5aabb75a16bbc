// After an unlock, the stored key figures (migration 023) of every household are brought up to date for its default
// date (saved peildatum, else today) in the core's idle moments, so the office overview (budget.batch) is served
// from the store even on the first opening of a day (issue 10 §1). A pass takes a few households at a time,
// and only when no call has come in for IDLE_MS: the user's own calls always go first and wait for one slice at
// most. It stops when the vault locks or another vault is opened, and waits while an import holds its transaction.
import type { Logger } from '../logger';

/** Households per slice: ~5-10 ms of work while the engine is cold, so a call never waits long behind one. */
export const REFRESH_SLICE = 25;
/** Quiet time after the last call before a slice runs. */
export const IDLE_MS = 250;

export interface KeyFiguresRefreshDeps {
  /**
   * Brings the stored figures of the next `limit` households after this dossier number up to date (budget.ts);
   * the last number done, or null when there were none.
   */
  refreshAfter(afterNumber: string, limit: number): Promise<string | null>;
  /** The open database handle, to notice a lock or a switch of vault; throws when locked. */
  handle(): unknown;
  /** Resolves when no exclusive work (an import in its transaction) runs. */
  waitForExclusive(): Promise<void>;
  logger: Logger;
}

export interface KeyFiguresRefresh {
  /** A call came in (or ended): slices wait until the core has been quiet for IDLE_MS. */
  touch(): void;
  /** Starts a pass over every household (after an unlock); a pass already running is replaced. */
  start(): void;
  /** Stops the running pass before its next slice. */
  stop(): void;
  /** Resolves when no pass is running. */
  settled(): Promise<void>;
}

export function createKeyFiguresRefresh(deps: KeyFiguresRefreshDeps): KeyFiguresRefresh {
  const now = () => performance.now();
  let lastActivity = -Infinity;
  let generation = 0;
  let running: Promise<void> = Promise.resolve();
  // The pass's pending wait: stop() ends it at once, so a closing process (the CLI) is not held up by it. (Not
  // unref'd: whoever awaits settled() must keep the process alive until the pass has ended.)
  let waiting: { timer: ReturnType<typeof setTimeout>; wake(): void } | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        waiting = null;
        resolve();
      };
      waiting = { timer: setTimeout(wake, ms), wake };
    });

  async function pass(mine: number): Promise<void> {
    let handle: unknown;
    try {
      handle = deps.handle();
    } catch {
      return; // locked
    }
    const current = () => {
      if (mine !== generation) return false;
      try {
        return deps.handle() === handle;
      } catch {
        return false;
      }
    };
    let after = '';
    for (;;) {
      // Back to the event loop first: a slice's own awaits resolve at once, and without this a whole pass would run
      // before a call that came in meanwhile could even be read.
      await new Promise<void>((resolve) => setImmediate(resolve));
      // Quiet for IDLE_MS, no import in its transaction, and still the same open vault.
      for (let quiet = now() - lastActivity; quiet < IDLE_MS; quiet = now() - lastActivity) {
        await sleep(IDLE_MS - quiet);
        if (mine !== generation) return;
      }
      await deps.waitForExclusive();
      if (!current()) return;
      if (now() - lastActivity < IDLE_MS) continue;
      const last = await deps.refreshAfter(after, REFRESH_SLICE);
      if (last === null) return;
      after = last;
    }
  }

  return {
    touch() {
      lastActivity = now();
    },
    start() {
      const mine = ++generation;
      const previous = running;
      running = previous
        .then(() => pass(mine))
        .catch((err: unknown) => {
          // A cache only: the batch computes what was not stored.
          deps.logger.warn('budget.key_figures_refresh_failed', { error: err });
        });
    },
    stop() {
      generation++;
      if (waiting) {
        clearTimeout(waiting.timer);
        waiting.wake();
      }
    },
    settled() {
      return running;
    },
  };
}
