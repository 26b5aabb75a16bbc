// V1: the verifier is an independent second implementation. It lives in its own folder and imports nothing
// outside it: not the exporter, not the hierarchies, not the vocabulary, no package (only JSON.parse).
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, rel } from './built';
import { moduleSpecifiers, sourcesUnder } from './imports';

const FOLDER = path.join(REPO, 'src/shared/systeemfouten-verifier');

describe('the independent verifier', () => {
  it('has sources, and they import only each other', () => {
    const files = sourcesUnder(FOLDER);
    expect(files.length).toBeGreaterThanOrEqual(2);
    const outside: string[] = [];
    for (const file of files) {
      for (const spec of moduleSpecifiers(file)) {
        const target = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : null;
        if (!target || !target.startsWith(`${FOLDER}${path.sep}`)) outside.push(`${rel(file)} imports '${spec}'`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('nothing in the verifier folder is imported by the exporter (no shared code in the other direction either)', () => {
    const exporter = sourcesUnder(path.join(REPO, 'src/shared/systeemfouten'));
    expect(exporter.length).toBeGreaterThan(0);
    for (const file of exporter) {
      for (const spec of moduleSpecifiers(file)) expect(spec, rel(file)).not.toMatch(/systeemfouten-verifier/);
    }
  });
});
