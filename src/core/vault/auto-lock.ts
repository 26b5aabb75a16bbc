// The auto-lock timer: the vault locks itself after a number of minutes without activity. The injected
// clock decides when that is; timers only wake us up (they can fire early or late relative to the clock,
// e.g. after a suspend), so an early wake-up re-arms for the remainder.
import { AppError } from '../../shared/contract/errors';
import type { Clock } from '../../shared/dates';

export const DEFAULT_AUTO_LOCK_MINUTES = 10;
export const MIN_AUTO_LOCK_MINUTES = 1;
export const MAX_AUTO_LOCK_MINUTES = 240;

export interface VaultTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The global setTimeout/clearTimeout, unref'd so a CLI process can exit while a vault is unlocked. */
export const defaultTimers: VaultTimers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/** Throws VALIDATION (Dutch) for a number of minutes outside 1..240 or not whole. */
export function assertAutoLockMinutes(minutes: number): void {
  if (!Number.isInteger(minutes) || minutes < MIN_AUTO_LOCK_MINUTES || minutes > MAX_AUTO_LOCK_MINUTES) {
    const message = `Automatisch vergrendelen kan na ${MIN_AUTO_LOCK_MINUTES} tot ${MAX_AUTO_LOCK_MINUTES} minuten.`;
    throw new AppError('VALIDATION', message, [{ path: 'autoLockMinutes', message }]);
  }
}

export class AutoLockTimer {
  private minutesValue: number;
  private deadline: number | null = null;
  private handle: unknown = null;
  /** Running jobs (an import, a backup, a PDF batch) that must not be cut off by the lock. */
  private holds = 0;
  /** The deadline passed while a job held the lock off: lock as soon as the last job ends. */
  private due = false;

  /** `onExpire` runs when the deadline has passed by the clock; it decides whether there is anything to lock. */
  constructor(
    private readonly clock: Clock,
    private readonly timers: VaultTimers,
    private readonly onExpire: () => void,
    minutes: number = DEFAULT_AUTO_LOCK_MINUTES,
  ) {
    assertAutoLockMinutes(minutes);
    this.minutesValue = minutes;
  }

  get minutes(): number {
    return this.minutesValue;
  }

  /** Epoch ms of the pending auto-lock, or null when none is scheduled. */
  get at(): number | null {
    return this.deadline;
  }

  /** Validates and sets the minutes; the caller restarts the countdown if one should run. */
  setMinutes(minutes: number): void {
    assertAutoLockMinutes(minutes);
    this.minutesValue = minutes;
  }

  /** True when the deadline passed while a job ran; the lock follows the job's end. */
  get overdue(): boolean {
    return this.due;
  }

  /**
   * Holds the lock off while long work runs (issue 10 §2). The work is neither user activity (the deadline
   * stays where it was) nor a reason to stay unlocked once it ends: when the deadline passed meanwhile, the
   * release of the last hold locks at once. Returns the release (idempotent).
   */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      if (this.holds === 0 && this.due) {
        this.due = false;
        this.deadline = null;
        this.onExpire();
      }
    };
  }

  /** (Re)starts the countdown from now. */
  restart(): void {
    this.cancel();
    this.deadline = this.clock.now() + this.minutesValue * 60_000;
    this.arm(this.deadline - this.clock.now());
  }

  /** Stops the countdown. */
  cancel(): void {
    if (this.handle !== null) {
      this.timers.clearTimeout(this.handle);
      this.handle = null;
    }
    this.deadline = null;
    this.due = false;
  }

  private arm(ms: number): void {
    this.handle = this.timers.setTimeout(() => this.fire(), Math.max(0, ms));
  }

  private fire(): void {
    this.handle = null;
    if (this.deadline === null) return;
    const remaining = this.deadline - this.clock.now();
    if (remaining > 0) {
      this.arm(remaining);
      return;
    }
    if (this.holds > 0) {
      // The deadline stays visible (status.autoLockAt) as the moment that has passed.
      this.due = true;
      return;
    }
    this.deadline = null;
    this.onExpire();
  }
}
