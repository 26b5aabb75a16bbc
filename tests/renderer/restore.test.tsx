// A damaged vault at unlock (VAULT_CORRUPT): the core's Dutch message, the vault's backups offered on the
// unlock screen, a restore that asks the password and ends unlocked; and a restore from Instellingen that
// remounts the whole unlocked app so every screen fetches the restored data.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import type { BackupInfo } from '../../src/shared/contract/backups';
import type { DossierSummary } from '../../src/shared/contract/procedures';
import { createFakeClient, fail, status } from './fake-client';

afterEach(cleanup);

const PASSWORD = 'Zomer-aan-de-Amstel-2026';
const CORRUPT = 'De kluis is beschadigd en kan niet veilig worden geopend. Er is niets verwijderd.';
const AUTO: BackupInfo = { id: '2026-03-01T09-00-00.000Z-auto.db', createdAt: Date.UTC(2026, 2, 1, 9), kind: 'auto', sizeBytes: 245_760 };
const MANUAL: BackupInfo = { id: '2026-02-27T15-30-00.000Z-manual.db', createdAt: Date.UTC(2026, 1, 27, 15, 30), kind: 'manual', sizeBytes: 3_400_000 };
const UNDO = '2026-03-02T10-00-00.000Z-before-restore.db';

const local = (ms: number) => {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}-${p(d.getMonth() + 1)}-${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

function summary(id: string, displayName: string): DossierSummary {
  return {
    id,
    number: `2026-${id}`,
    displayName,
    postcode: null,
    city: null,
    status: 'aanmelding',
    typeOfHelp: 'schuldhulpverlening',
    professional: 'Merel de Wit',
    childrenCount: 0,
    fictitious: false,
    updatedAt: Date.UTC(2026, 2, 1),
  };
}

function mountApp(client: ReturnType<typeof createFakeClient>) {
  // The Modal makes #root inert while it is open, as in the real page.
  const root = document.createElement('div');
  root.id = 'root';
  document.body.appendChild(root);
  render(<App client={client} />, { container: root });
}

function fillPassword(scope: HTMLElement, value: string) {
  fireEvent.change(within(scope).getByLabelText('Wachtwoord', { exact: true }), { target: { value } });
}

describe('unlocking a damaged vault', () => {
  it('shows the core\'s message and the backups, restores one with the password and ends unlocked', async () => {
    let restores = 0;
    const client = createFakeClient(
      {
        'vault.unlock': () => fail('VAULT_CORRUPT', CORRUPT),
        'vault.listBackups': () => [AUTO, MANUAL],
        'vault.restoreBackup': (input) =>
          ++restores === 1
            ? fail('WRONG_PASSPHRASE', 'Het wachtwoord is onjuist. Er is niets gewijzigd.')
            : // The damaged vault's own logboek could not be read, so nothing of it was carried.
              { status: status('unlocked'), restoredFrom: input.id, undoId: UNDO, logboekCarried: false },
        'dossier.list': () => [summary('a', 'Jansen, Anna')],
      },
      status('locked'),
    );
    mountApp(client);

    await screen.findByRole('heading', { level: 1, name: 'Kluis ontgrendelen' });
    // Not offered before the core says the vault is damaged.
    expect(screen.queryByRole('heading', { name: 'Back-up terugzetten' })).toBeNull();
    expect(client.callsTo('vault.listBackups')).toEqual([]);

    fillPassword(document.body, PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }));
    expect((await screen.findByRole('alert')).textContent).toBe(CORRUPT);
    const section = (await screen.findByRole('heading', { level: 2, name: 'Back-up terugzetten' })).closest('section')!;
    // Below the message in document order.
    expect(screen.getByRole('alert').compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const table = await within(section).findByRole('table', { name: 'Back-up terugzetten' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(0, 3).map((c) => c.textContent))).toEqual([
      [local(AUTO.createdAt), 'Automatisch', '240 kB'],
      [local(MANUAL.createdAt), 'Handmatig', '3,2 MB'],
    ]);
    expect(local(AUTO.createdAt)).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);

    fireEvent.click(within(rows[1]!).getByRole('button', { name: 'Terugzetten' }));
    const dialog = await screen.findByRole('dialog', { name: 'Back-up terugzetten' });
    expect(dialog.textContent).toContain('beschadigde stand van de kluis als back-up (“Voor terugzetten”)');
    expect(dialog.textContent).toContain('Er wordt niets verwijderd');

    // The password is asked: empty is refused without calling the core, a wrong one keeps the dialog open.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Terugzetten' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Vul het wachtwoord in.');
    expect(client.callsTo('vault.restoreBackup')).toEqual([]);
    fillPassword(dialog, 'fout-wachtwoord');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Terugzetten' }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toContain('Het wachtwoord is onjuist.'));
    // Still locked behind the dialog (the root is aria-hidden while it is open).
    expect(screen.getByRole('heading', { level: 1, name: 'Kluis ontgrendelen', hidden: true })).toBeTruthy();

    fillPassword(dialog, PASSWORD);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Terugzetten' }));
    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Kluis ontgrendelen' })).toBeNull();
    expect(client.callsTo('vault.restoreBackup')).toEqual([
      { id: MANUAL.id, passphrase: 'fout-wachtwoord' },
      { id: MANUAL.id, passphrase: PASSWORD },
    ]);
    const notice = screen.getAllByRole('status').find((s) => s.textContent?.includes('is teruggezet'));
    expect(notice?.textContent).toBe(
      `De back-up van ${local(MANUAL.createdAt)} is teruggezet en de kluis is ontgrendeld. ` +
        'De beschadigde stand van de kluis is bewaard als back-up “Voor terugzetten”; er is niets verwijderd. ' +
        'Het logboek van de beschadigde kluis kon niet worden gelezen; de regels van na deze back-up staan alleen in die bewaarde back-up.',
    );
    expect(await screen.findByText('Jansen, Anna')).toBeTruthy();
    // The root is usable again once the dialog is gone.
    expect(document.getElementById('root')?.hasAttribute('inert')).toBe(false);
  });

  it('keeps offering the backups after a mistyped password, and says so when there are none', async () => {
    let answer: 'corrupt' | 'wrong' = 'corrupt';
    const client = createFakeClient(
      {
        'vault.unlock': () =>
          answer === 'corrupt' ? fail('VAULT_CORRUPT', CORRUPT) : fail('WRONG_PASSPHRASE', 'Het wachtwoord is onjuist. Er is niets gewijzigd.'),
        'vault.listBackups': () => [],
      },
      status('locked'),
    );
    mountApp(client);
    await screen.findByRole('heading', { level: 1, name: 'Kluis ontgrendelen' });
    fillPassword(document.body, PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }));
    await screen.findByRole('heading', { level: 2, name: 'Back-up terugzetten' });
    await screen.findByText(/Er zijn geen back-ups van deze kluis gevonden/);

    answer = 'wrong';
    fillPassword(document.body, 'verkeerd-wachtwoord');
    fireEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Het wachtwoord is onjuist.'));
    expect(screen.getByRole('heading', { level: 2, name: 'Back-up terugzetten' })).toBeTruthy();
  });

  it('does not offer backups for an ordinary wrong password', async () => {
    const client = createFakeClient(
      {
        'vault.unlock': () => fail('WRONG_PASSPHRASE', 'Het wachtwoord is onjuist. Er is niets gewijzigd.'),
        'vault.listBackups': () => [AUTO],
      },
      status('locked'),
    );
    mountApp(client);
    await screen.findByRole('heading', { level: 1, name: 'Kluis ontgrendelen' });
    fillPassword(document.body, 'verkeerd-wachtwoord');
    fireEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Het wachtwoord is onjuist.'));
    expect(screen.queryByRole('heading', { name: 'Back-up terugzetten' })).toBeNull();
    expect(client.callsTo('vault.listBackups')).toEqual([]);
  });
});

