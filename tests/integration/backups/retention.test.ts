// The retention policy for automatic snapshots as a pure function on fake dates, and pruning on real
// files (only automatic snapshots are ever deleted; never the last one).
import { closeSync, existsSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { snapshotTimestamp } from '../../../src/core/db/backup';
import {
  automaticSnapshotDue,
  isoWeekKey,
  kindOfLabel,
  listSnapshots,
  parseSnapshotName,
  pruneAutomaticSnapshots,
  selectRetained,
} from '../../../src/core/vault/backups';
import { DAY, HOUR } from './helpers';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const kept = (dates: number[]) => [...selectRetained(dates)].map((i) => iso(dates[i]!)).sort();

// Periods are the computer's own days, weeks and months: these cases are written in UTC, so they run in UTC
// whatever the machine's zone; the Dutch case below runs in Europe/Amsterdam.
function inTimeZone(zone: string): void {
  let before: string | undefined;
  beforeAll(() => {
    before = process.env.TZ;
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });
}

describe('selectRetained (7 daily, 4 ISO-weekly, 12 monthly)', () => {
  inTimeZone('UTC');
  it('keeps exactly the expected snapshots of fourteen months of daily snapshots', () => {
    const dates: number[] = [];
    for (let t = at('2025-01-01T09:00:00Z'); t <= at('2026-03-01T09:00:00Z'); t += DAY) dates.push(t);
    expect(dates).toHaveLength(425);
    expect(kept(dates)).toEqual(
      [
        // monthly: the newest of each of the last 12 months with snapshots (March and February are below)
        '2025-04-30', '2025-05-31', '2025-06-30', '2025-07-31', '2025-08-31', '2025-09-30', '2025-10-31',
        '2025-11-30', '2025-12-31', '2026-01-31',
        // weekly: newest of ISO weeks 2026-W06, W07, W08 (W09 is covered by the daily ones)
        '2026-02-08', '2026-02-15', '2026-02-22',
        // daily: the last 7 days (2026-02-28 is also February's newest)
        '2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01',
      ].sort(),
    );
  });

  it('keeps the newest snapshot of a day, a week and a month when there are several', () => {
    const dates = [at('2026-03-01T08:00:00Z'), at('2026-03-01T20:00:00Z'), at('2026-03-01T12:00:00Z')];
    expect([...selectRetained(dates)]).toEqual([1]);
  });

  it('counts periods that have snapshots, so a vault left alone keeps its history', () => {
    // One snapshot a month for three years: the 12 newest months survive, not "nothing in the last 7 days".
    const dates = Array.from({ length: 36 }, (_, i) => Date.UTC(2023, i, 15, 9));
    const result = selectRetained(dates);
    expect(result.size).toBe(12);
    expect([...result].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => 24 + i));
  });

  it('never drops the newest (so never the last one) and never keeps more than the policy allows', () => {
    expect(selectRetained([])).toEqual(new Set());
    expect(selectRetained([at('2020-01-01T00:00:00Z')])).toEqual(new Set([0]));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), { minLength: 1, maxLength: 120 }), (dates) => {
        const keep = selectRetained(dates);
        const newest = Math.max(...dates);
        expect([...keep].some((i) => dates[i] === newest)).toBe(true);
        expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12);
        for (const i of keep) expect(i >= 0 && i < dates.length).toBe(true);
        // Stable: pruning what was kept deletes nothing more.
        const survivors = [...keep].map((i) => dates[i]!);
        expect(selectRetained(survivors).size).toBe(survivors.length);
      }),
      { numRuns: 300 },
    );
  });

  it('uses ISO 8601 weeks (Monday start, week 1 holds the first Thursday)', () => {
    expect(isoWeekKey(at('2026-03-01T23:59:59Z'))).toBe('2026-W09'); // a Sunday
    expect(isoWeekKey(at('2026-03-02T00:00:00Z'))).toBe('2026-W10'); // the Monday after
    expect(isoWeekKey(at('2021-01-03T12:00:00Z'))).toBe('2020-W53');
    expect(isoWeekKey(at('2024-12-30T12:00:00Z'))).toBe('2025-W01');
    expect(isoWeekKey(at('2026-12-31T12:00:00Z'))).toBe('2026-W53');
  });
});

describe('periods in the Netherlands (Europe/Amsterdam)', () => {
  inTimeZone('Europe/Amsterdam');

  it('counts a snapshot at 00:30 on the day it was made, not on the UTC day before', () => {
    // 23:30 and 00:30 Dutch (winter) time: two days, so both are the newest of their day and both are kept.
    const evening = at('2026-02-10T22:30:00Z');
    const nightAfter = at('2026-02-10T23:30:00Z');
    const morning = at('2026-02-11T08:00:00Z');
    // In UTC the first two are one day (10 February) and only the later of them would be kept.
    expect([...selectRetained([evening, nightAfter, morning], { daily: 7, weekly: 0, monthly: 0 })].sort()).toEqual([0, 2]);
    expect([...selectRetained([evening, nightAfter], { daily: 7, weekly: 0, monthly: 0 })].sort()).toEqual([0, 1]);
  });

  it('starts the week on Monday 00:00 and the month on the 1st at 00:00 Dutch time (summer time too)', () => {
    expect(isoWeekKey(at('2026-03-01T22:59:59Z'))).toBe('2026-W09'); // Sunday 23:59:59 in Amsterdam
    expect(isoWeekKey(at('2026-03-01T23:00:00Z'))).toBe('2026-W10'); // Monday 00:00 in Amsterdam
    const lastOfJune = at('2026-06-30T21:59:00Z'); // 23:59 summer time
    const firstOfJuly = at('2026-06-30T22:01:00Z'); // 00:01 on 1 July
    expect([...selectRetained([lastOfJune, firstOfJuly], { daily: 0, weekly: 0, monthly: 12 })].sort()).toEqual([0, 1]);
  });
});

