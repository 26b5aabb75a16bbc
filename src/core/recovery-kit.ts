// The "herstelkit": one A4 page with the vault's recovery code, made to survive paper. The code is printed
// as 8 numbered groups of 5 characters, every character in a fixed-width box (monospaced by layout, since
// the bundled fonts are proportional), 2 rows of 4 groups whose total width is fixed and well inside the
// printable area, so no group can ever be cut off. Rendered in memory; never written to disk or logged.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatNlDate, isoDateOf } from '../shared/dates';
import { renderPdf } from './budget/plan-pdf/pdfmake';
import { normalizeRecoveryCode } from './vault/recovery-code';

export interface RecoveryKitInput {
  /** The code as shown at creation ("XXXXX-XXXXX-…"). */
  recoveryCode: string;
  vaultName: string;
  /** Epoch ms: when the vault was created (from its keyfile). */
  vaultCreatedAt: number;
  /** Epoch ms: when this kit was made. */
  generatedAt: number;
  /** The user's name (from the vault settings). */
  generatedBy: string;
}

export const GROUPS_PER_ROW = 4;
export const CODE_FONT_SIZE = 22;
/** Width of one character box (pt); the widest glyph (W, M) at CODE_FONT_SIZE in Roboto Medium is about 19 pt. */
export const CELL_WIDTH = 22;
/** Space between two groups (pt). */
export const GROUP_GAP = 14;
const PAGE_MARGIN = 50;
/** A4 width in pt. */
export const PAGE_WIDTH = 595.28;

const C = { primary: '#1f4e5f', line: '#8a9aa2', muted: '#5b6b73', text: '#1d2427', warnBg: '#fdecea', warnLine: '#b3261e' };

/** The code in its printed form (Crockford normalised), in groups of 5. */
export function recoveryCodeGroups(code: string): string[] {
  return normalizeRecoveryCode(code).match(/.{1,5}/g) ?? [];
}

/** Width of one row of code groups in pt: fixed by the layout, independent of the characters. */
export function codeRowWidth(groupSize = 5): number {
  return GROUPS_PER_ROW * groupSize * CELL_WIDTH + (GROUPS_PER_ROW - 1) * GROUP_GAP;
}

function codeTable(groups: string[]): Content {
  const groupSize = groups[0]?.length ?? 5;
  const widths: number[] = [];
  for (let g = 0; g < GROUPS_PER_ROW; g++) {
    if (g > 0) widths.push(GROUP_GAP);
    for (let i = 0; i < groupSize; i++) widths.push(CELL_WIDTH);
  }
  const none: [boolean, boolean, boolean, boolean] = [false, false, false, false];
  const box: [boolean, boolean, boolean, boolean] = [true, true, true, true];
  const body: TableCell[][] = [];
  for (let start = 0; start < groups.length; start += GROUPS_PER_ROW) {
    const labels: TableCell[] = [];
    const chars: TableCell[] = [];
    groups.slice(start, start + GROUPS_PER_ROW).forEach((group, j) => {
      if (j > 0) {
        labels.push({ text: '', border: none });
        chars.push({ text: '', border: none });
      }
      labels.push({ text: `Groep ${start + j + 1}`, colSpan: groupSize, fontSize: 9, color: C.muted, margin: [0, 8, 0, 2], border: none });
      for (let i = 1; i < groupSize; i++) labels.push({ text: '', border: none });
      for (const ch of group) {
        chars.push({ text: ch, fontSize: CODE_FONT_SIZE, bold: true, alignment: 'center', margin: [0, 4, 0, 2], border: box });
      }
    });
    body.push(labels, chars);
  }
  return {
    table: { widths, body, dontBreakRows: true },
    layout: {
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => 0,
      hLineWidth: () => 0.75,
      vLineWidth: () => 0.75,
      hLineColor: () => C.line,
      vLineColor: () => C.line,
    },
    unbreakable: true,
  };
}

