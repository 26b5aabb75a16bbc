// pdfmake set up for Node with only its bundled Roboto fonts (from the vfs shipped in the package): no font
// files on disk, no network, no local file access. Everything is rendered into a Buffer in memory.
// pdfmake and its fonts are loaded on the first PDF, not with the core: together they cost ~25 MB of memory
// and ~150 ms of start-up that a session without a PDF never needs (issue 10 §1, RSS at 100,000 dossiers).
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

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

let ready: Promise<NodePdfMake> | null = null;

async function load(): Promise<NodePdfMake> {
  // Explicit .js: plain Node ESM (the bundled Electron main) needs it for a package subpath without an exports map.
  const [pdfmake, robotoVfs] = await Promise.all([import('pdfmake'), import('pdfmake/build/vfs_fonts.js')]);
  const pm = pdfmake.default as unknown as NodePdfMake;
  const vfs = robotoVfs.default as unknown as Record<string, string>;
  for (const file of Object.values(FONT_FILES)) {
    const data = vfs[file];
    if (!data) throw new Error(`pdfmake vfs mist lettertype ${file}`);
    if (!pm.virtualfs.existsSync(file)) pm.virtualfs.writeFileSync(file, Buffer.from(data, 'base64'));
  }
  pm.setFonts({ Roboto: { ...FONT_FILES } });
  // The document never references images or files: refuse every external or local resource.
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy(() => false);
  return pm;
}

function engine(): Promise<NodePdfMake> {
  // A failed load is not cached: the next PDF tries again.
  ready ??= load().catch((err: unknown) => {
    ready = null;
    throw err;
  });
  return ready;
}

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return (await engine()).createPdf(doc).getBuffer();
}
