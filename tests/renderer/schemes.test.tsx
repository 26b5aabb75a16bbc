// Regelingen (group scheme screen) and Instellingen → Regelingen zorgpremie against a fake core. The screen only
// shows what the core computed; these tests check what it shows, what it sends and how it reports errors.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/renderer/App';
import type { Scheme } from '../../src/shared/arrangement/scheme';
import type { SchemeDashboardOut, SchemeFamilyOut, StoredSchemeOut } from '../../src/shared/contract/arrangements';
import { createFakeClient, fail, status, untilCancelled, type Handlers } from './fake-client';

const SCHEME: Scheme = {
  format: 'houvast.scheme',
  version: 1,
  id: 'voorbeeld-bewind-zorgpremie',
  name: 'Voorbeeld: zorgpremie onder bewind',
  creditor: { name: 'Zorgverzekeraar Zuid', matchNames: ['Zorgverzekeraar Zuid'] },
  gemeente: 'Zwolle',
  route: 'bewind',
  maxMonths: 36,
  minMonthly: '35.00',
  maxMonthly: null,
  conditions: { currentPremiumPaid: true, noNewArrears: true, other: [] },
  forgiveRemainder: true,
  validFrom: '2026-01-01',
  validUntil: null,
  source: ['RULES.md e.3'],
  notes: [],
};
const STORED: StoredSchemeOut = { scheme: SCHEME, origin: 'bundled', replacesBundled: false, updatedAt: null };

const fig = (label: string, value: string | null, rule = 'Regel') => ({ label, value, exact: value, explanation: { rule, inputs: {}, tables: [] } });
function family(over: Partial<SchemeFamilyOut>): SchemeFamilyOut {
  return {
    schemeId: SCHEME.id,
    dossierId: 'd1',
    dossierNumber: '2026-0007',
    displayName: 'Molenbeek, Yara',
    city: 'Zwolle',
    childrenCount: 2,
    fictitious: true,
    status: 'kandidaat',
    debtIds: ['x'],
    arrears: fig('Achterstand', '1243.80'),
    premiumStage: null,
    feasible: true,
    monthly: fig('Per maand', '35.00', 'Bedrag per maand = het laagste van de afloscapaciteit en de achterstand gedeeld door de looptijd, niet lager dan het minimum.'),
    months: 36,
    paid: fig('Betaald', '1243.80'),
    forgiven: fig('Kwijtschelding', '0.00'),
    summary: 'Yara Molenbeek betaalt € 35,00 per maand gedurende 36 maanden.',
    missing: [],
    warnings: [],
    eligibility: { meets: true, reasons: [] },
    agreedMonthly: null,
    startDate: null,
    ...over,
  };
}
const NOT_MET = 'De afloscapaciteit (€ 20,00) is lager dan het minimum van de regeling (€ 35,00 per maand).';
const FAMILIES = [
  family({}),
  family({ dossierId: 'd2', dossierNumber: '2026-0009', displayName: 'Vonkeman, Els', childrenCount: 3, feasible: false, monthly: fig('Per maand', null), months: null, summary: 'Niet haalbaar.', eligibility: { meets: false, reasons: [NOT_MET] } }),
];
const DASHBOARD: SchemeDashboardOut = {
  schemeId: SCHEME.id,
  referenceDate: '2026-11-30',
  families: 2,
  children: 5,
  arrears: '2500.00',
  monthly: '35.00',
  expectedForgiveness: '1256.20',
  byStatus: { kandidaat: 2, voorgesteld: 0, akkoord: 0, lopend: 0, afgerond: 0, gestopt: 0 },
  notFeasible: 1,
  missingFigures: 0,
  byTermState: { niet_gestart: 0, in_orde: 0, geschonden: 0, beeindigd: 0 },
  breached: [],
};

function app(handlers: Handlers = {}) {
  const client = createFakeClient(
    {
      'dossier.list': () => [],
      'settings.get': () => ({ userName: 'Merel de Wit', autoLockMinutes: 10 }),
      'schemes.list': () => ({ schemes: [STORED] }),
      'schemes.dashboard': () => DASHBOARD,
      'schemes.batch': () => ({ schemeId: SCHEME.id, referenceDate: '2026-11-30', families: FAMILIES, total: FAMILIES.length, offset: 0 }),
      'norms.list': () => ({ groups: [], userFiles: [] }),
      'vault.listBackups': () => [],
      ...handlers,
    },
    status('unlocked'),
  );
  render(<App client={client} />);
  return client;
}

