// The questions before saving (dossier.check) get only what they read (issue 10 §5): of an edited dossier the
// changed person's birth date (and an adult's BSN), the untouched persons by id only; never names, addresses,
// IBANs or the other BSNs. The request payload is inspected as the fake core received it.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import type { Dossier } from '../../src/shared/dossier/schema';
import { householdData, storedDossier } from '../support/budget';
import { createFakeClient, status, withSavedItem, type Handlers } from './fake-client';

afterEach(cleanup);

const BSN_AANVRAGER = '111222333';
const BSN_PARTNER = '123456782';
const IBAN = 'NL91ABNA0417164300';

const DOSSIER: Dossier = storedDossier(
  householdData({
    adults: [
      { id: 'a1', role: 'aanvrager', firstName: 'Fenna', lastName: 'Oosterbroek', birthDate: '1988-03-14', bsn: BSN_AANVRAGER },
      { id: 'a2', role: 'partner', firstName: 'Rutger', lastName: 'Oosterbroek', birthDate: '1986-07-30', bsn: BSN_PARTNER },
    ],
    children: [
      { id: 'c1', firstName: 'Jelmer', lastName: 'Oosterbroek', birthDate: '2014-09-02', livingInHousehold: true },
      { id: 'c2', firstName: 'Sanne', lastName: 'Oosterbroek', birthDate: '2017-01-20', livingInHousehold: true },
    ],
    bankAccounts: [{ id: 'b1', iban: IBAN, description: 'Beheerrekening' }],
    statusDates: { aanmelding: '2026-01-05' },
  }),
  { id: 'd1', number: '2026-0001' },
);

function app(handlers: Handlers) {
  const client = createFakeClient(
    {
      'settings.get': () => ({ userName: 'Merel de Wit', autoLockMinutes: 10 }),
      'dossier.list': () => [
        {
          id: 'd1',
          number: '2026-0001',
          displayName: 'Oosterbroek, Fenna',
          postcode: '1234 AB',
          city: 'Teststad',
          status: 'aanmelding' as const,
          typeOfHelp: 'schuldhulpverlening' as const,
          professional: 'Merel de Wit',
          childrenCount: 2,
          fictitious: false,
          updatedAt: 1,
        },
      ],
      'dossier.get': () => DOSSIER,
      'documents.list': () => [],
      'dossier.saveItem': (i) => withSavedItem(DOSSIER, i),
      'dossier.saveDetails': (i) => ({ ...DOSSIER, ...(i.details as object) }) as Dossier,
      ...handlers,
    },
    status('unlocked'),
  );
  render(<App client={client} />);
  return client;
}

async function openEditForm() {
  fireEvent.click(await screen.findByRole('link', { name: 'Oosterbroek, Fenna' }));
  await screen.findByRole('heading', { level: 1, name: /Oosterbroek, Fenna/ });
  fireEvent.click(screen.getByRole('button', { name: /Bewerken/ }));
  await screen.findByRole('heading', { level: 1, name: 'Dossier bewerken' });
}

const field = (group: string, label: string) => within(screen.getByRole('group', { name: group })).getByLabelText(label);

/** Nothing that identifies the family travels with the check: no name, IBAN, address or (untouched) BSN. */
function expectNoPersonalData(payload: unknown, allowedBsn: string[] = []) {
  const text = JSON.stringify(payload);
  for (const s of ['Fenna', 'Rutger', 'Jelmer', 'Sanne', 'Oosterbroek', IBAN, 'Beheerrekening', 'Teststad']) expect(text).not.toContain(s);
  for (const b of [BSN_AANVRAGER, BSN_PARTNER].filter((b) => !allowedBsn.includes(b))) expect(text).not.toContain(b);
}

describe('dossier.check before saving an edited dossier', () => {
  it('sends the changed child\'s birth date and the untouched persons by id only', async () => {
    const client = app({});
    await openEditForm();
    fireEvent.change(field('Kind 2', 'Geboortedatum'), { target: { value: '20-01-2018' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.saveItem')).toHaveLength(1));

    const [payload] = client.callsTo('dossier.check');
    expect(payload).toEqual({ id: 'd1', adults: [{ id: 'a1' }, { id: 'a2' }], children: [{ id: 'c1' }, { birthDate: '2018-01-20' }] });
    expectNoPersonalData(payload);
  });

  it('sends a changed adult\'s BSN and birth date, nothing of the other adult, and the status dates only when changed', async () => {
    const client = app({});
    await openEditForm();
    const NEW_BSN = '999912525';
    fireEvent.change(field('Partner', 'BSN'), { target: { value: NEW_BSN } });
    fireEvent.change(field('Datums', 'Stabilisatie'), { target: { value: '01-03-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.saveItem')).toHaveLength(1));

    const [payload] = client.callsTo('dossier.check');
    expect(payload).toEqual({
      id: 'd1',
      adults: [{ id: 'a1' }, { birthDate: '1986-07-30', bsn: NEW_BSN }],
      children: [{ id: 'c1' }, { id: 'c2' }],
      // The form names every phase; an empty date is null.
      statusDates: { aanmelding: '2026-01-05', stabilisatie: '2026-03-01', schuldregeling: null, nazorg: null, afgesloten: null },
    });
    expectNoPersonalData(payload);
  });

  it('puts a question about the changed child on that child\'s field (paths in the form\'s order)', async () => {
    const client = app({
      'dossier.check': () => ({
        warnings: [{ path: 'children.1.birthDate', message: 'Bij de geboorte van dit kind was de oudste volwassene in het dossier 13 jaar. Klopt de geboortedatum?' }],
      }),
    });
    await openEditForm();
    fireEvent.change(field('Kind 2', 'Geboortedatum'), { target: { value: '01-01-1999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    const heading = await screen.findByRole('heading', { name: 'Klopt dit?' });
    // The panel has the focus as soon as it is there, so a screen reader reads it first.
    expect(document.activeElement).toBe(heading);
    const panel = heading.closest('section')!;
    expect(within(panel).getByText(/oudste volwassene in het dossier 13 jaar/)).toBeTruthy();
    expect(client.callsTo('dossier.saveItem')).toEqual([]);
    fireEvent.click(within(panel).getByRole('button', { name: 'Gegevens aanpassen' }));
    await waitFor(() => expect(document.activeElement).toBe(field('Kind 2', 'Geboortedatum')));
  });
});
