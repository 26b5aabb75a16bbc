// SYSTEEMFOUTEN.md, dimension "Region (client's address at quarter end)": a household that moved after the quarter
// is counted in the province it lived in on the quarter's last day, not where it lives when the report is made; a
// move on that last day counts. The vault keeps only the province per day (migration 020), never an old address.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signalDataSchema } from '../../../src/shared/signals/schema';
import type { DossierData } from '../../../src/shared/dossier/schema';
import { household, parsed } from '../services/helpers';
import { DAY, makeReportRig, type ReportRig } from './helpers';

let rig: ReportRig;
beforeEach(() => {
  rig = makeReportRig();
});
afterEach(() => rig.close());

const regions = (id: string) => rig.db.prepare('SELECT from_date, province FROM dossier_regions WHERE dossier_id = ? ORDER BY from_date').all(id);

function create(i: number, postcode: string): string {
  return rig.dossiers.create(
    parsed(
      household({
        adults: [{ role: 'aanvrager', firstName: 'Anna', lastName: `Verhuis${i}`, birthDate: '1985-04-12', bsn: null }],
        children: [{ firstName: 'Kind', lastName: `Verhuis${i}`, birthDate: '2016-06-01', livingInHousehold: true }],
        address: { street: 'Lindelaan', houseNumber: String(i + 1), postcode, city: 'Plaats' },
      }),
    ),
  ).id;
}

function move(id: string, postcode: string): void {
  const d = rig.dossiers.read(id);
  const { id: _id, number: _n, createdAt: _c, updatedAt: _u, ...data } = d as unknown as Record<string, unknown>;
  rig.dossiers.update(id, { ...(data as unknown as DossierData), address: { street: 'Nieuwe Weg', houseNumber: '1', postcode, city: 'Elders' } });
}

describe('the province of a dossier per day (migration 020)', () => {
  it('records a province when the household moves to another one, from that day; not for a move within it', () => {
    const id = create(0, '3511 AB'); // Utrecht (PV26); 2026-03-15 on the test clock
    expect(regions(id)).toEqual([{ from_date: '0000-01-01', province: 'PV26' }]);
    rig.clock.advance(5 * DAY); // 2026-03-20
    move(id, '3512 JE'); // Utrecht still
    expect(regions(id)).toEqual([{ from_date: '0000-01-01', province: 'PV26' }]);
    move(id, '1012 AB'); // Amsterdam: Noord-Holland (PV27)
    expect(regions(id)).toEqual([
      { from_date: '0000-01-01', province: 'PV26' },
      { from_date: '2026-03-20', province: 'PV27' },
    ]);
    // Back the same day: that day's row says where the household ended up.
    move(id, '3511 AB');
    expect(regions(id)).toEqual([
      { from_date: '0000-01-01', province: 'PV26' },
      { from_date: '2026-03-20', province: 'PV26' },
    ]);
    rig.dossiers.delete(id, rig.dossiers.read(id).number);
    expect(regions(id)).toEqual([]);
  });
});

describe('the report counts a household where it lived at the end of the quarter', () => {
  it('moved after the quarter: the old province; moved on its last day: the new one', async () => {
    // 2026-03-15: 25 households in Utrecht and 25 in Groningen (the quarter needs 50) (PV20), each with a signal in 2026-Q1.
    const utrecht = Array.from({ length: 25 }, (_, i) => create(i, '3511 AB'));
    const groningen = Array.from({ length: 25 }, (_, i) => create(25 + i, '9711 AA'));
    for (const id of [...utrecht, ...groningen]) {
      rig.signals.create(id, signalDataSchema.parse({ instantie: 'toeslagen', mechanism: 'M1.2', effects: ['stress'], impactAmount: '1234.56', note: '' }));
    }
    // 2026-03-31, the quarter's last day: the Groningen households move to Eindhoven (Noord-Brabant, PV30).
    rig.clock.advance(16 * DAY);
    for (const id of groningen) move(id, '5611 AA');
    // 2026-04-10, after the quarter: the Utrecht households move to Amsterdam (Noord-Holland, PV27).
    rig.clock.advance(10 * DAY);
    for (const id of utrecht) move(id, '1012 AB');

    const preview = rig.reports.preview({ period: '2026-Q1' });
    expect(preview.refusal).toBeNull();
    const res = await rig.reports.export({ period: '2026-Q1', previewHash: preview.previewHash! });
    const env = JSON.parse(res.envelope) as { payload: string };
    const payload = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as { tables: { id: string; dims: string[]; cells: { key: string[]; households: number }[] }[] };
    const t2 = payload.tables.find((t) => t.id === 'T2')!;
    const r = t2.dims.indexOf('region');
    const byRegion = Object.fromEntries(t2.cells.filter((c) => c.households > 0).map((c) => [c.key[r], c.households]));
    expect(byRegion).toEqual({ PV26: 25, PV30: 25 });
  });
});
