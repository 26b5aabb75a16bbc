// The budget plan as a document for others (issue 7): office from Instellingen → Kantoor (name, address, logo),
// client name and dossier number (BSN only on request), the professional's name, a schuldenoverzicht, the
// "niet te berekenen" box on page 1 and the signature block never alone on its page. Real core, real vault,
// the PDF read back with pdfjs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBudgetPlanPdf } from '../../../src/core/budget/plan-pdf';
import { computeBudget } from '../../../src/shared/budget/engine';
import { LOGO_MAX_BYTES } from '../../../src/shared/contract/office';
import { bundledNorms } from '../../support/budget';
import { budgetInputs, extractPdf, singleParentDossier, squash } from '../budget-pdf/helpers';
import { startRig, type Rig } from './helpers';

/** A 1 x 1 PNG. */
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const BSN_AANVRAGER = '123456782';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig.cleanup();
});

const household = {
  status: 'stabilisatie' as const,
  typeOfHelp: 'beschermingsbewind' as const,
  professional: 'Mirjam de Wit',
  adults: [{ role: 'aanvrager' as const, firstName: 'Fictief', lastName: 'Bakker', birthDate: '1988-02-02', bsn: BSN_AANVRAGER }],
  children: [],
  address: { street: 'Lindelaan', houseNumber: '3', postcode: '3511 AB', city: 'Utrecht' },
  bankAccounts: [],
  incomes: [{ description: 'Bijstand', category: 'uitkering_participatiewet' as const, amount: '1419.46', frequency: 'maand' as const }],
  expenses: [{ description: 'Huur', category: 'huur' as const, amount: '700.00', frequency: 'maand' as const }],
  debts: [
    { creditor: 'Zorgverzekeraar Zuid', collector: 'Incassobureau Noord', reference: 'ZV-001', originalAmount: '1500.00', currentAmount: '1200.00', kind: 'concurrent' as const, status: 'open' as const },
    { creditor: 'Belastingdienst', reference: 'BD-7', originalAmount: '350.50', currentAmount: '350.50', kind: 'preferent' as const, status: 'betalingsregeling' as const },
    { creditor: 'Energieleverancier', originalAmount: '75.25', currentAmount: '75.25', kind: 'concurrent' as const, status: 'in_onderzoek' as const },
  ],
};

describe('office settings (Instellingen → Kantoor)', () => {
  it('stores name, address and a PNG logo; refuses what is not a PNG/JPEG or too large, in Dutch, changing nothing', async () => {
    const saved = await rig.call('settings.office.update', {
      name: 'Bewindvoering De Brug',
      address: 'Stationsplein 12',
      postcode: '3511ed',
      city: 'Utrecht',
      phone: '030 123 45 67',
      email: 'info@debrug.example',
      logo: { mime: 'image/png', data: PNG_1PX },
    });
    expect(saved).toMatchObject({ name: 'Bewindvoering De Brug', postcode: '3511 ED', logo: { mime: 'image/png', data: PNG_1PX } });

    // A GIF declared as PNG: the bytes decide.
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1').toString('base64');
    const e1 = await rig.fail('settings.office.update', { name: 'Ander kantoor', logo: { mime: 'image/png', data: gif } });
    expect(e1.message).toContain('geen PNG- of JPEG-afbeelding');
    const tooBig = Buffer.concat([Buffer.from(PNG_1PX, 'base64'), Buffer.alloc(LOGO_MAX_BYTES)]).toString('base64');
    const e2 = await rig.fail('settings.office.update', { logo: { mime: 'image/png', data: tooBig } });
    expect(e2.code).toBe('VALIDATION');
    const e3 = await rig.fail('settings.office.update', { postcode: '1234 SS' });
    expect(e3.code).toBe('VALIDATION');
    expect(await rig.call('settings.office.get', {})).toMatchObject({ name: 'Bewindvoering De Brug', logo: { mime: 'image/png' } });
  });
});

