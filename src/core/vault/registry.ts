// The registry of vaults this installation has seen: `<dataDir>/vaults.json` (paths, names, demo flag and
// when each was last opened; no client data). Newest first. It is a convenience for the start screen, so a
// file that cannot be read or written is logged and otherwise ignored; it never fails a vault operation.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { knownVault } from '../../shared/contract/vault';
import type { KnownVault } from '../../shared/contract/vault';
import type { Logger } from '../logger';
import { ensurePrivateDir, writeFileAtomic } from './fs-atomic';

export const REGISTRY_FILE_NAME = 'vaults.json';

const registrySchema = z.object({
  format: z.literal('houvast.vaults'),
  version: z.literal(1),
  vaults: z.array(knownVault),
});

export class VaultRegistry {
  private entries: KnownVault[] | null = null;
  /** The last write (writes run one after the other, each with the entries of its own moment). */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly logger: Logger,
  ) {}

  private get file(): string {
    return path.join(this.dataDir, REGISTRY_FILE_NAME);
  }

  /** The known vaults, newest first (copies). */
  async list(): Promise<KnownVault[]> {
    return (await this.load()).map((v) => ({ ...v }));
  }

  /** Puts `entry` first, replacing an entry for the same path. */
  async remember(entry: KnownVault): Promise<void> {
    const others = (await this.load()).filter((v) => v.path !== entry.path);
    this.entries = [entry, ...others];
    await this.save();
  }

  /** Removes the entry for `vaultPath` (an absolute path); the vault's files are left alone. */
  async forget(vaultPath: string): Promise<void> {
    this.entries = (await this.load()).filter((v) => v.path !== vaultPath);
    await this.save();
  }

  private async load(): Promise<KnownVault[]> {
    if (this.entries) return this.entries;
    let list: KnownVault[] = [];
    try {
      const parsed = registrySchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      if (parsed.success) list = parsed.data.vaults;
      else this.logger.warn('vault.registry_invalid', {});
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.logger.warn('vault.registry_unreadable', { error: err });
    }
    this.entries = list;
    return list;
  }

  /** Resolves when every write started so far is on disk (or failed and was logged). Never rejects. */
  async settled(): Promise<void> {
    let last: Promise<void>;
    do {
      last = this.writing;
      await last;
    } while (last !== this.writing);
  }

  private save(): Promise<void> {
    // Chained: a write that starts later must also land later, or an older list could overwrite a newer one.
    const run = this.writing.then(() => this.write());
    this.writing = run;
    return run;
  }

  private async write(): Promise<void> {
    try {
      await ensurePrivateDir(this.dataDir);
      const body = { format: 'houvast.vaults', version: 1, vaults: this.entries ?? [] };
      await writeFileAtomic(this.file, `${JSON.stringify(body, null, 2)}\n`);
    } catch (err) {
      // The list is a convenience; failing to save it must not fail the vault operation.
      this.logger.warn('vault.registry_write_failed', { error: err });
    }
  }
}