describe('restoring from Instellingen', () => {
  it('remounts the unlocked app: the dossier list is fetched again and shows the restored data', async () => {
    let restored = false;
    const client = createFakeClient(
      {
        'dossier.list': () => (restored ? [summary('a', 'Jansen, Anna')] : [summary('a', 'Jansen, Anna'), summary('b', 'Bakker, Bram')]),
        'settings.get': () => ({ autoLockMinutes: 10, userName: 'Merel de Wit' }),
        'vault.listBackups': () => [MANUAL],
        'norms.list': () => ({ groups: [], userFiles: [] }),
        'vault.restoreBackup': (input) => {
          restored = true;
          return { status: status('unlocked'), restoredFrom: input.id, undoId: UNDO, logboekCarried: true };
        },
      },
      status('unlocked'),
    );
    mountApp(client);
    await screen.findByText('Bakker, Bram');
    fireEvent.click(screen.getByRole('link', { name: 'Instellingen' }));
    const section = (await screen.findByRole('heading', { level: 2, name: 'Back-ups' })).closest('section')!;
    fireEvent.click(await within(section).findByRole('button', { name: 'Terugzetten' }));
    const dialog = await screen.findByRole('dialog', { name: 'Back-up terugzetten' });
    fillPassword(dialog, PASSWORD);
    const listsBefore = client.callsTo('dossier.search').length;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Terugzetten' }));

    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });
    expect(await screen.findByText('Jansen, Anna')).toBeTruthy();
    expect(screen.queryByText('Bakker, Bram')).toBeNull();
    expect(client.callsTo('dossier.search').length).toBeGreaterThan(listsBefore);
    const notice = screen.getAllByRole('status').find((s) => s.textContent?.includes('is teruggezet'));
    expect(notice?.textContent).toContain('zet die terug om dit ongedaan te maken');

    // The confirmation goes with the next navigation.
    fireEvent.click(screen.getByRole('link', { name: 'Logboek' }));
    await waitFor(() => expect(screen.queryAllByRole('status').some((s) => s.textContent?.includes('is teruggezet'))).toBe(false));
  });
});
