// Issue 10 §2: while an unlock updates an older vault, the unlock screens say so from the core's 'vault.migrating'
// events (a live status and a progress bar), keep the button disabled, and drop the status when the call ends.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import type { VaultStatus } from '../../src/shared/contract/vault';
import { createFakeClient, fail, status, type FakeError } from './fake-client';

afterEach(cleanup);

const GOOD = 'Zomer-aan-de-Amstel-2026';
const RECOVERY = 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567-89ABC-DEFGH';

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
}

/** An answer the test gives when it wants to: the call stays pending until then. */
function deferred() {
  let answer!: (value: VaultStatus | FakeError) => void;
  const promise = new Promise<VaultStatus | FakeError>((resolve) => {
    answer = resolve;
  });
  return { promise, answer };
}

function liveStatus(): HTMLElement {
  const el = screen.getByRole('status');
  expect(el.getAttribute('aria-live')).toBe('polite');
  return el;
}

describe('unlocking a vault that needs an update', () => {
  it('shows each step while the call is pending and removes it when the unlock fails', async () => {
    const pending = deferred();
    const client = createFakeClient({ 'vault.unlock': () => pending.promise }, status('locked'));
    render(<App client={client} />);
    await screen.findByRole('heading', { level: 1, name: 'Kluis ontgrendelen' });
    // Not listening before an unlock runs: an event now changes nothing.
    act(() => client.emitEvent('vault.migrating', { step: 1, steps: 3, stage: 'backup' }));
    expect(screen.queryByRole('status')).toBeNull();

    fill('Wachtwoord', GOOD);
    fireEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }));
    await waitFor(() => expect(liveStatus().textContent).toBe('Bezig met ontgrendelen…'));
    const button = screen.getByRole('button', { name: 'Ontgrendelen' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.queryByRole('progressbar')).toBeNull();

    act(() => client.emitEvent('vault.migrating', { step: 1, steps: 3, stage: 'backup' }));
    expect(liveStatus().textContent).toBe(
      'Kluis wordt bijgewerkt naar deze versie van Houvast (eenmalig). Eerst wordt een back-up gemaakt… (stap 1 van 3)',
    );
    const bar = screen.getByRole('progressbar', { name: 'Kluis bijwerken' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([0, 3]);
    expect(screen.getByText('Dit kan bij een grote kluis een minuut of langer duren. Sluit Houvast niet af.')).toBeTruthy();

    act(() => client.emitEvent('vault.migrating', { step: 2, steps: 3, stage: 'migration' }));
    expect(liveStatus().textContent).toBe('Kluis wordt bijgewerkt naar deze versie van Houvast (eenmalig). Stap 2 van 3…');
    expect(bar.value).toBe(1);
    expect(button.disabled).toBe(true);
    // No cancel offered: the update must finish.
    expect(screen.queryByRole('button', { name: 'Annuleren' })).toBeNull();

    await act(async () => pending.answer(fail('INTERNAL', 'De kluis kon niet worden bijgewerkt naar deze versie van Houvast. Er is niets gewijzigd.')));
    expect((await screen.findByRole('alert')).textContent).toBe('De kluis kon niet worden bijgewerkt naar deze versie van Houvast. Er is niets gewijzigd.');
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(button.disabled).toBe(false);
    // The subscription ended with the call.
    act(() => client.emitEvent('vault.migrating', { step: 3, steps: 3, stage: 'migration' }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says the update is done, then opens the vault', async () => {
    const pending = deferred();
    const client = createFakeClient({ 'vault.unlock': () => pending.promise, 'dossier.list': () => [] }, status('locked'));
    render(<App client={client} />);
    await screen.findByRole('heading', { level: 1, name: 'Kluis ontgrendelen' });
    fill('Wachtwoord', GOOD);
    fireEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }));
    await screen.findByRole('status');
    act(() => client.emitEvent('vault.migrating', { step: 2, steps: 2, stage: 'migration' }));
    act(() => client.emitEvent('vault.migrating', { step: 2, steps: 2, stage: 'done' }));
    expect(liveStatus().textContent).toBe('Kluis is bijgewerkt. Bezig met ontgrendelen…');
    expect((screen.getByRole('progressbar', { name: 'Kluis bijwerken' }) as HTMLProgressElement).value).toBe(2);
    expect(screen.queryByText(/Sluit Houvast niet af/)).toBeNull();

    await act(async () => pending.answer(status('unlocked')));
    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });
  });

  it('the recovery-code unlock shows the steps too', async () => {
    const pending = deferred();
    const client = createFakeClient({ 'vault.unlockWithRecoveryCode': () => pending.promise }, status('locked'));
    render(<App client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Herstelcode gebruiken' }));
    await screen.findByRole('heading', { level: 1, name: 'Ontgrendelen met herstelcode' });
    fill('Herstelcode', RECOVERY);
    fill('Nieuw wachtwoord', GOOD);
    fill('Herhaal nieuw wachtwoord', GOOD);
    fireEvent.click(screen.getByRole('button', { name: 'Herstellen en ontgrendelen' }));
    await waitFor(() => expect(liveStatus().textContent).toBe('Bezig met herstellen…'));

    act(() => client.emitEvent('vault.migrating', { step: 3, steps: 4, stage: 'migration' }));
    expect(liveStatus().textContent).toBe('Kluis wordt bijgewerkt naar deze versie van Houvast (eenmalig). Stap 3 van 4…');
    expect((screen.getByRole('button', { name: 'Herstellen en ontgrendelen' }) as HTMLButtonElement).disabled).toBe(true);

    await act(async () => pending.answer(fail('WRONG_RECOVERY_CODE', 'De herstelcode is onjuist. Er is niets gewijzigd.')));
    await screen.findByText('De herstelcode is onjuist. Er is niets gewijzigd.');
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
