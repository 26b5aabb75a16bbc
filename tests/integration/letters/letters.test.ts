// The proposal letter and the schuldenoverzicht PDFs, read back with pdfjs: every element RULES.md d.3 lists,
// the acceptance slip and reply deadline, no BSN unless chosen, and the nul-aanbod text.
// Figures by hand: afloscapaciteit 100,00 x 18 months = pot 1.800,00; claims concurrent 2.000 + 1.000,
// preferent 1.000, factor 2: p_conc = 1800 / (3000 + 2 x 1000) = 36 %, p_pref = 72 %;
// offers 720,00 + 360,00 + 720,00 = 1.800,00.
import { describe, expect, it } from 'vitest';
import {
  debtOverviewFileName,
  proposalLetterFileName,
  renderDebtOverview,
  renderProposalLetter,
  type LetterData,
} from '../../../src/core/arrangement/letters';
import { extractPdf, squash } from '../budget-pdf/helpers';

const BSN = '111222333';
const CREDITORS = [
  { debtId: 'a', creditor: 'Woonstad Leeuwarden', reference: 'HUUR-2291', kind: 'concurrent' as const, claim: '2000.00', percentage: '36.00', amount: '720.00' },
  { debtId: 'b', creditor: 'Vattenfall', reference: null, kind: 'concurrent' as const, claim: '1000.00', percentage: '36.00', amount: '360.00' },
  { debtId: 'c', creditor: 'Belastingdienst', reference: 'IB-2024', kind: 'preferent' as const, claim: '1000.00', percentage: '72.00', amount: '720.00' },
];

function data(over: Partial<LetterData> = {}, bsn: string | null = null): LetterData {
  return {
    dossierNumber: '2026-0007',
    fictitious: false,
    letterDate: '2026-12-01',
    replyBy: '2026-12-31',
    generatedAt: Date.UTC(2026, 11, 1, 10, 0),
    sender: { name: 'Merel de Wit', professional: 'Merel de Wit', organisation: 'Schuldhulp Friesland' },
    debtors: [{ name: 'Ilse Veenstra', birthDate: '1990-04-12', bsn }],
    address: { street: 'Nieuwestad', houseNumber: '3', postcode: '8911 AA', city: 'Leeuwarden' },
    addressee: CREDITORS[0]!,
    creditors: CREDITORS,
    excluded: [{ creditor: 'CJIB', reference: 'CJ-1', claim: '250.00', reason: 'Boetes van het CJIB vallen buiten de regeling.' }],
    totals: { claims: '4000.00', amounts: '1800.00' },
    proposal: {
      status: 'voorstel',
      variant: 'schuldbemiddeling',
      months: 18,
      startDate: '2027-01-01',
      concurrentPct: '36.00',
      preferentPct: '72.00',
      factor: '2',
      monthlyCapacity: '100.00',
      pot: '1800.00',
      holidayPay: '0.00',
      nulAanbodText: null,
      notes: [],
    },
    budget: {
      referenceDate: '2026-12-01',
      income: '1850.00',
      vtlb: '1750.00',
      afloscapaciteit: '100.00',
      calculator: 'Houvast 0.9.0 (VTLB-methode Recofa/NVVK)',
      normPeriods: ['Bijstandsnormen vanaf 01-07-2026'],
    },
    ...over,
  };
}

