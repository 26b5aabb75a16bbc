// The renderer forgets the shared memos (src/shared/memo.ts: the dates of the households on
// screen) the moment the vault locks, together with the unlocked screens.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { formatNlDate } from '../../src/shared/dates';
import { memoStats } from '../../src/shared/memo';
import { formatEuro } from '../../src/shared/money';
import { createFakeClient, status } from './fake-client';

afterEach(cleanup);

const filled = () => memoStats().filter((m) => m.size > 0).map((m) => m.name);

describe('the shared memos in the renderer', () => {
  it('are emptied when the vault locks', async () => {
    const client = createFakeClient({ 'vault.status': () => status('unlocked'), 'dossier.list': () => [] }, status('unlocked'));
    render(<App client={client} />);
    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });
    // What a screen of a household prints.
    expect(formatEuro('1234.56')).toBe('€ 1.234,56');
    expect(formatNlDate('1988-02-29')).toBe('29-02-1988');
    expect(filled()).toEqual(expect.arrayContaining(['dates.formatNlDate']));

    act(() => client.emitStatus(status('locked')));
    await waitFor(() => expect(screen.queryByRole('heading', { level: 1, name: 'Dossiers' })).toBeNull());
    expect(filled()).toEqual([]);
  });
});
