// Welcome, create-vault and unlock screens against a fake core.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { createFakeClient, fail, status } from './fake-client';

afterEach(cleanup);

const GOOD = 'Zomer-aan-de-Amstel-2026';

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
}

async function openCreateVault() {
  const client = createFakeClient({
    'vault.create': () => ({ status: status('unlocked'), recoveryCode: 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567-89ABC-DEFGH' }),
  });
  render(<App client={client} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Nieuwe kluis maken' }));
  await screen.findByRole('heading', { level: 1, name: 'Nieuwe kluis maken' });
  return client;
}

describe('create vault', () => {
  it('refuses mismatched passwords inline and does not call the core', async () => {
    const client = await openCreateVault();
    fill('Naam van de kluis', 'Wijkteam Oost');
    fill('Wachtwoord', GOOD);
    fill('Herhaal wachtwoord', `${GOOD}x`);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ik begrijp dat mijn gegevens verloren zijn zonder wachtwoord én herstelcode' }));
    fireEvent.click(screen.getByRole('button', { name: 'Kluis maken' }));

    const repeat = screen.getByLabelText('Herhaal wachtwoord', { exact: true });
    await waitFor(() => expect(repeat.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = repeat.getAttribute('aria-describedby') ?? '';
    expect(describedBy).not.toBe('');
    const messages = describedBy.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(messages).toContain('De wachtwoorden zijn niet gelijk.');
    expect(within(screen.getByRole('alert')).getByText('De wachtwoorden zijn niet gelijk.')).toBeTruthy();
    expect(client.callsTo('vault.create')).toEqual([]);
  });

  it('requires the acknowledgement checkbox and a long enough password', async () => {
    const client = await openCreateVault();
    fill('Naam van de kluis', 'Wijkteam Oost');
    fill('Wachtwoord', 'kort');
    fill('Herhaal wachtwoord', 'kort');
    fireEvent.click(screen.getByRole('button', { name: 'Kluis maken' }));

    const box = screen.getByRole('checkbox', { name: 'Ik begrijp dat mijn gegevens verloren zijn zonder wachtwoord én herstelcode' });
    await waitFor(() => expect(box.getAttribute('aria-invalid')).toBe('true'));
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Bevestig dat u dit begrijpt.')).toBeTruthy();
    expect(within(alert).getByText('Kies een wachtwoord van minstens 12 tekens.')).toBeTruthy();
    expect(client.callsTo('vault.create')).toEqual([]);
  });

  it('creates the vault, then shows the recovery code once before the app', async () => {
    const client = await openCreateVault();
    fill('Naam van de kluis', 'Wijkteam Oost');
    fill('Uw naam', 'Mirjam de Wit');
    fill('Wachtwoord', GOOD);
    fill('Herhaal wachtwoord', GOOD);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ik begrijp dat mijn gegevens verloren zijn zonder wachtwoord én herstelcode' }));
    client.handlers['dossier.list'] = () => [];
    fireEvent.click(screen.getByRole('button', { name: 'Kluis maken' }));

    await screen.findByRole('heading', { level: 1, name: 'Uw herstelcode' });
    // A kantoor vault unless the user chooses otherwise.
    expect(client.callsTo('vault.create')).toEqual([{ name: 'Wijkteam Oost', kind: 'kantoor', userName: 'Mirjam de Wit', passphrase: GOOD }]);
    const code = screen.getByTestId('recovery-code').textContent ?? '';
    expect(code.replace(/\s/g, '')).toBe('ABCDEFGHJKMNPQRSTVWXYZ0123456789ABCDEFGH');

    // "Verder" needs the confirmation first.
    fireEvent.click(screen.getByRole('button', { name: 'Verder' }));
    await screen.findByText('Bevestig dat u de herstelcode veilig hebt bewaard.');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ik heb de herstelcode veilig bewaard' }));
    fireEvent.click(screen.getByRole('button', { name: 'Verder' }));
    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });
    expect(screen.queryByTestId('recovery-code')).toBeNull();
  });
});

describe('welcome and unlock', () => {
  it('opens the demo vault and shows its password on the unlock screen', async () => {
    const client = createFakeClient({
      'vault.createDemo': () => ({ status: status('locked', true), passphrase: 'fictief-demo-wachtwoord' }),
    });
    render(<App client={client} />);
    await screen.findByRole('heading', { level: 1, name: 'Welkom bij Houvast' });
    fireEvent.click(screen.getByRole('button', { name: 'Demokluis openen' }));
    await screen.findByRole('heading', { level: 1, name: 'Kluis ontgrendelen' });
    expect(screen.getByText(/Demokluis met fictieve huishoudens\. Wachtwoord:/).textContent).toBe(
      'Demokluis met fictieve huishoudens. Wachtwoord: fictief-demo-wachtwoord',
    );
  });

  it('lists known vaults with an "Openen" button named after the vault', async () => {
    const client = createFakeClient({
      'app.info': () => ({
        version: '0.1.0',
        defaultVaultFolder: '/k',
        demoPassphrase: 'x',
        knownVaults: [{ path: '/k/a.houvast', name: 'Team Noord', demo: false, lastOpenedAt: null }],
      }),
      'vault.open': () => status('locked'),
    });
    render(<App client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Kluis Team Noord openen' }));
    await screen.findByRole('heading', { level: 1, name: 'Kluis ontgrendelen' });
    expect(client.callsTo('vault.open')).toEqual([{ path: '/k/a.houvast' }]);
  });

  it('after an unlock that followed a crash, shows the core\'s notice until the user has read it', async () => {
    const notice = 'Houvast is de vorige keer niet netjes afgesloten. De laatste wijzigingen zijn hersteld.';
    const client = createFakeClient(
      { 'vault.unlock': () => ({ ...status('unlocked'), notice }), 'dossier.list': () => [] } as never,
      status('locked'),
    );
    render(<App client={client} />);
    await screen.findByRole('heading', { level: 1, name: 'Kluis ontgrendelen' });
    fill('Wachtwoord', GOOD);
    fireEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }));
    const alert = await screen.findByText(notice);
    expect(alert.closest('[role="alert"]')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Begrepen' }));
    await waitFor(() => expect(screen.queryByText(notice)).toBeNull());
  });

  it('shows the core\'s Dutch message for a wrong password and stays on the unlock screen', async () => {
    const client = createFakeClient(
      { 'vault.unlock': () => fail('WRONG_PASSPHRASE', 'Het wachtwoord is onjuist. Er is niets gewijzigd.') },
      status('locked'),
    );
    render(<App client={client} />);
    await screen.findByRole('heading', { level: 1, name: 'Kluis ontgrendelen' });
    expect(screen.getByText('Wijkteam Oost')).toBeTruthy();
    fill('Wachtwoord', 'verkeerd-wachtwoord');
    fireEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Het wachtwoord is onjuist. Er is niets gewijzigd.');
    expect(screen.getByRole('heading', { level: 1, name: 'Kluis ontgrendelen' })).toBeTruthy();
    expect(client.callsTo('vault.unlock')).toEqual([{ passphrase: 'verkeerd-wachtwoord' }]);
  });

  it('recovery unlock checks that the new passwords match before calling the core', async () => {
    const client = createFakeClient({ 'vault.unlockWithRecoveryCode': () => status('unlocked'), 'dossier.list': () => [] }, status('locked'));
    render(<App client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Herstelcode gebruiken' }));
    await screen.findByRole('heading', { level: 1, name: 'Ontgrendelen met herstelcode' });
    fill('Herstelcode', 'ABCDE-FGHJK');
    fill('Nieuw wachtwoord', GOOD);
    fill('Herhaal nieuw wachtwoord', 'iets-anders-dan-dat');
    fireEvent.click(screen.getByRole('button', { name: 'Herstellen en ontgrendelen' }));
    await screen.findAllByText('De wachtwoorden zijn niet gelijk.');
    expect(client.callsTo('vault.unlockWithRecoveryCode')).toEqual([]);

    fill('Herhaal nieuw wachtwoord', GOOD);
    fireEvent.click(screen.getByRole('button', { name: 'Herstellen en ontgrendelen' }));
    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });
    expect(client.callsTo('vault.unlockWithRecoveryCode')).toEqual([{ recoveryCode: 'ABCDE-FGHJK', newPassphrase: GOOD }]);
  });
});
