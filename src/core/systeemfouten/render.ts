// CSV and PDF summaries, rendered ONLY from the signed envelope (the payload bytes inside it), so they can
// never hold more than the signed JSON. PDF metadata is set to neutral values; nothing names the office.
import type { TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import { HIERARCHIES, TABLE_TITLES, labelOf, type Dimension, type TableId } from '../../shared/systeemfouten/hierarchy';
import type { ExportPayload } from '../../shared/systeemfouten/export';
import { renderPdf } from '../budget/plan-pdf/pdfmake';
import { sha256Hex, type DsseEnvelope } from './dsse';

export function payloadOfEnvelope(envelopeText: string): { payload: ExportPayload; payloadText: string } {
  const env = JSON.parse(envelopeText) as DsseEnvelope;
  const payloadText = Buffer.from(env.payload, 'base64').toString('utf8');
  return { payload: JSON.parse(payloadText) as ExportPayload, payloadText };
}

const PERIOD_WORD = { quarter: 'kwartaal', halfyear: 'halfjaar', year: 'jaar' } as const;
const ROLE_WORD = { bewind: 'beschermingsbewind', schuldhulp: 'schuldhulpverlening', other: 'anders' } as const;

/** Excel must not read a cell as a formula. */
function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(envelopeText: string): string {
  const { payload, payloadText } = payloadOfEnvelope(envelopeText);
  const lines: string[] = [];
  const row = (...cells: (string | number)[]) => lines.push(cells.map(csvCell).join(';'));
  row('Systeemfouten-rapport');
  row('Periode', payload.period.value, PERIOD_WORD[payload.period.type]);
  row('Rol melder', ROLE_WORD[payload.reporterRole]);
  row('k (minimum huishoudens per cel)', payload.privacy.k);
  row('Huishoudens in n.n.b.-buckets', payload.privacy.recodedHouseholds);
  row('Niet toegewezen huishoudens', payload.privacy.unallocatedHouseholds);
  row('SHA-256 van de inhoud', sha256Hex(payloadText));
  row('');
  row('tabel', 'titel', 'dimensie 1', 'code 1', 'dimensie 2', 'code 2', 'dimensie 3', 'code 3', 'huishoudens', 'signalen');
  for (const t of payload.tables) {
    for (const c of t.cells) {
      const dims: (string | number)[] = [];
      for (let i = 0; i < 3; i++) {
        const d = t.dims[i] as Dimension | undefined;
        dims.push(d ? HIERARCHIES[d].name : '', d ? labelOf(d, c.key[i]!) : '');
      }
      row(t.id, TABLE_TITLES[t.id as TableId], ...dims, c.households, c.events);
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function renderReportPdf(envelopeText: string): Promise<Buffer> {
  const { payload, payloadText } = payloadOfEnvelope(envelopeText);
  const content: TDocumentDefinitions['content'] = [
    { text: `Systeemfouten-rapport ${payload.period.value}`, style: 'h1' },
    {
      text: [
        `Periode: ${PERIOD_WORD[payload.period.type]} ${payload.period.value}. Rol melder: ${ROLE_WORD[payload.reporterRole]}. `,
        `Elke telling is een aantal verschillende huishoudens en is 0 of minstens ${payload.privacy.k}. `,
        `Huishoudens in n.n.b.-buckets: ${payload.privacy.recodedHouseholds}; niet toegewezen: ${payload.privacy.unallocatedHouseholds}.`,
      ],
      margin: [0, 0, 0, 6],
    },
    {
      text: `Detailniveaus: ${(Object.keys(payload.privacy.levels) as Dimension[])
        .map((d) => `${HIERARCHIES[d].name} ${HIERARCHIES[d].levelNames[Number(payload.privacy.levels[d].slice(1))] ?? payload.privacy.levels[d]}`)
        .join('; ')}.`,
      fontSize: 8,
      margin: [0, 0, 0, 6],
    },
    { text: `SHA-256 van de ondertekende inhoud: ${sha256Hex(payloadText)}`, fontSize: 7, margin: [0, 0, 0, 10] },
  ];
  for (const t of payload.tables) {
    const dims = t.dims as Dimension[];
    const body: TableCell[][] = [[...dims.map((d) => ({ text: HIERARCHIES[d].name, bold: true })), { text: 'Huishoudens', bold: true }, { text: 'Signalen', bold: true }]];
    for (const c of t.cells) body.push([...c.key.map((k, i) => labelOf(dims[i]!, k)), String(c.households), String(c.events)]);
    if (t.cells.length === 0) body.push([...dims.map(() => ''), '0', '0']);
    content.push({ text: `${t.id}: ${TABLE_TITLES[t.id as TableId]}`, style: 'h2' });
    content.push({ table: { headerRows: 1, widths: [...dims.map(() => '*'), 'auto', 'auto'], body }, fontSize: 8, margin: [0, 0, 0, 8] });
  }
  const doc: TDocumentDefinitions = {
    // Neutral metadata: no office, no person, no software host details.
    info: { title: 'Systeemfouten-rapport', author: '', subject: '', keywords: '', creator: 'Houvast', producer: 'Houvast' },
    content,
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: { h1: { fontSize: 14, bold: true, margin: [0, 0, 0, 6] }, h2: { fontSize: 10, bold: true, margin: [0, 6, 0, 3] } },
  };
  return renderPdf(doc);
}
