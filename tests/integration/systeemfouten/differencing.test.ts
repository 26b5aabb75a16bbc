// A3 differencing across exports, on the real report service and ledger in an encrypted vault: seeded random
// sequences of registering signals, late registrations (an imported signal first registered elsewhere in an
// earlier period: registered here on the import date, rule R1),
// deleting signals, time passing, and export attempts of quarters, half-years and the year, fresh or as a
// correction of the report in force. Whatever the sequence: every accepted file passes the independent
// verifier, accepted periods never overlap, every accepted correction replaces the report then in force and
// changes each cell by 0 or at least k, and a refused attempt says why in Dutch and adds nothing to the ledger.
import { afterEach, describe, expect, it } from 'vitest';
import { signalDataSchema, type SignalDataInput } from '../../../src/shared/signals/schema';
import type { ExportPayload } from '../../../src/shared/systeemfouten/export';
import { verifyPayloadText } from '../../../src/shared/systeemfouten-verifier/verify';
import { rng } from '../../support/systeemfouten';
import { household, parsed } from '../services/helpers';
import { DAY, makeReportRig, type ReportRig } from './helpers';

const K = 10;
/** Two household shapes and two kinds of signal, so batches differ in some cells and match in others. */
const SHAPES = [
  { children: [{ firstName: 'Kind', lastName: 'A', birthDate: '2017-06-01', livingInHousehold: true }], postcode: '3511 AB' },
  {
    children: [
      { firstName: 'Kind', lastName: 'B', birthDate: '2014-02-01', livingInHousehold: true },
      { firstName: 'Kind', lastName: 'C', birthDate: '2020-09-01', livingInHousehold: true },
    ],
    postcode: '9711 AA',
  },
];
const SIGNALS: SignalDataInput[] = [
  { instantie: 'toeslagen', mechanism: 'M1.2', effects: ['stress'] },
  { instantie: 'cjib', mechanism: 'M3.1', effects: [] },
];
const PERIODS = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-H1', '2026-H2', '2026'];

/** Period ranges in months, worked out here (not taken from the code under test). */
function months(p: string): [number, number] {
  if (p.endsWith('-H1')) return [1, 6];
  if (p.endsWith('-H2')) return [7, 12];
  const q = /-Q(\d)$/.exec(p);
  return q ? [3 * Number(q[1]) - 2, 3 * Number(q[1])] : [1, 12];
}
const overlap = (a: string, b: string) => months(a)[0] <= months(b)[1] && months(b)[0] <= months(a)[1];

function cells(payload: ExportPayload): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of payload.tables) for (const c of t.cells) m.set([t.id, ...c.key].join('|'), c.households);
  return m;
}

let rig: ReportRig | undefined;
afterEach(() => rig?.close());

/** n identical households, each with one signal; `recordedOn` set: a late registration (imported, first registered then). */
function batch(r: ReportRig, n: number, shape: (typeof SHAPES)[number], signal: SignalDataInput, recordedOn?: string): void {
  for (let i = 0; i < n; i++) {
    const d = r.dossiers.create(
      parsed(
        household({
          adults: [{ role: 'aanvrager', firstName: 'Anna', lastName: `Verschil${r.dossiers.list({}).length}`, birthDate: '1985-04-12', bsn: null }],
          children: shape.children,
          address: { street: 'Lindelaan', houseNumber: String(i + 1), postcode: shape.postcode, city: 'Plaats' },
        }),
      ),
    );
    if (recordedOn) r.signals.insertImported(r.db, d.id, { ...signalDataSchema.parse(signal), recordedOn, vocabularyVersion: '2026.1' });
    else r.signals.create(d.id, signalDataSchema.parse(signal));
  }
}

