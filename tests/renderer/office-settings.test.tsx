// Instellingen → Kantoor: name, address and a logo the user picks (PNG or JPEG, size-limited) are sent to the
// core; another file type is refused in Dutch and nothing is sent.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import type { OfficeOut } from '../../src/shared/contract/office';
import { createFakeClient, status, type Handlers } from './fake-client';

afterEach(cleanup);

const EMPTY: OfficeOut = { name: '', address: '', postcode: '', city: '', phone: '', email: '', logo: null };
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function app(handlers: Handlers) {
  const client = createFakeClient(
    {
      'settings.get': () => ({ userName: 'Merel de Wit', autoLockMinutes: 10 }),
      'dossier.list': () => [],
      'norms.list': () => ({ groups: [], userFiles: [] }),
      'settings.office.get': () => EMPTY,
      ...handlers,
    },
    status('unlocked'),
  );
  render(<App client={client} />);
  return client;
}

describe('Instellingen → Kantoor', () => {
  it('saves the office with a PNG logo and refuses other files', async () => {
    const client = app({ 'settings.office.update': (i) => ({ ...EMPTY, ...(i as object), logo: i.logo ?? null }) as OfficeOut });
    fireEvent.click(await screen.findByRole('link', { name: 'Instellingen' }));
    const form = await screen.findByRole('form', { name: 'Kantoorgegevens' });
    fireEvent.change(within(form).getByLabelText('Naam kantoor'), { target: { value: 'Bewindvoering De Brug' } });
    fireEvent.change(within(form).getByLabelText('Postcode'), { target: { value: '3511 ed' } });
    const file = within(form).getByLabelText(/^Logo/) as HTMLInputElement;

    fireEvent.change(file, { target: { files: [new File(['GIF89a'], 'logo.gif', { type: 'image/gif' })] } });
    expect(await within(form).findByText('Kies een PNG- of JPEG-afbeelding als logo.')).toBeTruthy();

    const png = Uint8Array.from(atob(PNG_1PX), (c) => c.charCodeAt(0));
    fireEvent.change(file, { target: { files: [new File([png], 'logo.png', { type: 'image/png' })] } });
    await within(form).findByRole('img', { name: 'Huidig logo' });
    fireEvent.click(within(form).getByRole('button', { name: 'Kantoorgegevens opslaan' }));
    await waitFor(() => expect(client.callsTo('settings.office.update')).toHaveLength(1));
    expect(client.callsTo('settings.office.update')[0]).toMatchObject({
      name: 'Bewindvoering De Brug',
      postcode: '3511 ED',
      logo: { mime: 'image/png', data: PNG_1PX },
    });
    expect(await within(form).findByText('De kantoorgegevens zijn opgeslagen.')).toBeTruthy();
  });
});
