// Builds the pdfmake document definition of the Dutch budget plan ("Budgetplan") from a dossier and the
// engine's BudgetResult. Pure: no I/O; every figure shown comes from the result, formatted at display only.
import type Decimal from 'decimal.js';
import type { Column, Content, ContentText, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { ageOn, formatNlDateTime } from '../../../shared/dates';
import type { Dossier } from '../../../shared/dossier/schema';
import {
  EXPENSE_CATEGORY_LABELS,
  INCOME_CATEGORY_LABELS,
  NIBUD_GROUP_LABELS,
  NIBUD_GROUPS,
} from '../../../shared/dossier/categories';
import { frequencyLabel } from '../../../shared/frequency';
import type { BudgetResult } from '../../../shared/budget/engine';
import { costAllowancesOf } from '../../../shared/budget/lines';
import type { Explanation, Figure } from '../../../shared/budget/explain';
import { AGE_GROUP_LABELS } from '../../../shared/budget/household';
import { bvvVtlbSection } from './bvv-vtlb';
import { addsUpSection } from './adds-up';
import type { NormTableRef } from '../../../shared/budget/norms';
import type { Projection } from '../../../shared/budget/projection';
import {
  euro,
  groupLabel,
  nlDate,
  nlNumbersInText,
  originLabel,
  statusLabel,
  USER_SUPPLIED,
} from './format';
import type { OfficeOut } from '../../../shared/contract/office';
import { explanationText, presentInputs, presentSource } from '../../../shared/presenter';
import { ADDRESS_KIND_LABELS, CO_PARENTING_LABELS, DEBT_STATUS_LABELS, addressKindOf } from '../../../shared/dossier/schema';
import { fromCents, toCents } from '../../../shared/money';

export interface BudgetPlanInput {
  dossier: Dossier;
  result: BudgetResult;
  /** Epoch ms. */
  generatedAt: number;
  /** Name of the professional who produced the document (printed, never put in the PDF metadata). */
  generatedBy: string;
  /** Optional 24-month projection (projectBudget); printed as an extra section when given. */
  projection?: Projection;
  /** The office from Instellingen → Kantoor (name, address, logo), printed in the header. */
  office?: OfficeOut | null;
  /** Print the adults' BSN in the header (off by default: the plan is a document for others). */
  includeBsn?: boolean;
}

// Palette: sober, prints well in greyscale.
const C = {
  primary: '#1f4e5f',
  accent: '#e7eff2',
  line: '#c5d3d9',
  muted: '#5b6b73',
  text: '#1d2427',
  warnBg: '#fdecea',
  warnLine: '#b3261e',
  userBg: '#fff4e0',
  userLine: '#b26a00',
  okBg: '#eaf4ec',
  negative: '#b3261e',
};

const BVV_REGIME_LABELS: Record<BudgetResult['beslagvrijeVoet']['regime'], string> = {
  inkomen_tot_norm: 'inkomen tot en met de norm',
  inkomen_boven_norm: 'inkomen boven de norm',
  geen_vast_adres: 'geen vast woonadres',
  onbekend: 'onbekend',
};

const ROLE_LABELS = { aanvrager: 'Aanvrager', partner: 'Partner' } as const;

// ------------------------------------------------------------------------------------------------ helpers

const tableLayout = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: (i: number) => (i === 1 ? C.primary : C.line),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

function sectionTitle(n: number, text: string): Content {
  return {
    stack: [
      { text: `${n}. ${text}`, style: 'h2' },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, lineWidth: 0.8, lineColor: C.primary }] },
    ],
    margin: [0, 14, 0, 6],
  };
}

function th(text: string, alignment: 'left' | 'right' = 'left'): TableCell {
  return { text, style: 'th', alignment };
}

function amountCell(value: Decimal | string | null | undefined, opts: { bold?: boolean; signColor?: boolean } = {}): ContentText {
  const negative = value !== null && value !== undefined && typeof value !== 'string' && value.isNegative() && !value.isZero();
  return {
    text: euro(value),
    alignment: 'right',
    bold: opts.bold ?? false,
    color: opts.signColor && negative ? C.negative : value === null ? C.muted : C.text,
    italics: value === null,
    noWrap: true,
  };
}

/** The amount, marked * when it rests on a provisional norm (issue 7; the banner on page 1 explains the mark). */
function figureValue(f: Figure): string {
  return `${euro(f.value)}${f.provisional ? ' *' : ''}`;
}

const usesUserNorms = (refs: NormTableRef[]): boolean => refs.some((r) => r.origin === 'user');

function userMark(refs: NormTableRef[]): Content[] {
  return usesUserNorms(refs) ? [{ text: ` (${USER_SUPPLIED})`, color: C.userLine, bold: true }] : [];
}

// ------------------------------------------------------------------------------------------------ header

function clientNames(dossier: Dossier): string {
  const adults = [...dossier.adults].sort((a, b) => (a.role === b.role ? 0 : a.role === 'aanvrager' ? -1 : 1));
  return adults.map((a) => `${a.firstName} ${a.lastName}`).join(' en ');
}

