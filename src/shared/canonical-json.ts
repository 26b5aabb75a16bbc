// JSON with every object's keys in sorted order: the same text for the same data whatever order its keys were
// written in. Undefined (absent) values are left out, as JSON.stringify does. Pure TypeScript.

/** Key-sorted JSON; undefined (absent) values left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v as Record<string, unknown>).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}
