// The zorgpremie scheme batch (issue 8 §3): per family a letter to the scheme's creditor (the feasible monthly
// amount, the term, what is forgiven, the CAK stage and the exit, conditions, reply deadline and an acceptance
// slip), and one overview of the whole batch for the creditor as PDF and as CSV. Pure builders: the figures
// come from the scheme engine (schemes.batch) and are only formatted here.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatNlDateTime } from '../../../shared/dates';
import { euro, nlDate } from '../../budget/plan-pdf/format';
import type { LetterPerson } from './document';
import { C, fictitiousBanner, right, tableLayout, th } from './style';

export interface SchemeLetterScheme {
  name: string;
  creditor: string;
  gemeente: string;
  routeLabel: string;
  maxMonths: number;
  conditions: string[];
  forgiveRemainder: boolean;
}

export interface SchemeFamilyLine {
  dossierNumber: string;
  displayName: string;
  city: string | null;
  childrenCount: number;
  fictitious: boolean;
  references: string[];
  arrears: string;
  monthly: string | null;
  months: number | null;
  paid: string | null;
  forgiven: string | null;
  /** What is still owed after the term (arrears − paid), forgiven or not; null when nothing is paid yet known. */
  remainder: string | null;
  feasible: boolean;
  statusLabel: string;
  /** Plain Dutch from the engine: amount, term, forgiveness, CAK stage and exit. */
  summary: string;
  stage: { label: string; next: string; exits: string[] } | null;
}

export interface SchemeLetterData {
  scheme: SchemeLetterScheme;
  family: SchemeFamilyLine;
  debtors: LetterPerson[];
  address: { street: string; houseNumber: string; postcode: string; city: string } | null;
  letterDate: string;
  replyBy: string;
  generatedAt: number;
  sender: string;
}

const money = (s: string | null) => (s === null ? '-' : euro(s));

function shell(title: string, infoTitle: string, generatedAt: number, content: Content[], orientation: 'portrait' | 'landscape' = 'portrait'): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: orientation,
    pageMargins: [50, 50, 50, 50],
    language: 'nl-NL',
    // Metadata: title only, never names or a BSN.
    info: { title: infoTitle, creator: 'Houvast', producer: 'Houvast (pdfmake)', creationDate: new Date(generatedAt) },
    footer: (page: number, count: number): Content => ({
      margin: [50, 14, 50, 0],
      fontSize: 7,
      color: C.muted,
      columns: [
        { text: title, width: '*' },
        { text: `Pagina ${page} van ${count}`, width: 70, alignment: 'right' },
      ],
    }),
    content,
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2 },
    styles: { h2: { fontSize: 11, bold: true, color: C.primary, margin: [0, 10, 0, 3] } },
  };
}

/** The letter to the scheme's creditor about one family. */
export function buildSchemeLetter(d: SchemeLetterData): TDocumentDefinitions {
  const f = d.family;
  const names = d.debtors.map((p) => p.name).join(' en ');
  const content: Content[] = [
    ...fictitiousBanner(f.fictitious),
    {
      columns: [
        { stack: [{ text: d.scheme.creditor, bold: true }, ...(f.references.length ? [{ text: `Uw kenmerk: ${f.references.join(', ')}` }] : [])], width: '*' },
        { stack: [{ text: d.sender, bold: true }, { text: `Ons kenmerk: ${f.dossierNumber}` }, { text: `Datum: ${nlDate(d.letterDate)}` }], width: 'auto' },
      ],
      margin: [0, 0, 0, 20],
    },
    { text: `Betreft: ${d.scheme.name}, ${names}`, bold: true, fontSize: 11 },
    { text: 'Geachte heer, mevrouw,', margin: [0, 12, 0, 6] },
    {
      text: `In het kader van de afspraak "${d.scheme.name}" met gemeente ${d.scheme.gemeente} stellen wij voor de premieachterstand van de verzekerde hieronder te regelen volgens de route ${d.scheme.routeLabel.toLowerCase()}.`,
    },
    { text: 'Verzekerde', style: 'h2' },
    ...d.debtors.map((p): Content => ({ text: `${p.name}, geboren ${nlDate(p.birthDate)}${p.bsn ? `, BSN ${p.bsn}` : ''}` })),
    ...(d.address ? [{ text: `${d.address.street} ${d.address.houseNumber}, ${d.address.postcode} ${d.address.city}` } as Content] : []),
    { text: 'Voorstel', style: 'h2' },
    {
      table: {
        widths: ['*', 'auto'],
        body: [
          [th('Onderdeel'), th('Bedrag', 'right')],
          ['Premieachterstand', right(money(f.arrears))],
          ['Betaling per maand', right(money(f.monthly))],
          ['Looptijd', right(f.months === null ? '-' : `${f.months} maanden`)],
          ['Totaal betaald in de regeling', right(money(f.paid))],
          [{ text: d.scheme.forgiveRemainder ? 'Kwijtschelding restant na nakoming' : 'Restant na de looptijd', bold: true }, right(money(d.scheme.forgiveRemainder ? f.forgiven : f.remainder), true)],
        ],
      },
      layout: tableLayout,
    },
    { text: f.summary, margin: [0, 6, 0, 0] },
    ...(f.stage
      ? [
          { text: 'Stand bij het CAK (wanbetalersregeling)', style: 'h2' } as Content,
          { text: `${f.stage.label}. ${f.stage.next}` } as Content,
          { ul: f.stage.exits } as Content,
        ]
      : []),
    { text: 'Voorwaarden', style: 'h2' },
    { ul: d.scheme.conditions },
    { text: 'Uw reactie', style: 'h2' },
    { text: [{ text: `Wij vragen u uiterlijk ${nlDate(d.replyBy)}`, bold: true }, ' te reageren met de antwoordstrook. Na uw akkoord stoppen de incasso en de aanmelding, en vraagt u zo nodig de afmelding bij het CAK aan.'] },
    { text: 'Met vriendelijke groet,', margin: [0, 12, 0, 20] },
    { text: d.sender },
    { text: '', pageBreak: 'before' },
    { text: 'Antwoordstrook', fontSize: 16, bold: true, color: C.primary },
    { text: `Terugsturen vóór ${nlDate(d.replyBy)} · dossier ${f.dossierNumber} · ${names}`, color: C.muted, margin: [0, 2, 0, 10] },
    { text: `[  ]  Akkoord: ${money(f.monthly)} per maand gedurende ${f.months ?? '-'} maanden${d.scheme.forgiveRemainder ? `, daarna kwijtschelding van het restant (${money(f.forgiven)})` : ''}.` },
    { text: '[  ]  Niet akkoord, omdat:', margin: [0, 6, 0, 0] },
    { text: '.'.repeat(70), margin: [0, 8, 0, 0], color: C.muted },
    { text: `Naam en functie: ${'.'.repeat(50)}`, margin: [0, 16, 0, 0] },
    { text: `Datum: ${'.'.repeat(25)}     Handtekening: ${'.'.repeat(30)}`, margin: [0, 12, 0, 0] },
  ];
  return shell(`Regeling zorgpremie · dossier ${f.dossierNumber}`, `Regeling zorgpremie ${f.dossierNumber}`, d.generatedAt, content);
}