function officeBlock(office: OfficeOut | null | undefined): Content[] {
  if (!office) return [];
  const place = [office.postcode, office.city].filter(Boolean).join('  ');
  const contact = [office.phone, office.email].filter(Boolean).join(' · ');
  const lines = [office.address, place, contact].filter((x) => x.trim() !== '');
  const text: Content[] = [
    ...(office.name ? [{ text: office.name, bold: true, fontSize: 10, color: C.primary } as Content] : []),
    ...lines.map((l): Content => ({ text: l, fontSize: 8, color: C.muted })),
  ];
  if (text.length === 0 && !office.logo) return [];
  const columns: Column[] = [];
  if (office.logo) columns.push({ stack: [{ image: `data:${office.logo.mime};base64,${office.logo.data}`, fit: [110, 48] }], width: 110 });
  columns.push({ stack: text, width: '*' });
  return [{ columns, columnGap: 10, margin: [0, 0, 0, 10] }];
}

function headerBlock(input: BudgetPlanInput): Content {
  const { dossier, result } = input;
  const bsns = input.includeBsn
    ? [...dossier.adults].filter((a) => a.bsn).map((a) => `BSN ${a.firstName}: ${a.bsn}`)
    : [];
  return {
    stack: [
      ...officeBlock(input.office),
      {
        table: {
          widths: ['*', 'auto'],
          body: [
            [
              {
                stack: [
                  { text: 'Budgetplan', style: 'title' },
                  { text: [{ text: 'Cliënt: ', bold: true }, clientNames(dossier)], margin: [0, 3, 0, 0], fontSize: 10.5 },
                  ...bsns.map((b): Content => ({ text: b, fontSize: 8.5, color: C.muted })),
                  { text: `Huishouden: ${result.household.typeLabel}`, color: C.muted, margin: [0, 2, 0, 0] },
                ],
                border: [false, false, false, false],
              },
              {
                table: {
                  body: [
                    [{ text: 'Dossiernummer', style: 'metaLabel' }, { text: dossier.number, style: 'metaValue' }],
                    [{ text: 'Peildatum berekening', style: 'metaLabel' }, { text: nlDate(result.referenceDate), style: 'metaValue' }],
                    [{ text: 'Gemaakt op', style: 'metaLabel' }, { text: formatNlDateTime(input.generatedAt), style: 'metaValue' }],
                    [{ text: 'Opgesteld door', style: 'metaLabel' }, { text: input.generatedBy, style: 'metaValue' }],
                    [{ text: 'Verantwoordelijk medewerker', style: 'metaLabel' }, { text: dossier.professional, style: 'metaValue' }],
                  ],
                },
                layout: 'noBorders',
                border: [false, false, false, false],
              },
            ],
          ],
        },
        layout: { defaultBorder: false, paddingLeft: () => 0, paddingRight: () => 0 },
      },
    ],
  };
}

/** Key figures that cannot be computed, said plainly on page 1 with the reason (the warnings name the figure). */
function notComputableBox(result: BudgetResult): Content | null {
  const keys: [string, string, Figure][] = [
    ['bijstandsnorm', 'Bijstandsnorm', result.bijstandsnorm],
    ['beslagvrijeVoet', 'Beslagvrije voet', result.beslagvrijeVoet],
    ['vtlb', 'Vrij te laten bedrag (VTLB)', result.vtlb.total],
    ['afloscapaciteit', 'Afloscapaciteit', result.afloscapaciteit],
    ['saldoPerMaand', 'Saldo per maand', result.budget.saldo],
    ['leefgeldPerWeek', 'Leefgeld per week', result.budget.leefgeldPerWeek],
  ];
  const missing = keys.filter(([, , f]) => f.value === null);
  if (missing.length === 0) return null;
  const reason = (key: string, f: Figure): string => {
    const w = result.warnings.find((x) => x.figure === key);
    return w ? w.message : explanationText(f.explanation.rule);
  };
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: 'Niet te berekenen', bold: true, fontSize: 11, color: C.warnLine, margin: [0, 0, 0, 3] },
              {
                text:
                  missing.length === 1
                    ? 'Eén kerncijfer in dit plan is niet te berekenen met de gegevens van nu. Vul de ontbrekende gegevens aan en maak het plan opnieuw.'
                    : `${missing.length} kerncijfers in dit plan zijn niet te berekenen met de gegevens van nu. Vul de ontbrekende gegevens aan en maak het plan opnieuw.`,
                margin: [0, 0, 0, 3],
              },
              { ul: missing.map(([key, label, f]) => ({ text: [{ text: `${label}: `, bold: true }, reason(key, f)], margin: [0, 0, 0, 2] })) },
            ],
            margin: [8, 6, 8, 6],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 1.5,
      vLineWidth: () => 1.5,
      hLineColor: () => C.warnLine,
      vLineColor: () => C.warnLine,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
    margin: [0, 8, 0, 0],
  };
}

function banner(text: Content, bg: string, line: string): Content {
  return {
    table: { widths: ['*'], body: [[{ stack: Array.isArray(text) ? text : [text], fillColor: bg, margin: [6, 4, 6, 4] }]] },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (i === 0 ? 3 : 0),
      vLineColor: () => line,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
    margin: [0, 8, 0, 0],
  };
}

