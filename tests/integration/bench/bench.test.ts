// The bench must not rot (issue 10 §3): its generator and figure printer run here at a tiny size. This checks
// structure (valid, deterministic households; a cached vault; every row with a figure, a goal and an anchor),
// never timings.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureVault, household, interchangeText } from '../../../bench/generate';
import { measureSize } from '../../../bench/measure';
import { formatRows, row } from '../../../bench/report';
import { parseArgs } from '../../../bench/run';
import { dossierDataSchema, interchangeSchema } from '../../../src/shared/dossier/schema';
import { isValidBsn } from '../../../src/shared/validation/bsn';
import { isValidIban } from '../../../src/shared/validation/iban';
import { isValidPostcode } from '../../../src/shared/validation/postcode';
import { CHEAP_KDF } from '../../support/core';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'houvast-bench-test-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the household generator', () => {
  it('makes valid, varied households within the ranges of the brief, the same for the same seed', () => {
    const bsns = new Set<string>();
    for (let n = 0; n < 200; n++) {
      const h = household(7, n);
      expect(household(7, n)).toEqual(h);
      const parsed = dossierDataSchema.safeParse(h);
      expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 2))).toBe(true);
      expect(h.adults.length).toBeGreaterThanOrEqual(1);
      expect(h.adults.length).toBeLessThanOrEqual(2);
      expect(h.children.length).toBeLessThanOrEqual(4);
      expect(h.incomes.length).toBeGreaterThanOrEqual(2);
      expect(h.incomes.length).toBeLessThanOrEqual(6);
      expect(h.expenses.length).toBeGreaterThanOrEqual(8);
      expect(h.expenses.length).toBeLessThanOrEqual(15);
      // 0-12 debts, plus the scheme's debt for a scheme family.
      expect(h.debts.length).toBeLessThanOrEqual(13);
      expect(h.notes!.length).toBeGreaterThanOrEqual(1);
      for (const a of h.adults) {
        if (!a.bsn) continue;
        expect(isValidBsn(a.bsn)).toBe(true);
        expect(bsns.has(a.bsn), 'every BSN is used once').toBe(false);
        bsns.add(a.bsn);
      }
      for (const b of h.bankAccounts) expect(isValidIban(b.iban)).toBe(true);
      if (h.address) expect(isValidPostcode(h.address.postcode)).toBe(true);
      for (const c of h.children) expect(c.birthDate > h.adults.map((a) => a.birthDate).sort()[0]!).toBe(true);
    }
    expect(household(8, 3)).not.toEqual(household(7, 3));
    // Creditors of different kinds across the households.
    const kinds = new Set(Array.from({ length: 200 }, (_, n) => household(7, n).debts.map((d) => d.creditorKind)).flat());
    expect(kinds.size).toBeGreaterThanOrEqual(10);
    expect(interchangeSchema.safeParse(JSON.parse(interchangeText(7, 0, 5))).success).toBe(true);
  });
});

