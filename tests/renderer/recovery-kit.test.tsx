// Creating a vault asks the user's name (for the logboek and every PDF), and the recovery code screen offers the
// herstelkit PDF and shows the code as separate groups that can wrap at any width.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/renderer/App';
import { createFakeClient, fail, status } from './fake-client';

const GOOD = 'Zomer-aan-de-Amstel-2026';
const CODE = 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567-89ABC-DEFGH';

afterEach(cleanup);
beforeEach(() => {
  // jsdom has no object URLs; the real download is checked in the browser test.
  URL.createObjectURL = vi.fn(() => 'blob:fake');
  URL.revokeObjectURL = vi.fn();
});

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
}

async function createVault(kit: Parameters<typeof createFakeClient>[0]['vault.recoveryKit'], userName = 'Mirjam de Wit') {
  const client = createFakeClient({
    'vault.create': () => ({ status: status('unlocked'), recoveryCode: CODE }),
    'dossier.list': () => [],
    ...(kit ? { 'vault.recoveryKit': kit } : {}),
  });
  render(<App client={client} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Nieuwe kluis maken' }));
  await screen.findByRole('heading', { level: 1, name: 'Nieuwe kluis maken' });
  fill('Naam van de kluis', 'Wijkteam Oost');
  fill('Uw naam', userName);
  fill('Wachtwoord', GOOD);
  fill('Herhaal wachtwoord', GOOD);
  fireEvent.click(screen.getByRole('checkbox', { name: 'Ik begrijp dat mijn gegevens verloren zijn zonder wachtwoord én herstelcode' }));
  fireEvent.click(screen.getByRole('button', { name: 'Kluis maken' }));
  return client;
}

describe('creating a vault', () => {
  it('requires the user\'s name and sends it with the new vault', async () => {
    const client = await createVault(undefined, '   ');
    const field = screen.getByLabelText('Uw naam', { exact: true });
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(within(screen.getByRole('alert')).getByText('Vul uw naam in.')).toBeTruthy();
    expect(client.callsTo('vault.create')).toEqual([]);

    fill('Uw naam', 'Mirjam de Wit');
    fireEvent.click(screen.getByRole('button', { name: 'Kluis maken' }));
    await screen.findByRole('heading', { level: 1, name: 'Uw herstelcode' });
    // An office vault unless the user chose "Vereniging".
    expect(client.callsTo('vault.create')).toEqual([{ name: 'Wijkteam Oost', userName: 'Mirjam de Wit', passphrase: GOOD, kind: 'kantoor' }]);
  });
});

describe('the recovery code screen', () => {
  it('shows the code as 8 separate groups of 5 (so the row can wrap between them)', async () => {
    await createVault(undefined);
    await screen.findByRole('heading', { level: 1, name: 'Uw herstelcode' });
    const groups = screen.getAllByTestId('recovery-group').map((g) => g.textContent);
    expect(groups).toEqual(CODE.split('-'));
  });

  it('downloads the herstelkit PDF the core made for this code', async () => {
    const client = await createVault(() => ({ fileName: 'herstelkit-wijkteam-oost-2026-11-30.pdf', mime: 'application/pdf', contentBase64: btoa('%PDF-1.7 kit') }));
    await screen.findByRole('heading', { level: 1, name: 'Uw herstelcode' });
    const clicks: string[] = [];
    const orig = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    };
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Herstelkit downloaden (PDF)' }));
      await screen.findByText(/De herstelkit is gedownload als herstelkit-wijkteam-oost-2026-11-30\.pdf/);
      expect(client.callsTo('vault.recoveryKit')).toEqual([{ recoveryCode: CODE }]);
      expect(clicks).toEqual(['herstelkit-wijkteam-oost-2026-11-30.pdf']);
      const blob = (URL.createObjectURL as ReturnType<typeof vi.fn>).mock.calls[0]![0] as Blob;
      expect(blob.type).toBe('application/pdf');
    } finally {
      HTMLAnchorElement.prototype.click = orig;
    }
  });

  it('says so in Dutch when the kit cannot be made, and the code stays on screen', async () => {
    await createVault(() => fail('WRONG_RECOVERY_CODE', 'Deze herstelcode hoort niet bij deze kluis.'));
    await screen.findByRole('heading', { level: 1, name: 'Uw herstelcode' });
    fireEvent.click(screen.getByRole('button', { name: 'Herstelkit downloaden (PDF)' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Deze herstelcode hoort niet bij deze kluis.');
    expect(screen.getAllByTestId('recovery-group')).toHaveLength(8);
  });
});
