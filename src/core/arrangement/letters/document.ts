// The Dutch proposal letter to one creditor (saneringsvoorstel, RULES.md d.3) and the schuldenoverzicht of a
// dossier, as pdfmake document definitions built from a plain data object. Pure: no I/O; every amount is a
// decimal string computed elsewhere (the proposal engine and the budget) and only formatted here.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatNlDateTime } from '../../../shared/dates';
import { euro, nlDate } from '../../budget/plan-pdf/format';
import { C, fictitiousBanner, right, tableLayout, th } from './style';

export interface LetterPerson {
  name: string;
  birthDate: string;
  /** Only when the user chose to include it. */
  bsn: string | null;
}

export interface LetterCreditorLine {
  debtId: string;
  creditor: string;
  reference: string | null;
  kind: 'concurrent' | 'preferent';
  claim: string;
  /** Two decimals ("37.50" = 37,50 %). */
  percentage: string;
  amount: string;
}

export interface LetterExcludedLine {
  creditor: string;
  reference: string | null;
  claim: string;
  reason: string;
}

export interface LetterData {
  dossierNumber: string;
  fictitious: boolean;
  /** ISO date of the letter. */
  letterDate: string;
  /** ISO date by which the creditor is asked to reply. */
  replyBy: string;
  generatedAt: number;
  /** The professional signing the letter and the responsible worker of the dossier. */
  sender: { name: string; professional: string; organisation: string | null };
  debtors: LetterPerson[];
  address: { street: string; houseNumber: string; postcode: string; city: string } | null;
  /** The creditor this letter is for (null for the schuldenoverzicht). */
  addressee: LetterCreditorLine | null;
  creditors: LetterCreditorLine[];
  excluded: LetterExcludedLine[];
  totals: { claims: string; amounts: string };
  proposal: {
    status: 'voorstel' | 'nul_aanbod' | 'ontbreekt';
    variant: 'schuldbemiddeling' | 'saneringskrediet';
    months: number;
    startDate: string;
    /** Percentages offered to concurrent and preferent creditors (two decimals). */
    concurrentPct: string;
    preferentPct: string;
    factor: string;
    monthlyCapacity: string | null;
    pot: string | null;
    holidayPay: string | null;
    nulAanbodText: string | null;
    /** Reasons for stated amounts replacing computed ones, and for another term than 18 months. */
    notes: string[];
  };
  budget: {
    referenceDate: string;
    income: string | null;
    vtlb: string | null;
    afloscapaciteit: string | null;
    /** Calculator and version, e.g. "Houvast 1.4.0 (VTLB-methode Recofa/NVVK)". */
    calculator: string;
    /** Norm tables used, e.g. "Bijstandsnormen vanaf 01-07-2026". */
    normPeriods: string[];
  };
}


export const VARIANT_TEXT = {
  schuldbemiddeling:
    'schuldbemiddeling: de schuldenaar reserveert elke maand de afloscapaciteit; wij betalen de schuldeisers periodiek uit. Het bedrag hieronder is gebaseerd op de huidige afloscapaciteit en wordt herberekend als het inkomen verandert.',
  saneringskrediet: 'saneringskrediet: het aangeboden bedrag wordt in één keer bij de start betaald, met een lening van de gemeentelijke kredietbank.',
} as const;

const pct = (s: string) => `${s.replace('.', ',')}%`;
const kindLabel = (k: 'concurrent' | 'preferent') => (k === 'preferent' ? 'preferent' : 'concurrent');
const hasPreferent = (d: LetterData) => d.creditors.some((c) => c.kind === 'preferent');

/** The percentages offered; the preferent one and its factor only when a creditor in the proposal is preferent. */
function percentagesText(d: LetterData): string {
  const p = d.proposal;
  if (!hasPreferent(d)) return `Alle schuldeisers zijn concurrent en krijgen ${pct(p.concurrentPct)}.`;
  return `Concurrente schuldeisers krijgen ${pct(p.concurrentPct)}, preferente schuldeisers ${pct(p.preferentPct)} (factor ${p.factor.replace('.', ',')}, praktijk, geen wettelijke regel).`;
}


function debtorLines(d: LetterData): Content[] {
  return d.debtors.map((p) => ({
    text: `${p.name}, geboren ${nlDate(p.birthDate)}${p.bsn ? `, BSN ${p.bsn}` : ''}`,
  }));
}

