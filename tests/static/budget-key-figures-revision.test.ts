// The stored key figures (migration 023) are served while their basis holds: app version, engine revision, norm
// tables. Between two releases only BUDGET_KEY_FIGURES_REVISION tells a changed engine apart, so this test keeps a
// hash of every source file the key figures are computed by (src/shared/budget/key-figures.ts, the display name, and
// all they import, types included; the core's reading of the rows changes only with a release, i.e. the app version) with the revision it was recorded for. A change to any of them fails here until the revision is
// raised and the hash recorded again:  UPDATE_KEY_FIGURES_HASH=1 npx vitest run tests/static/budget-key-figures-revision
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET_KEY_FIGURES_REVISION } from '../../src/shared/budget/key-figures';
import { moduleSpecifiers } from './imports';

const ROOT = path.resolve(__dirname, '../..');
const ENTRY = 'src/shared/budget/key-figures.ts';
/** The stored item also holds the household's name as the lists show it. */
const ALSO = ['src/shared/dossier/display-name.ts'];
const RECORD = path.join(__dirname, 'budget-key-figures-sources.json');

/** The repository's own files `file` imports, transitively (packages such as decimal.js are pinned by the lockfile). */
function closure(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of moduleSpecifiers(path.join(ROOT, file))) {
      if (!spec.startsWith('.')) continue;
      const base = path.join(path.dirname(file), spec);
      const found = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => existsSync(path.join(ROOT, f)));
      if (!found) throw new Error(`${file}: cannot resolve ${spec}`);
      visit(found.split(path.sep).join('/'));
    }
  };
  for (const e of entries) visit(e);
  return [...seen].sort();
}

function hashOf(files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f}\n${readFileSync(path.join(ROOT, f), 'utf8').replace(/\r\n/g, '\n')}\n`);
  return h.digest('hex');
}

describe('BUDGET_KEY_FIGURES_REVISION', () => {
  it('is raised whenever a source the key figures are computed by changes', () => {
    const files = closure([ENTRY, ...ALSO]);
    // The engine itself is in it, not only the mapping of its result.
    expect(files).toEqual(expect.arrayContaining(['src/shared/budget/engine.ts', 'src/shared/budget/bvv.ts', 'src/shared/budget/vtlb.ts', 'src/shared/money.ts']));
    const hash = hashOf(files);
    const recorded = existsSync(RECORD) ? (JSON.parse(readFileSync(RECORD, 'utf8')) as { revision: number; hash: string }) : null;
    if (process.env.UPDATE_KEY_FIGURES_HASH === '1' && recorded?.hash !== hash) {
      if (recorded && BUDGET_KEY_FIGURES_REVISION <= recorded.revision) {
        throw new Error(`Raise BUDGET_KEY_FIGURES_REVISION in ${ENTRY} above ${recorded.revision} first.`);
      }
      writeFileSync(RECORD, `${JSON.stringify({ revision: BUDGET_KEY_FIGURES_REVISION, hash, files }, null, 2)}\n`);
      return;
    }
    expect(recorded, `${path.basename(RECORD)} is missing: run with UPDATE_KEY_FIGURES_HASH=1`).not.toBeNull();
    expect(
      hash,
      `A source of the key figures changed: stored figures of the old code would still be served. Raise BUDGET_KEY_FIGURES_REVISION in ${ENTRY}, then run UPDATE_KEY_FIGURES_HASH=1 npx vitest run tests/static/budget-key-figures-revision`,
    ).toBe(recorded!.hash);
    expect(BUDGET_KEY_FIGURES_REVISION, 'the revision differs from the one recorded with this hash: record it again').toBe(recorded!.revision);
  });
});
