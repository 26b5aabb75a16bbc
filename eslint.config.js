// ESLint: only the rules that keep the layers apart (ENGINEERING.md, issue 10 §5) and the driver calls that
// leak plaintext (checklist #15). No stylistic rules: formatting is not what this guards. The static boundary
// test (tests/static/sources.test.ts) checks the same with resolved paths, dynamic imports and a package
// allowlist per layer; this gives the editor and `npm test` the same answer early.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A bare package specifier: the package itself or any of its subpaths (never a relative path). */
const packages = (...names) => `^(${names.map(esc).join('|')})(/.*)?$`;

const NODE = `^node:|${packages(...builtinModules.filter((m) => !m.startsWith('_')))}`;
const ELECTRON = `^@electron/|${packages('electron')}`;
const REACT = `^@hookform/|${packages('react', 'react-dom', 'react-hook-form')}`;
/** Packages that need Node or a native binary: core (and the shells) only. */
const NODE_ONLY = packages('better-sqlite3-multiple-ciphers', 'pdfmake', 'hash-wasm', 'ws', 'tsx');

/** A relative import that climbs into one of these top-level folders of src/ (or into electron/). */
const into = (...folders) => `^(\\.\\./)+(src/)?(${folders.join('|')})(/|$)`;

const regex = (pattern, message) => ({ regex: pattern, message });

const layer = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

export default [
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'test-results/**', '.vitest-reports/**'] },
  {
    files: ['src/**/*.{ts,tsx}', 'electron/**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } } },
    // Registered so that existing disable comments naming its rules are understood; none of its rules is on.
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(serialize|backup)$/]",
          message: 'db.serialize() returns plaintext pages and db.backup() fails on encrypted databases: use VACUUM INTO (checklist #15).',
        },
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.value=/^(serialize|backup)$/]",
          message: 'db.serialize() returns plaintext pages and db.backup() fails on encrypted databases: use VACUUM INTO (checklist #15).',
        },
      ],
    },
  },
  layer(['src/shared/**/*.{ts,tsx}'], [
    regex(NODE, 'src/shared is pure TypeScript: no Node modules.'),
    regex(ELECTRON, 'src/shared must not import electron.'),
    regex(REACT, 'src/shared must not import React.'),
    regex(NODE_ONLY, 'src/shared must not import Node-only or native packages.'),
    regex(into('core', 'cli', 'web', 'renderer', 'electron'), 'src/shared imports nothing from another layer.'),
  ]),
  layer(['src/renderer/**/*.{ts,tsx}'], [
    regex(NODE, 'The renderer runs in a sandboxed page: no Node modules.'),
    regex(ELECTRON, 'The renderer talks to the core only through the contract, never electron.'),
    regex(NODE_ONLY, 'The renderer must not import Node-only or native packages.'),
    regex(into('core', 'cli', 'web', 'electron'), 'The renderer reaches the core only through the contract (src/shared/contract).'),
  ]),
  layer(['src/core/**/*.{ts,tsx}'], [
    regex(ELECTRON, 'src/core runs in plain Node too: importing electron there tries to download the binary.'),
    regex(REACT, 'src/core must not import React.'),
    regex(into('cli', 'web', 'renderer', 'electron'), 'src/core must not depend on a shell or the renderer.'),
  ]),
  layer(['src/cli/**/*.ts', 'src/web/**/*.ts'], [
    regex(ELECTRON, 'The CLI and the web shell run in plain Node: no electron.'),
    regex(REACT, 'The CLI and the web shell must not import React.'),
    regex(into('renderer', 'electron'), 'The CLI and the web shell use the core and the contract, not the renderer.'),
  ]),
  layer(['electron/main/**/*.ts'], [
    regex(REACT, 'The Electron shell must not import React.'),
    regex('^(\\.\\./)+src/(renderer|cli|web)(/|$)', 'The Electron shell uses the core and the contract only.'),
    // The core's entry modules (src/core/app, logger, paths, ...) and its host protocol (the process
    // boundary the shell starts the core behind) yes; its internals no.
    regex('^(\\.\\./)+src/core/(?!host/)[^/]+/', "The Electron shell uses the core's entry modules (src/core/*.ts), not its internals."),
  ]),
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            regex(NODE, 'The sandboxed preload has no Node modules.'),
            // Only electron and the channel names.
            regex('^(?!electron$)(?!(\\.\\./)+src/shared/contract/channels$).*', 'The sandboxed preload may import only electron and the channel names.'),
          ],
        },
      ],
    },
  },
];