function overviewTable(d: LetterData, highlight: string | null): Content {
  const body: TableCell[][] = [
    [th('Schuldeiser'), th('Kenmerk'), th('Soort'), th('Vordering', 'right'), th('Percentage', 'right'), th('Aangeboden', 'right')],
    ...d.creditors.map((c): TableCell[] => {
      const bold = c.debtId === highlight;
      return [
        { text: c.creditor, bold },
        { text: c.reference ?? '-', bold },
        { text: kindLabel(c.kind), bold },
        right(euro(c.claim), bold),
        right(pct(c.percentage), bold),
        right(euro(c.amount), bold),
      ];
    }),
    [{ text: 'Totaal', bold: true, colSpan: 3 }, '', '', right(euro(d.totals.claims), true), '', right(euro(d.totals.amounts), true)],
  ];
  return { table: { headerRows: 1, widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto'], body }, layout: tableLayout, fontSize: 8.5 };
}

function excludedBlock(d: LetterData): Content[] {
  if (d.excluded.length === 0) return [];
  return [
    { text: 'Schulden buiten de regeling', bold: true, margin: [0, 6, 0, 2] },
    {
      ul: d.excluded.map((e) => `${e.creditor}${e.reference ? ` (${e.reference})` : ''}: ${euro(e.claim)}; ${e.reason}`),
      fontSize: 8.5,
    },
  ];
}

function budgetBlock(d: LetterData): Content {
  const b = d.budget;
  return {
    table: {
      widths: ['*', 'auto'],
      body: [
        [th('Berekening afloscapaciteit (per maand)'), th('Bedrag', 'right')],
        ['Netto inkomen', right(euro(b.income))],
        ['Vrij te laten bedrag (VTLB)', right(euro(b.vtlb))],
        [{ text: 'Afloscapaciteit (inkomen min VTLB, niet lager dan nul)', bold: true }, right(euro(b.afloscapaciteit), true)],
      ],
    },
    layout: tableLayout,
  };
}

function signature(d: LetterData): Content[] {
  return [
    { text: 'Met vriendelijke groet,', margin: [0, 12, 0, 24] },
    { text: d.sender.name },
    { text: d.sender.organisation ?? 'Schuldhulpverlening', color: C.muted },
    ...(d.sender.professional !== d.sender.name ? [{ text: `Verantwoordelijk medewerker: ${d.sender.professional}`, color: C.muted }] : []),
  ];
}


function acceptanceSlip(d: LetterData, c: LetterCreditorLine): Content[] {
  const line = '.'.repeat(70);
  const offered = d.proposal.status === 'nul_aanbod' ? 'een schuldregeling zonder afloscapaciteit (nul-aanbod)' : `${pct(c.percentage)} van de vordering, ${euro(c.amount)}`;
  return [
    { text: '', pageBreak: 'before' },
    { text: 'Antwoordstrook', fontSize: 16, bold: true, color: C.primary },
    { text: `Terugsturen vóór ${nlDate(d.replyBy)} aan ${d.sender.name}${d.sender.organisation ? `, ${d.sender.organisation}` : ''}`, margin: [0, 2, 0, 10], color: C.muted },
    {
      table: {
        widths: ['auto', '*'],
        body: [
          ['Dossier', d.dossierNumber],
          ['Schuldenaar', d.debtors.map((p) => p.name).join(' en ')],
          ['Schuldeiser', c.creditor],
          ['Uw kenmerk', c.reference ?? '-'],
          ['Vordering', euro(c.claim)],
          ['Aangeboden', offered],
        ],
      },
      layout: tableLayout,
    },
    { text: 'Kruis aan wat van toepassing is:', margin: [0, 12, 0, 4], bold: true },
    { text: '[  ]  Wij gaan akkoord met het voorstel en verlenen finale kwijting voor het restant zodra de regeling is nagekomen. Wij stoppen de invordering en heffen beslagen op.' },
    { text: '[  ]  Wij gaan niet akkoord, om de volgende reden:', margin: [0, 6, 0, 0] },
    { text: line, margin: [0, 8, 0, 0], color: C.muted },
    { text: line, margin: [0, 8, 0, 0], color: C.muted },
    { text: `Naam en functie: ${line.slice(0, 50)}`, margin: [0, 16, 0, 0] },
    { text: `Datum: ${line.slice(0, 25)}     Handtekening: ${line.slice(0, 30)}`, margin: [0, 12, 0, 0] },
  ];
}

function conditions(d: LetterData): Content {
  return {
    ul: [
      'Na nakoming van de regeling verleent u finale kwijting: het restant van de vordering vervalt.',
      'Tijdens de regeling maakt de schuldenaar geen nieuwe schulden en werkt hij of zij mee aan alles wat voor de regeling nodig is (informatieplicht, sollicitatieplicht waar van toepassing).',
      'Verandert het inkomen, dan wordt de afloscapaciteit opnieuw berekend en het bedrag aangepast; u wordt daarover geïnformeerd.',
      'Komt de schuldenaar de afspraken niet na, dan kan de regeling voortijdig worden beëindigd; u behoudt dan uw rechten voor het deel dat niet is betaald.',
      'Wij verzoeken u tijdens de regeling de invordering te stoppen, geen rente en kosten meer bij te schrijven en beslagen op te heffen.',
    ],
    margin: [0, 2, 0, 0],
  };
}

function letterFooter(title: string, d: LetterData) {
  return (currentPage: number, pageCount: number): Content => ({
    margin: [50, 14, 50, 0],
    fontSize: 7,
    color: C.muted,
    columns: [
      { text: `${title} · dossier ${d.dossierNumber} · ${d.budget.calculator}`, width: '*' },
      { text: `Pagina ${currentPage} van ${pageCount}`, width: 70, alignment: 'right', noWrap: true },
    ],
  });
}

function docShell(title: string, d: LetterData, content: Content[]): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    language: 'nl-NL',
    // Metadata: title and dossier number only, never names or a BSN.
    info: { title: `${title} ${d.dossierNumber}`, creator: 'Houvast', producer: 'Houvast (pdfmake)', creationDate: new Date(d.generatedAt) },
    footer: letterFooter(title, d),
    content,
    defaultStyle: { font: 'Roboto', fontSize: 9.5, color: C.text, lineHeight: 1.2 },
    styles: { h2: { fontSize: 11, bold: true, color: C.primary, margin: [0, 10, 0, 3] } },
  };
}

