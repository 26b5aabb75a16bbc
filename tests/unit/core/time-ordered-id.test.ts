// Dossier ids in the UUIDv7 layout (RFC 9562 §5.7): 48 bits of Unix milliseconds first, so ids sort by the moment
// they were made and new dossiers append to the (dossier_id, …) indexes instead of landing on random pages.
import { describe, expect, it } from 'vitest';
import { timeOrderedId } from '../../../src/core/services/time-ordered-id';

const SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedId', () => {
  it('puts the milliseconds first, big-endian, with version 7 and the RFC variant', () => {
    // 0x0123456789ab ms = 1,250,999,896,491 ms: the first 12 hex digits, split 8 + 4.
    const id = timeOrderedId(0x0123456789ab);
    expect(id).toMatch(SHAPE);
    expect(id.slice(0, 13)).toBe('01234567-89ab');
    // 1 December 2026 00:00 UTC: 20,788 days after 1970 (56 years with 14 leap days, then 334 days) = 1,796,083,200,000 ms = 0x01a22ee6b000.
    expect(timeOrderedId(Date.UTC(2026, 11, 1)).slice(0, 13)).toBe('01a22ee6-b000');
  });

  it('sorts by time as text, and ids of the same moment differ', () => {
    const times = [0, 1, 255, 256, 65_535, 2 ** 32 - 1, 2 ** 32, Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1) + 1, 2 ** 48 - 1];
    const ids = times.map(timeOrderedId);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(SHAPE);
    const same = new Set(Array.from({ length: 1000 }, () => timeOrderedId(Date.UTC(2026, 0, 1))));
    expect(same.size).toBe(1000);
  });
});
