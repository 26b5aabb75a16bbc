// Norm tables: bundled files valid and faithful to RULES.md, period selection, refusal of uncovered dates,
// user-supplied periods, file validation with Dutch reasons, and the generated JSON Schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateNormFile, loadBundledNormFiles } from '../../../src/core/norms/load';
import { computeBudget } from '../../../src/shared/budget/engine';
import { normsJsonSchemaText } from '../../../src/shared/budget/norm-json-schema';
import type { NormFile } from '../../../src/shared/budget/norm-schema';
import { buildNormSet, findPeriod, NormNotCoveredError, selectPeriod, type NormSet } from '../../../src/shared/budget/norms';
import { adult, bundledNorms, dossier, inputs, RESOURCES } from './helpers';

let norms: NormSet;
let files: NormFile[];
beforeAll(async () => {
  norms = await bundledNorms();
  files = await loadBundledNormFiles(RESOURCES);
});

describe('bundled tables', () => {
  it('are all valid and bundled', () => {
    expect(files.map((f) => f.group).sort()).toEqual(['aow_leeftijd', 'beslagvrije_voet', 'bijstandsnormen', 'kinderbijslag', 'kindgebonden_budget', 'zorgverzekering']);
    for (const f of files) {
      expect(f.origin).toBe('bundled');
      expect(f.source.length).toBeGreaterThan(0);
      for (const p of Object.values(f.periods)) expect(p.source.length).toBeGreaterThan(0);
    }
  });

  // Published figures copied exactly from RULES.md a.2, b.2, f.1 (never recomputed).
  it('hold the published figures of RULES.md', () => {
    const b = norms.bijstandsnormen!;
    const a2: [string, string, string][] = [
      ['2024-01-01', '1283.83', '1834.04'],
      ['2024-07-01', '1308.45', '1869.21'],
      ['2025-01-01', '1345.45', '1922.07'],
      ['2025-07-01', '1369.06', '1955.80'],
      ['2026-01-01', '1401.50', '2002.13'],
      ['2026-07-01', '1419.46', '2027.79'],
    ];
    for (const [start, single, couple] of a2) {
      const p = b.periods.find((x) => x.start === start)!;
      expect(p.figures['age_21_to_aow.single.incl_holiday_pay']).toBe(single);
      expect(p.figures['age_21_to_aow.couple.incl_holiday_pay']).toBe(couple);
    }
    const b2: Record<string, string[]> = {
      '2023-07-01': ['1892.73', '2031.34', '2498.47', '2533.99'],
      '2026-01-01': ['2191.42', '2526.69', '2881.41', '3155.31'],
      '2026-07-01': ['2208.48', '2543.75', '2905.79', '3179.68'],
    };
    for (const [start, vals] of Object.entries(b2)) {
      const f = norms.beslagvrije_voet!.periods.find((x) => x.start === start)!.figures;
      expect([f.single, f.single_parent, f.couple_no_children, f.couple_with_children]).toEqual(vals);
    }
    const kb = norms.kinderbijslag!.periods.find((x) => x.start === '2026-07-01')!.figures;
    expect([kb.age_0_5, kb.age_6_11, kb.age_12_17]).toEqual(['298.40', '362.35', '426.29']);
    // Derived figures are marked as such.
    const p2607 = b.periods.find((x) => x.start === '2026-07-01')!;
    expect(p2607.figureStatus['age_21_to_aow.single.excl_holiday_pay']).toBe('derived');
    expect(p2607.missing).toContain('cost_sharer_per_person');
    expect(norms.beslagvrije_voet!.periods[0]).toMatchObject({ start: '2023-01-01', status: 'secondary' });
  });
});