/** The proposal letter (betalingsvoorstel / saneringsvoorstel) to one creditor, with the acceptance slip. */
export function buildProposalLetter(d: LetterData): TDocumentDefinitions {
  const c = d.addressee;
  if (!c) throw new Error('buildProposalLetter needs an addressee');
  const p = d.proposal;
  const nul = p.status === 'nul_aanbod';
  const names = d.debtors.map((x) => x.name).join(' en ');
  const content: Content[] = [
    ...fictitiousBanner(d.fictitious),
    {
      columns: [
        { stack: [{ text: c.creditor, bold: true }, ...(c.reference ? [{ text: `Uw kenmerk: ${c.reference}` }] : [])], width: '*' },
        {
          stack: [
            { text: d.sender.organisation ?? 'Schuldhulpverlening', bold: true },
            { text: d.sender.name },
            { text: `Ons kenmerk: ${d.dossierNumber}` },
            { text: `Datum: ${nlDate(d.letterDate)}` },
          ],
          width: 'auto',
        },
      ],
      margin: [0, 0, 0, 20],
    },
    { text: nul ? `Betreft: voorstel schuldregeling zonder afloscapaciteit, ${names}` : `Betreft: betalingsvoorstel minnelijke schuldregeling, ${names}`, bold: true, fontSize: 11 },
    { text: 'Geachte heer, mevrouw,', margin: [0, 12, 0, 6] },
    {
      text:
        `Wij begeleiden de schuldenaar hieronder in een minnelijke schuldregeling volgens de Gedragscode Schuldregeling van de NVVK. ` +
        `Namens de schuldenaar doen wij u een voorstel voor uw vordering. Alle schuldeisers krijgen hetzelfde voorstel naar rato van hun vordering.`,
    },
    { text: 'Schuldenaar', style: 'h2' },
    ...debtorLines(d),
    ...(d.address ? [{ text: `${d.address.street} ${d.address.houseNumber}, ${d.address.postcode} ${d.address.city}` }] : []),
    { text: 'Ons voorstel aan u', style: 'h2' },
    nul
      ? { text: p.nulAanbodText ?? 'De afloscapaciteit is nul: u ontvangt geen betaling. Wij vragen u finale kwijting te verlenen na afloop van de looptijd.' }
      : {
          text: [
            'Wij bieden u ',
            { text: `${pct(c.percentage)} van uw vordering van ${euro(c.claim)}, dat is ${euro(c.amount)}`, bold: true },
            `, tegen finale kwijting. Uw vordering is ${kindLabel(c.kind)}.`,
          ],
        },
    {
      text: `Soort regeling: ${VARIANT_TEXT[p.variant]}`,
      margin: [0, 4, 0, 0],
    },
    {
      text: `Looptijd: ${p.months} maanden, vanaf ${nlDate(p.startDate)}. ${percentagesText(d)}`,
      margin: [0, 4, 0, 0],
    },
    ...(p.notes.length > 0 ? [{ ul: p.notes, margin: [0, 4, 0, 0] } as Content] : []),
    { text: 'Berekening van de afloscapaciteit', style: 'h2' },
    budgetBlock(d),
    {
      text:
        `Peildatum ${nlDate(d.budget.referenceDate)}; berekend met ${d.budget.calculator}` +
        (d.budget.normPeriods.length > 0 ? `; normen: ${d.budget.normPeriods.join(', ')}` : '') +
        '.' +
        (p.monthlyCapacity !== null && p.pot !== null
          ? ` Beschikbaar voor de schuldeisers over de looptijd: ${euro(p.pot)}${p.holidayPay && p.holidayPay !== '0.00' ? ` (inclusief ${euro(p.holidayPay)} vakantiegeld)` : ''}.`
          : ''),
      fontSize: 8,
      color: C.muted,
      margin: [0, 3, 0, 0],
    },
    { text: 'Schuldenoverzicht (alle schuldeisers)', style: 'h2' },
    overviewTable(d, c.debtId),
    ...excludedBlock(d),
    { text: 'Voorwaarden', style: 'h2' },
    conditions(d),
    { text: 'Uw reactie', style: 'h2' },
    {
      text: [
        'Wij vragen u ',
        { text: `uiterlijk ${nlDate(d.replyBy)}`, bold: true },
        ' te reageren met de antwoordstrook bij deze brief. Gaat u niet akkoord, vermeld dan uw reden. Weigert een schuldeiser zonder redelijke grond, dan kan de schuldenaar de rechtbank vragen de schuldeiser te bevelen in te stemmen (dwangakkoord, artikel 287a Faillissementswet).',
      ],
    },
    ...signature(d),
    ...acceptanceSlip(d, c),
  ];
  return docShell('Betalingsvoorstel', d, content);
}

