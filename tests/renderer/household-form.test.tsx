// The household as it really is in the dossier form (issue 6): per child pleegkind and co-ouderschap, the
// woonsituatie for the beslagvrije voet (briefadres with insight vs geen woonadres), and an expense paid in
// N termijnen per jaar. Against a fake core; what is sent must be valid for the shared schema.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { dossierDataSchema, type Dossier } from '../../src/shared/dossier/schema';
import { householdData, storedDossier } from '../support/budget';
import { createFakeClient, onlySavedItem, status, withSavedItem, type Handlers } from './fake-client';

afterEach(cleanup);

const DOSSIER: Dossier = storedDossier(
  householdData({
    adults: [{ role: 'aanvrager', firstName: 'Fenna', lastName: 'Oosterbroek', birthDate: '1988-03-14' }],
    children: [{ firstName: 'Jelmer', lastName: 'Oosterbroek', birthDate: '2014-09-02', livingInHousehold: true }],
  }),
  { id: 'd1', number: '2026-0001' },
);
const SUMMARY = {
  id: 'd1',
  number: '2026-0001',
  displayName: 'Oosterbroek, Fenna',
  postcode: '1234 AB',
  city: 'Teststad',
  status: 'aanmelding' as const,
  typeOfHelp: 'schuldhulpverlening' as const,
  professional: 'Merel de Wit',
  childrenCount: 1,
  fictitious: false,
  updatedAt: 1,
};

function app(handlers: Handlers) {
  const client = createFakeClient(
    {
      'settings.get': () => ({ userName: 'Merel de Wit', autoLockMinutes: 10 }),
      'dossier.list': () => [SUMMARY],
      'dossier.get': () => DOSSIER,
      'documents.list': () => [],
      ...handlers,
    },
    status('unlocked'),
  );
  render(<App client={client} />);
  return client;
}

describe('household fields in the dossier form', () => {
  it('sends pleegkind, co-ouderschap and a briefadres with insight', async () => {
    const client = app({ 'dossier.update': (i) => ({ ...DOSSIER, ...(i.data as object) }) as Dossier });
    fireEvent.click(await screen.findByRole('link', { name: 'Oosterbroek, Fenna' }));
    await screen.findByRole('heading', { level: 1, name: /Oosterbroek, Fenna/ });
    fireEvent.click(screen.getByRole('button', { name: /Bewerken/ }));
    const kind = await screen.findByRole('group', { name: 'Kind 1' });
    fireEvent.click(within(kind).getByRole('checkbox', { name: 'Pleegkind (met pleegvergoeding)' }));
    fireEvent.change(within(kind).getByLabelText('Co-ouderschap'), { target: { value: 'andere_ouder_ontvangt_kinderbijslag' } });
    // No fixed address: the woonsituatie follows (geen woonadres); the professional then records a briefadres with insight.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Geen vast woonadres' }));
    const woon = screen.getByLabelText('Woonsituatie (voor de beslagvrije voet)') as HTMLSelectElement;
    await waitFor(() => expect(woon.value).toBe('geen_woonadres'));
    fireEvent.change(woon, { target: { value: 'briefadres_met_inzicht' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.update')).toHaveLength(1));
    const { data } = client.callsTo('dossier.update')[0] as { data: Dossier };
    expect(data.children[0]).toMatchObject({ fosterChild: true, coParenting: 'andere_ouder_ontvangt_kinderbijslag' });
    expect(data.address).toBeNull();
    expect(data.addressKind).toBe('briefadres_met_inzicht');
    expect(dossierDataSchema.safeParse(data).success).toBe(true);
  });

  // Zorgtoeslag and the VTLB eigen risico count insured adults (issue 6, second pass): checked by default (absent = insured).
  it('sends "not insured in the Netherlands" for an adult, and nothing when insured', async () => {
    const client = app({ 'dossier.update': (i) => ({ ...DOSSIER, ...(i.data as object) }) as Dossier });
    fireEvent.click(await screen.findByRole('link', { name: 'Oosterbroek, Fenna' }));
    await screen.findByRole('heading', { level: 1, name: /Oosterbroek, Fenna/ });
    fireEvent.click(screen.getByRole('button', { name: /Bewerken/ }));
    const box = (await screen.findByRole('checkbox', { name: 'Verzekerd voor de zorgverzekering in Nederland' })) as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.update')).toHaveLength(1));
    const { data } = client.callsTo('dossier.update')[0] as { data: Dossier };
    expect(data.adults[0]!.insuredInNl).toBe(false);
    expect(dossierDataSchema.safeParse(data).success).toBe(true);
  });

  it('adds an expense paid in ten termijnen per year', async () => {
    const client = app({ 'dossier.saveItem': (i) => withSavedItem(DOSSIER, i) });
    fireEvent.click(await screen.findByRole('link', { name: 'Oosterbroek, Fenna' }));
    await screen.findByRole('heading', { level: 1, name: /Oosterbroek, Fenna/ });
    fireEvent.click(screen.getByRole('tab', { name: 'Inkomsten en uitgaven' }));
    fireEvent.click(screen.getByRole('button', { name: 'Uitgave toevoegen' }));
    fireEvent.change(screen.getByLabelText('Omschrijving', { exact: true }), { target: { value: 'Gemeentelijke belastingen' } });
    fireEvent.change(screen.getByLabelText('Categorie', { exact: true }), { target: { value: 'gemeentelijke_belastingen' } });
    fireEvent.change(screen.getByLabelText('Bedrag', { exact: true }), { target: { value: '64,00' } });
    fireEvent.change(screen.getByLabelText('Frequentie', { exact: true }), { target: { value: 'termijnen' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect((await screen.findAllByText('Vul in hoeveel termijnen per jaar worden betaald.')).length).toBeGreaterThan(0);
    expect(client.callsTo('dossier.saveItem')).toEqual([]);
    fireEvent.change(screen.getByLabelText('Aantal termijnen per jaar', { exact: true }), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.saveItem')).toHaveLength(1));
    expect(onlySavedItem(client).item).toMatchObject({ category: 'gemeentelijke_belastingen', amount: '64.00', frequency: 'termijnen', instalments: 10 });
  });
});