describe('selectPeriod', () => {
  it('picks the period in force and knows its end', () => {
    const b = norms.bijstandsnormen!;
    expect(selectPeriod(b, '2026-06-30').start).toBe('2026-01-01');
    expect(selectPeriod(b, '2026-07-01').start).toBe('2026-07-01');
    expect(selectPeriod(b, '2026-12-31')).toMatchObject({ start: '2026-07-01', end: '2026-12-31' });
    // Kinderbijslag 2025-07-01 has no validTo: valid until the day before the next period.
    expect(selectPeriod(norms.kinderbijslag!, '2025-12-31').start).toBe('2025-07-01');
  });

  /* Issue 7: the last bundled period ends 2026-12-31; the six months after it (2027-01-01 .. 2027-06-30) use it
   * provisionally, marked with the first unpublished day; 2027-07-01 is refused. */
  it('uses the last period provisionally for six months, then refuses 2027-07-01 with a Dutch message', () => {
    expect(selectPeriod(norms.bijstandsnormen!, '2026-12-31').provisionalFrom).toBeUndefined();
    expect(selectPeriod(norms.bijstandsnormen!, '2027-01-01')).toMatchObject({ start: '2026-07-01', provisionalFrom: '2027-01-01' });
    expect(selectPeriod(norms.bijstandsnormen!, '2027-06-30')).toMatchObject({ start: '2026-07-01', provisionalFrom: '2027-01-01' });
    expect(() => selectPeriod(norms.bijstandsnormen!, '2027-07-01')).toThrow(NormNotCoveredError);
    try {
      selectPeriod(norms.bijstandsnormen!, '2027-07-01');
    } catch (e) {
      const err = e as NormNotCoveredError;
      expect(err.code).toBe('NORM_NOT_COVERED');
      expect(err.group).toBe('bijstandsnormen');
      expect(err.message).toContain('Bijstandsnormen');
      expect(err.message).toContain('01-07-2027');
      expect(err.message).toContain('01-01-2024 t/m 31-12-2026');
      expect(err.message).toContain('voorlopig met de laatst bekende normen t/m 30-06-2027');
    }
  });

  it('refuses dates before the first period (bijstandsnormen start 2024-01-01)', () => {
    expect(() => selectPeriod(norms.bijstandsnormen!, '2023-01-01')).toThrow(/geen normtabel "Bijstandsnormen" voor 01-01-2023/);
    // The BVV maximum does have a (secondary) 2023-01-01 period, but the calculation still refuses the date.
    expect(selectPeriod(norms.beslagvrije_voet!, '2023-01-01').status).toBe('secondary');
    const d = dossier({ adults: [adult('aanvrager', '1980-01-01')] });
    expect(() => computeBudget(d, inputs(), norms, '2023-01-01')).toThrow(NormNotCoveredError);
    expect(() => computeBudget(d, inputs(), norms, '2027-07-01')).toThrow(/01-07-2027/);
  });

  it('ends a last period without validTo at the next indexation date', () => {
    const f: NormFile = {
      format: 'houvast.norms', version: 1, group: 'kinderbijslag', title: 'KB', unit: 'EUR', origin: 'user',
      indexationDates: ['01-01', '07-01'], source: ['https://example.org'],
      periods: { '2027-01-01': { status: 'official', source: ['https://example.org/2027'], figures: { age_0_5: '300.00', age_6_11: '364.00', age_12_17: '428.00' } } },
    };
    const t = buildNormSet([f]).kinderbijslag!;
    expect(t.periods[0]!.end).toBe('2027-06-30');
    // After its end the period is provisional for six months (through 2027-12-31), then refused.
    expect(selectPeriod(t, '2027-07-01').provisionalFrom).toBe('2027-07-01');
    expect(selectPeriod(t, '2027-12-31').provisionalFrom).toBe('2027-07-01');
    expect(() => selectPeriod(t, '2028-01-01')).toThrow(NormNotCoveredError);
  });
});

