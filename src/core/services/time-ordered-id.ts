// Dossier ids that sort by creation time (the UUIDv7 layout of RFC 9562: 48 bits of Unix milliseconds, then
// random bits). Every child table and the search map are indexed on (dossier_id, …): with random ids each new
// dossier's rows land on a different page of every such index, so an import of 1,000 into a vault of 100,000
// dirtied (and encrypted, wrote and checkpointed) thousands of scattered pages, 1.6× the work of the same import
// into an empty vault. Time-ordered ids append at the end of those indexes instead.
import { randomBytes } from 'node:crypto';

/** A UUIDv7 string for the moment `ms` (milliseconds since 1970); 74 random bits keep ids of one moment apart. */
export function timeOrderedId(ms: number): string {
  const b = randomBytes(16);
  const t = Math.max(0, Math.trunc(ms));
  // 48-bit big-endian timestamp: the high 16 bits and the low 32 bits written apart (no 64-bit integers needed).
  b.writeUInt16BE(Math.floor(t / 2 ** 32) & 0xffff, 0);
  b.writeUInt32BE(t % 2 ** 32, 2);
  b[6] = 0x70 | (b[6]! & 0x0f); // version 7
  b[8] = 0x80 | (b[8]! & 0x3f); // RFC 9562 variant
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
