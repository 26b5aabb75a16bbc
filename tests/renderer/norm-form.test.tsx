// Instellingen → Normen → "Periode invoeren" as a Dutch form (issue 7): labels in words grouped by section,
// prefilled from the previous period with the next indexation date, "copy and index by x %" computed with Decimal
// and rounded half-up to cents, and saving sends a valid period. Expected amounts computed by hand.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { addNormPeriodInput } from '../../src/shared/contract/budget';
import { createFakeClient, status, type Handlers } from './fake-client';

afterEach(cleanup);

const period = (start: string, end: string, figures: [string, string, string][]) => ({
  start,
  end,
  status: 'official' as const,
  origin: 'bundled' as const,
  source: ['https://wetten.overheid.nl/BWBR0015703/2026-07-01'],
  figures: figures.map(([name, label, value]) => ({ name, label, value, status: 'official' as const })),
  missing: [],
  notes: [],
  userFileId: null,
  current: true,
});

const LIST = {
  groups: [
    {
      group: 'bijstandsnormen' as const,
      label: 'Bijstandsnormen',
      title: 'Bijstandsnormen Participatiewet',
      unit: 'EUR per maand, netto',
      indexationDates: ['01-01', '07-01'],
      source: ['https://wetten.overheid.nl/BWBR0015703'],
      coverage: 'Beschikbaar: 01-01-2024 t/m 31-12-2026.',
      periods: [
        period('2026-07-01', '2026-12-31', [
          // Labels in the raw table form (prefix label + technical rest): the form words them itself.
          ['age_21_to_aow.single.incl_holiday_pay', 'alleenstaande / alleenstaande ouder (21 jaar tot AOW-leeftijd) (incl_holiday_pay)', '1440.00'],
          ['age_21_to_aow.couple.incl_holiday_pay', 'gehuwden / samenwonenden (beiden 21 jaar tot AOW-leeftijd) (incl_holiday_pay)', '1234.60'],
          ['aow_age.single.incl_holiday_pay', 'alleenstaande (ouder) AOW-leeftijd (incl_holiday_pay)', '1587.34'],
          ['other.art_31_work_income_exemption.percentage', 'vrijlating inkomsten uit arbeid (percentage)', '25'],
        ]),
      ],
    },
  ],
  userFiles: [],
};

function app(handlers: Handlers) {
  const client = createFakeClient(
    { 'settings.get': () => ({ userName: 'Merel de Wit', autoLockMinutes: 10 }), 'dossier.list': () => [], 'norms.list': () => LIST, ...handlers },
    status('unlocked'),
  );
  render(<App client={client} />);
  return client;
}

async function openForm() {
  fireEvent.click(await screen.findByRole('link', { name: 'Instellingen' }));
  await screen.findByRole('heading', { level: 3, name: 'Bijstandsnormen' });
  fireEvent.click(screen.getByRole('button', { name: 'Periode invoeren' }));
  return screen.findByRole('form', { name: 'Periode met de hand invoeren' });
}

const input = (form: HTMLElement, label: string) => within(form).getByLabelText(label) as HTMLInputElement;

