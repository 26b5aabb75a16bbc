// The core's process or thread stopped (issue 10 §2): the window says so in Dutch, drops the session's
// decrypted data, offers a restart, and after the restart asks for the password again.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { createFakeClient, fail, status } from './fake-client';

afterEach(cleanup);

function unlockedClient() {
  let state = status('unlocked');
  const client = createFakeClient(
    {
      'vault.status': () => state,
      'dossier.list': () => [],
      'core.restart': () => {
        state = status('locked');
        return { restarted: true };
      },
    },
    state,
  );
  return client;
}

describe('the core stops unexpectedly', () => {
  it('shows a clear Dutch message instead of the case data, and restarts into the unlock screen', async () => {
    const client = unlockedClient();
    render(<App client={client} />);
    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });

    act(() => client.emitEvent('core.status', { state: 'stopped' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Houvast is onverwacht gestopt' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/Uw kluis is daardoor vergrendeld/);
    expect(screen.getByRole('alert').textContent).toMatch(/Wat u had opgeslagen, blijft bewaard/);
    // The dossier screens are gone from the page.
    expect(screen.queryByRole('heading', { name: 'Dossiers' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Houvast opnieuw starten' }));
    await screen.findByLabelText('Wachtwoord', { exact: true });
    expect(client.callsTo('core.restart')).toEqual([{}]);
    expect(screen.queryByRole('heading', { name: 'Houvast is onverwacht gestopt' })).toBeNull();
  });

  it('keeps offering the restart, with the reason, when it fails', async () => {
    const client = createFakeClient({ 'core.restart': () => fail('INTERNAL', 'De kern van Houvast kon niet starten.') });
    render(<App client={client} />);
    await screen.findByRole('button', { name: 'Nieuwe kluis maken' });
    act(() => client.emitEvent('core.status', { state: 'stopped' }));
    fireEvent.click(screen.getByRole('button', { name: 'Houvast opnieuw starten' }));
    expect(await screen.findByText('Opnieuw starten lukte niet. De kern van Houvast kon niet starten.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Houvast opnieuw starten' })).toBeTruthy();
  });
});
