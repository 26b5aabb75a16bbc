// Reading a user-chosen file in the renderer, shared by the import screens (dossiers, norm files).
import type { IssueDetail } from '../../shared/contract/errors';
import { readStrictJson } from '../../shared/strict-json';

/** FileReader rather than Blob.text(): the same code runs in the app and in jsdom-based tests. */
export function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(new Error('read failed'));
    reader.readAsText(file);
  });
}

/** The raw bytes: decoding happens in readStrictJson, which refuses invalid UTF-8 instead of replacing it. */
export function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * The file's content as parsed JSON, or the reasons it is refused: unreadable, invalid UTF-8, a syntax error,
 * a duplicated key or a lone surrogate, each with its place (never quoting the content, which may hold
 * personal data).
 */
export async function readJsonFile(file: Blob): Promise<{ ok: true; value: unknown } | { ok: false; issues: IssueDetail[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file);
  } catch {
    return { ok: false, issues: [{ path: '(bestand)', message: 'Het bestand kan niet worden gelezen.' }] };
  }
  return readStrictJson(bytes);
}
