// Long work that reports progress and can be cancelled where that is safe (issue 10 §2): the caller names
// the job with its own id (so it can cancel before the call returns), progress goes out as 'job.progress'
// events through core.onEvent, and 'job.cancel' sets a flag the work checks at its safe points.
import { AppError } from '../shared/contract/errors';

export type JobOperation = 'import' | 'backup' | 'pdf';

export interface JobProgress {
  jobId: string;
  operation: JobOperation;
  done: number;
  total: number;
}

export interface Job {
  readonly id: string | null;
  /** Reports progress (throttled: the first report, then at most every PROGRESS_INTERVAL_MS, and the last). */
  progress(done: number, total: number): void;
  /** Throws AppError CANCELLED when the job was cancelled; call only where stopping is safe. */
  throwIfCancelled(): void;
  readonly cancelled: boolean;
}

export interface Jobs {
  start(id: string | undefined, operation: JobOperation): Job & { end(): void };
  /** True when a running job with this id was asked to stop. */
  cancel(id: string): boolean;
  /** Asks every running job to stop (the vault is about to lock). */
  cancelAll(): void;
}

export const PROGRESS_INTERVAL_MS = 100;

export const CANCELLED_MESSAGE = 'Afgebroken. Er is niets gewijzigd.';

export function createJobs(emit: (event: 'job.progress', payload: JobProgress) => void, now: () => number = () => performance.now()): Jobs {
  const running = new Map<string, { cancelled: boolean }>();
  const anonymous = new Set<{ cancelled: boolean }>();
  return {
    start(id, operation) {
      const state = { cancelled: false };
      if (id !== undefined) {
        if (running.has(id)) throw new AppError('CONFLICT', 'Deze taak loopt al.');
        running.set(id, state);
      } else {
        anonymous.add(state);
      }
      let lastEmit = -Infinity;
      let reported = false;
      return {
        id: id ?? null,
        get cancelled() {
          return state.cancelled;
        },
        progress(done, total) {
          if (id === undefined) return;
          const t = now();
          if (reported && done < total && t - lastEmit < PROGRESS_INTERVAL_MS) return;
          reported = true;
          lastEmit = t;
          emit('job.progress', { jobId: id, operation, done, total });
        },
        throwIfCancelled() {
          if (state.cancelled) throw new AppError('CANCELLED', CANCELLED_MESSAGE);
        },
        end() {
          if (id !== undefined && running.get(id) === state) running.delete(id);
          anonymous.delete(state);
        },
      };
    },
    cancel(id) {
      const state = running.get(id);
      if (!state) return false;
      state.cancelled = true;
      return true;
    },
    cancelAll() {
      for (const state of running.values()) state.cancelled = true;
      for (const state of anonymous) state.cancelled = true;
    },
  };
}
