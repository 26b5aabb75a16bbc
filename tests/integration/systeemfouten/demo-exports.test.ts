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
