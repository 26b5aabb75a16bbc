// A half-filled form is never lost (issue 7): typing keeps a draft in the vault, Annuleren asks (keep as draft,
// throw away, keep editing), the form offers the draft back when it opens, and after unlocking the app lists the
// drafts still waiting. The fake core keeps drafts like the real one (drafts.*).
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import type { DraftSummary } from '../../src/shared/contract/procedures';
import { createFakeClient, status } from './fake-client';

afterEach(cleanup);

function app(initial: Record<string, { label: string; data: unknown; updatedAt: number }> = {}) {
  const drafts = new Map(Object.entries(initial));
  const client = createFakeClient(
    {
      'dossier.list': () => [],
      'settings.get': () => ({ autoLockMinutes: 10, userName: 'Merel de Wit' }),
      'drafts.save': ({ form, label, data }) => {
        drafts.set(form, { label, data, updatedAt: Date.UTC(2026, 10, 30, 11, 5) });
        return { updatedAt: Date.UTC(2026, 10, 30, 11, 5) };
      },
      'drafts.get': ({ form }) => {
        const d = drafts.get(form);
        return d ? { form, dossierId: null, label: d.label, updatedAt: d.updatedAt, data: d.data } : null;
      },
      'drafts.list': () => [...drafts.entries()].map(([form, d]): DraftSummary => ({ form, dossierId: null, label: d.label, updatedAt: d.updatedAt })),
      'drafts.discard': ({ form }) => {
        drafts.delete(form);
        return { discarded: true };
      },
    },
    status('unlocked'),
  );
  render(<App client={client} />);
  return { client, drafts };
}

async function openNewDossier() {
  fireEvent.click(await screen.findByRole('button', { name: 'Nieuw dossier' }));
  await screen.findByRole('heading', { level: 1, name: 'Nieuw dossier' });
}

function aanvragerField(label: string): HTMLInputElement {
  return within(screen.getByRole('group', { name: 'Aanvrager' })).getByLabelText(label, { exact: true }) as HTMLInputElement;
}

