// Synthetic data for the systeemfouten tests and bench: seeded, so a failure can be replayed.
import type { ExportEvent, ExportHousehold } from '../../src/shared/systeemfouten/export';
import { HIERARCHIES } from '../../src/shared/systeemfouten/hierarchy';

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(r: () => number, list: readonly T[], skew = 1): T {
  // skew > 1 favours the first entries (real data are skewed: Toeslagen and M1/M2 dominate).
  return list[Math.min(list.length - 1, Math.floor(Math.pow(r(), skew) * list.length))]!;
}

export function syntheticHouseholds(n: number, r: () => number): ExportHousehold[] {
  return Array.from({ length: n }, () => ({
    region: pick(r, HIERARCHIES.region.codes, 1.5),
    householdType: pick(r, HIERARCHIES.householdType.codes, 1.3),
    minors: pick(r, HIERARCHIES.minors.codes, 1.5),
    youngestAge: pick(r, HIERARCHIES.youngestAge.codes),
  }));
}

export function syntheticEvents(nEvents: number, nHouseholds: number, r: () => number): { events: ExportEvent[]; households: ExportHousehold[] } {
  const households = syntheticHouseholds(nHouseholds, r);
  const events: ExportEvent[] = [];
  for (let i = 0; i < nEvents; i++) {
    const effects = r() < 0.4 ? [] : [pick(r, HIERARCHIES.effect.codes, 1.2)];
    if (r() < 0.2) effects.push(pick(r, HIERARCHIES.effect.codes));
    events.push({
      household: i < nHouseholds ? i : Math.floor(r() * nHouseholds),
      category: pick(r, HIERARCHIES.category.codes, 2.5),
      organisation: pick(r, HIERARCHIES.organisation.codes, 2.5),
      impact: pick(r, HIERARCHIES.impact.codes),
      shortfall: pick(r, HIERARCHIES.shortfall.codes),
      effects: [...new Set(effects)],
      route: pick(r, HIERARCHIES.route.codes, 1.5),
      result: pick(r, HIERARCHIES.result.codes),
    });
  }
  return { events, households };
}

/** The export header of a fictitious office's first-quarter 2026 report, as the unit and leak tests build it. */
export const Q1_META = {
  exportId: '11111111-1111-4111-8111-111111111111',
  supersedes: null,
  period: { type: 'quarter' as const, value: '2026-Q1' },
  reporterRole: 'bewind' as const,
  softwareVersion: '0.1.0',
  createdOn: '2026-04-03',
};
