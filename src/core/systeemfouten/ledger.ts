// The export ledger in the vault (rule R7): append-only (DB triggers) and hash-chained. Each entry hashes the
// previous hash with the canonical JSON of its own fields, so a changed, removed or reordered entry breaks
// the chain. Internal signal ids stay here (so the office can see which cases it reported) and never leave.
import type { Db } from '../db/driver';
import { canonicalJson, sha256Hex } from './dsse';
import type { LedgerEntry } from '../../shared/systeemfouten/ledger-rules';

export const GENESIS = 'genesis';

interface LedgerRow {
  seq: number;
  export_id: string;
  period: string;
  schema_version: string;
  supersedes: string | null;
  levels: string;
  cells: string;
  signal_ids: string;
  payload_sha256: string;
  key_id: string;
  created_at: number;
  prev_hash: string;
  hash: string;
  envelope: string;
}

export interface StoredLedgerEntry extends LedgerEntry {
  seq: number;
  signalIds: string[];
  payloadSha256: string;
  keyId: string;
  createdAt: number;
  prevHash: string;
  hash: string;
  /** The signed DSSE envelope (anonymous by construction), kept so a lost download can be fetched again. */
  envelope: string;
}

function entryHash(prevHash: string, e: Omit<StoredLedgerEntry, 'seq' | 'prevHash' | 'hash' | 'envelope'>): string {
  return sha256Hex(
    `${prevHash}\n${canonicalJson({
      exportId: e.exportId,
      period: e.period,
      schemaVersion: e.schemaVersion,
      supersedes: e.supersedes,
      levels: e.levels,
      cells: e.cells,
      signalIds: e.signalIds,
      payloadSha256: e.payloadSha256,
      keyId: e.keyId,
      createdAt: e.createdAt,
    })}`,
  );
}

function fromRow(r: LedgerRow): StoredLedgerEntry {
  return {
    seq: r.seq,
    exportId: r.export_id,
    period: r.period,
    schemaVersion: r.schema_version,
    supersedes: r.supersedes,
    levels: JSON.parse(r.levels) as Record<string, string>,
    cells: JSON.parse(r.cells) as Record<string, number>,
    signalIds: JSON.parse(r.signal_ids) as string[],
    payloadSha256: r.payload_sha256,
    keyId: r.key_id,
    createdAt: r.created_at,
    prevHash: r.prev_hash,
    hash: r.hash,
    envelope: r.envelope,
  };
}

export function readLedger(db: Db): StoredLedgerEntry[] {
  return (db.prepare('SELECT * FROM report_ledger ORDER BY seq').all() as LedgerRow[]).map(fromRow);
}

/** Whether every entry's hash is right and links to its predecessor. */
export function verifyLedgerChain(entries: readonly StoredLedgerEntry[]): { intact: boolean; brokenAt: number | null } {
  let prev = GENESIS;
  for (const e of entries) {
    if (e.prevHash !== prev || entryHash(prev, e) !== e.hash) return { intact: false, brokenAt: e.seq };
    prev = e.hash;
  }
  return { intact: true, brokenAt: null };
}

export function appendLedger(db: Db, e: Omit<StoredLedgerEntry, 'seq' | 'prevHash' | 'hash'>): StoredLedgerEntry {
  const last = db.prepare('SELECT hash FROM report_ledger ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
  const prevHash = last?.hash ?? GENESIS;
  const hash = entryHash(prevHash, e);
  const info = db
    .prepare(
      `INSERT INTO report_ledger (export_id, period, schema_version, supersedes, levels, cells, signal_ids, payload_sha256, key_id, created_at, prev_hash, hash, envelope)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(e.exportId, e.period, e.schemaVersion, e.supersedes, JSON.stringify(e.levels), JSON.stringify(e.cells), JSON.stringify(e.signalIds), e.payloadSha256, e.keyId, e.createdAt, prevHash, hash, e.envelope);
  return { ...e, seq: Number(info.lastInsertRowid), prevHash, hash };
}
