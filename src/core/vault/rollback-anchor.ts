// The logboek's hash chain proves that no row inside one database was changed or removed, not which copy of a
// vault is the newest: an older vault.db copied back over the current one (outside Houvast) is a genuine vault
// whose chain verifies. So this computer remembers, per vault, the last chain head it saw (the row's number and
// hash: no client data), in `<dataDir>/vault-anchors.json`, outside the vault folder. On unlock that row must
// still be there with the same hash; a vault whose chain ends before it, or differs at it, was put back.
// Houvast's own restore carries the logboek forward (the chain continues), and sets the anchor afresh anyway.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/driver';
import { DIR_MODE, FILE_MODE } from './fs-atomic';

export const ANCHORS_FILE_NAME = 'vault-anchors.json';

export interface ChainHead {
  /** The number of the newest logboek row. */
  id: number;
  hash: string;
}

/** How the vault manager reads the chain of an open database (the schema is the app's, not the manager's). */
export interface ChainHeadReader {
  head(db: Db): ChainHead | null;
  /** The hash of row `id`, or null when the chain has no such row. */
  hashAt(db: Db, id: number): string | null;
}

const anchorsSchema = z.object({
  format: z.literal('houvast.vault-anchors'),
  version: z.literal(1),
  vaults: z.record(z.string(), z.object({ id: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/) })),
});
type Anchors = z.infer<typeof anchorsSchema>;

function load(dataDir: string): Anchors {
  try {
    const parsed = anchorsSchema.safeParse(JSON.parse(readFileSync(path.join(dataDir, ANCHORS_FILE_NAME), 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // missing or unreadable: no anchors (a first unlock on this computer)
  }
  return { format: 'houvast.vault-anchors', version: 1, vaults: {} };
}

export function readAnchor(dataDir: string, vaultId: string): ChainHead | null {
  return load(dataDir).vaults[vaultId] ?? null;
}

/** Synchronous (it runs inside a lock, which cannot wait) and atomic: a temp file renamed over the old one. */
export function writeAnchor(dataDir: string, vaultId: string, head: ChainHead): void {
  const anchors = load(dataDir);
  anchors.vaults[vaultId] = { id: head.id, hash: head.hash };
  const target = path.join(dataDir, ANCHORS_FILE_NAME);
  mkdirSync(dataDir, { recursive: true, mode: DIR_MODE });
  const tmp = path.join(dataDir, `.${ANCHORS_FILE_NAME}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', FILE_MODE);
  try {
    writeSync(fd, `${JSON.stringify(anchors, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** 'rolled_back' when the anchor's row is gone from the chain or differs: an older copy was put back. */
export function compareWithAnchor(anchor: ChainHead | null, hashAtAnchor: string | null): 'ok' | 'rolled_back' {
  if (!anchor) return 'ok';
  return hashAtAnchor === anchor.hash ? 'ok' : 'rolled_back';
}

/** The logboek entry's detail: only row numbers, as the notice words them. */
export function rollbackLogDetail(anchor: ChainHead, head: ChainHead | null): string {
  return (
    `Oudere stand dan deze computer het laatst zag: het logboek liep toen tot regel ${anchor.id}, ` +
    (head && head.id >= anchor.id ? 'die regel is in deze stand anders' : `in deze stand tot regel ${head?.id ?? 0}`)
  );
}

export function rollbackNotice(anchor: ChainHead, head: ChainHead | null): string {
  return (
    'Dit is een oudere stand van deze kluis dan deze computer het laatst heeft gezien: het logboek liep toen tot regel ' +
    `${anchor.id}, en ${head && head.id >= anchor.id ? 'die regel is nu anders' : `loopt nu tot regel ${head?.id ?? 0}`}. ` +
    'Hebt u zelf een externe back-up geopend of een kopie teruggezet, dan klopt dat. Zo niet, dan is buiten Houvast een ' +
    'oudere kopie van de kluis teruggezet en ontbreken de wijzigingen van daarna: zoek dan een nieuwere kopie of ' +
    'back-up (Instellingen → Back-ups).'
  );
}
