// What the vault-less commands (budget, arrangement) share: an error that carries its exit code and the
// reasons to list, and reading a JSON file without ever quoting it (it holds personal data).
import { readFile } from 'node:fs/promises';
import { issueLine, readStrictJson } from '../../shared/strict-json';

export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/**
 * The file as JSON, read strictly as every import is (strict-json.ts): invalid UTF-8, a duplicated key or a lone
 * surrogate is refused with its place, never altered. No message quotes the file (it holds personal data).
 */
export async function readJson(file: string, what: string): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new CommandError(`Het ${what} bestaat niet: ${file}`, 1);
    if (code === 'EISDIR') throw new CommandError(`Dit is een map, geen bestand: ${file}`, 1);
    throw new CommandError(`Het ${what} kan niet worden gelezen: ${file}`, 1);
  }
  const strict = readStrictJson(bytes);
  if (!strict.ok) throw new CommandError(`Het ${what} is niet geldig.`, 1, strict.issues.map(issueLine));
  return strict.value;
}
