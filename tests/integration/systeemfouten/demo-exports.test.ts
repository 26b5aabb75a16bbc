// The fictitious office exports in resources/demo/systeemfouten/kantoren merge cleanly under their key register
// and give the association enough publishable cells to show (the dashboard's demo material).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../../../src/core/app';
import { mergeReceivedFiles } from '../../../src/core/systeemfouten/association';
import { publish } from '../../../src/shared/systeemfouten/association';

const DIR = path.join(defaultResourcesDir(), 'demo', 'systeemfouten', 'kantoren');

describe('demo office exports', () => {
  it('all verify and merge; publication shows cells in every table', () => {
    const names = readdirSync(DIR).filter((n) => n.startsWith('kantoor-'));
    expect(names.length).toBeGreaterThanOrEqual(30);
    const files = names.map((name) => ({ name, text: readFileSync(path.join(DIR, name), 'utf8') }));
    const outcome = mergeReceivedFiles(files, readFileSync(path.join(DIR, 'sleutelregister.json'), 'utf8'));
    expect(outcome.rejected).toEqual([]);
    expect(outcome.merged).toMatchObject({ year: '2026', offices: 12, files: names.length });
    const published = publish(outcome.merged!);
    for (const t of published.tables) expect(t.cells.length, t.id).toBeGreaterThan(0);
    expect(JSON.stringify(published)).not.toMatch(/fictief/i);
  });
});

describe('association.merge through the contract (the Vereniging screen)', () => {
  it('accepts the demo files, rejects a bad one with its reason, and returns the publication and its downloads', async () => {
    const { startTestCore } = await import('../../support/core');
    const handle = await startTestCore({ cheapKdf: true, prefix: 'vereniging' });
    try {
      const names = readdirSync(DIR).filter((n) => n.startsWith('kantoor-'));
      const files = [...names.map((name) => ({ name, text: readFileSync(path.join(DIR, name), 'utf8') })), { name: 'kapot.json', text: 'geen json' }];
      const env = await handle.core.router.handle('association.merge', { files, register: readFileSync(path.join(DIR, 'sleutelregister.json'), 'utf8') });
      expect(env.ok).toBe(true);
      if (!env.ok) return;
      const out = env.value as { accepted: unknown[]; rejected: { name: string; reason: string }[]; published: { offices: number; tables: { cells: unknown[] }[] }; csv: string; pdfBase64: string };
      expect(out.accepted.length).toBe(names.length);
      expect(out.rejected).toEqual([{ name: 'kapot.json', reason: 'Het bestand is geen geldige JSON.' }]);
      expect(out.published.offices).toBe(12);
      expect(out.csv.startsWith('\uFEFFtabel;')).toBe(true);
      expect(Buffer.from(out.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      const bad = await handle.core.router.handle('association.merge', { files, register: '{"format": "iets"}' });
      expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/geen sleutelregister/) } });
    } finally {
      await handle.cleanup();
    }
  }, 60_000);
});
