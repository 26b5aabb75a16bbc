// Optimistic concurrency for item-level edits (issue 10 §5): the stamp of an item (or of a dossier's household
// details) is a short hash of its content as read. A save names the stamp it read; the core compares it with
// the stamp of what is stored now and refuses the save when another window changed the item meanwhile.
// Content-based, so edits of different items in two windows never block each other. Pure TypeScript.
import { canonicalJson } from '../canonical-json';
import type { Dossier } from './schema';

/** 53-bit hash of a string (cyrb53): enough to tell two versions of one item apart; never a secret. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The stamp of one stored item (an adult, child, bank account, income, expense or debt) as read. */
export function itemStamp(item: unknown): string {
  return hash53(canonicalJson(item));
}

/** The household details of a dossier: what the dossier form edits besides persons and bank accounts. */
export const DETAIL_FIELDS = ['status', 'statusDates', 'typeOfHelp', 'professional', 'address', 'addressKind', 'contact'] as const;
export type DossierDetails = Pick<Dossier, (typeof DETAIL_FIELDS)[number]>;

export function detailsOf(d: Pick<Dossier, (typeof DETAIL_FIELDS)[number]>): DossierDetails {
  return Object.fromEntries(DETAIL_FIELDS.map((k) => [k, d[k]])) as DossierDetails;
}

/** The stamp of a dossier's household details as read. */
export function detailsStamp(d: Pick<Dossier, (typeof DETAIL_FIELDS)[number]>): string {
  return itemStamp(detailsOf(d));
}

/** Key-sorted JSON with empty optional values (undefined, null, '') left out: "no change" for a form's round trip. */
function looseJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v as Record<string, unknown>)
            .sort()
            .filter((k) => {
              const x = (v as Record<string, unknown>)[k];
              return x !== undefined && x !== null && x !== '';
            })
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

/** True when a form's value says the same as the stored one (empty optional values count as absent). */
export function sameContent(a: unknown, b: unknown): boolean {
  return looseJson(a) === looseJson(b);
}
