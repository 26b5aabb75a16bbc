// A norm update file (the format of resources/norms) is imported in one step and says what it changes: per period
// new or replacing, with every changed amount old → new, added and dropped figures. Real core, real vault.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../../../src/core/app';
import { resolveBudgetResult } from '../../../src/shared/contract/budget';
import { explained } from '../../support/budget';
import { earner, startRig, type Rig } from './helpers';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig.cleanup());

const bundled = (group: string) => JSON.parse(readFileSync(path.join(defaultResourcesDir(), 'norms', `${group}.json`), 'utf8'));

describe('norm update import', () => {
  it('reports per period what it changes, and the calculation uses the update', async () => {
    const file = bundled('bijstandsnormen');
    const july = file.periods['2026-07-01'];
    const total = Object.keys(july.figures).length;
    // A correction of the July 2026 period: two amounts changed, one dropped, one added; plus a new 2027 period.
    const corrected = { ...july.figures, 'age_21_to_aow.single.incl_holiday_pay': '1420.00', 'age_21_to_aow.couple.incl_holiday_pay': '2028.00' };
    delete corrected['institution.single'];
    corrected['other.example_added.amount'] = '123.45';
    const { validTo: _v, ...julyRest } = july;
    const update = {
      ...file,
      origin: 'user',
      periods: {
        '2026-07-01': { ...julyRest, figures: corrected, source: ['https://www.rijksoverheid.nl/correctie-2026-07'] },
        '2027-01-01': { ...julyRest, figures: { ...july.figures }, source: ['https://www.rijksoverheid.nl/normen-2027'] },
      },
    };
    const stored = await rig.call('norms.import', { file: JSON.stringify(update) });
    expect(stored.periodStarts).toEqual(['2026-07-01', '2027-01-01']);
    const [jul, jan] = stored.changes!;
    expect(jul).toMatchObject({ periodStart: '2026-07-01', kind: 'vervangt', replacedOrigin: 'bundled', unchanged: total - 3 });
    expect(jul!.changed.map((c) => [c.name, c.from, c.to]).sort()).toEqual([
      ['age_21_to_aow.couple.incl_holiday_pay', '2027.79', '2028.00'],
      ['age_21_to_aow.single.incl_holiday_pay', '1419.46', '1420.00'],
    ]);
    expect(jul!.added.map((a) => a.name)).toEqual(['other.example_added.amount']);
    expect(jul!.removed.map((r) => r.name)).toEqual(['institution.single']);
    expect(jan).toMatchObject({ periodStart: '2027-01-01', kind: 'nieuw', replacedOrigin: null, changed: [], added: [], removed: [] });
    // In Dutch, with nl-NL amounts.
    expect(stored.summary![0]).toContain('Bijstandsnormen: vervangt de periode vanaf 01-07-2026 (meegeleverd met Houvast); 2 bedragen gewijzigd, 1 toegevoegd, 1 niet meer in de nieuwe periode');
    expect(stored.summary![0]).toContain('1.419,46 → 1.420,00');
    expect(stored.summary![1]).toBe('Bijstandsnormen: nieuwe periode vanaf 01-01-2027.');

    // The calculation now uses the corrected amount (single 21+ on 2026-07-15: 1420.00), marked as user-supplied.
    const created = await rig.call('dossier.create', { data: earner({}) });
    const view = await rig.call('budget.get', { id: created.id, date: '2026-07-15' });
    expect(view.result.bijstandsnorm.value).toBe('1420.00');
    expect(explained(resolveBudgetResult(view.result).bijstandsnorm.explanation).tables[0]).toMatchObject({ origin: 'user', periodStart: '2026-07-01' });
  });
});