afterEach(cleanup);
beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:fake');
  URL.revokeObjectURL = vi.fn();
});

describe('Regelingen', () => {
  it('shows the dashboard, finds the families with the filters and produces the batch for the chosen ones', async () => {
    const client = app({
      'schemes.produceBatch': (i) => ({
        files: [
          ...i.dossierIds.map((id) => ({ fileName: `regeling-${id}.pdf`, mime: 'application/pdf', contentBase64: 'JVBERi0=' })),
          { fileName: 'overzicht.pdf', mime: 'application/pdf', contentBase64: 'JVBERi0=' },
          { fileName: 'overzicht.csv', mime: 'text/csv', contentBase64: 'RG9zc2llcg==' },
        ],
        proposed: i.dossierIds.length,
      }),
    });
    fireEvent.click(await screen.findByRole('link', { name: 'Regelingen' }));
    await screen.findByRole('heading', { level: 1, name: 'Regelingen zorgpremie' });
    const totals = await screen.findByRole('group', { name: 'Totalen regeling' });
    expect(totals.textContent).toContain('Gezinnen2');
    expect(totals.textContent).toContain('Kinderen5');
    expect(totals.textContent).toContain('Verwachte kwijtschelding€ 1.256,20');
    expect(screen.getByText(/Kandidaat: 2 · Voorgesteld: 0/)).toBeTruthy();
    expect(screen.getByText(/1 gezin kan het minimum per maand niet betalen/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Inkomensbron'), { target: { value: 'uitkering_participatiewet' } });
    fireEvent.change(screen.getByLabelText('Kinderen'), { target: { value: 'met' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gezinnen zoeken' }));
    await screen.findByText('2 gezinnen met een achterstand bij Zorgverzekeraar Zuid.');
    expect(client.callsTo('schemes.batch')[0]).toEqual({ schemeId: SCHEME.id, filters: { gemeente: 'Zwolle', incomeSource: 'uitkering_participatiewet', children: 'met' }, page: { offset: 0, limit: 50 } });
    const table = screen.getByRole('table', { name: 'Gezinnen in de regeling' });
    const yara = within(table).getByRole('rowheader', { name: /Molenbeek, Yara/ }).closest('tr')!;
    expect(yara.textContent).toContain('€ 1.243,80€ 35,0036€ 0,00Kandidaat');
    expect(within(table).getByRole('rowheader', { name: /Vonkeman, Els/ }).closest('tr')!.textContent).toContain('niet haalbaar');
    // Feasible candidates are preselected; the infeasible one is not.
    expect((screen.getByLabelText('Molenbeek, Yara in de batch') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Vonkeman, Els in de batch') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(within(yara).getByRole('button', { name: 'Toelichting bij Molenbeek, Yara' }));
    expect(screen.getByRole('region', { name: 'Toelichting bij Molenbeek, Yara' }).textContent).toContain('Yara Molenbeek betaalt € 35,00 per maand gedurende 36 maanden.');

    fireEvent.click(screen.getByRole('button', { name: 'Batch maken voor 1 gezin' }));
    await screen.findByText(/De batch is gemaakt: 1 brief \(bewaard in de dossiers\) en het overzicht voor Zorgverzekeraar Zuid als PDF en CSV\. 1 gezin staat nu op "Voorgesteld"\./);
    expect(client.callsTo('schemes.produceBatch')[0]).toEqual({
      schemeId: SCHEME.id,
      filters: { gemeente: 'Zwolle', incomeSource: 'uitkering_participatiewet', children: 'met' },
      dossierIds: ['d1'],
      includeBsn: false,
      overrides: [],
      jobId: expect.any(String),
    });
    expect(URL.createObjectURL).toHaveBeenCalledTimes(3);
    // The progress bar is gone once the batch is made.
    expect(screen.queryByRole('progressbar', { name: 'Brieven maken' })).toBeNull();
  });

  it('shows the batch\'s progress per letter with Annuleren; a cancel says nothing was stored and downloads nothing', async () => {
    const client = app(untilCancelled('schemes.produceBatch'));
    fireEvent.click(await screen.findByRole('link', { name: 'Regelingen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Gezinnen zoeken' }));
    await screen.findByRole('table', { name: 'Gezinnen in de regeling' });
    fireEvent.click(screen.getByRole('button', { name: 'Batch maken voor 1 gezin' }));
    await waitFor(() => expect(client.callsTo('schemes.produceBatch')).toHaveLength(1));
    const { jobId } = client.callsTo('schemes.produceBatch')[0] as { jobId: string };
    const bar = await screen.findByRole('progressbar', { name: 'Brieven maken' });
    act(() => client.emitEvent('job.progress', { jobId, operation: 'pdf', done: 1, total: 2 }));
    expect(bar.getAttribute('value')).toBe('1');
    expect(screen.getByText('Brieven maken: 1 van 2 stappen')).toBeTruthy();
    // While the batch runs it cannot be started twice.
    expect((screen.getByRole('button', { name: 'Batch maken voor 1 gezin' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(client.callsTo('job.cancel')).toEqual([{ jobId }]);
    await screen.findByText('De batch is afgebroken. Er is niets bewaard: geen brief, geen reden om een gezin toch op te nemen en geen gezin op "Voorgesteld".');
    expect(screen.queryByRole('progressbar', { name: 'Brieven maken' })).toBeNull();
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });

  it('shows "voldoet niet" with the reason, and takes such a family only with a reason for it', async () => {
    const client = app({
      'schemes.produceBatch': (i) => ({ files: [{ fileName: 'a.pdf', mime: 'application/pdf', contentBase64: 'JVBERi0=' }, { fileName: 'o.pdf', mime: 'application/pdf', contentBase64: 'JVBERi0=' }, { fileName: 'o.csv', mime: 'text/csv', contentBase64: 'RA==' }], proposed: i.dossierIds.length }),
    });
    fireEvent.click(await screen.findByRole('link', { name: 'Regelingen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Gezinnen zoeken' }));
    const table = await screen.findByRole('table', { name: 'Gezinnen in de regeling' });
    const els = within(table).getByRole('rowheader', { name: /Vonkeman, Els/ }).closest('tr')!;
    expect(els.textContent).toContain('Voldoet niet');
    expect(els.textContent).toContain(NOT_MET);
    expect(within(table).getByRole('rowheader', { name: /Molenbeek, Yara/ }).closest('tr')!.textContent).not.toContain('Voldoet niet');
    // Not preselected; choosing it asks for a reason.
    expect(within(els).queryByLabelText('Reden om Vonkeman, Els toch op te nemen')).toBeNull();
    fireEvent.click(screen.getByLabelText('Vonkeman, Els in de batch'));
    fireEvent.change(within(els).getByLabelText('Reden om Vonkeman, Els toch op te nemen'), { target: { value: 'Inkomen stijgt per januari' } });
    fireEvent.click(screen.getByRole('button', { name: 'Batch maken voor 2 gezinnen' }));
    await waitFor(() => expect(client.callsTo('schemes.produceBatch')).toHaveLength(1));
    expect(client.callsTo('schemes.produceBatch')[0]).toMatchObject({ dossierIds: ['d1', 'd2'], overrides: [{ dossierId: 'd2', reason: 'Inkomen stijgt per januari' }] });
  });

  it('counts and names the families whose conditions are broken during the term on the dashboard', async () => {
    const breachedReason = 'Geen betaling vastgelegd voor oktober 2026 (afgesproken € 35,00).';
    app({
      'schemes.dashboard': () => ({
        ...DASHBOARD,
        byStatus: { kandidaat: 0, voorgesteld: 0, akkoord: 0, lopend: 2, afgerond: 0, gestopt: 0 },
        byTermState: { niet_gestart: 0, in_orde: 1, geschonden: 1, beeindigd: 0 },
        breached: [{ dossierId: 'd2', dossierNumber: '2026-0009', displayName: 'Vonkeman, Els', status: 'lopend', reasons: [breachedReason] }],
      }),
    });
    fireEvent.click(await screen.findByRole('link', { name: 'Regelingen' }));
    await screen.findByRole('group', { name: 'Totalen regeling' });
    expect(screen.getByText(/Voorwaarden tijdens de looptijd: Nog niet gestart: 0 · Voorwaarden nagekomen: 1 · Voorwaarde geschonden: 1 · Beëindigd: 0/)).toBeTruthy();
    const breached = screen.getByRole('group', { name: 'Voorwaarde geschonden' });
    expect(breached.textContent).toContain('Voorwaarde geschonden bij 1 gezin');
    expect(breached.textContent).toContain(`Vonkeman, Els 2026-0009 (Lopend): ${breachedReason}`);
    expect(within(breached).getByRole('link', { name: 'Vonkeman, Els' })).toBeTruthy();
  });

  it('shows a family taken in with a recorded reason as such, and needs no new reason for the batch', async () => {
    const client = app({
      'schemes.batch': () => ({
        schemeId: SCHEME.id,
        referenceDate: '2026-11-30',
        families: [family({ status: 'lopend', eligibility: { meets: false, reasons: [NOT_MET] }, override: { reason: 'Bewindvoerder betaalt het richtbedrag uit het budget', reasonsNotMet: [NOT_MET], at: Date.UTC(2026, 6, 1, 10) } })],
        total: 1,
        offset: 0,
      }),
      'schemes.produceBatch': () => ({ files: [{ fileName: 'a.pdf', mime: 'application/pdf', contentBase64: 'JVBERi0=' }, { fileName: 'o.pdf', mime: 'application/pdf', contentBase64: 'JVBERi0=' }, { fileName: 'o.csv', mime: 'text/csv', contentBase64: 'RA==' }], proposed: 0 }),
    });
    fireEvent.click(await screen.findByRole('link', { name: 'Regelingen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Gezinnen zoeken' }));
    const table = await screen.findByRole('table', { name: 'Gezinnen in de regeling' });
    const yara = within(table).getByRole('rowheader', { name: /Molenbeek, Yara/ }).closest('tr')!;
    expect(yara.textContent).toContain('Doet mee met een reden');
    expect(yara.textContent).toContain(`Voldoet niet: ${NOT_MET} Reden (`);
    expect(yara.textContent).toContain('Bewindvoerder betaalt het richtbedrag uit het budget');
    fireEvent.click(screen.getByLabelText('Molenbeek, Yara in de batch'));
    expect(within(yara).queryByLabelText('Reden om Molenbeek, Yara toch op te nemen')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Batch maken voor 1 gezin' }));
    await waitFor(() => expect(client.callsTo('schemes.produceBatch')).toHaveLength(1));
    expect(client.callsTo('schemes.produceBatch')[0]).toMatchObject({ dossierIds: ['d1'], overrides: [] });
  });

  it('loads a large group a page at a time and keeps the selection across pages', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      family({ dossierId: `p${i}`, dossierNumber: `2026-${String(i + 1).padStart(4, '0')}`, displayName: `Gezin ${i + 1}, Test` }),
    );
    const client = app({
      'schemes.batch': (i) => {
        const offset = i.page?.offset ?? 0;
        return { schemeId: SCHEME.id, referenceDate: '2026-11-30', families: many.slice(offset, offset + (i.page?.limit ?? 120)), total: many.length, offset };
      },
    });
    fireEvent.click(await screen.findByRole('link', { name: 'Regelingen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Gezinnen zoeken' }));
    await screen.findByText(/120 gezinnen met een achterstand bij Zorgverzekeraar Zuid\. Gezinnen 1 t\/m 50 worden getoond\./);
    expect(within(screen.getByRole('table', { name: 'Gezinnen in de regeling' })).getAllByRole('rowheader')).toHaveLength(50);
    expect(screen.getByRole('button', { name: 'Batch maken voor 50 gezinnen' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Vorige 50' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Volgende 50' }));
    await screen.findByText(/Gezinnen 51 t\/m 100 worden getoond\./);
    expect(client.callsTo('schemes.batch').at(-1)).toMatchObject({ page: { offset: 50, limit: 50 } });
    // The feasible candidates of a page are added the first time it is shown.
    await screen.findByRole('button', { name: 'Batch maken voor 100 gezinnen' });
    fireEvent.click(screen.getByRole('button', { name: 'Volgende 50' }));
    await screen.findByText(/Gezinnen 101 t\/m 120 worden getoond\./);
    expect((screen.getByRole('button', { name: 'Volgende 50' }) as HTMLButtonElement).disabled).toBe(true);
    await screen.findByRole('button', { name: 'Batch maken voor 120 gezinnen' });
    fireEvent.click(screen.getByRole('button', { name: 'Vorige 50' }));
    await screen.findByText(/Gezinnen 51 t\/m 100 worden getoond\./);
    expect(screen.getByRole('button', { name: 'Batch maken voor 120 gezinnen' })).toBeTruthy();
  });

  it('saves a family\'s status', async () => {
    const client = app({ 'schemes.setParticipant': (i) => family({ status: i.status ?? 'kandidaat', agreedMonthly: i.agreedMonthly ?? null }) });
    fireEvent.click(await screen.findByRole('link', { name: 'Regelingen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Gezinnen zoeken' }));
    const table = await screen.findByRole('table', { name: 'Gezinnen in de regeling' });
    const yara = within(table).getByRole('rowheader', { name: /Molenbeek, Yara/ }).closest('tr')!;
    fireEvent.click(within(yara).getByRole('button', { name: 'Toelichting bij Molenbeek, Yara' }));
    const region = screen.getByRole('region', { name: 'Toelichting bij Molenbeek, Yara' });
    fireEvent.change(within(region).getByLabelText('Status in de regeling'), { target: { value: 'akkoord' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Status opslaan' }));
    await waitFor(() => expect(within(table).getByRole('rowheader', { name: /Molenbeek, Yara/ }).closest('tr')!.textContent).toContain('Akkoord'));
    expect(client.callsTo('schemes.setParticipant')[0]).toEqual({ schemeId: SCHEME.id, dossierId: 'd1', status: 'akkoord', agreedMonthly: '35.00', startDate: null });
  });
});

describe('Instellingen → Regelingen zorgpremie', () => {
  it('edits a bundled example into a user copy with the same code, and shows the core\'s Dutch refusal on the field', async () => {
    let attempt = 0;
    const client = app({
      'schemes.save': (i) => {
        attempt += 1;
        if (attempt === 1) return fail('VALIDATION', 'De looptijd is hoogstens 36 maanden.', [{ path: 'scheme.maxMonths', message: 'De looptijd is hoogstens 36 maanden.' }]);
        return { scheme: i.scheme as Scheme, origin: 'user', replacesBundled: true, updatedAt: 5 };
      },
    });
    fireEvent.click(await screen.findByRole('link', { name: 'Instellingen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Voorbeeld: zorgpremie onder bewind aanpassen' }));
    const form = screen.getByRole('form', { name: 'Regeling aanpassen: Voorbeeld: zorgpremie onder bewind' });
    expect((within(form).getByLabelText('Code') as HTMLInputElement).readOnly).toBe(true);
    fireEvent.change(within(form).getByLabelText('Looptijd hoogstens (maanden)'), { target: { value: '48' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Regeling opslaan' }));
    await within(form).findAllByText('De looptijd is hoogstens 36 maanden.');
    expect(within(form).getByLabelText('Looptijd hoogstens (maanden)').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(within(form).getByLabelText('Looptijd hoogstens (maanden)'), { target: { value: '24' } });
    fireEvent.change(within(form).getByLabelText('Minimum per maand'), { target: { value: '40,00' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Regeling opslaan' }));
    await screen.findByText('"Voorbeeld: zorgpremie onder bewind" is opgeslagen.');
    const sent = client.callsTo('schemes.save')[1] as { scheme: Scheme };
    expect(sent.scheme).toMatchObject({ id: SCHEME.id, maxMonths: 24, minMonthly: '40.00', maxMonthly: null, creditor: SCHEME.creditor, validFrom: '2026-01-01', validUntil: null });
  });
});
