// What the vault-less commands (budget, arrangement) share: an error that carries its exit code and the
// reasons to list, and reading a JSON file without ever quoting it (it holds personal data).
import { readFile } from 'node:fs/promises';

export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

export async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new CommandError(`Het ${what} bestaat niet: ${file}`, 1);
    if (code === 'EISDIR') throw new CommandError(`Dit is een map, geen bestand: ${file}`, 1);
    throw new CommandError(`Het ${what} kan niet worden gelezen: ${file}`, 1);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // Never quote the file: it holds personal data.
    throw new CommandError(`Het ${what} is geen geldige JSON.`, 1);
  }
}
