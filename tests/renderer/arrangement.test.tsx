// Dossier → Regeling against a fake core whose answers come from the real budget and proposal engines on the
// bundled norm tables (the same serialisers the core uses). The afloscapaciteit is stated (100,00) so the
// figures follow by hand: 18 x 100 = 1.800; claims concurrent 2.000 + 1.000, preferent 1.000, factor 2:
// p = 1800 / 5000 = 36 %, preferent 72 %.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/renderer/App';
import { proposalForDossier, premiumStagesOf } from '../../src/shared/arrangement';
import { computeBudget, type NormSet } from '../../src/shared/budget';
import { budgetInputsSchema } from '../../src/shared/budget/inputs';
import { arrangementParamsIn, serializeProposal, toEngineParams, type ArrangementParamsIn, type ArrangementView } from '../../src/shared/contract/arrangements';
import type { Scheme } from '../../src/shared/arrangement/scheme';
import type { Dossier } from '../../src/shared/dossier/schema';
import { bundledNorms, householdData, storedDossier, VEENSTRA, veenstraSummary } from '../support/budget';
import { createFakeClient, fail, status, type Handlers, openDossierTab, type } from './fake-client';

const REF = '2026-11-23';
const SUMMARY = veenstraSummary('schuldregeling');
const DATA = householdData({
  ...VEENSTRA,
  incomes: [{ description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1401.50', frequency: 'maand' }],
  debts: [
    { id: 'a', creditor: 'Woonstad Leeuwarden', originalAmount: '2000.00', currentAmount: '2000.00', kind: 'concurrent', status: 'open', creditorKind: 'verhuurder' },
    { id: 'b', creditor: 'Vattenfall', originalAmount: '1000.00', currentAmount: '1000.00', kind: 'concurrent', status: 'open', creditorKind: 'energie' },
    { id: 'c', creditor: 'Belastingdienst', originalAmount: '1000.00', currentAmount: '1000.00', kind: 'preferent', status: 'open', creditorKind: 'belastingdienst' },
    { id: 'd', creditor: 'CJIB', originalAmount: '250.00', currentAmount: '250.00', kind: 'concurrent', status: 'open', creditorKind: 'cjib' },
  ],
});
const DOSSIER: Dossier = storedDossier(DATA, { id: 'd1', number: '2026-0007' });
const SAVED: ArrangementParamsIn = {
  capacityOverride: { amount: '100.00', reason: 'Vastgesteld met de VTLB-calculator' },
  holidayPayOverride: { amount: '0.00', reason: 'Geen vakantiegeld' },
};

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});

function view(params: ArrangementParamsIn, updatedAt: number | null): ArrangementView | ReturnType<typeof fail> {
  const parsed = arrangementParamsIn.safeParse(params);
  if (!parsed.success) return fail('VALIDATION', parsed.error.issues[0]!.message);
  const result = computeBudget(DATA, budgetInputsSchema.parse({}), norms, REF);
  const proposal = proposalForDossier(DATA, result, toEngineParams(parsed.data), 'Budget van dossier 2026-0007');
  return { dossierId: 'd1', referenceDate: REF, params: parsed.data, paramsUpdatedAt: updatedAt, proposal: serializeProposal(proposal), premiumStages: premiumStagesOf(DATA.debts).map((s) => ({ ...s, stage: { ...s.stage, exits: [...s.stage.exits] } })) };
}

function app(handlers: Handlers = {}) {
  let saved = SAVED;
  const client = createFakeClient(
    {
      'dossier.list': () => [SUMMARY],
      'dossier.get': () => DOSSIER,
      'settings.get': () => ({ userName: 'Merel de Wit', autoLockMinutes: 10 }),
      'arrangement.get': () => view(saved, 1) as ArrangementView,
      'arrangement.preview': (i) => view(i.params, null),
      'arrangement.saveInputs': (i) => {
        saved = i.params;
        return { params: arrangementParamsIn.parse(i.params), updatedAt: 2 };
      },
      'letters.list': () => [],
      'schemes.list': () => ({ schemes: [] }),
      ...handlers,
    },
    status('unlocked'),
  );
  render(<App client={client} />);
  return client;
}

async function openTab() {
  await openDossierTab('Veenstra, Ilse', 'Regeling');
  await screen.findByRole('heading', { name: 'Verdeling over de schuldeisers' });
}

const creditorRow = (name: string) => within(screen.getByRole('table', { name: 'Voorstel per schuldeiser' })).getByRole('rowheader', { name }).closest('tr')!;
const figureRow = (label: RegExp) => within(screen.getByRole('table', { name: 'Kerncijfers van het voorstel' })).getByRole('rowheader', { name: label }).closest('tr')!;

