// The vault's lock state machine (src/core/vault/lock-state.ts): phases, and the tickets that let a lock
// win over work still in flight.
import { describe, expect, it } from 'vitest';
import { LockState } from '../../../src/core/vault/lock-state';

describe('LockState', () => {
  it('goes none → locked → unlocked → locked → none', () => {
    const state = new LockState<{ path: string }, { id: number }>();
    expect(state.phase).toBe('none');
    expect(() => state.enter({ id: 1 })).toThrow(/no vault selected/);
    state.select({ path: '/a' });
    expect(state.phase).toBe('locked');
    state.enter({ id: 1 });
    expect(state.phase).toBe('unlocked');
    expect(state.leave()).toEqual({ id: 1 });
    expect(state.phase).toBe('locked');
    expect(state.leave()).toBeNull(); // idempotent
    expect(state.deselect()).toBe(true);
    expect(state.phase).toBe('none');
    expect(state.deselect()).toBe(false);
  });

  it('a ticket taken before a lock, a close or a reselection is no longer current', () => {
    const state = new LockState<{ path: string }, { id: number }>();
    const a = { path: '/a' };
    state.select(a);
    const ticket = state.ticket();
    expect(state.isCurrent(ticket, a)).toBe(true);
    state.leave(); // a lock while an unlock derives its key
    expect(state.isCurrent(ticket)).toBe(false);

    const again = state.ticket();
    state.select({ ...a }); // the same folder, reselected: another selection
    expect(state.isCurrent(again)).toBe(true);
    expect(state.isCurrent(again, a)).toBe(false);
    state.deselect();
    expect(state.isCurrent(again)).toBe(false);
  });
});
