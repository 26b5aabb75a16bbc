// Checklist #15 and the folder boundaries of ENGINEERING.md, checked on the sources with the TS parser.
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, rel } from './built';
import { bannedDriverCalls, moduleSpecifiers, sourcesUnder } from './imports';

const SRC = path.join(REPO, 'src');
const NODE_BUILTINS = new Set(builtinModules);

const isNode = (s: string) => s.startsWith('node:') || NODE_BUILTINS.has(s) || NODE_BUILTINS.has(s.split('/')[0]!);
const isElectron = (s: string) => s === 'electron' || s.startsWith('electron/') || s.startsWith('@electron/');
const isReact = (s: string) => s === 'react' || s.startsWith('react/') || s.startsWith('react-dom') || s === 'react-hook-form' || s.startsWith('@testing-library/');

/** Resolves a relative specifier to a repo-relative path so folder crossings can be checked. */
function target(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return rel(path.resolve(path.dirname(file), spec));
}

function violations(dir: string, rule: (spec: string, file: string) => string | null): string[] {
  const out: string[] = [];
  for (const file of sourcesUnder(path.join(REPO, dir))) {
    for (const spec of moduleSpecifiers(file)) {
      const why = rule(spec, file);
      if (why) out.push(`${rel(file)} imports '${spec}': ${why}`);
    }
  }
  return out;
}

describe('folder boundaries (imports)', () => {
  it('src/shared is pure: no node:, no electron, no React, nothing from core/renderer/web/cli', () => {
    expect(
      violations('src/shared', (s, f) => {
        if (isNode(s)) return 'Node module in shared';
        if (isElectron(s)) return 'electron in shared';
        if (isReact(s)) return 'React in shared';
        const t = target(f, s);
        if (t && !t.startsWith('src/shared')) return 'leaves src/shared';
        return null;
      }),
    ).toEqual([]);
  });

  it('src/core: no electron, no React, nothing from the renderer', () => {
    expect(
      violations('src/core', (s, f) => {
        if (isElectron(s)) return 'electron in core';
        if (isReact(s)) return 'React in core';
        const t = target(f, s);
        if (t && (t.startsWith('src/renderer') || t.startsWith('electron/'))) return 'core must not depend on a shell';
        return null;
      }),
    ).toEqual([]);
  });

  it('src/renderer: no node:, no electron, no core (it talks to the core only through the contract)', () => {
    expect(
      violations('src/renderer', (s, f) => {
        if (isNode(s)) return 'Node module in the renderer';
        if (isElectron(s)) return 'electron in the renderer';
        const t = target(f, s);
        if (t && (t.startsWith('src/core') || t.startsWith('src/web') || t.startsWith('src/cli') || t.startsWith('electron/'))) {
          return 'renderer reaches into another layer';
        }
        return null;
      }),
    ).toEqual([]);
  });

  it('nothing outside electron/ imports electron (src/, scripts/, bin/)', () => {
    const rule = (s: string) => (s === 'electron' || s.startsWith('electron/') ? 'electron outside electron/' : null);
    expect([...violations('src', rule), ...violations('scripts', rule), ...violations('bin', rule)]).toEqual([]);
  });

  it('electron/ uses the core and the contract, never the renderer; the preload only the channel names', () => {
    expect(
      violations('electron', (s, f) => {
        const t = target(f, s);
        if (t?.startsWith('src/renderer')) return 'shell must not import the renderer';
        if (rel(f).startsWith('electron/preload/') && !(s === 'electron' || t === 'src/shared/contract/channels')) {
          return 'the sandboxed preload may import only electron and the channel names';
        }
        return null;
      }),
    ).toEqual([]);
  });

  it('the import reader sees every form of import', () => {
    const text = `import a from 'node:fs'; import type { B } from "electron"; export * from './x';
      const c = await import('react'); const d = require('os'); type E = import('electron').App;
      // import z from 'commented-out';
      const s = "import y from 'in-a-string'";`;
    expect(moduleSpecifiers('probe.ts', text)).toEqual(['node:fs', 'electron', './x', 'react', 'os', 'electron']);
  });
});

describe('no .serialize( / .backup( in src/ (checklist #15)', () => {
  it('src/ never calls the driver methods that leak plaintext or fail on encrypted databases', () => {
    const found = sourcesUnder(SRC).flatMap((f) => bannedDriverCalls(f).map((v) => v.replace(REPO + path.sep, '')));
    expect(found).toEqual([]);
  });

  it('the scan catches both call forms and ignores comments and strings', () => {
    const text = `db.serialize(); db['backup']('x'); // db.serialize()
      const note = "never db.backup(";`;
    expect(bannedDriverCalls('probe.ts', text)).toEqual(['probe.ts:1: .serialize(', 'probe.ts:1: .backup(']);
  });
});
