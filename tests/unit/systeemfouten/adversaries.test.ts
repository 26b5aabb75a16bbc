// Simulated adversaries (SYSTEEMFOUTEN.md A1, A2, A4) on synthetic offices.
import { describe, expect, it } from 'vitest';
import { mergePayloads, publish, publishable, roundToBase, type AcceptedFile } from '../../../src/shared/systeemfouten/association';
import { buildExport, toPayload, type ExportEvent, type ExportHousehold, type Table } from '../../../src/shared/systeemfouten/export';
import { HIERARCHIES, NNB, TABLES, categoryBucket, type Dimension } from '../../../src/shared/systeemfouten/hierarchy';
import { verifyPayloadText } from '../../../src/shared/systeemfouten-verifier/verify';
import { rng, syntheticEvents, Q1_META } from '../../support/systeemfouten';

const META = Q1_META;

/** The cells of a table an adversary who knows everything about household h's signal e could point at. */
function consistentKeys(t: Table, levels: Record<Dimension, number>, e: ExportEvent, h: ExportHousehold): string[][] {
  const codeOf = (d: Dimension): string[] => {
    if (d === 'effect') return (e.effects.length ? e.effects : ['geen']).map((x) => HIERARCHIES.effect.levels[levels.effect]![x]!);
    const raw = d in h ? (h as unknown as Record<string, string>)[d]! : (e as unknown as Record<string, string>)[d]!;
    return [HIERARCHIES[d].levels[levels[d]]![raw]!];
  };
  const exact: string[][] = [[]];
  for (const d of t.dims) {
    const next: string[][] = [];
    for (const prefix of exact) for (const v of codeOf(d)) next.push([...prefix, v]);
    exact.splice(0, exact.length, ...next);
  }
  const out: string[][] = [];
  for (const k of exact) {
    const rest = k.slice(1).map(() => NNB);
    const bucket = categoryBucket(k[0]!, levels.category);
    out.push(k, [k[0]!, ...rest], [bucket, ...rest], [NNB, ...rest]);
  }
  return out;
}

describe('A1 creditor-insider', () => {
  it('for every client an organisation knows in full, every export cell consistent with it holds >= k households', () => {
    for (const seed of [11, 12, 13, 14]) {
      const { events, households } = syntheticEvents(1500, 700, rng(seed));
      const r = buildExport(events, households);
      if (!r.ok) continue;
      for (const org of ['toeslagen', 'cjib', 'belastingdienst']) {
        const ledger = events.filter((e) => e.organisation === org);
        for (const e of ledger) {
          for (const t of r.tables) {
            const present = new Map(t.cells.map((c) => [c.key.join('|'), c.households]));
            for (const key of consistentKeys(t, r.levels, e, households[e.household]!)) {
              const n = present.get(key.join('|'));
              if (n !== undefined) expect(n).toBeGreaterThanOrEqual(10);
            }
          }
        }
      }
    }
  });
});

describe('A2 neighbour (knows the effect and the household type)', () => {
  it('candidate sets are >= k in every table and no T6 row is homogeneous', () => {
    for (const seed of [21, 22, 23]) {
      const r0 = rng(seed);
      const { events, households } = syntheticEvents(1200, 600, r0);
      // Skew: many evictions in M8 so that a homogeneous row would be likely without the rule.
      const skewed = events.map((e) => (e.category.startsWith('M8') ? { ...e, effects: ['ontruiming'] } : e));
      const r = buildExport(skewed, households);
      if (!r.ok) continue;
      const p = toPayload(r, META);
      expect(verifyPayloadText(JSON.stringify(p)).findings.filter((f) => /Groepsonthulling/.test(f.message))).toEqual([]);
      const t6 = r.tables.find((t) => t.id === 'T6')!;
      for (const row of t6.rows!) {
        for (const c of t6.cells.filter((x) => x.key[0] === row.key[0] && !['geen', NNB, '*'].includes(x.key[1]!))) {
          expect(c.households).toBeLessThan(row.households);
        }
      }
      for (const t of r.tables) for (const c of t.cells) expect(c.households).toBeGreaterThanOrEqual(10);
    }
  });
});

describe('A4 merging', () => {
  it('national cells stay 0 or >= k, coarser offices show up as their own (n.n.b.) nodes, and publication follows the rule', () => {
    const r = rng(77);
    for (let run = 0; run < 8; run++) {
      const files: AcceptedFile[] = [];
      const nOffices = 2 + Math.floor(r() * 6);
      for (let o = 0; o < nOffices; o++) {
        // Offices of very different sizes end up at different levels.
        const size = [60, 200, 1500][Math.floor(r() * 3)]!;
        const { events, households } = syntheticEvents(size * 2, size, rng(1000 * run + o));
        const res = buildExport(events, households);
        if (res.ok) files.push({ office: o, payload: toPayload(res, META) });
      }
      if (files.length === 0) continue;
      const merged = mergePayloads(files, '2026');
      for (const t of merged.tables) {
        for (const c of t.cells) {
          expect(c.households).toBeGreaterThanOrEqual(10);
          expect(c.contributions.reduce((s, x) => s + x, 0)).toBe(c.households);
          // Values of one dimension may come from several levels (a coarser office = the n.n.b. part of a node).
          c.key.forEach((v, i) => {
            const d = t.dims[i]!;
            const known = HIERARCHIES[d].levels.some((lv) => Object.values(lv).includes(v)) || v === NNB || v.endsWith('.nnb');
            expect(known, `${d}=${v}`).toBe(true);
          });
        }
      }
      const published = publish(merged);
      for (const t of published.tables) {
        const source = merged.tables.find((m) => m.id === t.id)!;
        for (const c of t.cells) {
          const m = source.cells.find((x) => x.key.join('|') === c.key.join('|'))!;
          expect(m.households).toBeGreaterThanOrEqual(10);
          expect(m.contributions.length).toBeGreaterThanOrEqual(3);
          expect(Math.max(...m.contributions)).toBeLessThanOrEqual(0.85 * m.households);
          expect(c.households % 5).toBe(0);
          expect(c.households).toBe(roundToBase(m.households));
        }
        // Nothing published that fails the rule.
        expect(t.cells.length).toBe(source.cells.filter(publishable).length);
      }
      // Published files never name an office (the office is only an index during the merge).
      expect(JSON.stringify(published)).not.toMatch(/contributions|office/);
    }
  });

  it('the publication rule by hand: 10 from 3 offices, none above 85 %, rounded to 5', () => {
    const cell = (contributions: number[]) => ({ key: ['M1'], households: contributions.reduce((s, x) => s + x, 0), events: 0, contributions });
    expect(publishable(cell([10, 10, 10]))).toBe(true);
    expect(publishable(cell([10, 10]))).toBe(false); // two offices
    expect(publishable(cell([86, 7, 7]))).toBe(false); // 86 % from one office
    expect(publishable(cell([85, 8, 7]))).toBe(true); // exactly 85 %
    expect([12, 13, 17, 18, 20].map((n) => roundToBase(n))).toEqual([10, 15, 15, 20, 20]);
  });

  it('every table id is merged', () => {
    expect(mergePayloads([], '2026').tables.map((t) => t.id)).toEqual(TABLES.map((t) => t.id));
  });
});