afterEach(cleanup);
beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:fake');
  URL.revokeObjectURL = vi.fn();
});

describe('Dossier → Regeling', () => {
  it('shows the engine\'s proposal with an explanation per figure; CJIB stays out with its reason', async () => {
    app();
    await openTab();
    expect(screen.getByRole('heading', { name: /Voorstel: 18 maanden vanaf 01-12-2026/ })).toBeTruthy();
    expect(figureRow(/^Totaal voor de schuldeisers/).textContent).toContain('€ 1.800,00');
    expect(figureRow(/^Percentage concurrente/).textContent).toContain('36,00 %');
    expect(figureRow(/^Percentage preferente/).textContent).toContain('72,00 %');
    expect(creditorRow('Woonstad Leeuwarden').textContent).toContain('€ 2.000,0036,00 %€ 720,00');
    expect(creditorRow('Belastingdienst').textContent).toContain('€ 1.000,0072,00 %€ 720,00');
    const totals = within(screen.getByRole('table', { name: 'Voorstel per schuldeiser' })).getByRole('rowheader', { name: 'Totaal' }).closest('tr')!;
    expect(totals.textContent).toContain('€ 4.000,00€ 1.800,00');
    expect(screen.getByRole('region', { name: 'Buiten de regeling' }).textContent).toContain('CJIB (€ 250,00): CJIB-boetes zijn niet onderhandelbaar');
    // Toelichting opens the rule of the figure.
    fireEvent.click(within(figureRow(/^Percentage concurrente/)).getByRole('button', { name: /Toelichting/ }));
    expect(screen.getByRole('region', { name: 'Toelichting bij Percentage concurrente schuldeisers' }).textContent).toContain('p = totaal / (Dc + factor × Dp)');
    fireEvent.click(within(creditorRow('Vattenfall')).getByRole('button', { name: 'Toelichting bij Vattenfall' }));
    expect(screen.getByRole('region', { name: 'Toelichting bij het bedrag voor Vattenfall' })).toBeTruthy();
  });

  it('moves the percentages as you type (one preview after a short pause), then saves the what-if', async () => {
    const client = app();
    await openTab();
    type(screen.getByLabelText('Looptijd (maanden)'), '2');
    type(screen.getByLabelText('Looptijd (maanden)'), '24');
    type(screen.getByLabelText('Reden voor een andere looptijd dan 18 maanden'), 'Inkomen stijgt na 18 maanden niet');
    // 24 x 100 = 2.400; p = 2400 / 5000 = 48 %, preferent 96 %.
    await waitFor(() => expect(figureRow(/^Percentage concurrente/).textContent).toContain('48,00 %'), { timeout: 3000 });
    expect(figureRow(/^Percentage preferente/).textContent).toContain('96,00 %');
    const previews = client.callsTo('arrangement.preview') as { params: ArrangementParamsIn }[];
    expect(previews).toHaveLength(1);
    expect(previews[0]!.params).toMatchObject({ months: 24, monthsReason: 'Inkomen stijgt na 18 maanden niet', factor: '2', capacityOverride: SAVED.capacityOverride });

    fireEvent.click(screen.getByRole('button', { name: 'Voorstel opslaan' }));
    await screen.findByText(/Het voorstel is opgeslagen/);
    expect(client.callsTo('arrangement.saveInputs')[0]).toMatchObject({ id: 'd1', params: { months: 24 } });
    expect(screen.getByRole('heading', { name: /Voorstel: 24 maanden/ })).toBeTruthy();
  });

  it('leaves a creditor out and changes the factor', async () => {
    app();
    await openTab();
    fireEvent.click(screen.getByLabelText('Vattenfall'));
    // Without Vattenfall: p = 1800 / (2000 + 2 x 1000) = 45 %, preferent 90 %.
    await waitFor(() => expect(figureRow(/^Percentage concurrente/).textContent).toContain('45,00 %'), { timeout: 3000 });
    expect(() => creditorRow('Vattenfall')).toThrow();
    type(screen.getByLabelText('Factor preferente schuldeisers'), '1');
    // Factor 1: p = 1800 / 3000 = 60 % for both.
    await waitFor(() => expect(figureRow(/^Percentage preferente/).textContent).toContain('60,00 %'), { timeout: 3000 });
    expect((screen.getByLabelText('CJIB', { exact: false }) as HTMLInputElement).disabled).toBe(true);
  });

  it('shows the core\'s Dutch refusal of a what-if and blocks saving and letters', async () => {
    app();
    await openTab();
    type(screen.getByLabelText('Looptijd (maanden)'), '24');
    await screen.findByText(/Geef een reden voor een andere looptijd dan 18 maanden\./, {}, { timeout: 3000 });
    expect((screen.getByRole('button', { name: 'Voorstel opslaan' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Sla eerst het voorstel op: brieven gebruiken het opgeslagen voorstel.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Brief aan Woonstad Leeuwarden maken' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the zorgpremie scheme for this family in plain Dutch, with its figures', async () => {
    const scheme: Scheme = { format: 'houvast.scheme', version: 1, id: 'zz', name: 'Zorgpremie Zwolle', creditor: { name: 'Zorgverzekeraar Zuid', matchNames: ['Zuid'] }, gemeente: 'Zwolle', route: 'bewind', maxMonths: 36, minMonthly: '35.00', maxMonthly: null, conditions: { currentPremiumPaid: true, noNewArrears: true, other: [] }, forgiveRemainder: true, validFrom: '2026-01-01', validUntil: null, source: [], notes: [] };
    const fig = (label: string, value: string | null) => ({ label, value, exact: value, explanation: { rule: `Regel voor ${label}`, inputs: {}, tables: [] } });
    app({
      'schemes.list': () => ({ schemes: [{ scheme, origin: 'bundled', replacesBundled: false, updatedAt: null }] }),
      'schemes.family': () => ({
        schemeId: 'zz', dossierId: 'd1', dossierNumber: '2026-0007', displayName: 'Veenstra, Ilse', city: 'Leeuwarden', childrenCount: 2, fictitious: true, status: 'kandidaat', debtIds: ['z'],
        arrears: fig('Achterstand bij Zorgverzekeraar Zuid', '700.00'), premiumStage: null, feasible: true, monthly: fig('Per maand', '35.00'), months: 20, paid: fig('Betaald in de regeling', '700.00'), forgiven: fig('Kwijtschelding', '0.00'),
        summary: 'Ilse Veenstra betaalt € 35,00 per maand gedurende 20 maanden; daarna is de achterstand betaald.', missing: [], warnings: [], eligibility: { meets: true, reasons: [] }, agreedMonthly: null, startDate: null,
      }),
    });
    await openTab();
    const section = await screen.findByRole('region', { name: 'Regeling zorgpremie voor dit gezin' });
    expect(section.textContent).toContain('Ilse Veenstra betaalt € 35,00 per maand gedurende 20 maanden');
    const table = within(section).getByRole('table', { name: 'Regeling Zorgpremie Zwolle' });
    expect(within(table).getByRole('rowheader', { name: 'Looptijd' }).closest('tr')!.textContent).toContain('20 maanden');
    expect(within(table).getByRole('rowheader', { name: /^Per maand/ }).closest('tr')!.textContent).toContain('€ 35,00');
  });

  it('makes a letter without BSN by default and with BSN when ticked', async () => {
    const client = app({
      'letters.create': (i) => ({
        letter: { id: 'l1', dossierId: 'd1', debtId: i.debtId ?? null, kind: i.kind, fileName: 'voorstel-2026-0007-Vattenfall-2026-11-23.pdf', createdAt: 1, size: 2048, includesBsn: !!i.includeBsn },
        contentBase64: 'JVBERi0=',
      }),
    });
    await openTab();
    fireEvent.click(screen.getByRole('button', { name: 'Brief aan Vattenfall maken' }));
    await screen.findByText('voorstel-2026-0007-Vattenfall-2026-11-23.pdf is gemaakt, bewaard in het dossier en gedownload.');
    fireEvent.click(screen.getByLabelText('BSN in de brief opnemen'));
    fireEvent.click(screen.getByRole('button', { name: 'Schuldenoverzicht maken' }));
    await waitFor(() => expect(client.callsTo('letters.create')).toHaveLength(2));
    expect(client.callsTo('letters.create')).toEqual([
      { dossierId: 'd1', kind: 'voorstel', debtId: 'b', includeBsn: false, recordSent: true },
      { dossierId: 'd1', kind: 'schuldenoverzicht', includeBsn: true, recordSent: false },
    ]);
    expect(URL.createObjectURL).toHaveBeenCalled();
  });
  it('exports the stored letters to a folder the user names, and shows the core\'s Dutch refusal', async () => {
    const letter = { id: 'l1', dossierId: 'd1', debtId: 'b', kind: 'voorstel' as const, fileName: 'voorstel-2026-0007-Vattenfall-2026-11-23.pdf', createdAt: 1, size: 2048, includesBsn: false };
    let attempt = 0;
    const client = app({
      'letters.list': () => [letter],
      'letters.exportToFolder': (i) => {
        attempt += 1;
        if (attempt === 1) return fail('VALIDATION', 'Deze map bestaat niet. Kies een bestaande map.', [{ path: 'folder', message: 'Deze map bestaat niet. Kies een bestaande map.' }]);
        return { folder: i.folder, files: [letter.fileName] };
      },
    });
    await openTab();
    const button = await screen.findByRole('button', { name: 'Alle brieven naar deze map exporteren' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    type(screen.getByLabelText('Map voor de brieven'), '/home/merel/Bestaat niet');
    fireEvent.click(button);
    await screen.findByText('Deze map bestaat niet. Kies een bestaande map.');
    type(screen.getByLabelText('Map voor de brieven'), ' /home/merel/Brieven ');
    fireEvent.click(button);
    await screen.findByText(`1 brief opgeslagen in /home/merel/Brieven: ${letter.fileName}.`);
    expect(client.callsTo('letters.exportToFolder')).toEqual([
      { dossierId: 'd1', folder: '/home/merel/Bestaat niet' },
      { dossierId: 'd1', folder: '/home/merel/Brieven' },
    ]);
  });
});

describe('Dossier → Regeling: the total for the creditors adds up', () => {
  it('shows afloscapaciteit × 18 beside the holiday pay: € 1.800,00 + € 1.851,86 = € 3.651,86', async () => {
    // Stated afloscapaciteit 100.00 × 18 = 1800.00; holiday pay 1234.57 per year × 18 / 12 = 1851.855, shown half-up
    // as 1851.86; total 1800.00 + 1851.855 = 3651.855 → 3651.86 = 1800.00 + 1851.86.
    const params: ArrangementParamsIn = { ...SAVED, holidayPayOverride: { amount: '1234.57', reason: 'Vakantiegeld volgens de loonstrook' } };
    app({ 'arrangement.get': () => view(params, 1) as ArrangementView });
    await openTab();
    expect(figureRow(/^Afloscapaciteit over de looptijd \(18 maanden\)/).textContent).toContain('€ 1.800,00');
    expect(figureRow(/^Vakantiegeld over de looptijd/).textContent).toContain('€ 1.851,86');
    expect(figureRow(/^Totaal voor de schuldeisers/).textContent).toContain('€ 3.651,86');
  });
});

describe('Dossier → Regeling: zorgpremie scheme figures add up', () => {
  it('a scheme that forgives nothing: the total row is what stays owed (1200.00 − 35.00 × 20 = 500.00), not the zero forgiven', async () => {
    const scheme: Scheme = { format: 'houvast.scheme', version: 1, id: 'zz', name: 'Zorgpremie Zwolle', creditor: { name: 'Zorgverzekeraar Zuid', matchNames: ['Zuid'] }, gemeente: 'Zwolle', route: 'bewind', maxMonths: 20, minMonthly: '35.00', maxMonthly: '35.00', conditions: { currentPremiumPaid: true, noNewArrears: true, other: [] }, forgiveRemainder: false, validFrom: '2026-01-01', validUntil: null, source: [], notes: [] };
    const fig = (label: string, value: string | null) => ({ label, value, exact: value, explanation: { rule: `Regel voor ${label}`, inputs: {}, tables: [] } });
    app({
      'schemes.list': () => ({ schemes: [{ scheme, origin: 'bundled', replacesBundled: false, updatedAt: null }] }),
      'schemes.family': () => ({
        schemeId: 'zz', dossierId: 'd1', dossierNumber: '2026-0007', displayName: 'Veenstra, Ilse', city: 'Leeuwarden', childrenCount: 2, fictitious: true, status: 'kandidaat', debtIds: ['z'],
        arrears: fig('Achterstand bij Zorgverzekeraar Zuid', '1200.00'), premiumStage: null, feasible: true, monthly: fig('Maandbedrag', '35.00'), months: 20, paid: fig('Afgelost binnen de looptijd', '700.00'),
        remainder: fig('Restant na de looptijd', '500.00'), forgiven: fig('Kwijtgescholden na de looptijd', '0.00'),
        summary: 'Ilse Veenstra betaalt € 35,00 per maand gedurende 20 maanden.', missing: [], warnings: [], eligibility: { meets: true, reasons: [] }, agreedMonthly: null, startDate: null,
      }),
    });
    await openTab();
    const section = await screen.findByRole('region', { name: 'Regeling zorgpremie voor dit gezin' });
    const table = within(section).getByRole('table', { name: 'Regeling Zorgpremie Zwolle' });
    const rowOf = (name: RegExp) => within(table).getByRole('rowheader', { name }).closest('tr')!;
    expect(rowOf(/^Restant na de looptijd/).textContent).toContain('€ 500,00');
    expect(rowOf(/^Restant na de looptijd/).className).toMatch(/total/);
    expect(rowOf(/^Kwijtgescholden na de looptijd/).className).not.toMatch(/total/);
  });
});
