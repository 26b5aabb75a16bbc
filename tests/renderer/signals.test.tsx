// Dossier → Systeemfouten: "Meld systeemfout" on a debt opens the form pre-filled (instantie and mechanism
// from the creditor, the amount, source "debt"); one click on "Opslaan" sends exactly those codes; the
// creditor's own text is not sent. (The report preview and its confirmation: tests/e2e/systeemfouten.test.ts.)
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import type { Dossier } from '../../src/shared/dossier/schema';
import type { Signal } from '../../src/shared/signals/schema';
import { createFakeClient, status } from './fake-client';

afterEach(cleanup);

const DOSSIER: Dossier = {
  id: 'd9',
  number: '2026-0009',
  createdAt: 1,
  updatedAt: 2,
  status: 'stabilisatie',
  typeOfHelp: 'beschermingsbewind',
  professional: 'Merel de Wit',
  statusDates: {},
  fictitious: false,
  adults: [{ id: 'a', role: 'aanvrager', firstName: 'Gerda', lastName: 'Heidenrijk', birthDate: '1985-01-02', bsn: null }],
  children: [],
  address: null,
  contact: {},
  bankAccounts: [],
  incomes: [],
  expenses: [],
  debts: [{ id: 'debt-1', creditor: 'CJIB Leeuwarden', originalAmount: '300.00', currentAmount: '450.00', kind: 'preferent', status: 'open', since: '2026-02-01' }],
  notes: [],
};

function app(saved: Signal[] = []) {
  const client = createFakeClient(
    {
      'dossier.list': () => [
        { id: 'd9', number: '2026-0009', displayName: 'Heidenrijk, Gerda', postcode: null, city: null, status: 'stabilisatie', typeOfHelp: 'beschermingsbewind', professional: 'Merel de Wit', childrenCount: 0, fictitious: false, updatedAt: 0 },
      ],
      'dossier.get': () => DOSSIER,
      'signals.list': () => saved,
      'signals.create': ({ dossierId, data }) => {
        const s: Signal = {
          id: `s${saved.length + 1}`,
          dossierId,
          dossierNumber: '2026-0009',
          vocabularyVersion: '2026.1',
          recordedOn: '2026-11-30',
          originalRecordedOn: null,
          instantie: data.instantie,
          mechanism: data.mechanism,
          effects: data.effects ?? [],
          route: data.route ?? 'geen',
          routeResult: data.routeResult ?? 'nvt',
          occurredOn: data.occurredOn ?? null,
          impactAmount: data.impactAmount ?? null,
          monthlyShortfall: data.monthlyShortfall ?? null,
          source: data.source ?? 'dossier',
          sourceRef: data.sourceRef ?? null,
          note: data.note ?? '',
          createdAt: 1,
          updatedAt: 1,
        };
        saved.push(s);
        return s;
      },
    },
    status('unlocked'),
  );
  render(<App client={client} />);
  return client;
}

describe('systeemfouten in the dossier', () => {
  it('records a signal from a debt in two clicks, pre-filled with codes only', async () => {
    const client = app();
    fireEvent.click(await screen.findByRole('link', { name: 'Heidenrijk, Gerda' }));
    await screen.findByRole('heading', { level: 1, name: /Heidenrijk, Gerda/ });
    fireEvent.click(screen.getByRole('tab', { name: 'Schulden' }));
    fireEvent.click(screen.getByRole('button', { name: 'Systeemfout melden bij schuld CJIB Leeuwarden' }));
    const form = await screen.findByRole('form', { name: 'Systeemfout melden' });
    expect((within(form).getByLabelText('Instantie') as HTMLSelectElement).value).toBe('cjib');
    expect((within(form).getByLabelText('Mechanisme') as HTMLSelectElement).value).toBe('M3.1');
    expect((within(form).getByLabelText('Financiële schade, eenmalig (€, optioneel)') as HTMLInputElement).value).toBe('450,00');
    fireEvent.click(within(form).getByRole('button', { name: 'Opslaan' }));
    await screen.findByText('De systeemfout is vastgelegd.');
    const [call] = client.callsTo('signals.create') as { dossierId: string; data: Record<string, unknown> }[];
    expect(call).toEqual({
      dossierId: 'd9',
      data: expect.objectContaining({ instantie: 'cjib', mechanism: 'M3.1', impactAmount: '450.00', occurredOn: '2026-02-01', source: 'debt', sourceRef: 'debt-1', effects: ['nieuwe_schulden'] }),
    });
    expect(JSON.stringify(call)).not.toContain('Leeuwarden');
    await waitFor(() => expect(document.querySelector('tr[data-signal="M3.1"]')).not.toBeNull());
  });

  it('shows an imported signal with both dates: registered here on the import, first registered elsewhere', async () => {
    const imported: Signal = {
      id: 's-imp',
      dossierId: 'd9',
      dossierNumber: '2026-0009',
      vocabularyVersion: '2026.1',
      recordedOn: '2026-11-20',
      originalRecordedOn: '2026-02-10',
      instantie: 'toeslagen',
      mechanism: 'M1.2',
      effects: [],
      route: 'geen',
      routeResult: 'nvt',
      occurredOn: null,
      impactAmount: null,
      monthlyShortfall: null,
      source: 'dossier',
      sourceRef: null,
      note: '',
      createdAt: 1,
      updatedAt: 1,
    };
    app([imported, { ...imported, id: 's-here', mechanism: 'M3.1', recordedOn: '2026-11-25', originalRecordedOn: null }]);
    fireEvent.click(await screen.findByRole('link', { name: 'Heidenrijk, Gerda' }));
    await screen.findByRole('heading', { level: 1, name: /Heidenrijk, Gerda/ });
    fireEvent.click(screen.getByRole('tab', { name: 'Systeemfouten' }));
    await waitFor(() => expect(document.querySelector('tr[data-signal="M1.2"]')).not.toBeNull());
    const importedRow = document.querySelector('tr[data-signal="M1.2"]')!;
    expect(importedRow.querySelector('td')!.textContent).toBe('20-11-2026geïmporteerd; oorspronkelijk vastgelegd op 10-02-2026');
    expect(document.querySelector('tr[data-signal="M3.1"] td')!.textContent).toBe('25-11-2026');
  });
});
