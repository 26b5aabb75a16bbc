// Region (SYSTEEMFOUTEN.md: province level or coarser, derived from the client's postcode, never PC4 or
// gemeente): the dated PC4 -> province table shipped in resources/regions, its mirror in src/shared, and
// border postcodes. Expected provinces are where these places lie (gemeente-indeling 1 januari 2026), not
// taken from the table: the old rough table put each of the first group in a neighbouring province.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PC4_PROVINCE_RANGES, PC4_TABLE_REFERENCE_DATE } from '../../../src/shared/signals/pc4-provinces';
import { PROVINCES, provinceOfPostcode } from '../../../src/shared/signals/vocabulary';
import { RESOURCES } from '../../support/budget';

// The table of the mirror's reference year (npm run gen:regions writes both for a year).
const FILE = path.join(RESOURCES, 'regions', `pc4-provincie-${PC4_TABLE_REFERENCE_DATE.slice(0, 4)}.json`);

describe('the PC4 -> province table', () => {
  it('is the dated resource file, with its source and rule, mirrored exactly in src/shared', () => {
    const doc = JSON.parse(readFileSync(FILE, 'utf8')) as { referenceDate: string; source: string[]; rule: string; ranges: { from: number; to: number; province: string | null }[] };
    expect(doc.referenceDate).toBe(PC4_TABLE_REFERENCE_DATE);
    expect(doc.source.length).toBeGreaterThan(0);
    expect(doc.ranges.map((r) => [r.from, r.to, r.province])).toEqual(PC4_PROVINCE_RANGES.map((r) => [...r]));
  });

  it('covers 1000-9999 without gaps or overlaps, with real province codes only', () => {
    let next = 1000;
    const codes = new Set<string>(PROVINCES.map((p) => p.code));
    for (const [lo, hi, pv] of PC4_PROVINCE_RANGES) {
      expect(lo).toBe(next);
      expect(hi).toBeGreaterThanOrEqual(lo);
      if (pv !== null) expect(codes.has(pv)).toBe(true);
      next = hi + 1;
    }
    expect(next).toBe(10000);
  });

  it('the shipped file: ranges sorted and disjoint, known province codes or null, unknown postcodes null, and its provenance stated', () => {
    const doc = JSON.parse(readFileSync(FILE, 'utf8')) as {
      format: string;
      level: string;
      source: string[];
      sourceFiles?: { name: string; bytes: number; sha256: string }[];
      ranges: { from: number; to: number; province: string | null }[];
    };
    expect(doc).toMatchObject({ format: 'houvast.pc4-provincie', level: 'provincie' });
    const codes = new Set<string>(PROVINCES.map((p) => p.code));
    for (const [i, r] of doc.ranges.entries()) {
      expect(r.from).toBeLessThanOrEqual(r.to);
      if (i > 0) expect(r.from).toBeGreaterThan(doc.ranges[i - 1]!.to);
      expect(r.province === null || codes.has(r.province), `${r.from}-${r.to}: ${r.province}`).toBe(true);
    }
    // Border ranges the table is not sure of are null, and postcodes outside 1000-9999 find no province.
    expect(doc.ranges.some((r) => r.province === null)).toBe(true);
    expect(['0999 AA', '0100', '', '12'].map(provinceOfPostcode)).toEqual([null, null, null, null]);
    // Either derived from CBS's files (their names, sizes and hashes are in the file) or plainly hand-made.
    if (doc.sourceFiles) {
      for (const f of doc.sourceFiles) expect(f).toMatchObject({ name: expect.any(String), bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    } else {
      expect(doc.source.join(' ')).toMatch(/nog niet regel voor regel gecontroleerd tegen de CBS-tabel/);
    }
  });
});

describe('border postcodes', () => {
  it.each([
    ['7772 AB', 'PV23', 'Hardenberg (Overijssel, not Drenthe)'],
    ['4691 AA', 'PV29', 'Tholen (Zeeland, not Noord-Brabant)'],
    ['6591 AA', 'PV31', 'Gennep (Limburg, not Gelderland)'],
    ['8161 AA', 'PV25', 'Epe (Gelderland, not Overijssel)'],
    ['8051 AA', 'PV25', 'Hattem (Gelderland, not Overijssel)'],
    ['4251 AA', 'PV30', 'Werkendam, Altena (Noord-Brabant, not Zuid-Holland)'],
    ['8331 AA', 'PV23', 'Steenwijk (Overijssel, not Fryslân)'],
    ['5831 AA', 'PV30', 'Boxmeer, Land van Cuijk (Noord-Brabant, not Limburg)'],
    ['6021 AA', 'PV30', 'Budel, Cranendonck (Noord-Brabant, not Limburg)'],
    ['4131 AA', 'PV26', 'Vianen, Vijfheerenlanden (Utrecht since 2019, not Gelderland)'],
  ])('%s is in %s: %s', (postcode, province) => {
    expect(provinceOfPostcode(postcode)).toBe(province);
  });

  it.each([
    ['1391 AA', 'Abcoude (Utrecht) shares its range with Muiden (Noord-Holland)'],
    ['4141 AA', 'Leerdam (Utrecht) shares its range with Asperen (Gelderland)'],
    ['3925 AA', 'Scherpenzeel (Gelderland) shares its range with Renswoude (Utrecht)'],
  ])('%s is "onbekend", never a guess: %s', (postcode) => {
    expect(provinceOfPostcode(postcode)).toBeNull();
  });

  it('keeps the interior of each province', () => {
    expect(['1012 AB', '3511 AB', '9711 AB', '8911 AA', '5611 AA', '6211 AA', '2511 AA', '7511 AA', '1315 AA', '6811 AA', '4331 AA', '9401 AA'].map(provinceOfPostcode)).toEqual([
      'PV27', 'PV26', 'PV20', 'PV21', 'PV30', 'PV31', 'PV28', 'PV23', 'PV24', 'PV25', 'PV29', 'PV22',
    ]);
    expect(provinceOfPostcode(null)).toBeNull();
    expect(provinceOfPostcode('ABCD')).toBeNull();
  });
});
