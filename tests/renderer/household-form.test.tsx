// The household as it really is in the dossier form (issue 6): per child pleegkind and co-ouderschap, the
// woonsituatie for the beslagvrije voet (briefadres with insight vs geen woonadres), and an expense paid in
// N termijnen per jaar. Against a fake core; what is sent must be valid for the shared schema.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import type { Dossier } from '../../src/shared/dossier/schema';
import { householdData, storedDossier } from '../support/budget';
import { detailsStamp, itemStamp } from '../../src/shared/dossier/stamp';
import { createFakeClient, fail, onlySavedItem, status, withSavedItem, type Handlers } from './fake-client';

afterEach(cleanup);

const DOSSIER: Dossier = storedDossier(
  householdData({
    // Stored items always have their ids (the item-level saves name them).
    adults: [{ id: 'a1', role: 'aanvrager', firstName: 'Fenna', lastName: 'Oosterbroek', birthDate: '1988-03-14' }],
    children: [{ id: 'c1', firstName: 'Jelmer', lastName: 'Oosterbroek', birthDate: '2014-09-02', livingInHousehold: true }],
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

/** Item-level saves answer with what they got (the form's edit path sends nothing else). */
const ITEM_SAVES: Handlers = {
  'dossier.saveItem': (i) => withSavedItem(DOSSIER, i),
  'dossier.saveDetails': (i) => ({ ...DOSSIER, ...(i.details as object) }) as Dossier,
};

describe('household fields in the dossier form', () => {
  it('sends pleegkind, co-ouderschap and a briefadres with insight', async () => {
    const client = app(ITEM_SAVES);
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
    // Only what changed crosses, item by item, each with the stamp it was read with: the child and the details.
    await waitFor(() => expect(client.callsTo('dossier.saveItem')).toHaveLength(1));
    const saved = onlySavedItem(client, [DOSSIER.adults[0]!.firstName]);
    expect(saved).toMatchObject({ id: 'd1', kind: 'child', stamp: itemStamp(DOSSIER.children[0]) });
    expect(saved.item).toMatchObject({ id: DOSSIER.children[0]!.id, fosterChild: true, coParenting: 'andere_ouder_ontvangt_kinderbijslag' });
    const [details] = client.callsTo('dossier.saveDetails') as { details: Dossier; stamp: string }[];
    expect(details!.stamp).toBe(detailsStamp(DOSSIER));
    expect(details!.details.address).toBeNull();
    expect(details!.details.addressKind).toBe('briefadres_met_inzicht');
    expect(Object.keys(details!.details)).not.toContain('adults');
    expect(client.callsTo('dossier.saveDetails')).toHaveLength(1);
  });

  // Zorgtoeslag and the VTLB eigen risico count insured adults (issue 6, second pass): checked by default (absent = insured).
  it('sends "not insured in the Netherlands" for an adult, and nothing when insured', async () => {
    const client = app(ITEM_SAVES);
    fireEvent.click(await screen.findByRole('link', { name: 'Oosterbroek, Fenna' }));
    await screen.findByRole('heading', { level: 1, name: /Oosterbroek, Fenna/ });
    fireEvent.click(screen.getByRole('button', { name: /Bewerken/ }));
    const box = (await screen.findByRole('checkbox', { name: 'Verzekerd voor de zorgverzekering in Nederland' })) as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(client.callsTo('dossier.saveItem')).toHaveLength(1));
    const saved = onlySavedItem(client, [DOSSIER.children[0]!.firstName]);
    expect(saved).toMatchObject({ kind: 'adult', stamp: itemStamp(DOSSIER.adults[0]) });
    expect((saved.item as { insuredInNl?: boolean }).insuredInNl).toBe(false);
    // Nothing else changed: the household details are not sent.
    expect(client.callsTo('dossier.saveDetails')).toEqual([]);
  });

  it('shows the core\'s refusal when the item was changed in another window meanwhile', async () => {
    const client = app({
      'dossier.saveItem': () =>
        fail('CONFLICT', 'Deze volwassene is intussen gewijzigd (bijvoorbeeld in een ander venster); laad het dossier opnieuw. Er is niets gewijzigd.'),
    });
    fireEvent.click(await screen.findByRole('link', { name: 'Oosterbroek, Fenna' }));
    await screen.findByRole('heading', { level: 1, name: /Oosterbroek, Fenna/ });
    fireEvent.click(screen.getByRole('button', { name: /Bewerken/ }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Verzekerd voor de zorgverzekering in Nederland' }));
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Deze volwassene is intussen gewijzigd'));
    expect(client.callsTo('dossier.saveItem')).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1, name: 'Dossier bewerken' })).toBeTruthy(); // the form stays, with what was typed
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
