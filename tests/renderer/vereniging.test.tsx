// The association side in a vereniging vault (issue 9 §3): creating such a vault, a navigation with only the
// association screens, the key register and received files kept in the vault, and a dashboard whose charts
// (by quarter, mechanism, instantie, region, effect) each have their table. Figures are the fake core's.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import type { AssociationStoreOut } from '../../src/shared/contract/association-store';
import type { ProcedureOutput } from '../../src/shared/contract/procedures';
import type { VaultStatus } from '../../src/shared/contract/vault';
import { createFakeClient, status, type Handlers } from './fake-client';

afterEach(cleanup);

const vereniging = (): VaultStatus => {
  const s = status('unlocked');
  return { ...s, vault: { ...s.vault!, name: 'Branchevereniging', kind: 'vereniging' } };
};
const EMPTY: AssociationStoreOut = { keys: [], files: [], publications: [] };
const cell = (key: string[], labels: string[], households: number) => ({ key, labels, households, events: households });
const OUTCOME: ProcedureOutput<'association.store.publish'> = {
  publicationId: 'p1',
  accepted: [{ name: 'a.json', period: '2026-Q1' }],
  rejected: [],
  published: {
    year: '2026',
    periods: ['2026-Q1', '2026-Q2'],
    offices: 4,
    rules: 'Alleen cellen met minstens 10 huishoudens uit minstens 3 kantoren.',
    tables: [],
    quarters: [
      { period: '2026-Q1', offices: 3, households: 40, cells: [cell(['M1'], ['M1 Bestaansminimum'], 40)] },
      { period: '2026-Q2', offices: 4, households: 55, cells: [cell(['M1'], ['M1 Bestaansminimum'], 55)] },
    ],
    coarserPeriods: ['2026-H1'],
    charts: [
      { id: 'mechanisme', title: 'Huishoudens per mechanisme', note: 'T0', rows: [{ key: 'M1', label: 'M1 Bestaansminimum', households: 95 }] },
      { id: 'instantie', title: 'Huishoudens per instantie', note: 'T1', rows: [{ key: 'toeslagen', label: 'Dienst Toeslagen', households: 60 }] },
      { id: 'regio', title: 'Huishoudens per regio', note: 'T2', rows: [{ key: 'PV21', label: 'Friesland', households: 25 }] },
      { id: 'effect', title: 'Huishoudens per gevolg voor het huishouden en de kinderen', note: 'T6', rows: [] },
    ],
  },
  csv: '\uFEFFtabel;',
  jsonStat: '{}',
  pdfBase64: 'JVBERi0=',
};

function app(handlers: Handlers) {
  const client = createFakeClient({ 'settings.get': () => ({ userName: 'Merel de Wit', autoLockMinutes: 10 }), ...handlers }, vereniging());
  render(<App client={client} />);
  return client;
}

describe('Vereniging vault', () => {
  it('shows only the association screens and keeps the register and received files in the vault', async () => {
    let store = EMPTY;
    const client = app({
      'association.store.get': () => store,
      'association.store.registerKey': (i) => (store = { ...store, keys: [{ keyId: 'abcdef0123456789abcdef', office: i.office, registeredOn: '2026-11-30', revokedOn: null }] }),
      'association.store.receive': (i) => {
        store = {
          ...store,
          files: [{ id: 'f1', fileName: i.files[0]!.name, sha256: 'aa', receivedAt: 1, status: 'afgewezen', reason: 'Ondertekend met een sleutel die niet in het sleutelregister staat.', office: null, period: null }],
        };
        return { received: [{ name: i.files[0]!.name, accepted: false, reason: 'Ondertekend met een sleutel die niet in het sleutelregister staat.' }], store };
      },
      'association.store.publish': () => OUTCOME,
    });
    await screen.findByRole('heading', { level: 1, name: 'Vereniging: rapporten samenvoegen en publiceren' });
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav).getAllByRole('link').map((l) => l.textContent)).toEqual(['Vereniging', 'Logboek', 'Instellingen']);
    expect(client.callsTo('dossier.list')).toEqual([]);

    fireEvent.change(await screen.findByLabelText('Naam van het kantoor'), { target: { value: 'Bewind Noord' } });
    fireEvent.change(screen.getByLabelText('Publieke sleutel (PEM)'), { target: { value: '-----BEGIN PUBLIC KEY-----' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sleutel registreren' }));
    await screen.findByText('De sleutel van Bewind Noord is geregistreerd.');
    expect(screen.getByRole('table', { name: 'Geregistreerde kantoorsleutels' }).textContent).toContain('Bewind Noord');

    const file = new File(['{}'], 'onbekend.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Rapporten van kantoren (JSON)'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Controleren en bewaren' }));
    await screen.findByText('0 rapporten geaccepteerd, 1 afgewezen.');
    expect(screen.getByRole('table', { name: 'Ontvangen rapporten' }).textContent).toContain('Afgewezen: Ondertekend met een sleutel die niet in het sleutelregister staat.');
  });

  it('publishes from the store and shows every chart with its table, by quarter too', async () => {
    app({ 'association.store.get': () => EMPTY, 'association.store.publish': () => OUTCOME });
    fireEvent.click(await screen.findByRole('button', { name: 'Publicatie maken' }));
    await screen.findByRole('heading', { name: 'Dashboard 2026' });
    for (const title of ['Huishoudens per kwartaal', 'Huishoudens per mechanisme', 'Huishoudens per instantie', 'Huishoudens per regio']) {
      expect(screen.getByRole('img', { name: title })).toBeTruthy();
      expect(screen.getByRole('table', { name: title })).toBeTruthy();
    }
    const quarters = screen.getByRole('table', { name: 'Huishoudens per kwartaal' });
    expect(within(quarters).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['2026-Q1403', '2026-Q2554']);
    expect(screen.getByText(/Rapporten over 2026-H1 \(kleine kantoren\) tellen mee in het jaar, niet in een kwartaal\./)).toBeTruthy();
    // A chart without publishable cells says so instead of drawing nothing.
    const effect = screen.getByText('Huishoudens per gevolg voor het huishouden en de kinderen').closest('figure')!;
    expect(effect.textContent).toContain('Geen cellen die aan de publicatieregels voldoen.');
  });
});

describe('Create vault', () => {
  it('asks which kind of vault', async () => {
    const client = createFakeClient({ 'vault.create': () => ({ status: vereniging(), recoveryCode: 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567-89ABC-DEFGH' }) });
    render(<App client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Nieuwe kluis maken' }));
    const kind = await screen.findByRole('group', { name: 'Soort kluis' });
    expect((within(kind).getByLabelText(/^Kantoor/) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(kind).getByLabelText(/^Vereniging/));
    const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
    fill('Naam van de kluis', 'Branchevereniging');
    fill('Uw naam', 'Merel de Wit');
    fill('Wachtwoord', 'lang genoeg wachtwoord');
    fill('Herhaal wachtwoord', 'lang genoeg wachtwoord');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ik begrijp dat mijn gegevens verloren zijn zonder wachtwoord én herstelcode' }));
    fireEvent.click(screen.getByRole('button', { name: 'Kluis maken' }));
    await waitFor(() => expect(client.callsTo('vault.create')).toHaveLength(1));
    expect(client.callsTo('vault.create')[0]).toMatchObject({ name: 'Branchevereniging', kind: 'vereniging' });
  });
});