export interface SchemeOverviewData {
  scheme: SchemeLetterScheme;
  referenceDate: string;
  generatedAt: number;
  sender: string;
  families: SchemeFamilyLine[];
  totals: { families: number; children: number; arrears: string; monthly: string; forgiven: string };
}

/** One overview of the batch for the creditor. */
export function buildSchemeOverview(d: SchemeOverviewData): TDocumentDefinitions {
  const body: TableCell[][] = [
    [th('Dossier'), th('Naam'), th('Plaats'), th('Kinderen', 'right'), th('Kenmerk'), th('Achterstand', 'right'), th('Per maand', 'right'), th('Maanden', 'right'), th('Kwijtschelding', 'right'), th('Status')],
    ...d.families.map((f): TableCell[] => [
      f.dossierNumber,
      f.displayName,
      f.city ?? '-',
      right(String(f.childrenCount)),
      f.references.join(', ') || '-',
      right(money(f.arrears)),
      right(money(f.monthly)),
      right(f.months === null ? '-' : String(f.months)),
      right(money(f.forgiven)),
      f.statusLabel,
    ]),
    [
      { text: `Totaal (${d.totals.families} gezinnen)`, bold: true, colSpan: 3 },
      '',
      '',
      right(String(d.totals.children), true),
      '',
      right(euro(d.totals.arrears), true),
      right(euro(d.totals.monthly), true),
      '',
      right(euro(d.totals.forgiven), true),
      '',
    ],
  ];
  const content: Content[] = [
    { text: `Overzicht: ${d.scheme.name}`, fontSize: 16, bold: true, color: C.primary },
    {
      text: `Schuldeiser ${d.scheme.creditor} · gemeente ${d.scheme.gemeente} · peildatum ${nlDate(d.referenceDate)} · gemaakt op ${formatNlDateTime(d.generatedAt)} door ${d.sender}`,
      color: C.muted,
      margin: [0, 2, 0, 10],
    },
    ...(d.families.some((f) => f.fictitious) ? [{ text: 'Bevat fictieve huishoudens (demo).', bold: true, margin: [0, 0, 0, 6] } as Content] : []),
    { table: { headerRows: 1, widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'], body }, layout: tableLayout, fontSize: 8 },
    { text: `Route: ${d.scheme.routeLabel}. Looptijd hoogstens ${d.scheme.maxMonths} maanden.`, margin: [0, 8, 0, 0], fontSize: 8, color: C.muted },
  ];
  return shell(`Overzicht regeling · ${d.scheme.creditor}`, `Overzicht regeling ${d.scheme.creditor}`, d.generatedAt, content, 'landscape');
}

const csvCell = (s: string) => (/[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
/** Amounts in the CSV as Dutch Excel reads them: "1234,56" (no thousands separator). */
const csvAmount = (s: string | null) => (s === null ? '' : s.replace('.', ','));

/** The same overview as CSV (semicolon-separated, UTF-8 with BOM, for Dutch spreadsheet programs). */
export function schemeOverviewCsv(d: SchemeOverviewData): string {
  const head = ['Dossier', 'Naam', 'Plaats', 'Kinderen', 'Kenmerk', 'Achterstand', 'Per maand', 'Maanden', 'Totaal betaald', 'Kwijtschelding', 'Haalbaar', 'Status'];
  const rows = d.families.map((f) => [
    f.dossierNumber,
    f.displayName,
    f.city ?? '',
    String(f.childrenCount),
    f.references.join(', '),
    csvAmount(f.arrears),
    csvAmount(f.monthly),
    f.months === null ? '' : String(f.months),
    csvAmount(f.paid),
    csvAmount(f.forgiven),
    f.feasible ? 'ja' : 'nee',
    f.statusLabel,
  ]);
  const total = ['Totaal', `${d.totals.families} gezinnen`, '', String(d.totals.children), '', csvAmount(d.totals.arrears), csvAmount(d.totals.monthly), '', '', csvAmount(d.totals.forgiven), '', ''];
  return '\uFEFF' + [head, ...rows, total].map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
