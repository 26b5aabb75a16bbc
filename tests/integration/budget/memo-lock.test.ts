// A vault lock forgets the shared memos (src/shared/memo.ts): after budget.get and budget.batch they hold the
// household's amounts and dates; after vault.lock nothing is left in any of them, and after the next unlock the
// same household gets the same figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoStats } from '../../../src/shared/memo';
import { PASSPHRASE, singleParent, startRig, type Rig } from './helpers';

let rig: Rig;
let id: string;
beforeAll(async () => {
  rig = await startRig();
  id = (await rig.call('dossier.create', { data: singleParent() })).id;
});
afterAll(async () => rig.cleanup());

const filled = () => memoStats().filter((s) => s.size > 0).map((s) => s.name);

describe('the shared memos on lock', () => {
  it('hold the session’s amounts and dates until the vault locks, then nothing', async () => {
    const before = await rig.call('budget.get', { id, date: '2026-07-15' });
    const batch = await rig.call('budget.batch', { date: '2026-07-15' });
    expect(batch.items[0]!.figures!.saldo).toBe(before.result.budget.saldo.value);
    expect(filled()).toEqual(expect.arrayContaining(['budget.monthlyLine', 'dates.formatNlDate', 'norms.periodFacts', 'norms.derived', 'norms.text']));

    await rig.call('vault.lock', {});
    expect(filled()).toEqual([]);

    await rig.call('vault.unlock', { passphrase: PASSPHRASE });
    const after = await rig.call('budget.get', { id, date: '2026-07-15' });
    expect(after.result).toEqual(before.result);
  });
});