/** pdfmake document definition of the herstelkit. Pure. */
export function buildRecoveryKitDocument(input: RecoveryKitInput): TDocumentDefinitions {
  const groups = recoveryCodeGroups(input.recoveryCode);
  const groupSize = groups[0]?.length ?? 5;
  const today = formatNlDate(isoDateOf(input.generatedAt));
  const created = formatNlDate(isoDateOf(input.vaultCreatedAt));
  const step = (n: number, text: Content): Content => ({
    columns: [
      { width: 18, text: `${n}.`, bold: true },
      { width: '*', text },
    ],
    margin: [0, 0, 0, 6],
  });

  const content: Content[] = [
    { text: 'Herstelkit Houvast', fontSize: 22, bold: true, color: C.primary, margin: [0, 0, 0, 4] },
    { text: 'Bewaar dit vel op een veilige plek. Alleen hiermee komt u bij de dossiers als u het wachtwoord kwijt bent.', color: C.muted, margin: [0, 0, 0, 14] },
    {
      table: {
        widths: [130, '*'],
        body: [
          [{ text: 'Kluis', bold: true }, input.vaultName],
          [{ text: 'Kluis aangemaakt op', bold: true }, created],
          [{ text: 'Herstelkit gemaakt op', bold: true }, today],
          [{ text: 'Gemaakt door', bold: true }, input.generatedBy],
        ],
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 16],
    },
    { text: 'Herstelcode', fontSize: 14, bold: true, color: C.primary, margin: [0, 0, 0, 2] },
    { text: `${groups.length} groepen van ${groupSize} tekens. Lees per groep, van links naar rechts.`, fontSize: 9, color: C.muted, margin: [0, 0, 0, 4] },
    codeTable(groups),
    { text: '', margin: [0, 0, 0, 18] },
    { text: 'Wat doet u met deze herstelkit?', fontSize: 14, bold: true, color: C.primary, margin: [0, 0, 0, 8] },
    step(1, 'Druk deze pagina af en bewaar het papier op een veilige plek, bijvoorbeeld in een afgesloten kast of kluis. Niet bij de computer.'),
    step(2, 'Bewaar geen kopie op deze computer, in e-mail of in de cloud. Verwijder het gedownloade PDF-bestand zodra het papier veilig ligt.'),
    step(
      3,
      "Wachtwoord vergeten? Kies in Houvast bij 'Kluis ontgrendelen' voor 'Herstelcode gebruiken', typ de code over en kies een nieuw wachtwoord.",
    ),
    step(4, 'Hoofdletters, spaties en streepjes maken bij het overtypen niet uit. De code bevat geen I, L, O of U: u leest dus altijd het cijfer 0 of 1.'),
    {
      table: {
        widths: ['*'],
        body: [
          [
            {
              text: [
                { text: 'Let op: ', bold: true },
                'wie deze code en de kluis in handen heeft, kan alle dossiers lezen. Bent u zowel het wachtwoord als deze herstelcode kwijt, dan kan niemand de gegevens terughalen, ook Houvast niet.',
              ],
              fillColor: C.warnBg,
              margin: [8, 6, 8, 6],
            },
          ],
        ],
      },
      layout: { hLineColor: () => C.warnLine, vLineColor: () => C.warnLine },
      margin: [0, 10, 0, 0],
    },
  ];

  return {
    pageSize: 'A4',
    pageMargins: [PAGE_MARGIN, 50, PAGE_MARGIN, 50],
    // The metadata never holds the code.
    info: { title: 'Herstelkit Houvast', creator: 'Houvast', producer: 'Houvast' },
    defaultStyle: { font: 'Roboto', fontSize: 11, color: C.text, lineHeight: 1.2 },
    content,
    footer: { text: 'Houvast herstelkit – vertrouwelijk', alignment: 'center', fontSize: 8, color: C.muted, margin: [0, 20, 0, 0] },
  };
}

export function recoveryKitFileName(vaultName: string, generatedAt: number): string {
  const safe = vaultName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return `herstelkit-${safe === '' ? 'kluis' : safe}-${isoDateOf(generatedAt)}.pdf`;
}

export function renderRecoveryKitPdf(input: RecoveryKitInput): Promise<Buffer> {
  return renderPdf(buildRecoveryKitDocument(input));
}