function keyFigures(result: BudgetResult): Content {
  const card = (label: string, f: Figure, note: string, signColor = false): TableCell => {
    const neg = signColor && f.value !== null && f.value.isNegative() && !f.value.isZero();
    return {
      stack: [
        { text: label, fontSize: 8, color: C.muted },
        { text: figureValue(f), fontSize: 15, bold: true, color: neg ? C.negative : f.value === null ? C.muted : C.primary, margin: [0, 2, 0, 1] },
        { text: note, fontSize: 7.5, color: C.muted },
        ...(usesUserNorms(f.explanation.tables) ? [{ text: USER_SUPPLIED, fontSize: 7.5, bold: true, color: C.userLine } as Content] : []),
      ],
      fillColor: C.accent,
      margin: [6, 5, 6, 5],
    };
  };
  const bvv = result.beslagvrijeVoet;
  return {
    table: {
      widths: ['*', '*', '*'],
      body: [
        [
          card('Bijstandsnorm (incl. vakantietoeslag)', result.bijstandsnorm, `excl. vakantietoeslag: ${figureValue(result.bijstandsnormExclVakantietoeslag)}`),
          card('Beslagvrije voet', bvv, BVV_REGIME_LABELS[bvv.regime]),
          card('Vrij te laten bedrag (VTLB)', result.vtlb.total, 'per maand'),
        ],
        [
          card('Afloscapaciteit', result.afloscapaciteit, 'per maand'),
          card('Saldo per maand', result.budget.saldo, costAllowancesOf(result).isZero() ? 'inkomen min uitgaven' : 'inkomen plus kostenvergoedingen min uitgaven', true),
          card('Leefgeld per week', result.budget.leefgeldPerWeek, 'na vaste lasten', true),
        ],
      ],
    },
    layout: {
      hLineWidth: () => 3,
      vLineWidth: () => 3,
      hLineColor: () => '#ffffff',
      vLineColor: () => '#ffffff',
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
    margin: [-3, 8, -3, 0],
  };
}

function warningsBlock(result: BudgetResult): Content {
  if (result.warnings.length === 0) {
    return banner({ text: 'Geen waarschuwingen bij deze berekening.', color: C.text }, C.okBg, '#2e7d32');
  }
  return banner(
    [
      { text: `Let op: ${result.warnings.length === 1 ? '1 waarschuwing' : `${result.warnings.length} waarschuwingen`}`, bold: true, color: C.warnLine, fontSize: 10.5, margin: [0, 0, 0, 3] },
      { ul: result.warnings.map((w) => ({ text: w.message, margin: [0, 0, 0, 2] })), color: C.text },
    ],
    C.warnBg,
    C.warnLine,
  );
}

function userNormsNotice(result: BudgetResult): Content | null {
  const user = result.normPeriods.filter((r) => r.origin === 'user');
  if (user.length === 0) return null;
  return banner(
    [
      { text: 'Normbedragen door gebruiker ingevoerd', bold: true, color: C.userLine, margin: [0, 0, 0, 2] },
      {
        text:
          'Deze berekening gebruikt normtabellen die niet met Houvast zijn meegeleverd maar door een gebruiker zijn ingevoerd of geïmporteerd: ' +
          user.map((r) => `${groupLabel(r.group)} vanaf ${nlDate(r.periodStart)}`).join('; ') +
          '. Controleer deze bedragen aan de hand van de vermelde bron.',
      },
    ],
    C.userBg,
    C.userLine,
  );
}

// ------------------------------------------------------------------------------------------------ sections

function householdSection(n: number, input: BudgetPlanInput): Content[] {
  const { dossier, result } = input;
  const ref = result.referenceDate;
  const h = result.household;
  const adults = [...dossier.adults].sort((a, b) => (a.role === b.role ? 0 : a.role === 'aanvrager' ? -1 : 1));
  const rows: TableCell[][] = [
    [th('Persoon'), th('Naam'), th('Leeftijd', 'right'), th('Toelichting')],
    ...adults.map((a): TableCell[] => {
      const group = h.adults.find((x) => x.role === a.role)?.ageGroup;
      return [
        ROLE_LABELS[a.role],
        `${a.firstName} ${a.lastName}`,
        { text: `${ageOn(a.birthDate, ref)} jaar`, alignment: 'right' },
        group ? `Leeftijdsgroep norm: ${AGE_GROUP_LABELS[group]}` : '',
      ];
    }),
    ...dossier.children.map((c, i): TableCell[] => {
      const born = c.birthDate <= ref;
      return [
        `Kind ${i + 1}`,
        `${c.firstName} ${c.lastName}`,
        { text: born ? `${ageOn(c.birthDate, ref)} jaar` : 'nog niet geboren', alignment: 'right' },
        [
          c.livingInHousehold ? 'Woont thuis' : 'Woont niet thuis',
          ...(c.fosterChild ? ['pleegkind (geen kinderbijslag of kindgebonden budget)'] : []),
          ...(c.coParenting && c.coParenting !== 'geen' ? [CO_PARENTING_LABELS[c.coParenting].toLowerCase()] : []),
        ].join('; '),
      ];
    }),
  ];
  return [
    sectionTitle(n, 'Huishouden'),
    {
      columns: [
        { text: [{ text: 'Huishoudtype: ', bold: true }, h.typeLabel], width: 'auto' },
        { text: [{ text: 'Thuiswonende kinderen < 18: ', bold: true }, String(h.childrenUnder18)], width: 'auto' },
        { text: [{ text: 'Kostendelers (27+): ', bold: true }, String(h.kostendelers)], width: 'auto' },
        { text: [{ text: 'Woonsituatie: ', bold: true }, ADDRESS_KIND_LABELS[addressKindOf(dossier)]], width: '*' },
      ],
      columnGap: 16,
      margin: [0, 0, 0, 6],
    },
    { table: { headerRows: 1, widths: [55, '*', 70, 200], body: rows }, layout: tableLayout },
    { text: `Leeftijden op de peildatum ${nlDate(ref)}.`, style: 'note' },
  ];
}

function incomeSection(n: number, result: BudgetResult): Content[] {
  const inc = result.income;
  const rows: TableCell[][] = [
    [th('Omschrijving'), th('Soort'), th('Bedrag', 'right'), th('Frequentie'), th('Per maand', 'right'), th('Beslagbaar')],
  ];
  // Cost allowances (pleegvergoeding, bijzondere bijstand, pgb) are no income: listed apart under their own total, so
  // each total is the sum of the counted lines above it.
  type Line = (typeof inc.lines)[number];
  const lineRow = (l: Line): TableCell[] => {
    const muted = l.counted ? {} : { color: C.muted, italics: true };
    return [
      { text: l.counted ? l.description : `${l.description} (telt niet mee op de peildatum)`, ...muted },
      { text: INCOME_CATEGORY_LABELS[l.category], ...muted },
      { ...amountCell(l.amount), ...muted },
      { text: frequencyLabel(l.frequency, l.instalments), ...muted },
      { ...amountCell(l.monthly), ...muted },
      { text: l.attachable ? 'ja' : 'nee', ...muted },
    ];
  };
  const incomeLines = inc.lines.filter((l) => l.treatment !== 'kostenvergoeding');
  const allowanceLines = inc.lines.filter((l) => l.treatment === 'kostenvergoeding');
  for (const l of incomeLines) rows.push(lineRow(l));
  if (incomeLines.length === 0) rows.push([{ text: 'Geen inkomsten ingevoerd.', colSpan: 6, italics: true, color: C.muted }, {}, {}, {}, {}, {}]);
  const sub = (label: string, f: Figure, bold = false): TableCell[] => [
    { text: label, colSpan: 4, bold, fillColor: bold ? C.accent : undefined },
    {},
    {},
    {},
    { ...amountCell(f.value, { bold }), fillColor: bold ? C.accent : undefined },
    { text: '', fillColor: bold ? C.accent : undefined },
  ];
  rows.push(sub('Beslagbaar inkomen per maand', inc.attachable));
  rows.push(sub('Niet-beslagbaar inkomen per maand (toeslagen, kinderbijslag, kindgebonden budget)', inc.nonAttachable));
  rows.push(sub('Totaal inkomen per maand', inc.total, true));
  if (allowanceLines.length > 0) {
    rows.push([{ text: 'Kostenvergoedingen (geen inkomen; tellen mee in het saldo)', colSpan: 6, bold: true, color: C.primary, margin: [0, 3, 0, 0] }, {}, {}, {}, {}, {}]);
    for (const l of allowanceLines) rows.push(lineRow(l));
    rows.push(sub('Totaal kostenvergoedingen per maand', inc.costAllowances, true));
  }
  return [
    sectionTitle(n, 'Inkomsten'),
    { table: { headerRows: 1, widths: ['*', 118, 58, 62, 58, 42], body: rows }, layout: tableLayout },
    {
      text: 'Per maand: omgerekend (per week × 52/12, per vier weken × 13/12, per kwartaal / 3, per jaar / 12) en per post één keer half-up afgerond op centen; elk totaal is de som van de afgeronde bedragen.',
      style: 'note',
    },
  ];
}

function expenseSection(n: number, result: BudgetResult): Content[] {
  const b = result.budget;
  const rows: TableCell[][] = [[th('Omschrijving'), th('Soort'), th('Bedrag', 'right'), th('Frequentie'), th('Per maand', 'right')]];
  for (const g of NIBUD_GROUPS) {
    rows.push([{ text: NIBUD_GROUP_LABELS[g], colSpan: 5, bold: true, color: C.primary, margin: [0, 3, 0, 0] }, {}, {}, {}, {}]);
    const lines = b.lines.filter((l) => l.group === g);
    if (lines.length === 0) rows.push([{ text: 'Geen posten.', colSpan: 5, italics: true, color: C.muted }, {}, {}, {}, {}]);
    for (const l of lines) {
      const muted = l.counted ? {} : { color: C.muted, italics: true };
      rows.push([
        { text: l.counted ? l.description : `${l.description} (telt niet mee op de peildatum)`, margin: [8, 0, 0, 0], ...muted },
        { text: EXPENSE_CATEGORY_LABELS[l.category], ...muted },
        { ...amountCell(l.amount), ...muted },
        { text: frequencyLabel(l.frequency, l.instalments), ...muted },
        { ...amountCell(l.monthly), ...muted },
      ]);
    }
    rows.push([
      { text: `Subtotaal ${NIBUD_GROUP_LABELS[g].toLowerCase()}`, colSpan: 4, italics: true },
      {},
      {},
      {},
      { ...amountCell(b.expensesByGroup[g].value), decoration: 'overline' },
    ]);
  }
  rows.push([{ text: 'Totaal uitgaven per maand', colSpan: 4, bold: true, fillColor: C.accent }, {}, {}, {}, { ...amountCell(b.expensesTotal.value, { bold: true }), fillColor: C.accent }]);
  return [sectionTitle(n, 'Uitgaven (Nibud-indeling)'), { table: { headerRows: 1, widths: ['*', 130, 62, 70, 62], body: rows }, layout: tableLayout }];
}

function normsSection(n: number, result: BudgetResult): Content[] {
  const bvv = result.beslagvrijeVoet;
  type Row = { label: Content; value: Figure | Decimal | null; note?: string; bold?: boolean; indent?: boolean; sign?: boolean; refs?: NormTableRef[] };
  const fig = (f: Figure, extra: Partial<Row> = {}): Row => ({ label: f.label, value: f, refs: f.explanation.tables, ...extra });
  const rows: Row[] = [
    fig(result.bijstandsnorm, { bold: true }),
    fig(result.bijstandsnormExclVakantietoeslag, { indent: true }),
    fig(bvv, { bold: true, note: `Regime: ${BVV_REGIME_LABELS[bvv.regime]}` }),
  ];
  if (bvv.lowerBound) rows.push(fig(bvv.lowerBound, { indent: true }));
  if (bvv.upperBound) rows.push(fig(bvv.upperBound, { indent: true }));
  for (const l of result.vtlb.lines) rows.push(fig(l.figure, { indent: true, note: l.note ?? undefined }));
  rows.push(fig(result.vtlb.total, { bold: true }));
  rows.push(fig(result.income.forAfloscapaciteit));
  rows.push(fig(result.afloscapaciteit, { bold: true }));
  const budgetRows: Row[] = [
    fig(result.income.total),
    // The saldo is income + cost allowances − expenses: the allowances stand beside it when there are any.
    ...(costAllowancesOf(result).isZero() ? [] : [fig(result.income.costAllowances)]),
    fig(result.budget.expensesTotal),
    fig(result.budget.saldo, { bold: true, sign: true }),
    fig(result.budget.leefgeldPerWeek, { sign: true }),
    fig(result.budget.gapToNorm, { sign: true, note: 'beslagbaar inkomen min bijstandsnorm; negatief = onder de norm' }),
  ];
  const toBody = (rs: Row[]): TableCell[][] => [
    [th('Onderdeel'), th('Bedrag', 'right'), th('Toelichting')],
    ...rs.map((r): TableCell[] => {
      const value = r.value && 'explanation' in r.value ? r.value.value : (r.value as Decimal | null);
      return [
        { text: [r.label, ...userMark(r.refs ?? [])], bold: r.bold ?? false, margin: [r.indent ? 10 : 0, 0, 0, 0] },
        amountCell(value, { bold: r.bold ?? false, signColor: r.sign ?? false }),
        { text: r.note ?? '', fontSize: 8, color: C.muted },
      ];
    }),
  ];
  return [
    sectionTitle(n, 'Normen, VTLB en afloscapaciteit'),
    { table: { headerRows: 1, widths: ['*', 70, 190], body: toBody(rows) }, layout: tableLayout },
    { text: 'Budget', style: 'h3' },
    { table: { headerRows: 1, widths: ['*', 70, 190], body: toBody(budgetRows) }, layout: tableLayout },
  ];
}

function childrenSection(n: number, input: BudgetPlanInput): Content[] {
  const { dossier, result } = input;
  const ch = result.children;
  const rows: TableCell[][] = [[th('Kind'), th('Leeftijd 1e dag kwartaal', 'right'), th('Leeftijdsgroep'), th('Kinderbijslag per maand', 'right')]];
  for (const p of ch.perChild) {
    const c = dossier.children[p.child - 1];
    rows.push([
      c ? `${c.firstName} ${c.lastName}` : `Kind ${p.child}`,
      { text: p.ageOnQuarterStart === null ? '—' : `${p.ageOnQuarterStart} jaar`, alignment: 'right' },
      p.band ? `${p.band} jaar` : 'geen kinderbijslag',
      amountCell(p.kinderbijslagPerMonth.value),
    ]);
  }
  if (ch.perChild.length === 0) rows.push([{ text: 'Geen thuiswonende kinderen.', colSpan: 4, italics: true, color: C.muted }, {}, {}, {}]);
  const cmp: TableCell[][] = [
    [th('Regeling'), th('Verwacht per maand', 'right'), th('Ontvangen per maand', 'right'), th('Verschil', 'right')],
    ...(
      [
        ['Kinderbijslag', ch.kinderbijslagExpected, ch.kinderbijslagReceived],
        ['Kindgebonden budget', ch.kgbExpected, ch.kgbReceived],
      ] as const
    ).map(([label, exp, rec]): TableCell[] => [
      label,
      amountCell(exp.value),
      amountCell(rec.value),
      amountCell(exp.value === null || rec.value === null ? null : rec.value.minus(exp.value), { signColor: true }),
    ]),
  ];
  return [
    sectionTitle(n, 'Kinderbijslag en kindgebonden budget'),
    { table: { headerRows: 1, widths: ['*', 110, 110, 110], body: cmp }, layout: tableLayout },
    { text: 'Verwachte kinderbijslag per kind', style: 'h3' },
    { table: { headerRows: 1, widths: ['*', 110, 110, 110], body: rows }, layout: tableLayout },
  ];
}

function monthLabel(month: string): string {
  return `${month.slice(5, 7)}-${month.slice(0, 4)}`;
}

function projectionSection(n: number, projection: Projection): Content[] {
  const months = projection.months;
  // Saldo = inkomen + kostenvergoedingen − uitgaven: with cost allowances in any month their column stands beside it.
  const withAllowances = months.some((m) => !m.kostenvergoedingen.isZero());
  const rows: TableCell[][] = [
    [th('Maand'), th('Inkomen', 'right'), ...(withAllowances ? [th('Kosten- vergoedingen', 'right')] : []), th('Uitgaven', 'right'), th('Saldo', 'right'), th('Afloscapaciteit', 'right'), th('Wijzigingen')],
  ];
  for (let i = 0; i < months.length; i++) {
    const m = months[i]!;
    // Every month has income, expenses and saldo; the norm-based figures of a month no table covers are unknown.
    const notes = [...(m.provisional ? ['voorlopige normen.'] : []), ...(m.covered ? [] : ['Normen nog niet bekend.']), ...m.changes.map(nlNumbersInText)];
    rows.push([
      monthLabel(m.month),
      amountCell(m.inkomen),
      ...(withAllowances ? [amountCell(m.kostenvergoedingen)] : []),
      amountCell(m.uitgaven),
      amountCell(m.saldo, { signColor: true, bold: m.negative }),
      m.covered ? amountCell(m.afloscapaciteit) : { text: 'normen nog niet bekend', alignment: 'right', italics: true, color: C.muted, fontSize: 7 },
      { text: notes.join(' '), fontSize: 7.5, color: C.muted },
    ]);
  }
  return [
    sectionTitle(n, 'Vooruitblik 24 maanden'),
    {
      text: projection.firstNegativeMonth
        ? `Eerste maand met een tekort: ${monthLabel(projection.firstNegativeMonth)}.`
        : 'In de berekende maanden van de vooruitblik komt geen tekort voor.',
      margin: [0, 0, 0, 4],
    },
    { table: { headerRows: 1, widths: withAllowances ? [40, 58, 58, 58, 58, 58, '*'] : [40, 60, 60, 60, 62, '*'], body: rows }, layout: tableLayout },
    { text: 'Per maand opnieuw berekend op de eerste dag van de maand (de eerste maand op de peildatum), met de normtabel die dan geldt.', style: 'note' },
  ];
}

const DEBT_KIND_LABELS = { concurrent: 'concurrent', preferent: 'preferent' } as const;

/** Schuldenoverzicht: every debt in the dossier; the totals are the sums of the amounts shown. */
function debtsSection(n: number, dossier: Dossier): Content[] {
  if (dossier.debts.length === 0) {
    return [sectionTitle(n, 'Schuldenoverzicht'), { text: 'Er zijn geen schulden in het dossier vastgelegd.', italics: true, color: C.muted }];
  }
  const cents = (xs: string[]) => fromCents(xs.reduce((t, x) => t + toCents(x), 0));
  const rows: TableCell[][] = [
    [th('Schuldeiser'), th('Incasso / deurwaarder'), th('Kenmerk'), th('Soort'), th('Status'), th('Oorspronkelijk', 'right'), th('Openstaand', 'right')],
    ...dossier.debts.map((d): TableCell[] => [
      d.creditor,
      d.collector ?? '',
      d.reference ?? '',
      DEBT_KIND_LABELS[d.kind],
      DEBT_STATUS_LABELS[d.status],
      amountCell(fromCents(toCents(d.originalAmount))),
      amountCell(fromCents(toCents(d.currentAmount))),
    ]),
    [
      { text: `Totaal (${dossier.debts.length} ${dossier.debts.length === 1 ? 'schuld' : 'schulden'})`, bold: true, colSpan: 5 },
      '',
      '',
      '',
      '',
      amountCell(cents(dossier.debts.map((d) => d.originalAmount)), { bold: true }),
      amountCell(cents(dossier.debts.map((d) => d.currentAmount)), { bold: true }),
    ],
  ];
  return [
    sectionTitle(n, 'Schuldenoverzicht'),
    { table: { headerRows: 1, dontBreakRows: true, widths: ['*', 80, 55, 50, 60, 62, 62], body: rows }, layout: tableLayout, fontSize: 8 },
  ];
}

/** The closing summary and the signatures in one unbreakable block, so the signatures never stand alone on a page. */
function closingBlock(result: BudgetResult, dossier: Dossier): Content {
  const line = (label: string, value: string): Content => ({ columns: [{ text: label, width: '*' }, { text: value, width: 'auto', alignment: 'right', bold: true }] });
  const open = fromCents(dossier.debts.reduce((t, d) => t + toCents(d.currentAmount), 0));
  return {
    unbreakable: true,
    stack: [
      { text: 'Samenvatting', style: 'h3', margin: [0, 16, 0, 4] },
      {
        stack: [
          line('Inkomen per maand', euro(result.income.total.value)),
          ...(costAllowancesOf(result).isZero() ? [] : [line('Kostenvergoedingen per maand', euro(result.income.costAllowances.value))]),
          line('Uitgaven per maand', euro(result.budget.expensesTotal.value)),
          line('Saldo per maand', euro(result.budget.saldo.value)),
          line('Afloscapaciteit per maand', euro(result.afloscapaciteit.value)),
          line('Openstaande schulden', euro(open)),
        ],
        margin: [0, 0, 200, 0],
      },
      signatureSection(),
    ],
  };
}

function signatureSection(): Content {
  const box = (who: string): Content => ({
    stack: [
      { text: who, bold: true, margin: [0, 0, 0, 18] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 230, y2: 0, lineWidth: 0.5, lineColor: C.muted }] },
      { text: 'Naam en handtekening', style: 'note', margin: [0, 2, 0, 14] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 120, y2: 0, lineWidth: 0.5, lineColor: C.muted }] },
      { text: 'Datum', style: 'note' },
    ],
  });
  return {
    unbreakable: true,
    stack: [
      { text: 'Besproken en akkoord', style: 'h3', margin: [0, 16, 0, 8] },
      { columns: [box('Cliënt'), box('Medewerker')], columnGap: 40 },
    ],
  };
}

