// The association's store in a vereniging vault (issue 9 §3): the office key register, the received office
// report files and the published tables, all in the encrypted database. Receiving a file checks it at once against
// the register (the same checks as a merge of picked files) and the ledger rules against every file the office
// ever had accepted in this vault; an accepted file keeps its signed
// envelope, a rejected one only its name, hash and Dutch reason. Publishing re-runs every check, the ledger
// rules across the year's files, the merge and the publication rules, and stores what was published.
import { createPublicKey, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import { PUBLISHED_FORMAT } from '../../shared/systeemfouten/association';
import type { associationStoreOut } from '../../shared/contract/association-store';
import { isoDateOf, type Clock } from '../../shared/dates';
import type { Db } from '../db/driver';
import type { Job } from '../jobs';
import {
  mergeReceivedFiles,
  mergeResult,
  officeIdentity,
  parseRegister,
  REGISTER_FORMAT,
  supersedeLinkOf,
  supersedeOrder,
  verifyReceivedFile,
  type KeyRegister,
  type MergeResult,
} from './association';
import { keyIdOf, sha256Hex } from './dsse';
import { checkLedgerRules, ledgerEntryOf, type LedgerEntry } from '../../shared/systeemfouten/ledger-rules';
import type { ExportPayload } from '../../shared/systeemfouten/export';

type StoreView = z.output<typeof associationStoreOut>;

interface KeyRow {
  key_id: string;
  office: string;
  public_key_pem: string;
  registered_on: string;
  revoked_on: string | null;
  created_at: number;
}

export interface AssociationStore {
  view(): StoreView;
  registerKey(input: { office: string; publicKeyPem: string; registeredOn?: string | undefined }): StoreView;
  revokeKey(keyId: string, revokedOn?: string): StoreView;
  receive(files: readonly { name: string; text: string }[]): { received: { name: string; accepted: boolean; reason: string | null }[]; store: StoreView };
  /**
   * With a job: progress in PUBLISH_STEPS steps and a cancel at two safe points (files checked, tables and
   * PDF rendered), both before the publication and its logboek entry are stored.
   */
  publish(year: string, job?: Pick<Job, 'progress' | 'throwIfCancelled'>): Promise<MergeResult & { publicationId: string | null }>;
  publication(id: string): Promise<MergeResult>;
}

/** Steps of a publication as a job: files re-checked, tables and PDF rendered, stored. */
export const PUBLISH_STEPS = 3;

export function createAssociationStore(deps: { db(): Db; clock: Clock; log(detail: string): void }): AssociationStore {
  const keys = () => deps.db().prepare('SELECT * FROM association_keys ORDER BY office, key_id').all() as KeyRow[];

  /** The stored register in the register file's shape, so the checks are the very ones of a merge of picked files. */
  function registerText(): string {
    const register: KeyRegister = {
      format: REGISTER_FORMAT,
      version: 1,
      keys: keys().map((k) => ({ keyId: k.key_id, office: k.office, publicKeyPem: k.public_key_pem, revoked: k.revoked_on !== null })),
    };
    return JSON.stringify(register);
  }

  function view(): StoreView {
    const db = deps.db();
    const files = db.prepare('SELECT id, file_name, sha256, received_at, status, reason, key_id, period FROM association_files ORDER BY received_at DESC, rowid DESC').all() as {
      id: string;
      file_name: string;
      sha256: string;
      received_at: number;
      status: 'geaccepteerd' | 'afgewezen';
      reason: string | null;
      key_id: string | null;
      period: string | null;
    }[];
    const officeOf = new Map(keys().map((k) => [k.key_id, k.office]));
    const pubs = db.prepare('SELECT id, year, created_at, files FROM association_publications ORDER BY created_at DESC, rowid DESC').all() as {
      id: string;
      year: string;
      created_at: number;
      files: string;
    }[];
    return {
      keys: keys().map((k) => ({ keyId: k.key_id, office: k.office, registeredOn: k.registered_on, revokedOn: k.revoked_on })),
      files: files.map((f) => ({
        id: f.id,
        fileName: f.file_name,
        sha256: f.sha256,
        receivedAt: f.received_at,
        status: f.status,
        reason: f.reason,
        office: f.key_id ? (officeOf.get(f.key_id) ?? null) : null,
        period: f.period,
      })),
      publications: pubs.map((p) => ({ id: p.id, year: p.year, createdAt: p.created_at, files: (JSON.parse(p.files) as unknown[]).length })),
    };
  }

  return {
    view,

    registerKey({ office, publicKeyPem, registeredOn }) {
      let keyId: string;
      try {
        const key = createPublicKey(publicKeyPem);
        if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
        keyId = keyIdOf(key);
      } catch {
        throw new AppError('VALIDATION', 'Dit is geen geldige publieke rapportsleutel (Ed25519, PEM) van een kantoor.', [
          { path: 'publicKeyPem', message: 'Plak de publieke sleutel uit het sleutelbestand van het kantoor (begint met -----BEGIN PUBLIC KEY-----).' },
        ]);
      }
      const db = deps.db();
      db.transaction(() => {
        if (db.prepare('SELECT 1 FROM association_keys WHERE key_id = ?').get(keyId)) {
          throw new AppError('CONFLICT', 'Deze sleutel staat al in het register.');
        }
        db.prepare('INSERT INTO association_keys (key_id, office, public_key_pem, registered_on, revoked_on, created_at) VALUES (?, ?, ?, ?, NULL, ?)').run(
          keyId,
          office.trim(),
          publicKeyPem.trim(),
          registeredOn ?? isoDateOf(deps.clock.now()),
          deps.clock.now(),
        );
        deps.log(`Kantoorsleutel ${keyId.slice(0, 16)} geregistreerd`);
      })();
      return view();
    },

    revokeKey(keyId, revokedOn) {
      const db = deps.db();
      db.transaction(() => {
        const info = db.prepare('UPDATE association_keys SET revoked_on = ? WHERE key_id = ? AND revoked_on IS NULL').run(revokedOn ?? isoDateOf(deps.clock.now()), keyId);
        if (info.changes === 0) throw new AppError('NOT_FOUND', 'Deze sleutel staat niet (meer) actief in het register.');
        deps.log(`Kantoorsleutel ${keyId.slice(0, 16)} ingetrokken`);
      })();
      return view();
    },

    receive(files) {
      const { keys: registered } = parseRegister(registerText());
      const db = deps.db();
      /**
       * The office's accepted files in the order received, as ledger entries (the order decides corrections):
       * signed with any key registered to that office, so a second key does not open a second ledger.
       */
      const historyOf = (office: string): LedgerEntry[] => {
        const keyIds = [...registered.values()].filter((k) => officeIdentity(k.entry.office) === officeIdentity(office)).map((k) => k.entry.keyId);
        const rows = db
          .prepare(`SELECT envelope FROM association_files WHERE status = 'geaccepteerd' AND key_id IN (${keyIds.map(() => '?').join(', ')}) ORDER BY received_at, rowid`)
          .all(...keyIds) as { envelope: string }[];
        return rows.map((r) => ledgerEntryOf(JSON.parse(Buffer.from((JSON.parse(r.envelope) as { payload: string }).payload, 'base64').toString('utf8')) as ExportPayload));
      };
      const now = deps.clock.now();
      function receiveOne(f: { name: string; text: string }): { name: string; accepted: boolean; reason: string | null } {
        const sha = sha256Hex(f.text);
        const reject = (reason: string) => {
          db.prepare("INSERT INTO association_files (id, file_name, sha256, received_at, status, reason) VALUES (?, ?, ?, ?, 'afgewezen', ?)").run(randomUUID(), f.name, sha, now, reason);
          return { name: f.name, accepted: false, reason };
        };
        if (db.prepare("SELECT 1 FROM association_files WHERE sha256 = ? AND status = 'geaccepteerd'").get(sha)) {
          return reject('Dit bestand is al eerder ontvangen (dubbel).');
        }
        const v = verifyReceivedFile(f.text, registered);
        if (!v.ok) return reject(v.reason);
        // The ledger rules (one export per period, disjoint periods, corrections) against every file this
        // office ever had accepted here, not only those received together: a re-sent or overlapping report
        // is refused at receipt with its reason and never stored as accepted.
        const rule = checkLedgerRules(historyOf(v.office), ledgerEntryOf(v.payload), v.payload.privacy.k);
        if (!rule.ok) return reject(rule.reason);
        db.prepare(
          "INSERT INTO association_files (id, file_name, sha256, received_at, status, reason, key_id, period, envelope) VALUES (?, ?, ?, ?, 'geaccepteerd', NULL, ?, ?, ?)",
        ).run(randomUUID(), f.name, sha, now, v.keyId, v.payload.period.value, f.text);
        return { name: f.name, accepted: true, reason: null };
      }
      // A correction sent in the same batch as its original is looked at after it, whatever the order picked;
      // the verdicts are returned in the order of the files.
      const order = supersedeOrder(files.map((f) => supersedeLinkOf(f.text)));
      const received = db.transaction(() => {
        const verdicts: { name: string; accepted: boolean; reason: string | null }[] = new Array(files.length);
        for (const i of order) verdicts[i] = receiveOne(files[i]!);
        return verdicts;
      })();
      const n = received.filter((r) => r.accepted).length;
      deps.log(`${files.length} rapportbestand(en) ontvangen: ${n} geaccepteerd, ${files.length - n} afgewezen`);
      return { received, store: view() };
    },

    async publish(year, job) {
      const db = deps.db();
      job?.progress(0, PUBLISH_STEPS);
      const rows = db
        .prepare("SELECT file_name, envelope FROM association_files WHERE status = 'geaccepteerd' AND substr(period, 1, 4) = ? ORDER BY received_at, rowid")
        .all(year) as { file_name: string; envelope: string }[];
      if (rows.length === 0) throw new AppError('VALIDATION', `Er zijn geen geaccepteerde rapporten over ${year} in deze kluis.`);
      // Every check again (a key may have been revoked since), then the ledger rules across the year's files.
      const outcome = mergeReceivedFiles(
        rows.map((r) => ({ name: r.file_name, text: r.envelope })),
        registerText(),
      );
      job?.progress(1, PUBLISH_STEPS);
      job?.throwIfCancelled();
      const result = await mergeResult(outcome);
      job?.progress(2, PUBLISH_STEPS);
      // The last safe point: after it the publication and its logboek entry are stored together.
      job?.throwIfCancelled();
      if (!result.published) {
        job?.progress(PUBLISH_STEPS, PUBLISH_STEPS);
        return { ...result, publicationId: null };
      }
      const id = randomUUID();
      db.transaction(() => {
        // The whole result (published tables and their CSV, JSON-stat and PDF): only published cells, no office.
        db.prepare('INSERT INTO association_publications (id, year, created_at, published, files) VALUES (?, ?, ?, ?, ?)').run(
          id,
          year,
          deps.clock.now(),
          JSON.stringify({ format: PUBLISHED_FORMAT, result: { ...result, accepted: result.accepted, rejected: result.rejected } }),
          JSON.stringify(result.accepted.map((a) => a.name)),
        );
        deps.log(`Publicatie ${year} gemaakt uit ${result.accepted.length} rapport(en)`);
      })();
      job?.progress(PUBLISH_STEPS, PUBLISH_STEPS);
      return { ...result, publicationId: id };
    },

    async publication(id) {
      const row = deps.db().prepare('SELECT published FROM association_publications WHERE id = ?').get(id) as { published: string } | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'Deze publicatie bestaat niet (meer).');
      return (JSON.parse(row.published) as { result: MergeResult }).result;
    },
  };
}
