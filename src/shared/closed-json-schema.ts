// The published JSON Schemas of the import formats say what the app does: a field the format does not have is
// refused (strict-json.ts, unknownFields). zod's generator describes its own default instead, which drops them.

/** Give every object schema with named fields `additionalProperties: false` (in place), where nothing else is said. */
export function closeObjects(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) closeObjects(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const obj = node as Record<string, unknown>;
  if (obj['type'] === 'object' && typeof obj['properties'] === 'object' && obj['additionalProperties'] === undefined) obj['additionalProperties'] = false;
  for (const value of Object.values(obj)) closeObjects(value);
}