function explanationBlock(label: string, value: string, e: Explanation): Content {
  // Dutch labels and nl-NL values from the shared presenter, as on the screen.
  const inputs = presentInputs(e.inputs);
  return {
    unbreakable: true,
    margin: [0, 0, 0, 8],
    stack: [
      {
        table: {
          widths: ['*', 'auto'],
          body: [[{ text: [label, ...userMark(e.tables)], bold: true, color: C.primary }, { text: value, bold: true, alignment: 'right', noWrap: true }]],
        },
        layout: { hLineWidth: (i: number) => (i === 1 ? 0.5 : 0), vLineWidth: () => 0, hLineColor: () => C.line, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 1, paddingBottom: () => 1 },
      },
      { text: [{ text: 'Regel: ', bold: true }, explanationText(e.rule)], margin: [0, 2, 0, 0] },
      ...(inputs.length > 0
        ? [
            { text: 'Invoer:', bold: true, margin: [0, 2, 0, 0] } as Content,
            {
              table: {
                widths: ['*', 'auto'],
                body: inputs.map((i): TableCell[] => [{ text: i.label, color: C.muted }, { text: i.text, alignment: 'right' }]),
              },
              layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 8, paddingRight: () => 0, paddingTop: () => 0.5, paddingBottom: () => 0.5 },
            } as Content,
          ]
        : []),
      {
        text:
          e.tables.length > 0
            ? [
                { text: 'Normtabel: ', bold: true },
                e.tables.map((t) => `${groupLabel(t.group)} vanaf ${nlDate(t.periodStart)}`).join('; '),
                ...userMark(e.tables),
                ' (bronnen: zie Gebruikte normtabellen).',
              ]
            : 'Normtabel: geen (berekend uit de ingevoerde gegevens).',
        color: C.muted,
        margin: [0, 2, 0, 0],
      },
    ],
    fontSize: 8,
  };
}

