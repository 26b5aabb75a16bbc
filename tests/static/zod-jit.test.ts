// Zod's JIT (issue 10 §1): the core validates every procedure's output with compiled parsers, while the renderer,
// whose CSP forbids eval, parses without them. A schema decides when it is built, so the renderer's entry must
// switch the JIT off before anything else is evaluated, and nothing the core loads may switch it off.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('zod JIT per process', () => {
  it('the renderer entry imports zod-jitless before any other module', () => {
    const entry = readFileSync(path.join(SRC, 'renderer/main.tsx'), 'utf8');
    const firstImport = entry.split('\n').find((line) => line.startsWith('import '));
    expect(firstImport).toBe("import '../shared/contract/zod-jitless';");
  });

  it('only zod-jitless.ts switches the JIT off, and only the renderer entry imports it', () => {
    const all = sources(SRC);
    const switching = all.filter((f) => /jitless\s*:\s*true/.test(readFileSync(f, 'utf8'))).map((f) => path.relative(SRC, f));
    expect(switching).toEqual([path.join('shared', 'contract', 'zod-jitless.ts')]);
    const importing = all.filter((f) => /from '[^']*zod-jitless'|import '[^']*zod-jitless'/.test(readFileSync(f, 'utf8'))).map((f) => path.relative(SRC, f));
    expect(importing).toEqual([path.join('renderer', 'main.tsx')]);
  });
});
