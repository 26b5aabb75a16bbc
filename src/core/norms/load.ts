// Node loader of the bundled norm tables (resources/norms/*.json). Each file is validated whole: an invalid
// file is rejected with Dutch reasons and never partly used.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildNormSet, type NormSet } from '../../shared/budget/norms';
import { validateNormData, type NormFile, type NormFileValidation } from '../../shared/budget/norm-schema';
import { issueLine, parseStrictJson } from '../../shared/strict-json';

export class NormFileError extends Error {
  constructor(
    readonly file: string,
    readonly reasons: string[],
  ) {
    super(`Normbestand ${file} is ongeldig:\n- ${reasons.join('\n- ')}`);
    this.name = 'NormFileError';
  }
}

/** Validate the text or parsed JSON of a norm file (e.g. for the import feature). Reasons are Dutch. */
export function validateNormFile(json: unknown): NormFileValidation {
  if (json === null || json === undefined || json === '') {
    return { ok: false, reasons: ['Er is geen normbestand meegegeven, of het bestand is leeg.'] };
  }
  if (typeof json === 'string') {
    // Strict: a duplicated key (JSON.parse keeps the last figure) or a lone surrogate is refused with its place.
    const strict = parseStrictJson(json);
    if (!strict.ok) return { ok: false, reasons: strict.issues.map(issueLine) };
    json = strict.value;
  }
  return validateNormData(json);
}

/** Read and validate every *.json in `<resourcesDir>/norms`; throws NormFileError on the first invalid file. */
export async function loadBundledNormFiles(resourcesDir: string): Promise<NormFile[]> {
  const dir = join(resourcesDir, 'norms');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const files: NormFile[] = [];
  for (const name of names) {
    const v = validateNormFile(await readFile(join(dir, name), 'utf8'));
    if (!v.ok) throw new NormFileError(name, v.reasons);
    if (v.file.origin !== 'bundled') throw new NormFileError(name, ['Een meegeleverd normbestand moet origin "bundled" hebben.']);
    files.push(v.file);
  }
  return files;
}

/** Bundled norms as a NormSet; pass user files to buildNormSet after these to let them override. */
export async function loadBundledNorms(resourcesDir: string, userFiles: readonly NormFile[] = []): Promise<NormSet> {
  return buildNormSet([...(await loadBundledNormFiles(resourcesDir)), ...userFiles]);
}
