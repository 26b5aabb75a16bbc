// Norm tables a user supplies (issue 3 §1): norms.import validates a whole file and stores it in the vault,
// after which calculations use it and mark it origin "user"; an invalid file is rejected whole with its
// reasons and nothing is stored; norms.addPeriod stores a hand-entered period; norms.list shows all periods.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../../../src/core/app';
import { resolveBudgetResult } from '../../../src/shared/contract/budget';
import { internalBits } from '../../support/internal-bits';
import { explained } from '../../support/budget';
import { earner, startRig, type Rig } from './helpers';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig.cleanup());

const bundled = (group: string) => JSON.parse(readFileSync(path.join(defaultResourcesDir(), 'norms', `${group}.json`), 'utf8'));

/** A user's norm file for 2027-01-01: the bundled file's last period re-published under a new date. */
function userFile(group: 'bijstandsnormen' | 'beslagvrije_voet') {
  const file = bundled(group);
  const { validTo: _validTo, ...last } = file.periods['2026-07-01'];
  return {
    ...file,
    origin: 'user',
    periods: { '2027-01-01': { ...last, status: 'official', source: [`https://www.rijksoverheid.nl/normen-2027/${group}`] } },
  };
}

async function userFileCount(): Promise<number> {
  return (await rig.call('norms.list', {})).userFiles.length;
}

describe('norms.list', () => {
  it('lists every group with its periods, sources, status, origin and validity', async () => {
    const list = await rig.call('norms.list', {});
    expect(list.groups.map((g) => g.group).sort()).toEqual(
      ['aow_leeftijd', 'beslagvrije_voet', 'bijstandsnormen', 'kinderbijslag', 'kindgebonden_budget', 'zorgverzekering'],
    );
    const bijstand = list.groups.find((g) => g.group === 'bijstandsnormen')!;
    expect(bijstand.coverage).toBe('Beschikbaar: 01-01-2024 t/m 31-12-2026; daarna voorlopig met de laatst bekende normen t/m 30-06-2027.');
    expect(bijstand.periods.map((p) => [p.start, p.end])).toContainEqual(['2026-07-01', '2026-12-31']);
    const jan = bijstand.periods.find((p) => p.start === '2026-01-01')!;
    expect(jan).toMatchObject({ end: '2026-06-30', origin: 'bundled', userFileId: null, current: true });
    expect(jan.source.length).toBeGreaterThan(0);
    expect(jan.figures).toContainEqual(expect.objectContaining({ name: 'age_21_to_aow.single.incl_holiday_pay', value: '1401.50' }));
    expect(list.userFiles).toEqual([]);
  });
});

describe('norms.list, as Instellingen → Normen shows it', () => {
  it('names missing figures in Dutch words (the reason in brackets kept), never by their table key', async () => {
    const list = await rig.call('norms.list', {});
    const missing = list.groups.flatMap((g) => g.periods.flatMap((p) => p.missing.map((m) => ({ at: `${g.group}@${p.start}`, m }))));
    // The bundled tables list figures that are not published for some periods (kgb drempelinkomen before 2026 etc.).
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.flatMap(({ at, m }) => internalBits(m).map((bit) => `${at}: ${bit}`))).toEqual([]);
    const kgb2024 = list.groups.find((g) => g.group === 'kindgebonden_budget')!.periods.find((p) => p.start === '2024-01-01')!;
    expect(kgb2024.missing).toEqual(['Drempelinkomen zonder partner', 'Drempelinkomen met partner']);
    const zorg = list.groups.find((g) => g.group === 'zorgverzekering')!.periods.find((p) => p.start === '2025-01-01')!;
    expect(zorg.missing).toEqual(['Bestuursrechtelijke premie (CAK)']);
  });
});

