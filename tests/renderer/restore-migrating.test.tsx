// Issue 10 §2: restoring a backup from before an update of Houvast updates it again while the restore runs. The
// restore dialog says so from the core's 'vault.migrating' events (one live status and a progress bar), cannot be
// closed meanwhile, and drops the steps when the call ends (success or refusal).
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import type { BackupInfo, RestoreBackupOutput } from '../../src/shared/contract/backups';
import { createFakeClient, fail, status, type FakeError } from './fake-client';

afterEach(cleanup);

const PASSWORD = 'Zomer-aan-de-Amstel-2026';
const OLD: BackupInfo = { id: '2026-02-27T15-30-00.000Z-pre-migration-v17.db', createdAt: Date.UTC(2026, 1, 27, 15, 30), kind: 'pre-migration', sizeBytes: 3_400_000 };
const UNDO = '2026-03-02T10-00-00.000Z-before-restore.db';
const INTRO = 'Kluis wordt bijgewerkt naar deze versie van Houvast (eenmalig).';

function mountApp(client: ReturnType<typeof createFakeClient>) {
  // The Modal makes #root inert while it is open, as in the real page.
  const root = document.createElement('div');
  root.id = 'root';
  document.body.appendChild(root);
  render(<App client={client} />, { container: root });
}

/** An answer the test gives when it wants to: the call stays pending until then. */
function deferred() {
  let answer!: (value: RestoreBackupOutput | FakeError) => void;
  const promise = new Promise<RestoreBackupOutput | FakeError>((resolve) => {
    answer = resolve;
  });
  return { promise, answer };
}

/** The dialog's one live status region. */
function liveStatus(dialog: HTMLElement): HTMLElement {
  const all = within(dialog).getAllByRole('status');
  expect(all).toHaveLength(1);
  expect(all[0]!.getAttribute('aria-live')).toBe('polite');
  return all[0]!;
}

async function openDialog(section: HTMLElement): Promise<HTMLElement> {
  fireEvent.click(await within(section).findByRole('button', { name: 'Terugzetten' }));
  const dialog = await screen.findByRole('dialog', { name: 'Back-up terugzetten' });
  fireEvent.change(within(dialog).getByLabelText('Wachtwoord', { exact: true }), { target: { value: PASSWORD } });
  return dialog;
}

describe('restoring a backup from before an update', () => {
  it('from Instellingen: shows each step while the call is pending, cannot be closed, and is gone after success', async () => {
    const pending = deferred();
    const client = createFakeClient(
      {
        'dossier.list': () => [],
        'settings.get': () => ({ autoLockMinutes: 10, userName: 'Merel de Wit' }),
        'vault.listBackups': () => [OLD],
        'norms.list': () => ({ groups: [], userFiles: [] }),
        'vault.restoreBackup': () => pending.promise,
      },
      status('unlocked'),
    );
    mountApp(client);
    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });
    fireEvent.click(screen.getByRole('link', { name: 'Instellingen' }));
    const section = (await screen.findByRole('heading', { level: 2, name: 'Back-ups' })).closest('section')!;
    const dialog = await openDialog(section);
    // Not listening before the restore runs: an event now changes nothing.
    act(() => client.emitEvent('vault.migrating', { step: 1, steps: 3, stage: 'backup' }));
    expect(within(dialog).queryByRole('status')).toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Terugzetten' }));
    await waitFor(() => expect(liveStatus(dialog).textContent).toBe('Bezig met terugzetten…'));
    expect(within(dialog).queryByRole('progressbar')).toBeNull();

    act(() => client.emitEvent('vault.migrating', { step: 1, steps: 3, stage: 'backup' }));
    expect(liveStatus(dialog).textContent).toBe(`${INTRO} Eerst wordt een back-up gemaakt… (stap 1 van 3)`);
    const bar = within(dialog).getByRole('progressbar', { name: 'Kluis bijwerken' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([0, 3]);
    expect(within(dialog).getByText('Dit kan bij een grote kluis een minuut of langer duren. Sluit Houvast niet af.')).toBeTruthy();

    act(() => client.emitEvent('vault.migrating', { step: 2, steps: 3, stage: 'migration' }));
    expect(liveStatus(dialog).textContent).toBe(`${INTRO} Stap 2 van 3…`);
    expect(bar.value).toBe(1);
    // Neither button nor Escape ends a restore that must finish.
    for (const name of ['Terugzetten', 'Annuleren']) expect((within(dialog).getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.getByRole('dialog', { name: 'Back-up terugzetten' })).toBe(dialog);

    act(() => client.emitEvent('vault.migrating', { step: 3, steps: 3, stage: 'done' }));
    expect(liveStatus(dialog).textContent).toBe('Kluis is bijgewerkt. Bezig met terugzetten…');
    expect(bar.value).toBe(3);
    expect(within(dialog).queryByText(/Sluit Houvast niet af/)).toBeNull();

    await act(async () => pending.answer({ status: status('unlocked'), restoredFrom: OLD.id, undoId: UNDO, logboekCarried: true }));
    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getAllByRole('status').some((s) => s.textContent?.includes('is teruggezet'))).toBe(true);
    // Stopped listening once the call ended.
    act(() => client.emitEvent('vault.migrating', { step: 2, steps: 3, stage: 'migration' }));
    expect(screen.queryByText(/Kluis wordt bijgewerkt/)).toBeNull();
  });

  it('on the unlock screen of a damaged vault: the steps are dropped when the restore is refused', async () => {
    const pending = deferred();
    const client = createFakeClient(
      {
        'vault.unlock': () => fail('VAULT_CORRUPT', 'De kluis is beschadigd en kan niet veilig worden geopend. Er is niets verwijderd.'),
        'vault.listBackups': () => [OLD],
        'vault.restoreBackup': () => pending.promise,
      },
      status('locked'),
    );
    mountApp(client);
    await screen.findByRole('heading', { level: 1, name: 'Kluis ontgrendelen' });
    fireEvent.change(screen.getByLabelText('Wachtwoord', { exact: true }), { target: { value: PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }));
    const section = (await screen.findByRole('heading', { level: 2, name: 'Back-up terugzetten' })).closest('section')!;
    const dialog = await openDialog(section);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Terugzetten' }));
    await waitFor(() => expect(liveStatus(dialog).textContent).toBe('Bezig met terugzetten…'));
    act(() => client.emitEvent('vault.migrating', { step: 2, steps: 4, stage: 'migration' }));
    expect(liveStatus(dialog).textContent).toBe(`${INTRO} Stap 2 van 4…`);

    const refused = 'De kluis kon niet worden bijgewerkt naar deze versie van Houvast. Er is niets gewijzigd.';
    await act(async () => pending.answer(fail('INTERNAL', refused)));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toContain(refused));
    expect(within(dialog).queryByRole('status')).toBeNull();
    expect(within(dialog).queryByRole('progressbar')).toBeNull();
    expect((within(dialog).getByRole('button', { name: 'Annuleren' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
