// Checklist #15 and the folder boundaries of ENGINEERING.md, checked on the sources with the TS parser.
import { readFileSync } from 'node:fs';
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

  it('src/core: no electron, no React, nothing from the renderer, the CLI or the web shell', () => {
    expect(
      violations('src/core', (s, f) => {
        if (isElectron(s)) return 'electron in core';
        if (isReact(s)) return 'React in core';
        const t = target(f, s);
        if (t && ['src/renderer', 'src/cli', 'src/web', 'electron/'].some((p) => t.startsWith(p))) return 'core must not depend on a shell';
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

// Issue 10 §5: every npm package a layer imports is classified for that layer. Pure JS that runs anywhere is
// shared; React only in the renderer; Node-only or native drivers only in core and the shells. A package that
// is not listed fails here until someone decides where it belongs.
const SHARED_PACKAGES = ['decimal.js', 'date-fns', 'zod', 'jsonc-parser', 'canonicalize'];
const LAYER_PACKAGES: Record<string, { packages: string[]; node: boolean }> = {
  'src/shared': { packages: SHARED_PACKAGES, node: false },
  'src/renderer': { packages: [...SHARED_PACKAGES, 'react', 'react-dom', 'react-hook-form', '@hookform/resolvers'], node: false },
  'src/core': { packages: [...SHARED_PACKAGES, 'better-sqlite3-multiple-ciphers', 'pdfmake', 'hash-wasm'], node: true },
  'src/cli': { packages: SHARED_PACKAGES, node: true },
  'src/web': { packages: [...SHARED_PACKAGES, 'ws', 'tsx'], node: true },
  'electron/main': { packages: ['electron', '@electron/fuses'], node: true },
  'electron/preload': { packages: ['electron'], node: false },
};

/** The npm package a bare specifier names ('@scope/name/sub' → '@scope/name'), or null for a relative path. */
function packageOf(spec: string): string | null {
  if (spec.startsWith('.') || spec.startsWith('/')) return null;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Why `spec` may not be imported by a file of `layer` (null: it may). */
function unclassified(layer: string, spec: string): string | null {
  const rules = LAYER_PACKAGES[layer];
  if (!rules) return `no package rules for ${layer}`;
  if (isNode(spec)) return rules.node ? null : `Node module in ${layer}`;
  const pkg = packageOf(spec);
  if (pkg === null || rules.packages.includes(pkg)) return null;
  return `package '${pkg}' is not classified for ${layer}`;
}

describe('npm packages per layer', () => {
  for (const layer of Object.keys(LAYER_PACKAGES)) {
    it(`${layer} imports only the packages classified for it`, () => {
      expect(violations(layer, (s) => unclassified(layer, s))).toEqual([]);
    });
  }

  it('every classified package is a dependency of the app', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);
    const listed = new Set(Object.values(LAYER_PACKAGES).flatMap((r) => r.packages));
    expect([...listed].filter((p) => !declared.has(p))).toEqual([]);
  });

  it('the classification refuses what does not belong and anything unknown', () => {
    expect(unclassified('src/shared', 'decimal.js')).toBeNull();
    expect(unclassified('src/shared', 'date-fns/locale')).toBeNull();
    expect(unclassified('src/shared', 'node:crypto')).toBe('Node module in src/shared');
    expect(unclassified('src/shared', 'better-sqlite3-multiple-ciphers')).toBe("package 'better-sqlite3-multiple-ciphers' is not classified for src/shared");
    expect(unclassified('src/shared', 'react')).toBe("package 'react' is not classified for src/shared");
    expect(unclassified('src/renderer', '@hookform/resolvers/zod')).toBeNull();
    expect(unclassified('src/renderer', 'fs')).toBe('Node module in src/renderer');
    expect(unclassified('src/renderer', 'pdfmake')).toBe("package 'pdfmake' is not classified for src/renderer");
    expect(unclassified('src/core', 'pdfmake/interfaces')).toBeNull();
    expect(unclassified('src/core', 'node:fs/promises')).toBeNull();
    expect(unclassified('src/core', 'ws')).toBe("package 'ws' is not classified for src/core");
    expect(unclassified('src/core', 'left-pad')).toBe("package 'left-pad' is not classified for src/core");
    expect(unclassified('src/core', '../shared/money')).toBeNull();
    expect(unclassified('electron/preload', 'node:path')).toBe('Node module in electron/preload');
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