describe('drafts of the dossier form', () => {
  it('keeps what is typed as a draft in the vault shortly after each change', async () => {
    const { client, drafts } = app();
    await openNewDossier();
    fireEvent.change(aanvragerField('Voornaam'), { target: { value: 'Fenna' } });
    await waitFor(() => expect(client.callsTo('drafts.save').length).toBeGreaterThan(0), { timeout: 3000 });
    expect(drafts.get('dossier:nieuw')).toMatchObject({ label: 'Nieuw dossier' });
    expect(JSON.stringify(drafts.get('dossier:nieuw')!.data)).toContain('Fenna');
  });

  it('Annuleren on a changed form asks; "Bewaren als concept" keeps it and leaves', async () => {
    const { client, drafts } = app();
    await openNewDossier();
    fireEvent.change(aanvragerField('Achternaam'), { target: { value: 'Oosterbroek' } });
    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    const dialog = await screen.findByRole('dialog', { name: 'Niet-opgeslagen wijzigingen' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bewaren als concept' }));
    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });
    expect(JSON.stringify(drafts.get('dossier:nieuw')!.data)).toContain('Oosterbroek');
    expect(client.callsTo('drafts.discard')).toEqual([]);
  });

  it('Annuleren → "Wijzigingen weggooien" removes the draft; "Verder bewerken" stays', async () => {
    const { drafts } = app();
    await openNewDossier();
    fireEvent.change(aanvragerField('Achternaam'), { target: { value: 'Oosterbroek' } });
    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Niet-opgeslagen wijzigingen' })).getByRole('button', { name: 'Verder bewerken' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(aanvragerField('Achternaam').value).toBe('Oosterbroek');
    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Niet-opgeslagen wijzigingen' })).getByRole('button', { name: 'Wijzigingen weggooien' }));
    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });
    expect(drafts.has('dossier:nieuw')).toBe(false);
  });

  it('after unlocking lists the drafts; opening one offers it back and restores the fields', async () => {
    const data = { adults: [{ role: 'aanvrager', firstName: 'Fenna', lastName: 'Oosterbroek', birthDate: '14-03-1988', bsn: '' }] };
    app({ 'dossier:nieuw': { label: 'Nieuw dossier', data, updatedAt: Date.UTC(2026, 10, 30, 11, 0) } });
    const notice = await screen.findByRole('region', { name: 'Niet-opgeslagen concepten' });
    expect(notice.textContent).toContain('Nieuw dossier');
    fireEvent.click(within(notice).getByRole('button', { name: 'Nieuw dossier openen' }));
    await screen.findByRole('heading', { level: 1, name: 'Nieuw dossier' });
    fireEvent.click(await screen.findByRole('button', { name: 'Concept terugzetten' }));
    await waitFor(() => expect(aanvragerField('Voornaam').value).toBe('Fenna'));
    expect(aanvragerField('Achternaam').value).toBe('Oosterbroek');
  });

  it('the income form keeps a draft too, per dossier, offered back when the form opens again', async () => {
    const DOSSIER = {
      id: 'd1', number: '2026-0001', createdAt: 1, updatedAt: 2, status: 'aanmelding', typeOfHelp: 'budgetbeheer', professional: 'Merel de Wit',
      statusDates: {}, fictitious: false, adults: [{ id: 'a', role: 'aanvrager', firstName: 'Anna', lastName: 'Bakker', birthDate: '1990-01-01', bsn: null }],
      children: [], address: null, contact: {}, bankAccounts: [], incomes: [], expenses: [], debts: [], notes: [],
    } as const;
    const { client, drafts } = app();
    client.handlers['dossier.list'] = () => [
      { id: 'd1', number: '2026-0001', displayName: 'Bakker, Anna', postcode: null, city: null, status: 'aanmelding', typeOfHelp: 'budgetbeheer', professional: 'Merel de Wit', childrenCount: 0, fictitious: false, updatedAt: 0 },
    ];
    client.handlers['dossier.get'] = () => structuredClone(DOSSIER) as never;
    // The list was loaded empty at start; the menu link loads it again with the dossier.
    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });
    fireEvent.click(screen.getByRole('link', { name: 'Dossiers' }));
    fireEvent.click(await screen.findByRole('link', { name: 'Bakker, Anna' }));
    await screen.findByRole('heading', { level: 1, name: /Bakker, Anna/ });
    fireEvent.click(screen.getByRole('tab', { name: 'Inkomsten en uitgaven' }));
    fireEvent.click(screen.getByRole('button', { name: 'Inkomst toevoegen' }));
    fireEvent.change(screen.getByLabelText('Omschrijving', { exact: true }), { target: { value: 'Loon Albert Heijn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Niet-opgeslagen wijzigingen' })).getByRole('button', { name: 'Bewaren als concept' }));
    await waitFor(() => expect(drafts.get('income:d1:nieuw')).toMatchObject({ label: 'Inkomst toevoegen (dossier 2026-0001)' }));

    fireEvent.click(await screen.findByRole('button', { name: 'Inkomst toevoegen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Concept terugzetten' }));
    await waitFor(() => expect((screen.getByLabelText('Omschrijving', { exact: true }) as HTMLInputElement).value).toBe('Loon Albert Heijn'));
  });

  it('the debt form keeps a draft as well', async () => {
    const DOSSIER = {
      id: 'd2', number: '2026-0002', createdAt: 1, updatedAt: 2, status: 'aanmelding', typeOfHelp: 'budgetbeheer', professional: 'Merel de Wit',
      statusDates: {}, fictitious: false, adults: [{ id: 'a', role: 'aanvrager', firstName: 'Bram', lastName: 'Visser', birthDate: '1990-01-01', bsn: null }],
      children: [], address: null, contact: {}, bankAccounts: [], incomes: [], expenses: [], debts: [], notes: [],
    } as const;
    const { client, drafts } = app();
    client.handlers['dossier.list'] = () => [
      { id: 'd2', number: '2026-0002', displayName: 'Visser, Bram', postcode: null, city: null, status: 'aanmelding', typeOfHelp: 'budgetbeheer', professional: 'Merel de Wit', childrenCount: 0, fictitious: false, updatedAt: 0 },
    ];
    client.handlers['dossier.get'] = () => structuredClone(DOSSIER) as never;
    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });
    fireEvent.click(screen.getByRole('link', { name: 'Dossiers' }));
    fireEvent.click(await screen.findByRole('link', { name: 'Visser, Bram' }));
    await screen.findByRole('heading', { level: 1, name: /Visser, Bram/ });
    fireEvent.click(screen.getByRole('tab', { name: 'Schulden' }));
    fireEvent.click(screen.getByRole('button', { name: 'Schuld toevoegen' }));
    fireEvent.change(screen.getByLabelText('Schuldeiser', { exact: true }), { target: { value: 'Waterschap' } });
    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Niet-opgeslagen wijzigingen' })).getByRole('button', { name: 'Bewaren als concept' }));
    await waitFor(() => expect(drafts.get('debt:d2:nieuw')).toMatchObject({ label: 'Schuld toevoegen (dossier 2026-0002)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Schuld toevoegen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Concept terugzetten' }));
    await waitFor(() => expect((screen.getByLabelText('Schuldeiser', { exact: true }) as HTMLInputElement).value).toBe('Waterschap'));
  });

  it('a half-written note is kept and offered back; adding the note removes the draft', async () => {
    const DOSSIER = {
      id: 'd3', number: '2026-0003', createdAt: 1, updatedAt: 2, status: 'aanmelding', typeOfHelp: 'budgetbeheer', professional: 'Merel de Wit',
      statusDates: {}, fictitious: false, adults: [{ id: 'a', role: 'aanvrager', firstName: 'Lies', lastName: 'Mulder', birthDate: '1990-01-01', bsn: null }],
      children: [], address: null, contact: {}, bankAccounts: [], incomes: [], expenses: [], debts: [], notes: [],
    } as const;
    const { client, drafts } = app({ 'note:d3': { label: 'Notitie (dossier 2026-0003)', data: { text: 'Gesprek met de woningcorporatie' }, updatedAt: Date.UTC(2026, 10, 30, 11, 0) } });
    client.handlers['dossier.list'] = () => [
      { id: 'd3', number: '2026-0003', displayName: 'Mulder, Lies', postcode: null, city: null, status: 'aanmelding', typeOfHelp: 'budgetbeheer', professional: 'Merel de Wit', childrenCount: 0, fictitious: false, updatedAt: 0 },
    ];
    client.handlers['dossier.get'] = () => structuredClone(DOSSIER) as never;
    client.handlers['dossier.addNote'] = ({ text }) => ({ ...structuredClone(DOSSIER), notes: [{ id: 'n1', text, createdAt: 5, author: 'Merel de Wit' }] }) as never;
    await screen.findByRole('heading', { level: 1, name: 'Dossiers' });
    fireEvent.click(screen.getByRole('link', { name: 'Dossiers' }));
    fireEvent.click(await screen.findByRole('link', { name: 'Mulder, Lies' }));
    await screen.findByRole('heading', { level: 1, name: /Mulder, Lies/ });
    fireEvent.click(screen.getByRole('tab', { name: 'Notities' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Concept terugzetten' }));
    await waitFor(() => expect((screen.getByLabelText('Nieuwe notitie', { exact: true }) as HTMLTextAreaElement).value).toBe('Gesprek met de woningcorporatie'));
    fireEvent.click(screen.getByRole('button', { name: 'Notitie toevoegen' }));
    await waitFor(() => expect(drafts.has('note:d3')).toBe(false));
    expect(client.callsTo('dossier.addNote')).toEqual([{ id: 'd3', text: 'Gesprek met de woningcorporatie' }]);
  });
});
