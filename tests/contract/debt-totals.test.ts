// dossier.debtTotals: the Schulden tab's counts and totals come from the core, each total the sum of the rows shown
// (issue 10 §5: the renderer never adds up money). Expected figures are added up by hand below.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { debtTotalsOut, type DebtTotalsOut } from '../../src/shared/contract/debt-totals';
import type { Dossier, DossierDataInput } from '../../src/shared/dossier/schema';
import { valueOf as value } from '../support/envelope';
import { startTestCore, type TestCoreHandle } from '../support/core';
import { plantedHousehold } from '../support/households';

const PASS = 'een lang genoeg wachtwoord';
let rig: TestCoreHandle;
const call = (name: string, input: unknown = {}) => rig.core.router.handle(name, input);

const create = async (overrides: Partial<DossierDataInput>) => value<Dossier>(await call('dossier.create', { data: plantedHousehold(overrides) }));
const totals = async (id: string) => value<DebtTotalsOut>(await call('dossier.debtTotals', { id }));

type DebtIn = NonNullable<DossierDataInput['debts']>[number];
const debt = (creditor: string, originalAmount: string, currentAmount: string, status: DebtIn['status'] = 'open'): DebtIn => ({
  creditor,
  originalAmount,
  currentAmount,
  kind: 'concurrent',
  status,
});

beforeEach(async () => {
  rig = await startTestCore({ cheapKdf: true, prefix: 'debt-totals' });
  value(await call('vault.create', { name: 'Kantoor', passphrase: PASS }));
});
afterEach(async () => {
  await rig.cleanup();
});

describe('dossier.debtTotals', () => {
  it('counts the debts and those not paid, and totals the rows to the cent', async () => {
    const d = await create({
      debts: [
        debt('CJIB', '109.00', '109.00'),
        debt('Zorgverzekeraar Zuid', '1216.80', '1243.80', 'in_schuldregeling'),
        debt('Gemeente', '350.00', '125.55'),
        debt('Belastingdienst', '200.00', '0.44', 'betaald'),
        // 0,10 + 0,20 is 0,30 exactly (not 0,30000000000000004 as in floating point).
        debt('Waterschap', '0.10', '0.20', 'betwist'),
      ],
    });
    const out = await totals(d.id);
    expect(out.lines).toEqual([
      { id: d.debts[0]!.id, original: '109.00', current: '109.00' },
      { id: d.debts[1]!.id, original: '1216.80', current: '1243.80' },
      { id: d.debts[2]!.id, original: '350.00', current: '125.55' },
      { id: d.debts[3]!.id, original: '200.00', current: '0.44' },
      { id: d.debts[4]!.id, original: '0.10', current: '0.20' },
    ]);
    // 109,00 + 1.216,80 + 350,00 + 200,00 + 0,10 = 1.875,90; 109,00 + 1.243,80 + 125,55 + 0,44 + 0,20 = 1.478,99;
    // one of five is betaald.
    expect(out).toMatchObject({ dossierId: d.id, updatedAt: d.updatedAt, count: 5, unpaid: 4, totalOriginal: '1875.90', totalCurrent: '1478.99' });
    // Per status in the order of the statuses; open: 109,00 + 350,00 = 459,00 and 109,00 + 125,55 = 234,55.
    expect(out.byStatus).toEqual([
      { status: 'open', count: 2, original: '459.00', current: '234.55' },
      { status: 'in_schuldregeling', count: 1, original: '1216.80', current: '1243.80' },
      { status: 'betaald', count: 1, original: '200.00', current: '0.44' },
      { status: 'betwist', count: 1, original: '0.10', current: '0.20' },
    ]);
  });

  it('gives zeros for a dossier without debts', async () => {
    const d = await create({ debts: [] });
    expect(await totals(d.id)).toEqual({ dossierId: d.id, updatedAt: d.updatedAt, lines: [], count: 0, unpaid: 0, totalOriginal: '0.00', totalCurrent: '0.00', byStatus: [] });
  });

  it('follows an edited debt, carries the new dossier version and logs nothing', async () => {
    const d = await create({ debts: [debt('CJIB', '109.00', '109.00'), debt('Gemeente', '350.00', '350.00')] });
    expect((await totals(d.id)).totalCurrent).toBe('459.00');
    const saved = value<Dossier>(await call('dossier.saveItem', { id: d.id, kind: 'debt', item: { ...d.debts[1]!, currentAmount: '125.55', status: 'betaald' } }));
    const logged = value<unknown[]>(await call('audit.list', {})).length;
    // 109,00 + 125,55 = 234,55; the Gemeente debt is paid now.
    expect(await totals(d.id)).toMatchObject({ updatedAt: saved.updatedAt, count: 2, unpaid: 1, totalOriginal: '459.00', totalCurrent: '234.55' });
    expect(value<unknown[]>(await call('audit.list', {}))).toHaveLength(logged);
  });

  it('answers NOT_FOUND for an unknown dossier and LOCKED while the vault is locked', async () => {
    expect(await call('dossier.debtTotals', { id: 'bestaat-niet' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    value(await call('vault.lock'));
    expect(await call('dossier.debtTotals', { id: 'bestaat-niet' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});

describe('the output schema', () => {
  const ok: DebtTotalsOut = {
    dossierId: 'd',
    updatedAt: 1,
    lines: [
      { id: 'a', original: '0.10', current: '0.20' },
      { id: 'b', original: '0.20', current: '0.10' },
    ],
    count: 2,
    unpaid: 2,
    totalOriginal: '0.30',
    totalCurrent: '0.30',
    byStatus: [
      { status: 'open', count: 1, original: '0.10', current: '0.20' },
      { status: 'betwist', count: 1, original: '0.20', current: '0.10' },
    ],
  };
  it('accepts figures that add up and refuses a total, count or status that does not match the rows', () => {
    expect(debtTotalsOut.safeParse(ok).success).toBe(true);
    expect(debtTotalsOut.safeParse({ ...ok, totalOriginal: '0.31' }).success).toBe(false);
    expect(debtTotalsOut.safeParse({ ...ok, totalCurrent: '0.29' }).success).toBe(false);
    expect(debtTotalsOut.safeParse({ ...ok, count: 3 }).success).toBe(false);
    expect(debtTotalsOut.safeParse({ ...ok, unpaid: 3 }).success).toBe(false);
    expect(debtTotalsOut.safeParse({ ...ok, unpaid: 1 }).success).toBe(false);
    expect(debtTotalsOut.safeParse({ ...ok, byStatus: [ok.byStatus[0]] }).success).toBe(false);
    expect(debtTotalsOut.safeParse({ ...ok, byStatus: [ok.byStatus[0], { ...ok.byStatus[1]!, current: '0.11' }] }).success).toBe(false);
  });
});
