// Auto-lock warns a minute before (issue 7): the warning appears 60 s before the core's autoLockAt, "Ik werk nog
// door" reports activity (session.touch) and the warning goes away with the postponed lock time.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/renderer/App';
import { createFakeClient, status } from './fake-client';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function flush() {
  await act(async () => {
    await Promise.resolve();
  });
}

describe('the auto-lock warning', () => {
  it('appears one minute before the lock, counts down, and "Ik werk nog door" postpones the lock', async () => {
    const locksAt = Date.now() + 75_000;
    const initial = { ...status('unlocked'), autoLockAt: locksAt };
    const client = createFakeClient(
      {
        'dossier.list': () => [],
        'session.touch': () => ({ ...initial, autoLockAt: Date.now() + 600_000 }),
      },
      initial,
    );
    render(<App client={client} />);
    for (let i = 0; i < 5; i++) await flush();
    expect(screen.getByRole('heading', { level: 1, name: 'Dossiers' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    // 14 s later there are still 61 s left: no warning yet.
    await act(async () => vi.advanceTimersByTime(14_000));
    expect(screen.queryByText(/binnen een minuut vergrendeld/)).toBeNull();
    // At 60 s before the lock it appears.
    await act(async () => vi.advanceTimersByTime(2_000));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('De kluis wordt binnen een minuut vergrendeld');
    expect(alert.textContent).toContain('als concept bewaard');
    expect(screen.getByText('Nog 59 seconden')).toBeTruthy();
    await act(async () => vi.advanceTimersByTime(10_000));
    expect(screen.getByText('Nog 49 seconden')).toBeTruthy();

    const touchesBefore = client.callsTo('session.touch').length;
    fireEvent.click(screen.getByRole('button', { name: 'Ik werk nog door' }));
    for (let i = 0; i < 3; i++) await flush();
    expect(client.callsTo('session.touch').length).toBeGreaterThan(touchesBefore);
    expect(screen.queryByText(/binnen een minuut vergrendeld/)).toBeNull();
  });
});