describe('proposal letter PDF', () => {
  it('contains every element of a saneringsvoorstel (RULES.md d.3)', async () => {
    const pdf = await extractPdf(await renderProposalLetter(data()));
    const t = squash(pdf.text);
    const has = (s: string) => expect(t, s).toContain(squash(s));
    // Debtor identification, organisation, our reference and date.
    has('Ilse Veenstra, geboren 12-04-1990');
    has('Nieuwestad 3, 8911 AA Leeuwarden');
    has('Schuldhulp Friesland');
    has('Ons kenmerk: 2026-0007');
    has('Uw kenmerk: HUUR-2291');
    has('Datum: 01-12-2026');
    // Schuldenoverzicht: every creditor with claim, status and offer; totals; what stays out and why.
    for (const line of ['Woonstad Leeuwarden HUUR-2291 concurrent € 2.000,00 36,00% € 720,00', 'Vattenfall - concurrent € 1.000,00 36,00% € 360,00', 'Belastingdienst IB-2024 preferent € 1.000,00 72,00% € 720,00']) has(line);
    has('Totaal € 4.000,00 € 1.800,00');
    has('CJIB (CJ-1): € 250,00; Boetes van het CJIB vallen buiten de regeling.');
    // VTLB calculation with calculator version and date.
    has('Netto inkomen € 1.850,00');
    has('Vrij te laten bedrag (VTLB) € 1.750,00');
    has('€ 100,00');
    has('Peildatum 01-12-2026; berekend met Houvast 0.9.0 (VTLB-methode Recofa/NVVK)');
    has('Beschikbaar voor de schuldeisers over de looptijd: € 1.800,00');
    // Term, start, type, percentage and amount for this creditor, finale kwijting.
    has('Looptijd: 18 maanden, vanaf 01-01-2027');
    has('Soort regeling: schuldbemiddeling');
    has('Wij bieden u 36,00% van uw vordering van € 2.000,00, dat is € 720,00, tegen finale kwijting.');
    // Conditions, stop collection, reply deadline, signature and the acceptance slip.
    has('geen nieuwe schulden');
    has('Verandert het inkomen, dan wordt de afloscapaciteit opnieuw berekend');
    has('voortijdig worden beëindigd');
    has('de invordering te stoppen');
    has('beslagen op te heffen');
    has('uiterlijk 31-12-2026');
    has('Met vriendelijke groet');
    has('Antwoordstrook');
    has('Terugsturen vóór 31-12-2026');
    has('Wij gaan akkoord met het voorstel en verlenen finale kwijting');
    has('Wij gaan niet akkoord');
    has('Handtekening');
    has('artikel 287a Faillissementswet');
    // The acceptance slip is on its own page.
    expect(squash(pdf.pages.at(-1)!)).toContain(squash('Antwoordstrook'));
  });

  it('has no BSN unless the user chose to include it', async () => {
    const without = await extractPdf(await renderProposalLetter(data()));
    expect(without.text).not.toContain(BSN);
    expect(without.text).not.toMatch(/BSN/);
    const withBsn = await extractPdf(await renderProposalLetter(data({}, BSN)));
    expect(squash(withBsn.text)).toContain(squash(`Ilse Veenstra, geboren 12-04-1990, BSN ${BSN}`));
  });

  it('keeps names and the BSN out of the PDF metadata', async () => {
    const pdf = await extractPdf(await renderProposalLetter(data({}, BSN)));
    expect(pdf.info['Title']).toBe('Betalingsvoorstel 2026-0007');
    const meta = JSON.stringify(pdf.info) + (pdf.metadata ?? '');
    for (const s of [BSN, 'Veenstra', 'Ilse', 'Nieuwestad']) expect(meta).not.toContain(s);
  });

  it('explains a nul-aanbod: nothing is paid, kwijting after the term', async () => {
    const nul = data({
      addressee: { ...CREDITORS[1]!, percentage: '0.00', amount: '0.00' },
      totals: { claims: '4000.00', amounts: '0.00' },
      proposal: {
        ...data().proposal,
        status: 'nul_aanbod',
        concurrentPct: '0.00',
        preferentPct: '0.00',
        monthlyCapacity: '0.00',
        pot: '0.00',
        nulAanbodText: 'De afloscapaciteit is nul: het inkomen is niet hoger dan het vrij te laten bedrag. U ontvangt geen betaling; wij vragen finale kwijting na afloop van de looptijd van 18 maanden.',
      },
      budget: { ...data().budget, income: '1700.00', vtlb: '1750.00', afloscapaciteit: '0.00' },
    });
    const t = squash((await extractPdf(await renderProposalLetter(nul))).text);
    expect(t).toContain(squash('Betreft: voorstel schuldregeling zonder afloscapaciteit, Ilse Veenstra'));
    expect(t).toContain(squash('De afloscapaciteit is nul: het inkomen is niet hoger dan het vrij te laten bedrag. U ontvangt geen betaling; wij vragen finale kwijting na afloop van de looptijd van 18 maanden.'));
    expect(t).toContain(squash('Aangeboden een schuldregeling zonder afloscapaciteit (nul-aanbod)'));
    expect(t).not.toContain(squash('Wij bieden u'));
  });

  it('marks a fictitious household and names files without the debtor', async () => {
    const t = (await extractPdf(await renderProposalLetter(data({ fictitious: true })))).text;
    expect(squash(t)).toContain(squash('Fictief huishouden (demo)'));
    expect(proposalLetterFileName('2026-0007', 'Zilveren Kruis Achmea', '2026-12-01')).toBe('voorstel-2026-0007-Zilveren_Kruis_Achmea-2026-12-01.pdf');
    expect(proposalLetterFileName('2026-0007', 'Ëneco / Groningen', '2026-12-01')).toBe('voorstel-2026-0007-Eneco_Groningen-2026-12-01.pdf');
  });
});

describe('schuldenoverzicht PDF', () => {
  it('lists every creditor with claim, status, percentage and offer, and the capacity calculation', async () => {
    const pdf = await extractPdf(await renderDebtOverview(data({ addressee: null })));
    const t = squash(pdf.text);
    expect(t).toContain(squash('Schuldenoverzicht'));
    expect(t).toContain(squash('Belastingdienst IB-2024 preferent € 1.000,00 72,00% € 720,00'));
    expect(t).toContain(squash('Totaal € 4.000,00 € 1.800,00'));
    expect(t).toContain(squash('Looptijd 18 maanden vanaf 01-01-2027; concurrent 36,00%, preferent 72,00%'));
    expect(t).toContain(squash('Vrij te laten bedrag (VTLB) € 1.750,00'));
    expect(pdf.text).not.toContain(BSN);
    expect(debtOverviewFileName('2026-0007', '2026-12-01')).toBe('schuldenoverzicht-2026-0007-2026-12-01.pdf');
  });
});
