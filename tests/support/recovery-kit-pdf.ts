// Reads the recovery code back from a herstelkit PDF the way a person reads the paper: the large characters
// in their boxes, row by row, left to right (pdfjs-dist, legacy build, runs in Node).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PlacedText {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface RecoveryKitText {
  pageCount: number;
  pageWidth: number;
  pageHeight: number;
  items: PlacedText[];
  /** All text of page 1, in reading order as pdfjs gives it. */
  text: string;
  title: unknown;
}

export async function readRecoveryKit(pdf: Uint8Array): Promise<RecoveryKitText> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  try {
    const page = await doc.getPage(1);
    const [, , pageWidth, pageHeight] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items: PlacedText[] = [];
    for (const it of content.items) {
      if (!('str' in it) || it.str.trim() === '') continue;
      const [a, b, , , e, f] = it.transform as number[];
      items.push({ str: it.str, x: e!, y: f!, width: it.width, fontSize: Math.hypot(a!, b!) });
    }
    const meta = await doc.getMetadata();
    return {
      pageCount: doc.numPages,
      pageWidth,
      pageHeight,
      items,
      text: items.map((i) => i.str).join(' '),
      title: (meta.info as Record<string, unknown>).Title,
    };
  } finally {
    await doc.destroy();
  }
}

/**
 * The large code text runs (font size ≥ 18 pt), top row first, then left to right. pdfjs may hand one
 * group as one run ("A B C D E") or as single characters; either way the spaces are layout, not code.
 */
export function codeRuns(kit: RecoveryKitText): PlacedText[] {
  return kit.items
    .filter((i) => i.fontSize >= 18 && /^[0-9A-Z ]+$/.test(i.str))
    .sort((p, q) => (Math.abs(p.y - q.y) > 2 ? q.y - p.y : p.x - q.x));
}

/** The code as a person copies it from the paper: groups of 5 joined with dashes. */
export function codeFromKit(kit: RecoveryKitText): string {
  const chars = codeRuns(kit)
    .map((c) => c.str.replace(/\s+/g, ''))
    .join('');
  return (chars.match(/.{1,5}/g) ?? []).join('-');
}