describe('snapshot names and due-ness', () => {
  it('parses kinds from labels; anything unknown is treated as manual (never pruned)', () => {
    expect(parseSnapshotName('2026-03-01T09-00-00.000Z-auto.db')).toEqual({ createdAt: at('2026-03-01T09:00:00Z'), kind: 'auto' });
    expect(parseSnapshotName('2026-03-01T09-00-00.000Z-auto-2.db')?.kind).toBe('auto');
    expect(parseSnapshotName('2026-03-01T09-00-00.000Z-pre-migration-v3.db')?.kind).toBe('pre-migration');
    expect(parseSnapshotName('2026-03-01T09-00-00.000Z-before-restore.db')?.kind).toBe('before-restore');
    expect(parseSnapshotName('2026-03-01T09-00-00.000Z-manual.db')?.kind).toBe('manual');
    expect(kindOfLabel('automatic')).toBe('manual');
    expect(parseSnapshotName('.a1b2.snapshot.tmp')).toBeNull();
    expect(parseSnapshotName('vault.db')).toBeNull();
    expect(parseSnapshotName('2026-03-01T09-00-00.000Z-auto.db-wal')).toBeNull();
  });

  it('is due without automatic snapshots, after 24 h, and when the newest lies in the future', () => {
    const now = at('2026-03-02T09:00:00Z');
    const snap = (createdAt: number, kind: 'auto' | 'manual') => ({ id: '', file: '', createdAt, kind, sizeBytes: 1 });
    expect(automaticSnapshotDue([], now)).toBe(true);
    expect(automaticSnapshotDue([snap(now - HOUR, 'manual')], now)).toBe(true); // manual ones do not count
    expect(automaticSnapshotDue([snap(now - DAY + 1, 'auto')], now)).toBe(false);
    expect(automaticSnapshotDue([snap(now - DAY, 'auto')], now)).toBe(true);
    expect(automaticSnapshotDue([snap(now + 2 * HOUR, 'auto')], now)).toBe(true); // clock was set back
  });
});

describe('pruneAutomaticSnapshots on a real folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'houvast-prune-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const touch = (name: string) => closeSync(openSync(path.join(dir, name), 'w'));

  it('deletes only automatic snapshots outside the policy; manual, pre-migration, before-restore and foreign files stay', () => {
    const autos: string[] = [];
    for (let i = 0; i < 60; i++) {
      const name = `${snapshotTimestamp(Date.UTC(2026, 0, 1, 9) + i * DAY)}-auto.db`;
      touch(name);
      autos.push(name);
    }
    const others = [
      `${snapshotTimestamp(Date.UTC(2025, 0, 1))}-manual.db`,
      `${snapshotTimestamp(Date.UTC(2025, 0, 2))}-pre-migration-v1.db`,
      `${snapshotTimestamp(Date.UTC(2025, 0, 3))}-before-restore.db`,
      `${snapshotTimestamp(Date.UTC(2025, 0, 3))}-before-restore.db-wal`,
      'notities.txt',
      '.abc.snapshot.tmp',
    ];
    others.forEach(touch);
    writeFileSync(path.join(dir, 'notities.txt'), 'niet van ons');

    const deleted = pruneAutomaticSnapshots(dir);
    const expectedKept = new Set([...selectRetained(autos.map((n) => parseSnapshotName(n)!.createdAt))].map((i) => autos[i]!));
    expect(deleted.sort()).toEqual(autos.filter((n) => !expectedKept.has(n)).sort());
    expect(deleted.length).toBeGreaterThan(30);
    for (const name of others) expect(existsSync(path.join(dir, name)), name).toBe(true);
    expect(listSnapshots(dir).filter((s) => s.kind === 'auto').map((s) => s.id).sort()).toEqual([...expectedKept].sort());
    // Running it again deletes nothing more.
    expect(pruneAutomaticSnapshots(dir)).toEqual([]);
  });

  it('never deletes the last remaining snapshot', () => {
    const only = `${snapshotTimestamp(Date.UTC(2020, 0, 1))}-auto.db`;
    touch(only);
    expect(pruneAutomaticSnapshots(dir)).toEqual([]);
    expect(readdirSync(dir)).toEqual([only]);
    // An empty or missing folder is fine too.
    expect(pruneAutomaticSnapshots(path.join(dir, 'bestaat-niet'))).toEqual([]);
  });
});