function explanationsSection(n: number, result: BudgetResult): Content[] {
  const bvv = result.beslagvrijeVoet;
  // Only the figures a reader has to be able to check; sums of the lines shown in the plan need no explanation.
  const figs: Figure[] = [
    result.bijstandsnorm,
    bvv,
    ...(bvv.lowerBound ? [bvv.lowerBound] : []),
    ...(bvv.upperBound ? [bvv.upperBound] : []),
    ...result.vtlb.lines.map((l) => l.figure).filter((f) => f.value === null || !f.value.isZero()),
    result.vtlb.total,
    result.afloscapaciteit,
    result.children.kinderbijslagExpected,
    result.children.kgbExpected,
  ];
  return [
    sectionTitle(n, 'Bijlage: hoe de bedragen zijn berekend'),
    {
      text:
        'Voor de belangrijkste bedragen staat hier hoe ze zijn berekend: de regel uit de wet of de normen, de gegevens die zijn gebruikt en ' +
        'de normtabel. ≈ betekent dat een tussenbedrag niet op centen is afgerond.',
      style: 'note',
      margin: [0, 0, 0, 6],
    },
    explanationBlock('Huishoudtype', result.household.typeLabel, result.household.explanation),
    ...figs.map((f) => explanationBlock(f.label, figureValue(f), f.explanation)),
  ];
}

