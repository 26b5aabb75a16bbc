// The look every arrangement letter shares (the proposal letters, the schuldenoverzicht and the zorgpremie scheme
// letters and overview): colours, table lines and header cells, right-aligned amounts and the demo banner.
import type { Content, TableCell } from 'pdfmake/interfaces';

export const C = { primary: '#1f4e5f', muted: '#5b6b73', line: '#c5d3d9', accent: '#e7eff2', text: '#1d2427', warnBg: '#fff4e0', warnLine: '#b26a00' };

/** Heavier lines above and below the header and at the end; thin lines between rows; no vertical lines. */
export const tableLayout = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.3),
  vLineWidth: () => 0,
  hLineColor: () => C.line,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

export function th(text: string, alignment: 'left' | 'right' = 'left'): TableCell {
  return { text, bold: true, fontSize: 8, color: C.primary, alignment };
}

export const right = (text: string, bold = false): TableCell => ({ text, alignment: 'right', noWrap: true, bold });

/** A demo household's letter says at the top that it is not about real people. */
export function fictitiousBanner(fictitious: boolean): Content[] {
  return fictitious
    ? [{ table: { widths: ['*'], body: [[{ text: 'Fictief huishouden (demo): deze brief gaat niet over echte personen.', bold: true, fillColor: C.warnBg, margin: [4, 3, 4, 3] }]] }, layout: 'noBorders', margin: [0, 0, 0, 8] }]
    : [];
}
