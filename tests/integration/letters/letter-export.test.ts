// Letters exported to a folder the user picks (issue 8 §4), through the real core on the demo vault: the stored
// PDFs written byte for byte, readable by the user only, never over an existing file, no BSN unless it was
// chosen for the letter, refused in Dutch for a folder that is not usable, and logged without the folder's path.
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/app';
import type { ProcedureInput } from '../../../src/shared/contract/procedures';
import { startDemoCore } from '../../support/core';
import { extractPdf } from '../budget-pdf/helpers';
import { TestClock } from '../services/helpers';

let dataDir: string;
let outDir: string;
let core: Core;
let rig: Awaited<ReturnType<typeof startDemoCore>>;
const call: typeof rig.call = (name, input) => rig.call(name, input);

beforeEach(async () => {
  rig = await startDemoCore('letter-export', new TestClock(Date.UTC(2026, 10, 30, 10, 0)));
  ({ core, dataDir } = rig);
  outDir = path.join(dataDir, 'Brieven voor verzending');
  await mkdir(outDir);
});
afterEach(() => rig.cleanup());

/** Demo 01 (Klaverhoek, a nul-aanbod): a proposal letter to the first creditor in the regeling and the schuldenoverzicht. */
async function lettersOfDemo01() {
  const [d] = await call('dossier.list', { query: 'Klaverhoek' });
  const view = await call('arrangement.get', { id: d!.id });
  const first = view.proposal.creditors[0]!;
  const voorstel = await call('letters.create', { dossierId: d!.id, kind: 'voorstel', debtId: first.debtId });
  const overzicht = await call('letters.create', { dossierId: d!.id, kind: 'schuldenoverzicht', includeBsn: true });
  return { dossierId: d!.id, number: d!.number, voorstel, overzicht };
}

describe('letters.exportToFolder', () => {
  it('writes every stored letter of the dossier into the chosen folder, byte for byte, for the user only', async () => {
    const { dossierId, voorstel, overzicht } = await lettersOfDemo01();
    const out = await call('letters.exportToFolder', { dossierId, folder: outDir });
    expect(out.folder).toBe(outDir);
    expect(out.files).toEqual([voorstel.letter.fileName, overzicht.letter.fileName]);
    expect((await readdir(outDir)).sort()).toEqual([...out.files].sort());
    for (const [name, made] of [
      [voorstel.letter.fileName, voorstel],
      [overzicht.letter.fileName, overzicht],
    ] as const) {
      const bytes = await readFile(path.join(outDir, name));
      expect(bytes.equals(Buffer.from(made.contentBase64, 'base64'))).toBe(true);
      if (process.platform !== 'win32') expect((await stat(path.join(outDir, name))).mode & 0o777).toBe(0o600);
    }
    // The BSN only where the user chose it: not in the proposal letter, in the schuldenoverzicht.
    const dossier = await call('dossier.get', { id: dossierId });
    const bsn = dossier.adults[0]!.bsn!;
    expect((await extractPdf(await readFile(path.join(outDir, voorstel.letter.fileName)))).text).not.toContain(bsn);
    expect((await extractPdf(await readFile(path.join(outDir, overzicht.letter.fileName)))).text).toContain(bsn);
  });

  it('never writes over a file: a second export gets numbered names; only the chosen letters', async () => {
    const { dossierId, voorstel } = await lettersOfDemo01();
    await call('letters.exportToFolder', { dossierId, folder: outDir });
    const again = await call('letters.exportToFolder', { dossierId, folder: outDir, ids: [voorstel.letter.id] });
    const stem = voorstel.letter.fileName.replace(/\.pdf$/, '');
    expect(again.files).toEqual([`${stem} (2).pdf`]);
    expect(await readdir(outDir)).toHaveLength(3);
  });

  it('refuses, in Dutch and writing nothing, a relative or missing folder, the vault itself, another dossier\'s letter, or no letters', async () => {
    const { dossierId } = await lettersOfDemo01();
    const refused = async (input: ProcedureInput<'letters.exportToFolder'>, message: string) => {
      const env = await core.router.handle('letters.exportToFolder', input);
      expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION', message } });
    };
    await refused({ dossierId, folder: 'Brieven' }, 'Kies een volledige map, bijvoorbeeld /home/naam/Brieven of C:\\Brieven.');
    await refused({ dossierId, folder: path.join(outDir, 'bestaat-niet') }, 'Deze map bestaat niet. Kies een bestaande map.');
    const status = await call('vault.status', {});
    await refused({ dossierId, folder: status.vault!.path }, 'Kies een map buiten de kluis.');
    await refused({ dossierId, folder: outDir, ids: ['onbekend'] }, 'Een gekozen brief hoort niet (meer) bij dit dossier. Er is niets geëxporteerd.');
    const [other] = await call('dossier.list', { query: 'Vonkeman' });
    await refused({ dossierId: other!.id, folder: outDir }, 'Er zijn geen brieven om te exporteren. Maak eerst een brief.');
    expect(await readdir(outDir)).toEqual([]);
  });

  it('logs each file as an export, without the folder (it may hold a name)', async () => {
    const { dossierId, voorstel } = await lettersOfDemo01();
    await call('letters.exportToFolder', { dossierId, folder: outDir, ids: [voorstel.letter.id] });
    const log = await call('audit.list', { dossierId });
    const entry = log.find((e) => e.detail === `Brief ${voorstel.letter.fileName} naar een gekozen map geëxporteerd`);
    expect(entry).toMatchObject({ action: 'dossier.exported' });
    expect(log.some((e) => (e.detail ?? '').includes(outDir) || (e.detail ?? '').includes('Brieven voor verzending'))).toBe(false);
  });
});