function normPeriodsSection(n: number, result: BudgetResult): Content[] {
  const rows: TableCell[][] = [[th('Normtabel'), th('Periode'), th('Status'), th('Herkomst'), th('Bron')]];
  for (const r of result.normPeriods) {
    const user = r.origin === 'user';
    rows.push([
      groupLabel(r.group),
      { text: `${nlDate(r.periodStart)} t/m ${nlDate(r.periodEnd)}`, noWrap: true },
      statusLabel(r.status),
      { text: originLabel(r.origin), bold: user, color: user ? C.userLine : C.text },
      {
        stack: r.source.map((s): Content => {
          const src = presentSource(s);
          return src.url
            ? { text: [{ text: `${src.name}: ` }, { text: src.url, link: src.url, color: C.primary, decoration: 'underline' }] }
            : { text: src.name };
        }),
        fontSize: 7.5,
      },
    ]);
  }
  const out: Content[] = [sectionTitle(n, 'Bijlage: gebruikte normtabellen en bronnen'), { table: { headerRows: 1, widths: [78, 108, 62, 62, '*'], body: rows }, layout: tableLayout, fontSize: 8 }];
  if (result.missingFigures.length > 0) {
    out.push({ text: 'Ontbrekende normbedragen (niet geschat)', style: 'h3' });
    out.push({ ul: result.missingFigures.map((m) => m.message), fontSize: 8 });
  }
  return out;
}

