// k = 10 distinct households, configurable upwards only (SYSTEEMFOUTEN.md "Decisions"; issue 9 §2): every door
// through which a k could come in refuses or ignores one below 10: the contract of report.preview and
// report.export, the exporter's own floor, and the independent verifier on a signed payload.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/shared/contract/procedures';
import { effectiveK } from '../../../src/shared/systeemfouten/export';
import { verifyPayloadText } from '../../../src/shared/systeemfouten-verifier/verify';

const DEMO = path.join(__dirname, '../../../resources/demo/systeemfouten/kantoren/kantoor-01-systeemfouten-2026-Q1.json');

describe('k can be raised, never lowered', () => {
  it('report.preview and report.export refuse a k below 10 or not whole, in Dutch; 10 and above pass', () => {
    for (const name of ['report.preview', 'report.export'] as const) {
      const base = name === 'report.export' ? { period: '2026-Q3', previewHash: 'a'.repeat(64) } : { period: '2026-Q3' };
      for (const k of [9, 1, 0, -10, 10.5]) {
        const r = contract[name].input.safeParse({ ...base, k });
        expect(r.success, `${name} k=${k}`).toBe(false);
      }
      expect(contract[name].input.safeParse({ ...base, k: 9 }).error!.issues[0]!.message).toBe('k is minstens 10.');
      for (const k of [10, 11, 25]) expect(contract[name].input.safeParse({ ...base, k }).success, `${name} k=${k}`).toBe(true);
      expect(contract[name].input.safeParse(base).success).toBe(true);
    }
  });

  it('the exporter never works with less than 10, whatever it is handed', () => {
    expect([undefined, 3, 9, 9.5, Number.NaN, 10, 12].map(effectiveK)).toEqual([10, 10, 10, 10, 10, 10, 12]);
  });

  it('the verifier refuses a signed payload that claims k = 9, and a raised k holds its cells to it', () => {
    const env = JSON.parse(readFileSync(DEMO, 'utf8')) as { payload: string };
    const payload = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as { privacy: { k: number }; tables: { cells: { households: number }[] }[] };
    expect(verifyPayloadText(canonicalize(payload)!)).toMatchObject({ ok: true });
    const low = verifyPayloadText(canonicalize({ ...payload, privacy: { ...payload.privacy, k: 9 } })!);
    expect(low.ok).toBe(false);
    expect(low.findings).toContainEqual({ path: 'privacy.k', message: 'k moet een geheel getal van minstens 10 zijn.' });
    // A file whose k is above its smallest cell is refused for that cell.
    const smallest = Math.min(...payload.tables.flatMap((t) => t.cells.map((c) => c.households)).filter((h) => h > 0));
    const raised = verifyPayloadText(canonicalize({ ...payload, privacy: { ...payload.privacy, k: smallest + 1 } })!);
    expect(raised.ok).toBe(false);
    expect(raised.findings.some((f) => f.message === `Een aantal onder k = ${smallest + 1} mag het kantoor niet verlaten.`)).toBe(true);
  });
});
