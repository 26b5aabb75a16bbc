// Reading a user-chosen file in the renderer, shared by the import screens (dossiers, norm files).

/** FileReader rather than Blob.text(): the same code runs in the app and in jsdom-based tests. */
export function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(new Error('read failed'));
    reader.readAsText(file);
  });
}

/**
 * The file's content as parsed JSON, or `{ ok: false }` when it cannot be read or is no JSON. Deliberately
 * without the parser's message: it may quote the content, which can hold personal data.
 */
export async function readJsonFile(file: Blob): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: JSON.parse(await readText(file)) as unknown };
  } catch {
    return { ok: false };
  }
}
