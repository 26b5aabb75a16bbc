// Importing dossiers from the list screen against a fake core: the parsed file is sent whole, success
// refreshes the list, every reason of a refusal is listed in words, and unreadable JSON never reaches the core.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { describeIssuePath, formatIssue, importRejection } from '../../src/renderer/screens/dossiers/ImportDossiers';
import { AppError } from '../../src/shared/contract/errors';
import type { DossierSummary } from '../../src/shared/contract/procedures';
import { BSN_ERROR } from '../../src/shared/validation/bsn';
import { createFakeClient, fail, status, type Handlers } from './fake-client';

afterEach(cleanup);

function summary(id: string, number: string, displayName: string): DossierSummary {
  return {
    id,
    number,
    displayName,
    postcode: null,
    city: null,
    status: 'aanmelding',
    typeOfHelp: 'schuldhulpverlening',
    professional: 'Merel de Wit',
    childrenCount: 0,
    fictitious: true,
    updatedAt: Date.UTC(2026, 0, 5, 10, 0),
  };
}

const FILE = { format: 'houvast.dossier', version: 1, dossiers: [{ status: 'aanmelding' }, { status: 'nazorg' }] };

async function openImport(handlers: Handlers) {
  const client = createFakeClient({ 'settings.get': () => ({ userName: 'Merel de Wit', autoLockMinutes: 10 }), ...handlers }, status('unlocked'));
  render(<App client={client} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Dossiers importeren' }));
  const dialog = await screen.findByRole('dialog', { name: 'Dossiers importeren' });
  const form = within(dialog).getByRole('form', { name: 'Dossiers importeren' });
  return { client, dialog, form };
}

function choose(form: HTMLElement, content: string) {
  const input = within(form).getByLabelText('Bestand met dossiers (JSON)');
  fireEvent.change(input, { target: { files: [new File([content], 'dossiers.json', { type: 'application/json' })] } });
}

describe('issue paths in words', () => {
  it('numbers items from 1 and names fields in Dutch', () => {
    expect(describeIssuePath('dossiers.1.adults.0.bsn')).toBe('Dossier 2, volwassene 1, BSN');
    expect(describeIssuePath('dossiers.0.debts.8.currentAmount')).toBe('Dossier 1, schuld 9, huidig bedrag');
    expect(describeIssuePath('dossiers.0.address.postcode')).toBe('Dossier 1, adres, postcode');
    expect(describeIssuePath('dossiers.2.children.1.birthDate')).toBe('Dossier 3, kind 2, geboortedatum');
    expect(describeIssuePath('dossiers.0.bankAccounts.0.iban')).toBe('Dossier 1, rekening 1, IBAN');
    expect(describeIssuePath('dossiers.0.adults')).toBe('Dossier 1, volwassenen');
    expect(describeIssuePath('version')).toBe('Versie');
    expect(describeIssuePath('(bestand)')).toBe('Bestand');
    expect(describeIssuePath('')).toBe('Bestand');
    // Unknown keys stay visible rather than being dropped.
    expect(describeIssuePath('dossiers.0.somethingNew')).toBe('Dossier 1, somethingNew');
    expect(formatIssue({ path: 'dossiers.1.adults.0.bsn', message: BSN_ERROR })).toBe(`Dossier 2, volwassene 1, BSN: ${BSN_ERROR}`);
  });

  it('always says that nothing was imported', () => {
    expect(importRejection(new AppError('INTERNAL', 'Er ging iets mis. Er is niets gewijzigd.')).message).toBe(
      'Er ging iets mis. Er is niets gewijzigd. Er is niets geïmporteerd.',
    );
    const v = importRejection(new AppError('VALIDATION', 'Het bestand is niet geldig (1 fout). Er is niets geïmporteerd.', [{ path: 'format', message: 'x' }]));
    expect(v).toEqual({ message: 'Het bestand is niet geldig (1 fout). Er is niets geïmporteerd.', reasons: ['Formaat: x'] });
  });
});

describe('Dossiers importeren', () => {
  it('sends the parsed file, announces the numbers and reloads the list', async () => {
    let imported = false;
    const { client, form } = await openImport({
      'dossier.list': () => (imported ? [summary('d1', '2026-0001', 'Bakker, Anna'), summary('d2', '2026-0002', 'Visser, Joost')] : []),
      'dossier.import': () => {
        imported = true;
        return { imported: [{ id: 'd1', number: '2026-0001' }, { id: 'd2', number: '2026-0002' }], skipped: [] };
      },
    });
    expect(await screen.findByText(/Geen dossiers gevonden/)).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Importeren' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Kies een bestand met dossiers.');
    expect(client.callsTo('dossier.import')).toEqual([]);

    choose(form, JSON.stringify(FILE));
    fireEvent.click(within(form).getByRole('button', { name: 'Importeren' }));
    await waitFor(() =>
      expect(within(form).getAllByRole('status').map((s) => s.textContent)).toContain('2 dossiers geïmporteerd: 2026-0001, 2026-0002.'),
    );
    expect(client.callsTo('dossier.import')).toEqual([{ file: FILE, onDuplicate: 'ask', jobId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) }]);
    expect(within(form).queryByRole('alert')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Sluiten' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByRole('link', { name: 'Visser, Joost' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bakker, Anna' })).toBeTruthy();
  });

  it('names the first ten numbers of a large import and counts the rest, as of the households skipped', async () => {
    const numbers = (from: number, n: number) => Array.from({ length: n }, (_, i) => `2026-${String(from + i).padStart(4, '0')}`);
    const { form } = await openImport({
      'dossier.list': () => [],
      'dossier.import': (input) =>
        input.onDuplicate === 'ask'
          ? fail('CONFLICT', 'Huishoudens in dit bestand staan al in de kluis. Er is niets geïmporteerd: kies of u ze overslaat of als kopie importeert.', [
              { path: 'dossiers.0', message: 'Staat al in de kluis als dossier 2026-0001.' },
            ])
          : { imported: numbers(2001, 1500).map((number, i) => ({ id: `n${i}`, number })), skipped: numbers(1, 12) },
    });
    choose(form, JSON.stringify(FILE));
    fireEvent.click(within(form).getByRole('button', { name: 'Importeren' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Overslaan, de rest importeren' }));
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
        '1.500 dossiers geïmporteerd: 2026-2001, 2026-2002, 2026-2003, 2026-2004, 2026-2005, 2026-2006, 2026-2007, 2026-2008, 2026-2009, 2026-2010 en nog 1.490. ' +
          '12 huishoudens overgeslagen (al in de kluis als 2026-0001, 2026-0002, 2026-0003, 2026-0004, 2026-0005, 2026-0006, 2026-0007, 2026-0008, 2026-0009, 2026-0010 en nog 2).',
      ),
    );
  });

  it('lists every reason of a refusal in words and says nothing was imported', async () => {
    const { client, form } = await openImport({
      'dossier.list': () => [],
      'dossier.import': () =>
        fail('VALIDATION', 'Het bestand is niet geldig (3 fouten). Er is niets geïmporteerd.', [
          { path: 'dossiers.1.adults.0.bsn', message: BSN_ERROR },
          { path: 'dossiers.0.address.postcode', message: 'Dit is geen geldige postcode.' },
          { path: 'dossiers.2.debts.3.currentAmount', message: 'Vul een bedrag in.' },
        ]),
    });
    choose(form, JSON.stringify(FILE));
    fireEvent.click(within(form).getByRole('button', { name: 'Importeren' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Er is niets geïmporteerd.');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      `Dossier 2, volwassene 1, BSN: ${BSN_ERROR}`,
      'Dossier 1, adres, postcode: Dit is geen geldige postcode.',
      'Dossier 3, schuld 4, huidig bedrag: Vul een bedrag in.',
    ]);
    expect(client.callsTo('dossier.import')).toHaveLength(1);
    expect(within(form).getAllByRole('status').every((s) => !s.textContent?.includes('geïmporteerd:'))).toBe(true);
  });

  it('refuses a file that is not JSON without calling the core or echoing its content', async () => {
    const { client, form } = await openImport({ 'dossier.list': () => [], 'dossier.import': () => ({ imported: [], skipped: [] }) });
    const content = '{"dossiers": [ {"bsn": "999914042", ';
    choose(form, content);
    fireEvent.click(within(form).getByRole('button', { name: 'Importeren' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('geen geldige JSON');
    expect(alert.textContent).toContain('Er is niets geïmporteerd.');
    expect(document.body.textContent).not.toContain('999914042');
    expect(client.callsTo('dossier.import')).toEqual([]);
  });

  it('offers to skip or copy households already in the vault, and imports only after that choice', async () => {
    const { client, dialog, form } = await openImport({
      'dossier.list': () => [],
      'dossier.import': (input) =>
        input.onDuplicate === 'ask'
          ? fail('CONFLICT', 'Eén huishouden in dit bestand staat al in de kluis. Er is niets geïmporteerd: kies of u het overslaat of als kopie importeert.', [
              { path: 'dossiers.1', message: 'Staat al in de kluis als dossier 2026-0004.' },
            ])
          : { imported: [{ id: 'n1', number: '2026-0009' }], skipped: input.onDuplicate === 'skip' ? ['2026-0004'] : [] },
    });
    choose(form, JSON.stringify(FILE));
    fireEvent.click(within(form).getByRole('button', { name: 'Importeren' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Dossier 2: Staat al in de kluis als dossier 2026-0004.');
    const choice = within(dialog).getByRole('group', { name: 'Dossiers die al in de kluis staan' });
    fireEvent.click(within(choice).getByRole('button', { name: 'Overslaan, de rest importeren' }));
    await waitFor(() =>
      expect(within(dialog).getAllByRole('status').map((s) => s.textContent)).toContain(
        '1 dossier geïmporteerd: 2026-0009. 1 huishouden overgeslagen (al in de kluis als 2026-0004).',
      ),
    );
    expect(client.callsTo('dossier.import')).toEqual([
      { file: FILE, onDuplicate: 'ask', jobId: expect.any(String) },
      { file: FILE, onDuplicate: 'skip', jobId: expect.any(String) },
    ]);
    // The refusal is gone once the choice was carried out.
    expect(within(dialog).queryByText(/Er is niets geïmporteerd/)).toBeNull();
    expect(within(dialog).queryByRole('group', { name: 'Dossiers die al in de kluis staan' })).toBeNull();
  });
});

describe('progress and "Annuleren" during a long import', () => {
  /** An import the test finishes by hand: the fake core answers only when told to. */
  function slowImport() {
    let finish: (value: unknown) => void = () => undefined;
    const handlers: Handlers = {
      'dossier.list': () => [],
      'dossier.import': () =>
        new Promise((resolve) => {
          finish = resolve as (value: unknown) => void;
        }) as never,
    };
    return { handlers, finish: (v: unknown) => finish(v) };
  }

  it('shows the core\'s progress as a bar with a count, and the result when done', async () => {
    const slow = slowImport();
    const { client, form } = await openImport(slow.handlers);
    choose(form, JSON.stringify(FILE));
    fireEvent.click(within(form).getByRole('button', { name: 'Importeren' }));
    await waitFor(() => expect(client.callsTo('dossier.import')).toHaveLength(1));
    const { jobId } = client.callsTo('dossier.import')[0] as { jobId: string };

    const bar = await within(form).findByRole('progressbar', { name: 'Dossiers importeren' });
    act(() => client.emitEvent('job.progress', { jobId, operation: 'import', done: 40, total: 300 }));
    expect(bar.getAttribute('value')).toBe('40');
    expect(bar.getAttribute('max')).toBe('300');
    expect(within(form).getByText('Dossiers importeren: 40 van 300 dossiers')).toBeTruthy();
    // Another job's progress is not this import's.
    act(() => client.emitEvent('job.progress', { jobId: 'iets-anders-1234', operation: 'import', done: 7, total: 9 }));
    expect(bar.getAttribute('value')).toBe('40');

    await act(async () => slow.finish({ imported: [{ id: 'd1', number: '2026-0001' }], skipped: [] }));
    await waitFor(() => expect(within(form).getAllByRole('status').map((s) => s.textContent)).toContain('1 dossier geïmporteerd: 2026-0001.'));
    expect(within(form).queryByRole('progressbar')).toBeNull();
    expect(within(form).queryByRole('button', { name: 'Annuleren' })).toBeNull();
  });

  it('"Annuleren" asks the core to stop this import and then says nothing was imported', async () => {
    const slow = slowImport();
    const { client, form } = await openImport({
      ...slow.handlers,
      'job.cancel': (input) => {
        // The core stops the import at its next safe point and answers it with CANCELLED.
        setTimeout(() => slow.finish(fail('CANCELLED', 'Afgebroken. Er is niets gewijzigd.')), 0);
        return { cancelled: input.jobId.length > 0 };
      },
    });
    choose(form, JSON.stringify(FILE));
    fireEvent.click(within(form).getByRole('button', { name: 'Importeren' }));
    await waitFor(() => expect(client.callsTo('dossier.import')).toHaveLength(1));
    const { jobId } = client.callsTo('dossier.import')[0] as { jobId: string };
    act(() => client.emitEvent('job.progress', { jobId, operation: 'import', done: 12, total: 300 }));

    fireEvent.click(await within(form).findByRole('button', { name: 'Annuleren' }));
    expect(client.callsTo('job.cancel')).toEqual([{ jobId }]);
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Het importeren is afgebroken. Er is niets geïmporteerd.');
    expect(within(form).queryByRole('progressbar')).toBeNull();
    expect(within(form).getByRole('button', { name: 'Importeren' })).toBeTruthy();
  });
});