describe('A3 differencing across exports (real service and ledger)', () => {
  it('random sequences never produce two accepted files of a period that differ by 1..k-1 in a cell, nor overlapping periods', async () => {
    const tally = { accepted: 0, corrections: 0, refused: 0, refusedCorrections: 0 };
    for (let run = 0; run < 5; run++) {
      rig?.close();
      rig = makeReportRig();
      const r = rng(2026 + run);
      const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
      const accepted: { period: string; exportId: string; supersedes: string | null; payload: ExportPayload }[] = [];
      // Four quarters of casework; after each, time moves on and the office tries one to three exports.
      for (let quarter = 0; quarter < 4; quarter++) {
        const today = () => new Date(rig!.clock.now()).toISOString().slice(0, 10);
        for (let n = 2 + Math.floor(r() * 4); n > 0; n--) {
          const action = pick(['register', 'register', 'late', 'delete']);
          if (action === 'register') batch(rig, 10 + Math.floor(r() * 30), pick(SHAPES), pick(SIGNALS));
          else if (action === 'late') {
            // A date in a quarter that is already over (an imported signal registered elsewhere back then); it is
            // registered here today, so it must never change a period already reported.
            const month = Number(today().slice(5, 7));
            const quarterStart = `${today().slice(0, 4)}-${String(3 * Math.floor((month - 1) / 3) + 1).padStart(2, '0')}-01`;
            // Often inside a period already reported: that is what a correction would have to carry.
            const reported = accepted.map((a) => `2026-${String(months(a.period)[0]).padStart(2, '0')}-15`);
            const earlier = [...(r() < 0.6 ? reported : []), '2026-01-15', '2026-02-20', '2026-04-10', '2026-05-20', '2026-07-10', '2026-08-25'].filter((d) => d < quarterStart);
            if (earlier.length > 0) batch(rig, pick([3, 10, 12]), pick(SHAPES), pick(SIGNALS), earlier[0]!);
          } else {
            // In dossier-number order: signal ids are random, the sequence must not be.
            const all = rig.signals.list({}).sort((a, b) => (a.dossierNumber < b.dossierNumber ? -1 : 1));
            for (let i = Math.min(all.length, pick([1, 4, 10])); i > 0; i--) rig.signals.delete(all.splice(Math.floor(r() * all.length), 1)[0]!.id);
          }
        }
        rig.clock.advance(92 * DAY);
        for (let e = 1 + Math.floor(r() * 3); e > 0; e--) {
          // Half of the attempts go back to a period already reported, mostly as a correction.
          const period = accepted.length > 0 && r() < 0.5 ? pick(accepted).period : pick(PERIODS);
          const inForce = accepted.filter((a) => a.period === period && !accepted.some((b) => b.supersedes === a.exportId)).pop();
          const supersedes = inForce && r() < 0.8 ? inForce.exportId : undefined;
          const before = rig.reports.ledger().entries.length;
          const preview = rig.reports.preview({ period, ...(supersedes ? { supersedes } : {}) });
          if (preview.refusal !== null) {
            expect(preview.refusal, period).toMatch(/[a-z]{3,}/);
            expect(preview.previewHash).toBeNull();
            expect(rig.reports.ledger().entries.length).toBe(before);
            tally.refused++;
            if (supersedes) tally.refusedCorrections++;
            continue;
          }
          const res = await rig.reports.export({ period, ...(supersedes ? { supersedes } : {}), previewHash: preview.previewHash! });
          const payloadText = Buffer.from((JSON.parse(res.envelope) as { payload: string }).payload, 'base64').toString('utf8');
          expect(verifyPayloadText(payloadText).findings).toEqual([]);
          accepted.push({ period, exportId: res.exportId, supersedes: supersedes ?? null, payload: JSON.parse(payloadText) as ExportPayload });
          tally.accepted++;
          if (supersedes) tally.corrections++;
        }
      }
      // Accepted periods never overlap one another (only the same period, as a correction, comes back).
      for (const a of accepted) for (const b of accepted) if (a.period !== b.period) expect(overlap(a.period, b.period), `${a.period} / ${b.period}`).toBe(false);
      // Per period: a second file is always a correction of the one before, and moves each cell by 0 or >= k.
      for (const period of new Set(accepted.map((a) => a.period))) {
        const files = accepted.filter((a) => a.period === period);
        expect(files[0]!.supersedes).toBeNull();
        for (let i = 1; i < files.length; i++) {
          expect(files[i]!.supersedes).toBe(files[i - 1]!.exportId);
          const [x, y] = [cells(files[i - 1]!.payload), cells(files[i]!.payload)];
          for (const key of new Set([...x.keys(), ...y.keys()])) {
            const diff = Math.abs((y.get(key) ?? 0) - (x.get(key) ?? 0));
            expect(diff === 0 || diff >= K, `${period} ${key}: ${diff}`).toBe(true);
          }
        }
      }
      expect(rig.reports.ledger()).toMatchObject({ intact: true, entries: expect.any(Array) });
      expect(rig.reports.ledger().entries.map((e) => e.exportId)).toEqual(accepted.map((a) => a.exportId));
    }
    // The sequences reached every branch (so the invariants above were really put to the test).
    expect(tally.accepted).toBeGreaterThan(3);
    expect(tally.refused).toBeGreaterThan(3);
    expect(tally.corrections).toBeGreaterThan(0);
    expect(tally.refusedCorrections).toBeGreaterThan(0);
  }, 180_000);
});
