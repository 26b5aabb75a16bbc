// Letters out of the vault into a folder the user picks (issue 8 §4): the stored PDFs of one dossier, all or
// the chosen ones, written as they are (they are what was sent). A letter holds personal data, so each file is
// written only where the user asked, readable by the user alone, never over an existing file, and logged as an
// export without the folder's path (it may hold a name).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/contract/errors';
import type { Db } from '../db/driver';
import { chosenFolder, folderWriteError } from '../user-folder';
import type { AuditService } from './audit';
import type { ServiceContext } from './context';

export interface LetterExportInput {
  dossierId: string;
  folder: string;
  /** Letter ids of this dossier; absent = every letter of the dossier. */
  ids?: readonly string[] | undefined;
}

export interface LetterExportResult {
  folder: string;
  files: string[];
}

const FILE_MODE = 0o600;

/** "a.pdf", else "a (2).pdf", "a (3).pdf", ...: the first name not yet taken (exclusive create, no race). */
function writeNew(folder: string, fileName: string, content: Buffer): string {
  const ext = path.extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  for (let n = 1; ; n++) {
    const name = n === 1 ? fileName : `${stem} (${n})${ext}`;
    try {
      writeFileSync(path.join(folder, name), content, { flag: 'wx', mode: FILE_MODE });
      return name;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
  }
}

export function createLetterExportService(
  ctx: ServiceContext,
  deps: { audit: AuditService; actor(): string; vaultPath(): string | null },
): { exportToFolder(input: LetterExportInput): LetterExportResult } {
  return {
    exportToFolder({ dossierId, folder, ids }) {
      const db: Db = ctx.db();
      const dossier = db.prepare('SELECT number FROM dossiers WHERE id = ?').get(dossierId) as { number: string } | undefined;
      if (!dossier) throw new AppError('NOT_FOUND', 'Dit dossier bestaat niet (meer).');
      const target = chosenFolder(folder.trim(), deps.vaultPath(), {
        relative: 'Kies een volledige map, bijvoorbeeld /home/naam/Brieven of C:\\Brieven.',
        insideVault: 'Kies een map buiten de kluis.',
      });
      const rows = db
        .prepare('SELECT id, file_name, content FROM arrangement_letters WHERE dossier_id = ? ORDER BY created_at, rowid')
        .all(dossierId) as { id: string; file_name: string; content: Buffer }[];
      let chosen = rows;
      if (ids) {
        const known = new Set(rows.map((r) => r.id));
        if (ids.some((id) => !known.has(id))) throw new AppError('VALIDATION', 'Een gekozen brief hoort niet (meer) bij dit dossier. Er is niets geëxporteerd.');
        const wanted = new Set(ids);
        chosen = rows.filter((r) => wanted.has(r.id));
      }
      if (chosen.length === 0) throw new AppError('VALIDATION', 'Er zijn geen brieven om te exporteren. Maak eerst een brief.');
      const files: string[] = [];
      for (const r of chosen) {
        let name: string;
        try {
          name = writeNew(target, r.file_name, Buffer.from(r.content));
        } catch (err) {
          // What was written before stays (and is logged); the message says why this one was not.
          throw folderWriteError(err, 'Er is niet genoeg ruimte in deze map.') ?? err;
        }
        files.push(name);
        deps.audit.append(deps.actor(), 'dossier.exported', dossierId, dossier.number, `Brief ${name} naar een gekozen map geëxporteerd`);
      }
      return { folder: target, files };
    },
  };
}
