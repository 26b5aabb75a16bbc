// The vault's name and demo flag, bound to the encrypted database. The keyfile carries them as plain JSON
// because they are shown before unlock, so anyone who can write the vault folder can change them there (and
// turn a real vault into a "demo" vault whose households are forced to fictitious). The database is
// authenticated (SQLCipher's per-page HMAC under the data key): once unlocked, its copy wins, and a keyfile
// that disagrees is repaired. Before the first unlock after an upgrade the database has no copy yet; the
// keyfile's values are then recorded as found (trust on first use), and bound from then on.
import { z } from 'zod';
import type { Db } from '../db/driver';
import { VAULT_KINDS, type VaultKind } from '../../shared/contract/vault-kind';

export const IDENTITY_SETTING = 'vault.identity';

export interface VaultIdentity {
  vaultId: string;
  name: string;
  demo: boolean;
  /** Kantoor or vereniging (issue 9 §3); bound like the name: a changed keyfile cannot turn one into the other. */
  kind: VaultKind;
}

// Bound before vault kinds existed: a kantoor vault.
const identitySchema = z.object({ vaultId: z.string(), name: z.string().max(200), demo: z.boolean(), kind: z.enum(VAULT_KINDS).default('kantoor') });

/** The vault manager also serves schemas without a settings table (its own tests); then nothing is bound. */
function canBind(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get() !== undefined;
}

export function readBoundIdentity(db: Db): VaultIdentity | null {
  if (!canBind(db)) return null;
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(IDENTITY_SETTING) as { value: string } | undefined;
  if (!row) return null;
  try {
    const parsed = identitySchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function bindIdentity(db: Db, identity: VaultIdentity): void {
  if (!canBind(db)) return;
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    IDENTITY_SETTING,
    JSON.stringify({ vaultId: identity.vaultId, name: identity.name, demo: identity.demo, kind: identity.kind }),
  );
}

/**
 * The identity to use for an unlocked vault: the database's copy when it has one for this vault, else the
 * keyfile's (then recorded). `keyfileChanged` tells the caller to repair the keyfile.
 */
export function reconcileIdentity(db: Db, fromKeyfile: VaultIdentity): { identity: VaultIdentity; keyfileChanged: boolean } {
  const bound = readBoundIdentity(db);
  if (!bound || bound.vaultId !== fromKeyfile.vaultId) {
    bindIdentity(db, fromKeyfile);
    return { identity: fromKeyfile, keyfileChanged: false };
  }
  // A database bound before vault kinds existed has no kind: it is a kantoor vault, whatever the keyfile says.
  const keyfileChanged = bound.name !== fromKeyfile.name || bound.demo !== fromKeyfile.demo || bound.kind !== fromKeyfile.kind;
  if (!readBoundKindPresent(db)) bindIdentity(db, bound);
  return { identity: bound, keyfileChanged };
}

/** Whether the bound identity already records the vault's kind (bound from now on otherwise). */
function readBoundKindPresent(db: Db): boolean {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(IDENTITY_SETTING) as { value: string } | undefined;
  try {
    return row !== undefined && typeof (JSON.parse(row.value) as { kind?: unknown }).kind === 'string';
  } catch {
    return false;
  }
}