describe('norms.import', () => {
  // 2027-07-15 lies beyond the six provisional months after the bundled tables (through 2027-06-30, issue 7).
  it('makes a date after the bundled tables computable and marks the user tables wherever they are used', async () => {
    const created = await rig.call('dossier.create', { data: earner({ incomes: [{ description: 'Uitkering', category: 'uitkering_uwv', amount: '1200.00', frequency: 'maand' }] }) });
    expect((await rig.fail('budget.get', { id: created.id, date: '2027-07-15' })).code).toBe('NORM_NOT_COVERED');

    const first = await rig.call('norms.import', { file: userFile('bijstandsnormen') });
    expect(first).toMatchObject({ group: 'bijstandsnormen', periodStarts: ['2027-01-01'], absentFigures: [] });
    // Still refused, now for the next table the calculation needs: never served from an older table.
    const stillMissing = await rig.fail('budget.get', { id: created.id, date: '2027-07-15' });
    expect(stillMissing.code).toBe('NORM_NOT_COVERED');
    expect(stillMissing.message).toContain('Maximale beslagvrije voet');

    // Imported as JSON text, the way the settings screen reads a chosen file.
    await rig.call('norms.import', { file: JSON.stringify(userFile('beslagvrije_voet')) });
    // The user periods (2027-01-01 .. 2027-06-30) are now the last known ones: 2027-07-15 uses them provisionally.
    const view = await rig.call('budget.get', { id: created.id, date: '2027-07-15' });
    expect(view.result.provisional).toMatchObject({ from: '2027-07-01', message: 'voorlopig: de normen per 01-07-2027 zijn nog niet gepubliceerd' });
    expect(view.result.bijstandsnorm.provisional).toBe('voorlopig: de normen per 01-07-2027 zijn nog niet gepubliceerd');
    const shown = resolveBudgetResult(view.result);
    expect(shown.normPeriods.find((p) => p.group === 'bijstandsnormen')).toMatchObject({ periodStart: '2027-01-01', periodEnd: '2027-06-30', origin: 'user', source: ['https://www.rijksoverheid.nl/normen-2027/bijstandsnormen'] });
    expect(shown.normPeriods.find((p) => p.group === 'beslagvrije_voet')).toMatchObject({ periodStart: '2027-01-01', origin: 'user' });
    expect(shown.normPeriods.find((p) => p.group === 'aow_leeftijd')!.origin).toBe('bundled');
    expect(explained(shown.bijstandsnorm.explanation).tables.map((t) => t.origin)).toEqual(['user']);
    expect(explained(shown.beslagvrijeVoet.explanation).tables.every((t) => t.origin === 'user')).toBe(true);
    expect(view.result.bijstandsnorm.value).toBe('1419.46'); // the figure in the user's file
    expect(explained(shown.bijstandsnorm.explanation).tables[0]!.origin).toBe('user');

    const list = await rig.call('norms.list', {});
    expect(list.userFiles.map((f) => f.group)).toEqual(['bijstandsnormen', 'beslagvrije_voet']);
    const p2027 = list.groups.find((g) => g.group === 'bijstandsnormen')!.periods.find((p) => p.start === '2027-01-01')!;
    expect(p2027).toMatchObject({ origin: 'user', userFileId: first.id, end: '2027-06-30' });
    expect(list.groups.find((g) => g.group === 'bijstandsnormen')!.coverage).toBe(
      'Beschikbaar: 01-01-2024 t/m 30-06-2027; daarna voorlopig met de laatst bekende normen t/m 31-12-2027.',
    );

    const log = await rig.call('audit.list', {});
    expect(log.filter((e) => e.action === 'norms.imported')).toHaveLength(2);
  });

  it('rejects an invalid file whole, with every reason, and stores nothing', async () => {
    const before = await userFileCount();
    const bad = userFile('bijstandsnormen');
    bad.periods['2027-01-01'].figures = { ...bad.periods['2027-01-01'].figures, 'age_21_to_aow.single.incl_holiday_pay': '1.419,46' };
    bad.periods['2027-01-01'].source = [];
    bad.group = 'huurtoeslag';
    const error = await rig.fail('norms.import', { file: bad });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('Er is niets opgeslagen');
    const messages = (error.issues ?? []).map((i) => i.message);
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expect(messages.some((m) => m.includes('normgroep'))).toBe(true);
    expect(messages.some((m) => m.includes('figures') && m.includes('1401.50'))).toBe(true);
    expect(messages.some((m) => m.includes('bron'))).toBe(true);
    expect(await userFileCount()).toBe(before);

    for (const file of ['{ geen json', 42, { format: 'houvast.dossier' }]) {
      const e = await rig.fail('norms.import', { file });
      expect(e.code).toBe('VALIDATION');
      expect(e.issues!.length).toBeGreaterThan(0);
    }
    expect(await userFileCount()).toBe(before);
  });
});