describe('the bench at a tiny size', () => {
  it('generates a vault through the contract, reuses it from the cache, and prints every figure beside its goal and anchor', async () => {
    const opts = { size: 20, seed: 7, cacheRoot: path.join(root, 'cache'), kdf: CHEAP_KDF, chunk: 10 };
    const vault = await ensureVault(opts);
    expect(vault.cached).toBe(false);
    expect(vault.meta.chunkMs).toHaveLength(2);
    const again = await ensureVault(opts);
    expect(again.cached).toBe(true);
    expect(again.dir).toBe(vault.dir);

    const rows = await measureSize({ vault: again, workDir: path.join(root, 'work'), quick: true, importCount: 10, createCount: 3, budgetLoopCap: 20 });
    const ids = rows.map((r) => r.id);
    for (const id of ['generate', 'unlock.first', 'unlock', 'search.keystroke', 'search.keystroke.duringCheck', 'list.firstPage', 'list.firstPage.byName', 'budget.one', 'budget.one.explained', 'budget.all', 'rss', 'read.encryptedVsPlain', 'import.per1000', 'create.per1000']) {
      expect(ids, id).toContain(id);
    }
    for (const r of rows) {
      expect(r.status, `${r.id}: ${r.figure}`).not.toBe('error');
      expect(r.figure.length, r.id).toBeGreaterThan(0);
      expect(r.goal.length, r.id).toBeGreaterThan(0);
      expect(r.anchor.length, r.id).toBeGreaterThan(0);
      expect(r.size).toBe(20);
      // Every row with a goal to meet has a number to compare with it.
      if (r.id !== 'generate') expect(r.limit === null || typeof r.value === 'number', r.id).toBe(true);
    }
    // The keystrokes compared with the goal are typed once the unlocks' background check has finished; the
    // ones typed beside it are an info row that never decides the verdict.
    const during = rows.find((r) => r.id === 'search.keystroke.duringCheck')!;
    expect(during.status).toBe('info');
    expect(during.limit).toBeNull();
    // The budget of one household measured again once the batch warmed the engine: info, beside the goal row.
    const warm = rows.find((r) => r.id === 'budget.one.warm')!;
    expect(warm.status).toBe('info');
    expect(warm.figure).toMatch(/^p50 .* \(n=\d+\)$/);
    expect(rows.findIndex((r) => r.id === 'budget.one.warm')).toBeGreaterThan(rows.findIndex((r) => r.id === 'budget.all'));
    expect(rows.find((r) => r.id === 'search.keystroke')!.note).toMatch(/once the unlocks' background integrity check had finished; CPU time per keystroke mean /);
    // The budget goal is the call the budget screen makes (figures only), once the unlock's background work (with the
    // key figures refresh) has ended; the same call again and the full answer are info rows beside it.
    expect(rows.find((r) => r.id === 'budget.one')!.note).toMatch(/^explanations: false; once the unlock's background work \(.*key figures refresh.*\) had ended: the bench waited \d+\.\d+ s for it; CPU time /);
    const steady = rows.find((r) => r.id === 'budget.one.steady')!;
    expect(steady.status).toBe('info');
    expect(steady.limit).toBeNull();
    expect(steady.figure).toMatch(/^p50 .* \(n=\d+\)$/);
    const explained = rows.find((r) => r.id === 'budget.one.explained')!;
    expect(explained.status).toBe('info');
    expect(explained.limit).toBeNull();
    // Import and create: each round measures the empty vault and right after this vault; the note lists the ratios.
    for (const id of ['import.per1000', 'create.per1000']) expect(rows.find((r) => r.id === id)!.note, id).toMatch(/^one round: \d+\.\d\d×$/);
    const text = formatRows(rows);
    expect(text).toContain('Vault of 20 dossiers');
    for (const r of rows) {
      expect(text).toContain(r.label.slice(0, 40));
      expect(text).toContain(r.goal.slice(0, 30));
    }
  }, 240_000);

  it('marks a figure over its goal as such, and reads its command line', () => {
    expect(row({ id: 'x', label: 'x', size: null, figure: '60 ms', value: 60, goal: '≤ 50 ms', limit: 50 }).status).toBe('over');
    expect(row({ id: 'x', label: 'x', size: null, figure: '40 ms', value: 40, goal: '≤ 50 ms', limit: 50 }).status).toBe('ok');
    expect(row({ id: 'x', label: 'x', size: null, figure: 'info', goal: '-' }).status).toBe('info');
    expect(parseArgs(['--size', '1000,100000', '--json', 'out.json'])).toMatchObject({ sizes: [1000, 100_000], json: path.resolve('out.json') });
    expect(parseArgs([]).sizes).toEqual([1000, 10_000]);
    expect(() => parseArgs(['--size', 'veel'])).toThrow(/--size/);
  });
});