/** Short list of norm periods for the footer: "Bijstandsnormen vanaf 01-07-2026, …". */
export function footerPeriods(result: BudgetResult): string {
  return result.normPeriods.map((r) => `${groupLabel(r.group)} ${nlDate(r.periodStart)}${r.origin === 'user' ? ` (${USER_SUPPLIED})` : ''}`).join(' · ');
}

// ------------------------------------------------------------------------------------------------ document

/** Characters the bundled Roboto lacks, replaced so no empty box is printed (engine texts use "→"). */
const GLYPH_REPLACEMENTS: [RegExp, string][] = [[/→/g, '›']];

function withSupportedGlyphs<T>(node: T): T {
  if (typeof node === 'string') {
    let out: string = node;
    for (const [re, to] of GLYPH_REPLACEMENTS) out = out.replace(re, to);
    return out as T;
  }
  if (Array.isArray(node)) return node.map((x: unknown) => withSupportedGlyphs(x)) as T;
  if (node && typeof node === 'object' && !(node instanceof Date)) {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withSupportedGlyphs(v)])) as T;
  }
  return node;
}

export function buildBudgetPlanDocument(input: BudgetPlanInput): TDocumentDefinitions {
  const { dossier, result } = input;
  let n = 0;
  const content: Content[] = [headerBlock(input)];
  if (dossier.fictitious) {
    content.push(banner({ text: 'Fictief huishouden (demo): dit budgetplan gaat niet over echte personen.', bold: true }, C.userBg, C.userLine));
  }
  if (result.provisional) {
    const m = result.provisional.message;
    content.push(
      banner(
        { text: `${m[0]!.toUpperCase()}${m.slice(1)}. Er is gerekend met de laatst bekende normen; elk bedrag dat op een norm rust is voorlopig en gemarkeerd met *.`, bold: true },
        C.userBg,
        C.userLine,
      ),
    );
  }
  content.push({ text: 'Kerncijfers per maand', style: 'h3', margin: [0, 10, 0, 0] });
  content.push(keyFigures(result));
  const notComputable = notComputableBox(result);
  if (notComputable) content.push(notComputable);
  content.push(warningsBlock(result));
  const userNotice = userNormsNotice(result);
  if (userNotice) content.push(userNotice);
  content.push(...householdSection(++n, input));
  content.push(...incomeSection(++n, result));
  content.push(...expenseSection(++n, result));
  content.push(...debtsSection(++n, dossier));
  content.push(...normsSection(++n, result));
  content.push(...bvvVtlbSection(++n, result, { sectionTitle, th, amountCell, tableLayout, muted: C.muted }));
  content.push(...childrenSection(++n, input));
  content.push(...addsUpSection(++n, result, { sectionTitle, th, amountCell, tableLayout, muted: C.muted }));
  if (input.projection) content.push(...projectionSection(++n, input.projection));
  // The plan ends with the summary and signatures; the technical annex (norm tables, calculations) follows.
  content.push(closingBlock(result, dossier));
  content.push({ text: '', pageBreak: 'after' });
  content.push(...normPeriodsSection(++n, result));
  content.push(...explanationsSection(++n, result));
  content.push({
    text:
      'Dit budgetplan is berekend met Houvast op basis van de gegevens in het dossier op de peildatum en de genoemde normtabellen. ' +
      'Bedragen per maand zijn per post één keer half-up afgerond op centen; elk totaal is de som van de afgeronde bedragen.',
    style: 'note',
    margin: [0, 10, 0, 0],
  });

  const periods = footerPeriods(result);
  return {
    pageSize: 'A4',
    pageMargins: [40, 46, 40, 58],
    language: 'nl-NL',
    // Metadata: title only; no names, BSN or other personal data (Author/Subject/Keywords stay empty).
    info: {
      title: `Budgetplan ${dossier.number}`,
      creator: 'Houvast',
      producer: 'Houvast (pdfmake)',
      creationDate: new Date(input.generatedAt),
    },
    header: (currentPage: number) =>
      currentPage === 1
        ? null
        : {
            columns: [
              { text: 'Budgetplan', bold: true, color: C.primary },
              { text: `Dossier ${dossier.number} · peildatum ${nlDate(result.referenceDate)}`, alignment: 'right', color: C.muted },
            ],
            fontSize: 8,
            margin: [40, 22, 40, 0],
          },
    footer: (currentPage: number, pageCount: number) => ({
      margin: [40, 12, 40, 0],
      fontSize: 7,
      color: C.muted,
      stack: [
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, lineWidth: 0.5, lineColor: C.line }] },
        {
          columns: [
            { text: `Budgetplan ${dossier.number} · Normperioden (vanaf): ${periods}`, width: '*' },
            { text: `Pagina ${currentPage} van ${pageCount}`, width: 60, alignment: 'right', bold: true, noWrap: true },
          ],
          columnGap: 10,
          margin: [0, 4, 0, 0],
        },
      ],
    }),
    content: withSupportedGlyphs(content),
    defaultStyle: { font: 'Roboto', fontSize: 9, color: C.text, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 24, bold: true, color: C.primary },
      metaLabel: { fontSize: 8, color: C.muted },
      metaValue: { fontSize: 8.5, bold: true },
      h2: { fontSize: 12.5, bold: true, color: C.primary, margin: [0, 0, 0, 2] },
      h3: { fontSize: 10, bold: true, color: C.primary, margin: [0, 8, 0, 4] },
      th: { bold: true, fontSize: 8, color: C.primary },
      note: { fontSize: 7.5, color: C.muted, italics: true, margin: [0, 3, 0, 0] },
    },
  };
}
