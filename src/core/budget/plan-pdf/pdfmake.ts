// pdfmake set up for Node with only its bundled Roboto fonts (from the vfs shipped in the package): no font
// files on disk, no network, no local file access. Everything is rendered into a Buffer in memory.
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
// Explicit .js: plain Node ESM (the bundled Electron main) needs it for a package subpath without an exports map.
import robotoVfs from 'pdfmake/build/vfs_fonts.js';

/** The Node build exposes its in-memory file system; the published types only describe the browser API. */
interface NodePdfMake {
  virtualfs: { writeFileSync(name: string, content: Buffer): void; existsSync(name: string): boolean };
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

let ready: NodePdfMake | null = null;

function engine(): NodePdfMake {
  if (ready) return ready;
  const pm = pdfmake as unknown as NodePdfMake;
  const vfs = robotoVfs as unknown as Record<string, string>;
  for (const file of Object.values(FONT_FILES)) {
    const data = vfs[file];
    if (!data) throw new Error(`pdfmake vfs mist lettertype ${file}`);
    if (!pm.virtualfs.existsSync(file)) pm.virtualfs.writeFileSync(file, Buffer.from(data, 'base64'));
  }
  pm.setFonts({ Roboto: { ...FONT_FILES } });
  // The document never references images or files: refuse every external or local resource.
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy(() => false);
  ready = pm;
  return pm;
}

export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return engine().createPdf(doc).getBuffer();
}
