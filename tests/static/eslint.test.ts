// The ESLint phase of `npm test` (eslint.config.js) really refuses what crosses a layer: each probe below is
// linted as if it were a file of that layer. Without this, a config that matched no file would pass silently.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO } from './built';

const eslint = new ESLint({ cwd: REPO });

/** The import specifiers (or calls) ESLint reports in `code` as a file at `file`. */
async function refused(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPO}/${file}` });
  return [...new Set((result?.messages ?? []).map((m) => `${m.line}:${m.ruleId}`))];
}

const lines = (...imports: string[]) => imports.join('\n');

describe('eslint.config.js enforces the layers', () => {
  it('src/shared: no Node module, electron, React, native package or other layer; its own packages are fine', async () => {
    const code = lines(
      "import { readFileSync } from 'node:fs';",
      "import * as path from 'path';",
      "import { app } from 'electron';",
      "import { useState } from 'react';",
      "import Database from 'better-sqlite3-multiple-ciphers';",
      "import { createCore } from '../../core/app';",
      "export { App } from '../renderer/App';",
      "import { Decimal } from 'decimal.js';",
      "import { z } from 'zod';",
      "import { format } from 'date-fns';",
      "import { money } from '../money';",
    );
    expect(await refused('src/shared/budget/probe.ts', code)).toEqual([
      '1:no-restricted-imports',
      '2:no-restricted-imports',
      '3:no-restricted-imports',
      '4:no-restricted-imports',
      '5:no-restricted-imports',
      '6:no-restricted-imports',
      '7:no-restricted-imports',
    ]);
  });

  it('src/renderer: no Node module, electron, native package or core; React and the contract are fine', async () => {
    const code = lines(
      "import { createHash } from 'node:crypto';",
      "import { ipcRenderer } from 'electron';",
      "import { hash } from 'hash-wasm';",
      "import { createCore } from '../../core/app';",
      "import { useState } from 'react';",
      "import type { ProcedureName } from '../../shared/contract/procedures';",
    );
    expect(await refused('src/renderer/screens/probe.tsx', code)).toEqual(['1:no-restricted-imports', '2:no-restricted-imports', '3:no-restricted-imports', '4:no-restricted-imports']);
  });

  it('src/core: no electron, React, shell or renderer; Node and its drivers are fine', async () => {
    const code = lines(
      "import { app } from 'electron';",
      "import { useState } from 'react';",
      "import { run } from '../../cli/main';",
      "import { startWebServer } from '../web/server';",
      "import { readFile } from 'node:fs/promises';",
      "import Database from 'better-sqlite3-multiple-ciphers';",
    );
    expect(await refused('src/core/services/probe.ts', code)).toEqual(['1:no-restricted-imports', '2:no-restricted-imports', '3:no-restricted-imports', '4:no-restricted-imports']);
  });

  it("electron/: the core's entry modules and shared only; the preload only electron and the channel names", async () => {
    const main = lines(
      "import { createCore } from '../../src/core/app';",
      "import { openVault } from '../../src/core/vault/manager';",
      "import { App } from '../../src/renderer/App';",
      "import { CHANNELS } from '../../src/shared/contract/channels';",
    );
    expect(await refused('electron/main/probe.ts', main)).toEqual(['2:no-restricted-imports', '3:no-restricted-imports']);
    const preload = lines(
      "import { contextBridge } from 'electron';",
      "import { CHANNELS } from '../../src/shared/contract/channels';",
      "import { ERRORS } from '../../src/shared/contract/errors';",
      "import { join } from 'node:path';",
    );
    expect(await refused('electron/preload/probe.ts', preload)).toEqual(['3:no-restricted-imports', '4:no-restricted-imports']);
  });

  it('bans the driver calls that leak plaintext or fail on encrypted databases (checklist #15)', async () => {
    expect(await refused('src/core/vault/probe.ts', "db.serialize();\ndb['backup']('x');\ndb.exec('VACUUM INTO ?');")).toEqual([
      '1:no-restricted-syntax',
      '2:no-restricted-syntax',
    ]);
  });
});