/** The schuldenoverzicht of the dossier: every creditor with claim, status, percentage and offered amount. */
export function buildDebtOverview(d: LetterData): TDocumentDefinitions {
  const content: Content[] = [
    ...fictitiousBanner(d.fictitious),
    { text: 'Schuldenoverzicht', fontSize: 20, bold: true, color: C.primary },
    { text: `Dossier ${d.dossierNumber} · peildatum ${nlDate(d.budget.referenceDate)} · gemaakt op ${formatNlDateTime(d.generatedAt)} door ${d.sender.name}`, color: C.muted, margin: [0, 2, 0, 10] },
    { text: 'Schuldenaar', style: 'h2' },
    ...debtorLines(d),
    ...(d.address ? [{ text: `${d.address.street} ${d.address.houseNumber}, ${d.address.postcode} ${d.address.city}` }] : []),
    { text: 'Schulden in de regeling', style: 'h2' },
    overviewTable(d, null),
    ...excludedBlock(d),
    { text: 'Voorstel', style: 'h2' },
    {
      text:
        d.proposal.status === 'nul_aanbod'
          ? (d.proposal.nulAanbodText ?? 'Schuldregeling zonder afloscapaciteit (nul-aanbod).')
          : `Looptijd ${d.proposal.months} maanden vanaf ${nlDate(d.proposal.startDate)}; concurrent ${pct(d.proposal.concurrentPct)}${hasPreferent(d) ? `, preferent ${pct(d.proposal.preferentPct)}` : ''}; ${VARIANT_TEXT[d.proposal.variant]}`,
    },
    { text: 'Berekening van de afloscapaciteit', style: 'h2' },
    budgetBlock(d),
  ];
  return docShell('Schuldenoverzicht', d, content);
}
