// pdfmake and its fonts (~25 MB) load with the first PDF, not with the core (issue 10 §1, RSS at 100,000
// dossiers). Checked in a fresh Node process, since a test worker may have loaded pdfmake for another file.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '../../..');

const SCRIPT = `
import { createRequire } from 'node:module';
const req = createRequire(import.meta.url);
const pdfmakeFiles = () => Object.keys(req.cache).filter((k) => k.split('\\\\').join('/').includes('/node_modules/pdfmake/')).length;
const { createCore } = await import('./src/core/app.ts');
const afterCore = pdfmakeFiles();
const { renderPdf } = await import('./src/core/budget/plan-pdf/pdfmake.ts');
const pdf = await renderPdf({ content: ['Houvast'] });
console.log(JSON.stringify({ core: typeof createCore, afterCore, afterPdf: pdfmakeFiles(), head: pdf.subarray(0, 5).toString('latin1') }));
`;

describe('heavy modules load when first needed', () => {
  it('loading the core does not load pdfmake; the first PDF does', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    const result = JSON.parse(out.trim().split('\n').at(-1)!) as { core: string; afterCore: number; afterPdf: number; head: string };
    expect(result.core).toBe('function');
    expect(result.afterCore).toBe(0);
    expect(result.afterPdf).toBeGreaterThan(0);
    expect(result.head).toBe('%PDF-');
  }, 60_000);
});
