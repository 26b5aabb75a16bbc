// The demo vault: fictitious households from resources/demo/*.json in a vault with a public passphrase,
// so a newcomer has something to look at. It only ever holds fictitious data (every dossier is marked).
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../shared/contract/errors';
import type { VaultStatus } from '../../shared/contract/vault';
import { defaultVaultFolder } from '../paths';
import type { VaultManager } from '../vault';
import { KEYFILE_NAME } from '../vault';
import type { InterchangeFile } from '../../shared/dossier/schema';
import { budgetInputsSchema, type BudgetInputs } from '../../shared/budget/inputs';
import { parseInterchange } from './interchange';

/** Public on purpose: the demo vault holds fictitious households only. */
export const DEMO_PASSPHRASE = 'houvast-demo-2026';
export const DEMO_VAULT_NAME = 'Demokluis (fictieve huishoudens)';
export const DEMO_FOLDER_NAME = 'demo.houvast';

export function demoVaultPath(dataDir: string): string {
  return path.join(defaultVaultFolder(dataDir), DEMO_FOLDER_NAME);
}

/** Budget inputs of a demo household (belastbaar inkomen, stated BVV, ...) live beside it: invoer/<same name>. */
export const DEMO_INPUTS_DIR = 'invoer';

/** Every resources/demo/*.json, validated; an invalid demo file is a build error, reported by name. */
export async function loadDemoFiles(resourcesDir: string): Promise<{ name: string; file: InterchangeFile; inputs: BudgetInputs | null }[]> {
  const dir = path.join(resourcesDir, 'demo');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const out: { name: string; file: InterchangeFile; inputs: BudgetInputs | null }[] = [];
  for (const name of names) {
    const json: unknown = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
    const inputsPath = path.join(dir, DEMO_INPUTS_DIR, name);
    let inputs: BudgetInputs | null = null;
    if (existsSync(inputsPath)) {
      const r = budgetInputsSchema.safeParse(JSON.parse(await readFile(inputsPath, 'utf8')));
      if (!r.success) throw new AppError('INTERNAL', `De budgetgegevens van demobestand ${name} zijn niet geldig. Installeer Houvast opnieuw.`);
      inputs = r.data;
    }
    try {
      out.push({ name, file: parseInterchange(json), inputs });
    } catch (err) {
      if (err instanceof AppError) {
        throw new AppError('INTERNAL', `Het demobestand ${name} is niet geldig. Installeer Houvast opnieuw.`, err.issues);
      }
      throw err;
    }
  }
  return out;
}

export async function createDemo(deps: {
  vault: VaultManager;
  dataDir: string;
  resourcesDir: string;
  /** Runs once, right after the vault was created and unlocked (audit entry, settings). */
  afterCreate?(): void;
  importFile(file: unknown): unknown;
  /** Stores a demo household's budget inputs (resources/demo/invoer/), so its BVV and VTLB show at once. */
  saveBudgetInputs?(dossierId: string, inputs: BudgetInputs): void;
  /** Demo systeemfouten for the households of one demo file (resources/demo/systeemfouten/demo-signals.json). */
  addDemoSignals?(imported: unknown, signals: unknown[]): void;
}): Promise<{ status: VaultStatus; passphrase: string }> {
  const folder = demoVaultPath(deps.dataDir);
  if (existsSync(path.join(folder, KEYFILE_NAME))) {
    const status = await deps.vault.open(folder);
    return { status, passphrase: DEMO_PASSPHRASE };
  }
  // Validate every file before creating anything, so a bad file never leaves a half-filled demo vault.
  const files = await loadDemoFiles(deps.resourcesDir);
  await deps.vault.create({ name: DEMO_VAULT_NAME, path: folder, passphrase: DEMO_PASSPHRASE, demo: true });
  try {
    deps.afterCreate?.();
    const demoSignals = await loadDemoSignals(deps.resourcesDir);
    for (const { name, file, inputs } of files) {
      const imported = deps.importFile(file);
      const result = imported as { imported?: { id: string }[] } | undefined;
      if (inputs !== null && deps.saveBudgetInputs) for (const d of result?.imported ?? []) deps.saveBudgetInputs(d.id, inputs);
      const signals = demoSignals[name];
      if (signals && deps.addDemoSignals) deps.addDemoSignals(imported, signals);
    }
  } finally {
    deps.vault.lock();
  }
  return { status: deps.vault.status(), passphrase: DEMO_PASSPHRASE };
}

/** Fictitious signals per demo file name; absent file = none. */
async function loadDemoSignals(resourcesDir: string): Promise<Record<string, unknown[]>> {
  const file = path.join(resourcesDir, 'demo', 'systeemfouten', 'demo-signals.json');
  if (!existsSync(file)) return {};
  const json = JSON.parse(await readFile(file, 'utf8')) as { signals?: Record<string, unknown[]> };
  return json.signals ?? {};
}