describe('the plan as a document for others', () => {
  it('has the office, client, dossier number, professional and schuldenoverzicht; BSN only on request', async () => {
    await rig.call('settings.update', { userName: 'Jeroen Smit' });
    const created = await rig.call('dossier.create', { data: household });
    const plain = await extractPdf(Buffer.from((await rig.call('budget.createPlan', { id: created.id, date: '2026-07-15' })).contentBase64, 'base64'));
    const page1 = squash(plain.pages[0]!);
    for (const needle of ['Bewindvoering De Brug', 'Stationsplein 12', '3511 ED Utrecht', 'Cliënt: Fictief Bakker', created.number, 'Opgesteld door Jeroen Smit', 'Verantwoordelijk medewerker Mirjam de Wit']) {
      expect(page1, needle).toContain(squash(needle));
    }
    expect(plain.text).not.toContain(BSN_AANVRAGER);

    // Schuldenoverzicht: every debt, and totals that are the sums of the amounts shown:
    // openstaand 1200.00 + 350.50 + 75.25 = 1625.75; oorspronkelijk 1500.00 + 350.50 + 75.25 = 1925.75.
    const all = squash(plain.text);
    expect(all).toContain(squash('Schuldenoverzicht'));
    expect(all).toContain(squash('Zorgverzekeraar Zuid Incassobureau Noord ZV-001 concurrent Open € 1.500,00 € 1.200,00'));
    expect(all).toContain(squash('Belastingdienst BD-7 preferent Betalingsregeling € 350,50 € 350,50'));
    expect(all).toContain(squash('Totaal (3 schulden) € 1.925,75 € 1.625,75'));
    expect(all).toContain(squash('Openstaande schulden € 1.625,75'));

    const withBsn = await extractPdf(
      Buffer.from((await rig.call('budget.createPlan', { id: created.id, date: '2026-07-15', includeBsn: true })).contentBase64, 'base64'),
    );
    expect(squash(withBsn.pages[0]!)).toContain(squash(`BSN Fictief: ${BSN_AANVRAGER}`));
  });

  it('never leaves the signature block alone on a page, however long the plan', async () => {
    const many = {
      ...household,
      debts: Array.from({ length: 45 }, (_, i) => ({
        creditor: `Schuldeiser ${i + 1}`,
        originalAmount: '100.00',
        currentAmount: '100.00',
        kind: 'concurrent' as const,
        status: 'open' as const,
      })),
    };
    for (const data of [household, many]) {
      const created = await rig.call('dossier.create', { data });
      const out = await extractPdf(Buffer.from((await rig.call('budget.createPlan', { id: created.id, date: '2026-07-15' })).contentBase64, 'base64'));
      const page = out.pages.find((p) => squash(p).includes(squash('Besproken en akkoord')));
      expect(page).toBeDefined();
      const p = squash(page!);
      // The summary of the plan is on the same page as the signatures.
      expect(p).toContain(squash('Samenvatting'));
      expect(p).toContain(squash('Saldo per maand'));
      expect(p).toContain(squash('Naam en handtekening'));
    }
  });
});

describe('"niet te berekenen" on page 1', () => {
  it('says so in a box with the reason when a key figure cannot be computed', async () => {
    const norms = await bundledNorms();
    const base = singleParentDossier();
    // Income above the norm without the belastbaar inkomen: the BVV (and so VTLB and afloscapaciteit) cannot be computed.
    const rich = { ...base, incomes: [{ description: 'Loon', category: 'loon' as const, amount: '2600.00', frequency: 'maand' as const }] };
    const r = computeBudget(rich, budgetInputs(), norms, '2026-07-15');
    expect(r.beslagvrijeVoet.value).toBeNull();
    const out = await extractPdf(await renderBudgetPlanPdf({ dossier: rich, result: r, generatedAt: Date.UTC(2026, 6, 15), generatedBy: 'Jeroen Smit' }));
    const page1 = squash(out.pages[0]!);
    expect(page1).toContain(squash('Niet te berekenen'));
    expect(page1).toContain(squash('kerncijfers in dit plan zijn niet te berekenen'));
    expect(page1).toContain(squash('Beslagvrije voet:'));
    expect(page1).toContain(squash('Afloscapaciteit:'));

    const ok = computeBudget(base, budgetInputs(), norms, '2026-07-15');
    const fine = await extractPdf(await renderBudgetPlanPdf({ dossier: base, result: ok, generatedAt: Date.UTC(2026, 6, 15), generatedBy: 'Jeroen Smit' }));
    expect(squash(fine.pages[0]!)).not.toContain(squash('kerncijfers in dit plan zijn niet te berekenen'));
  });
});

describe('the household as it really is in the plan', () => {
  it('names a pleegkind, co-ouderschap, the woonsituatie and instalments', async () => {
    const norms = await bundledNorms();
    const base = singleParentDossier();
    const d = {
      ...base,
      address: null,
      addressKind: 'briefadres_met_inzicht' as const,
      expenses: [...base.expenses, { description: 'Waterschapsbelasting', category: 'gemeentelijke_belastingen' as const, amount: '30.00', frequency: 'termijnen' as const, instalments: 10 }],
      children: [
        { ...base.children[0]!, fosterChild: true },
        { ...base.children[1]!, coParenting: 'andere_ouder_ontvangt_kinderbijslag' as const },
      ],
    };
    const r = computeBudget(d, budgetInputs(), norms, '2026-07-15');
    const out = await extractPdf(await renderBudgetPlanPdf({ dossier: d, result: r, generatedAt: Date.UTC(2026, 6, 15), generatedBy: 'Jeroen Smit' }));
    const text = squash(out.text);
    expect(text).toContain(squash('Woonsituatie: Briefadres, volledig inzicht gegeven aan de deurwaarder (art. 475e lid 1 Rv)'));
    expect(text).toContain(squash('Woont thuis; pleegkind (geen kinderbijslag of kindgebonden budget)'));
    expect(text).toContain(squash('Woont thuis; co-ouderschap, de andere ouder ontvangt de kinderbijslag'));
    // 30.00 in 10 termijnen: 30 x 10 / 12 = 25.00 per month.
    expect(text).toContain(squash('Waterschapsbelasting Gemeentelijke belastingen € 30,00 per termijn, 10 termijnen per jaar € 25,00'));
  });
});