describe('norms.import reads its text strictly (issue 10 §4)', () => {
  it('refuses a duplicated figure, a lone surrogate and a syntax error with their place, and stores nothing', async () => {
    const before = await userFileCount();
    const figure = '"age_21_to_aow.single.incl_holiday_pay"';
    const lines = JSON.stringify(userFile('bijstandsnormen'), null, 2).split('\n');
    const at = lines.findIndex((l) => l.trim().startsWith(`${figure}:`));
    // The same figure twice in one period: JSON.parse would silently keep the second amount.
    lines.splice(at + 1, 0, `${lines[at]!.match(/^\s*/)![0]}${figure}: "9999.99",`);
    const dup = await rig.fail('norms.import', { file: lines.join('\n') });
    expect(dup.code).toBe('VALIDATION');
    expect(dup.message).toContain('Er is niets opgeslagen');
    expect(dup.issues!.map((i) => i.message)).toEqual([
      expect.stringMatching(new RegExp(`^periods\\.2027-01-01\\.figures: de sleutel ${figure.replace(/\./g, '\\.')} staat twee keer in hetzelfde object \\(regel ${at + 2}, kolom `)),
    ]);

    const surrogate = JSON.stringify(userFile('bijstandsnormen')).replace('"https://www.rijksoverheid.nl/normen-2027/bijstandsnormen"', '"https://www.rijksoverheid.nl/\\ud800"');
    const lone = await rig.fail('norms.import', { file: surrogate });
    expect(lone.issues!.map((i) => i.message)).toEqual(['periods.2027-01-01.source.0: bevat een ongeldig teken (een losse UTF-16-surrogaat, \\uD800–\\uDFFF).']);

    const broken = await rig.fail('norms.import', { file: '{\n  "format": "houvast.norms",\n  "group" "bijstandsnormen"\n}' });
    expect(broken.issues!.map((i) => i.message)).toEqual([expect.stringMatching(/^Het bestand is geen geldige JSON \(regel 3, kolom 11: /)]);
    expect(await userFileCount()).toBe(before);
  });
});

describe('norms.import with many faults', () => {
  it('counts every fault, lists the first 100, then says how many more', async () => {
    // The bundled file with all its periods as a user file, every figure written the Dutch way ("1.234,56"),
    // which a norm file does not accept: one fault per figure.
    const file = bundled('bijstandsnormen');
    let n = 0;
    for (const period of Object.values(file.periods) as { figures: Record<string, string> }[]) {
      for (const name of Object.keys(period.figures)) {
        period.figures[name] = '1.234,56';
        n++;
      }
    }
    expect(n).toBeGreaterThan(101);
    const e = await rig.fail('norms.import', { file: { ...file, origin: 'user' } });
    expect(e.message).toBe(`Het normbestand is niet geldig (${n} fouten). Er is niets opgeslagen.`);
    expect(e.issues).toHaveLength(101);
    expect(e.issues![100]).toEqual({ path: '(bestand)', message: `en nog ${n - 100} fouten (alleen de eerste 100 staan hier).` });
  });
});

describe('norms.addPeriod', () => {
  it('stores a hand-entered period with its source as a user table', async () => {
    const stored = await rig.call('norms.addPeriod', {
      group: 'aow_leeftijd',
      start: '2028-01-01',
      figures: { age_years: '67', age_extra_months: '3' },
      source: 'https://www.svb.nl/nl/aow/aow-leeftijd/uw-aow-leeftijd',
      note: 'AOW-leeftijd vanaf 2028',
    });
    expect(stored).toMatchObject({ group: 'aow_leeftijd', periodStarts: ['2028-01-01'], absentFigures: [] });
    const group = (await rig.call('norms.list', {})).groups.find((g) => g.group === 'aow_leeftijd')!;
    const p = group.periods.find((x) => x.start === '2028-01-01')!;
    expect(p).toMatchObject({ origin: 'user', status: 'official', userFileId: stored.id, end: '2028-12-31', source: ['https://www.svb.nl/nl/aow/aow-leeftijd/uw-aow-leeftijd'] });
    expect(p.notes).toContain('AOW-leeftijd vanaf 2028');
  });

  it('reports figures the previous period has and the new one lacks', async () => {
    const stored = await rig.call('norms.addPeriod', {
      group: 'kinderbijslag',
      start: '2027-01-01',
      status: 'secondary',
      figures: { age_0_5: '300.00' },
      source: 'Nieuwsbericht SVB december 2026',
    });
    expect(stored.absentFigures).toEqual(expect.arrayContaining(['age_6_11', 'age_12_17']));
  });

  it('refuses a period without figures or source and stores nothing', async () => {
    const before = await userFileCount();
    const noFigures = await rig.fail('norms.addPeriod', { group: 'kinderbijslag', start: '2027-07-01', figures: {}, source: 'https://www.svb.nl' });
    expect(noFigures.code).toBe('VALIDATION');
    expect(noFigures.issues!.map((i) => i.message).join(' ')).toContain('geen bedragen');
    const noSource = await rig.fail('norms.addPeriod', { group: 'kinderbijslag', start: '2027-07-01', figures: { age_0_5: '1.00' }, source: '  ' });
    expect(noSource.code).toBe('VALIDATION');
    expect(await userFileCount()).toBe(before);
  });
});

describe('norms.removeUserFile', () => {
  it('removes a user file so its periods no longer serve calculations, and logs it', async () => {
    const created = await rig.call('dossier.create', { data: earner({ incomes: [{ description: 'Uitkering', category: 'uitkering_uwv', amount: '1200.00', frequency: 'maand' }] }) });
    const stored = await rig.call('norms.addPeriod', {
      group: 'aow_leeftijd',
      start: '2028-01-01',
      figures: { age_years: '67', age_extra_months: '3' },
      source: 'https://www.svb.nl/nl/aow/aow-leeftijd',
    });
    const listed = await rig.call('norms.list', {});
    expect(listed.userFiles.map((f) => f.id)).toContain(stored.id);

    expect(await rig.call('norms.removeUserFile', { id: stored.id })).toEqual({ removed: true });
    const after = await rig.call('norms.list', {});
    expect(after.userFiles.map((f) => f.id)).not.toContain(stored.id);
    const aow = after.groups.find((g) => g.group === 'aow_leeftijd')!;
    // (an earlier test in this file entered the same period; only this file's copy is gone)
    expect(aow.periods.some((p) => p.userFileId === stored.id)).toBe(false);
    expect(listed.groups.find((g) => g.group === 'aow_leeftijd')!.periods.some((p) => p.userFileId === stored.id)).toBe(true);

    // The removal is in the audit log, in words; calculations on bundled dates are unaffected.
    const log = await rig.call('audit.list', {});
    expect(log.find((e) => e.action === 'norms.removed')?.detail).toMatch(/verwijderd \(perioden vanaf 2028-01-01\)/);
    expect((await rig.call('budget.get', { id: created.id, date: '2026-07-15' })).referenceDate).toBe('2026-07-15');
  });

  it('answers NOT_FOUND for an unknown id and removes nothing', async () => {
    const before = await userFileCount();
    const failure = await rig.fail('norms.removeUserFile', { id: 'bestaat-niet' });
    expect(failure.code).toBe('NOT_FOUND');
    expect(await userFileCount()).toBe(before);
  });
});