describe('user-supplied periods', () => {
  it('extend coverage and are marked as user-supplied in results', () => {
    const figuresFor = (group: string): Record<string, string> =>
      group === 'bijstandsnormen'
        ? { 'age_21_to_aow.single.incl_holiday_pay': '1440.00', 'age_21_to_aow.couple.incl_holiday_pay': '2057.14' }
        : group === 'beslagvrije_voet'
          ? { single: '2230.00', single_parent: '2570.00', couple_no_children: '2930.00', couple_with_children: '3200.00' }
          : { age_0_5: '300.00', age_6_11: '364.00', age_12_17: '428.00' };
    const user: NormFile[] = ['bijstandsnormen', 'beslagvrije_voet', 'kinderbijslag'].map((group): NormFile => ({
      format: 'houvast.norms', version: 1, group: group as NormFile['group'], title: `Eigen ${group}`, unit: 'EUR', origin: 'user',
      indexationDates: ['01-01', '07-01'], source: ['https://example.org/eigen'],
      periods: {
        '2027-01-01': {
          status: 'official',
          source: ['https://example.org/eigen/2027'],
          figures: figuresFor(group),
        },
      },
    }));
    const merged = buildNormSet([...files, ...user]);
    const d = dossier({
      adults: [adult('aanvrager', '1980-01-01')],
      incomes: [{ description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1440.00', frequency: 'maand' }],
    });
    // aow_leeftijd is bundled through 2027-12-31, so 2027-02-01 is now covered.
    const r = computeBudget(d, inputs(), merged, '2027-02-01');
    expect(r.bijstandsnorm.value!.toFixed(2)).toBe('1440.00');
    expect(r.bijstandsnorm.explanation.tables[0]).toMatchObject({ origin: 'user', periodStart: '2027-01-01', periodEnd: '2027-06-30' });
    // 0.95 x 1440.00 = 1368.00
    expect(r.beslagvrijeVoet.value!.toFixed(2)).toBe('1368.00');
    // Bundled 2026 periods are unchanged.
    expect(merged.bijstandsnormen!.periods.find((p) => p.start === '2026-07-01')!.origin).toBe('bundled');
  });
});

describe('validateNormFile', () => {
  const good = (): Record<string, unknown> => JSON.parse(readFileSync(join(RESOURCES, 'norms', 'kinderbijslag.json'), 'utf8'));

  it('accepts a bundled file (as text and as object)', () => {
    expect(validateNormFile(good()).ok).toBe(true);
    expect(validateNormFile(readFileSync(join(RESOURCES, 'norms', 'bijstandsnormen.json'), 'utf8')).ok).toBe(true);
  });

  it('rejects invalid JSON', () => {
    expect(validateNormFile('{ niet json')).toEqual({ ok: false, reasons: ['Het bestand is geen geldige JSON (regel 1, kolom 3: onverwacht teken).'] });
  });

  it('rejects a bad file whole, with Dutch reasons naming the place', () => {
    const f = good() as { periods: Record<string, Record<string, unknown>>; group: string };
    f.group = 'huurtoeslag';
    const p = f.periods['2026-01-01']!;
    (p.figures as Record<string, string>).age_0_5 = '295,07';
    p.source = [];
    f.periods['2025-07-01']!.validTo = '2026-03-01';
    f.periods['2026-13-01'] = { status: 'official', source: ['x'], figures: { a: '1.00' } };
    const v = validateNormFile(f);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const text = v.reasons.join('\n');
    expect(text).toMatch(/group: Onbekende normgroep/);
    expect(text).toMatch(/periods › 2026-01-01 › figures › age_0_5: Een bedrag is een getal/);
    expect(text).toMatch(/periods › 2026-01-01 › source: Noem minstens één bron/);
    expect(text).toMatch(/periods › 2025-07-01 › validTo: De periode overlapt met de volgende periode/);
    expect(text).toMatch(/2026-13-01 is geen bestaande datum/);
  });

  it('rejects a missing field and a figure also listed as missing', () => {
    const f = good() as Record<string, unknown> & { periods: Record<string, Record<string, unknown>> };
    delete f.source;
    f.periods['2026-07-01']!.missing = ['age_0_5'];
    const v = validateNormFile(f);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.reasons).toContain('source: ontbreekt.');
    expect(v.reasons.join('\n')).toMatch(/"age_0_5" staat als ontbrekend vermeld maar heeft ook een bedrag/);
  });

  it('rejects a field the format does not have (a misspelt optional one), naming its place', () => {
    const f = good() as Record<string, unknown> & { periods: Record<string, Record<string, unknown>> };
    // "validto" for validTo: dropped, the period would silently run on to the next one.
    f.periods['2026-01-01']!.validto = '2026-06-30';
    const v = validateNormFile(JSON.stringify(f));
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.reasons).toHaveLength(1);
    expect(v.reasons[0]).toMatch(/^periods › 2026-01-01 › validto: onbekend veld/);
  });
});

describe('JSON Schema', () => {
  it('committed resources/schema/norms.schema.json equals the generated schema', () => {
    const committed = readFileSync(join(RESOURCES, 'schema', 'norms.schema.json'), 'utf8');
    expect(committed).toBe(normsJsonSchemaText());
  });
});

// Drempelinkomen (issue 6, second pass): one value in every table, with the same status and the reason in the notes.
// 29735.42 is the unrounded 108 % x 12 x WML that reproduces the eight official BVV maxima (BVV-VTLB.md §2 nr. 11,
// §3.1); the partner drempel of the kindgebonden budget is that + 9405 (Wkgb art. 2 lid 8) = 39140.42.
describe('drempelinkomen: one value everywhere', () => {
  it('is 29735.42 (derived) in the beslagvrije voet, kindgebonden budget and zorgtoeslag tables of 2026', async () => {
    const set = await bundledNorms();
    const fig = (group: 'beslagvrije_voet' | 'kindgebonden_budget' | 'zorgverzekering', date: string, key: string) => {
      const p = findPeriod(set[group], date)!;
      return { value: p.figures[key], status: p.figureStatus[key], notes: p.notes.join(' ') };
    };
    for (const date of ['2026-01-15', '2026-07-15']) {
      for (const f of [
        fig('beslagvrije_voet', date, 'formula.drempelinkomen'),
        fig('kindgebonden_budget', date, 'drempelinkomen_single'),
        fig('zorgverzekering', date, 'zorgtoeslag.drempelinkomen'),
      ]) {
        expect(f.value).toBe('29735.42');
        expect(f.status).toBe('derived');
        expect(f.notes).toContain('één waarde in alle tabellen');
      }
      expect(fig('kindgebonden_budget', date, 'drempelinkomen_partners').value).toBe('39140.42');
      // The published, rounded figures stay as norms.json has them (RULES.md f.2: ~29,736 / ~39,141, secondary).
      expect(fig('kindgebonden_budget', date, 'income_up_to_which_maximum_single_approx')).toMatchObject({ value: '29736.00', status: 'secondary' });
      expect(fig('kindgebonden_budget', date, 'income_up_to_which_maximum_partners_approx')).toMatchObject({ value: '39141.00', status: 'secondary' });
    }
  });
});
