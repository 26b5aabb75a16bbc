// @vitest-environment jsdom
// Settings → Back-ups against a fake core (the real core is covered by the other files here): list,
// manual and external backup, restore with the password asked again, Dutch status and alert messages.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupSection, formatSize } from '../../../src/renderer/screens/settings/BackupSection';
import { SessionProvider } from '../../../src/renderer/state/session';
import { createFakeClient, fail, status, untilCancelled } from '../../renderer/fake-client';
import type { Handlers } from '../../renderer/fake-client';

afterEach(cleanup);

const AUTO = { id: '2026-03-01T09-00-00.000Z-auto.db', createdAt: Date.UTC(2026, 2, 1, 9), kind: 'auto' as const, sizeBytes: 245_760 };
const MANUAL = { id: '2026-02-27T15-30-00.000Z-manual.db', createdAt: Date.UTC(2026, 1, 27, 15, 30), kind: 'manual' as const, sizeBytes: 3_400_000 };

function setup(handlers: Handlers) {
  const client = createFakeClient({ 'vault.listBackups': () => [AUTO, MANUAL], ...handlers }, status('unlocked'));
  const root = document.createElement('div');
  root.id = 'root';
  document.body.appendChild(root);
  render(
    <SessionProvider client={client}>
      <BackupSection />
    </SessionProvider>,
    { container: root },
  );
  return client;
}

const local = (ms: number) => {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}-${p(d.getMonth() + 1)}-${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

describe('Back-ups section', () => {
  it('lists backups with date (dd-mm-jjjj HH:mm), kind and size, each with a restore button', async () => {
    setup({});
    expect(screen.getByRole('heading', { level: 2, name: 'Back-ups' })).toBeTruthy();
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(0, 3).map((c) => c.textContent))).toEqual([
      [local(AUTO.createdAt), 'Automatisch', '240 kB'],
      [local(MANUAL.createdAt), 'Handmatig', '3,2 MB'],
    ]);
    expect(local(AUTO.createdAt)).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
    expect(within(table).getAllByRole('button', { name: 'Terugzetten' })).toHaveLength(2);
    expect(formatSize(12)).toBe('1 kB');
    expect(formatSize(2_500_000_000)).toBe('2,3 GB');
  });

  it('makes a backup in the vault, or in the given folder, and says so in a status message', async () => {
    const client = setup({ 'vault.backup': (input) => ({ path: input.folder ? `${input.folder}/Kluis-x.houvast-backup` : '/k/backups/x-manual.db', createdAt: AUTO.createdAt }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Nu een back-up maken' }));
    await waitFor(() => expect(screen.getAllByRole('status').some((s) => s.textContent?.includes('is gemaakt in de kluismap'))).toBe(true));
    fireEvent.change(screen.getByLabelText('Map voor een externe back-up (optioneel)'), { target: { value: ' /media/usb ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Nu een back-up maken' }));
    await waitFor(() => expect(screen.getAllByRole('status').some((s) => s.textContent?.includes('/media/usb/Kluis-x.houvast-backup'))).toBe(true));
    // The external backup runs as a job (progress, Annuleren); the one in the vault is quick and goes without.
    expect(client.callsTo('vault.backup')).toEqual([{}, { folder: '/media/usb', jobId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) }]);
    expect(client.callsTo('vault.listBackups').length).toBeGreaterThanOrEqual(3); // reloaded after each backup
  });

  it('shows the external backup\'s progress in kB/MB with Annuleren, which asks the core to stop and then says no backup was made', async () => {
    const client = setup(untilCancelled('vault.backup'));
    fireEvent.change(await screen.findByLabelText('Map voor een externe back-up (optioneel)'), { target: { value: '/media/usb' } });
    fireEvent.click(screen.getByRole('button', { name: 'Nu een back-up maken' }));
    await waitFor(() => expect(client.callsTo('vault.backup')).toHaveLength(1));
    const { jobId } = client.callsTo('vault.backup')[0] as { jobId: string };
    const bar = await screen.findByRole('progressbar', { name: 'Externe back-up maken' });
    act(() => client.emitEvent('job.progress', { jobId, operation: 'backup', done: 1_572_864, total: 3_400_000 }));
    expect(bar.getAttribute('value')).toBe('1572864');
    expect(bar.getAttribute('max')).toBe('3400000');
    expect(screen.getByText('Externe back-up maken: 1,5 MB van 3,2 MB')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(client.callsTo('job.cancel')).toEqual([{ jobId }]);
    await waitFor(() => expect(screen.getAllByRole('alert').some((a) => a.textContent?.includes('Het maken van de back-up is afgebroken. Er is geen back-up gemaakt.'))).toBe(true));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('shows a refused folder at the field and in an alert', async () => {
    setup({ 'vault.backup': () => fail('VALIDATION', 'Deze map bestaat niet. Kies een bestaande map.', [{ path: 'folder', message: 'Deze map bestaat niet. Kies een bestaande map.' }]) });
    fireEvent.change(await screen.findByLabelText('Map voor een externe back-up (optioneel)'), { target: { value: '/nergens' } });
    fireEvent.click(screen.getByRole('button', { name: 'Nu een back-up maken' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Deze map bestaat niet.');
    await waitFor(() => expect(screen.getByLabelText('Map voor een externe back-up (optioneel)').getAttribute('aria-invalid')).toBe('true'));
  });

  it('restores after asking the password, explains the undo, and reports a wrong password without closing', async () => {
    let attempts = 0;
    const client = setup({
      'vault.restoreBackup': (input) =>
        ++attempts === 1
          ? fail('WRONG_PASSPHRASE', 'Het wachtwoord is onjuist. Er is niets gewijzigd.')
          : { status: status('unlocked'), restoredFrom: input.id, undoId: '2026-03-02T10-00-00.000Z-before-restore.db', logboekCarried: true },
    });
    const table = await screen.findByRole('table');
    fireEvent.click(within(table).getAllByRole('button', { name: 'Terugzetten' })[1]!);
    const dialog = await screen.findByRole('dialog', { name: 'Back-up terugzetten' });
    expect(dialog.textContent).toContain('bewaart eerst de huidige stand');
    expect(dialog.textContent).toContain('ongedaan maken');
    const password = within(dialog).getByLabelText('Wachtwoord');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Terugzetten' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Vul het wachtwoord in.');
    expect(client.callsTo('vault.restoreBackup')).toEqual([]);

    fireEvent.change(password, { target: { value: 'fout' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Terugzetten' }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toContain('Het wachtwoord is onjuist.'));
    expect((password as HTMLInputElement).value).toBe('');

    fireEvent.change(password, { target: { value: 'het goede wachtwoord' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Terugzetten' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.callsTo('vault.restoreBackup')).toEqual([
      { id: MANUAL.id, passphrase: 'fout' },
      { id: MANUAL.id, passphrase: 'het goede wachtwoord' },
    ]);
    await waitFor(() =>
      expect(screen.getAllByRole('status').some((s) => s.textContent?.includes(`De back-up van ${local(MANUAL.createdAt)} is teruggezet`))).toBe(true),
    );
  });
});