describe('norm entry form', () => {
  it('has Dutch labels in sections, prefilled from the previous period', async () => {
    app({});
    const form = await openForm();
    const sec21 = within(form).getByRole('group', { name: '21 jaar tot AOW-leeftijd' });
    expect(input(sec21, 'Alleenstaande (ouder), 21 jaar tot AOW-leeftijd, incl. vakantietoeslag').value).toBe('1.440,00');
    expect(input(sec21, 'Gehuwden / samenwonenden, beiden 21 jaar tot AOW-leeftijd, incl. vakantietoeslag').value).toBe('1.234,60');
    const secAow = within(form).getByRole('group', { name: 'AOW-leeftijd' });
    expect(input(secAow, 'Alleenstaande (ouder), AOW-leeftijd, incl. vakantietoeslag').value).toBe('1.587,34');
    const other = within(form).getByRole('group', { name: 'Overige bedragen' });
    expect(input(other, 'Vrijlating inkomsten uit arbeid, percentage').value).toBe('25');
    // The next indexation date after the previous period (01-07-2026): 01-01-2027.
    expect(input(form, 'Ingangsdatum').value).toBe('01-01-2027');
    // No internal keys shown as labels.
    expect(form.textContent).not.toContain('incl_holiday_pay');
  });

  /* Index by 2,5 %: 1440.00 x 1.025 = 1476.00; 1234.60 x 1.025 = 1265.465 -> 1265.47 (half-up; half-even would give
   * 1265.46); 1587.34 x 1.025 = 1627.0235 -> 1627.02; the percentage 25 is not indexed. */
  it('copies and indexes by x % with Decimal, half-up to cents, and saves a valid period', async () => {
    const client = app({ 'norms.addPeriod': () => ({ id: 'u9', group: 'bijstandsnormen', periodStarts: ['2027-01-01'], absentFigures: [] }) });
    const form = await openForm();
    fireEvent.change(input(form, 'Indexeren met (%)'), { target: { value: 'twee' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Kopiëren en indexeren' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Vul een percentage in tussen -50 en 50, bijvoorbeeld 2,5.');

    fireEvent.change(input(form, 'Indexeren met (%)'), { target: { value: '2,5' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Kopiëren en indexeren' }));
    await waitFor(() => expect(input(form, 'Alleenstaande (ouder), 21 jaar tot AOW-leeftijd, incl. vakantietoeslag').value).toBe('1.476,00'));
    expect(input(form, 'Gehuwden / samenwonenden, beiden 21 jaar tot AOW-leeftijd, incl. vakantietoeslag').value).toBe('1.265,47');
    expect(input(form, 'Alleenstaande (ouder), AOW-leeftijd, incl. vakantietoeslag').value).toBe('1.627,02');
    expect(input(form, 'Vrijlating inkomsten uit arbeid, percentage').value).toBe('25');

    fireEvent.change(input(form, 'Bron'), { target: { value: 'Staatscourant 2026, nr. 40000' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Periode opslaan' }));
    await waitFor(() => expect(client.callsTo('norms.addPeriod')).toHaveLength(1));
    const sent = client.callsTo('norms.addPeriod')[0];
    expect(sent).toEqual({
      group: 'bijstandsnormen',
      start: '2027-01-01',
      status: 'official',
      figures: {
        'age_21_to_aow.single.incl_holiday_pay': '1476.00',
        'age_21_to_aow.couple.incl_holiday_pay': '1265.47',
        'aow_age.single.incl_holiday_pay': '1627.02',
        'other.art_31_work_income_exemption.percentage': '25',
      },
      source: 'Staatscourant 2026, nr. 40000',
    });
    // What the form sends is a valid period for the contract the core validates.
    expect(addNormPeriodInput.safeParse(sent).success).toBe(true);
  });

  it('reads "1.476" as one thousand four hundred seventy-six (nl-NL thousands dot), not as 1,476 euro', async () => {
    const client = app({ 'norms.addPeriod': () => ({ id: 'u9', group: 'bijstandsnormen', periodStarts: ['2027-01-01'], absentFigures: [] }) });
    const form = await openForm();
    fireEvent.change(input(form, 'Alleenstaande (ouder), 21 jaar tot AOW-leeftijd, incl. vakantietoeslag'), { target: { value: '1.476' } });
    fireEvent.change(input(form, 'Gehuwden / samenwonenden, beiden 21 jaar tot AOW-leeftijd, incl. vakantietoeslag'), { target: { value: '1.265.470' } });
    fireEvent.change(input(form, 'Bron'), { target: { value: 'Staatscourant 2026, nr. 40000' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Periode opslaan' }));
    await waitFor(() => expect(client.callsTo('norms.addPeriod')).toHaveLength(1));
    const sent = client.callsTo('norms.addPeriod')[0] as { figures: Record<string, string> };
    expect(sent.figures['age_21_to_aow.single.incl_holiday_pay']).toBe('1476');
    expect(sent.figures['age_21_to_aow.couple.incl_holiday_pay']).toBe('1265470');
    // An unchanged prefilled field keeps its value.
    expect(sent.figures['aow_age.single.incl_holiday_pay']).toBe('1587.34');
  });
});
