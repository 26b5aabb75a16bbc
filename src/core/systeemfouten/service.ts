// The office side of the anonymised report: collect the period's signals, build the tables (pure exporter),
// show the preview, and only after its confirmation: serialise canonically, re-check the TEXT with the
// independent verifier, apply the ledger rules, sign with the office key, append to the ledger and render
// CSV and PDF from the signed envelope.
import { createPrivateKey, createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import { AppError } from '../../shared/contract/errors';
import type { ReportPreview } from '../../shared/contract/reports';
import { isoDateOf } from '../../shared/dates';
import { collectEvents, type SourceHousehold, type SourceSignal } from '../../shared/systeemfouten/collect';
import {
  PAYLOAD_TYPE,
  buildExport,
  effectiveK,
  levelName,
  toPayload,
  type ExportPayload,
  type ExportResult,
  type ReporterRole,
} from '../../shared/systeemfouten/export';
import { DIMENSIONS, HIERARCHIES, TABLE_TITLES, labelOf, type Dimension } from '../../shared/systeemfouten/hierarchy';
import {
  SMALL_OFFICE_HOUSEHOLDS,
  checkLedgerRules,
  ledgerEntryOf,
  periodDates,
  periodType,
} from '../../shared/systeemfouten/ledger-rules';
import { verifyPayloadText } from '../../shared/systeemfouten-verifier/verify';
import type { Db } from '../db/driver';
import type { Job } from '../jobs';
import type { AuditService } from '../services/audit';
import type { ServiceContext } from '../services/context';
import { canonicalJson, generateOfficeKey, keyIdOf, sha256Hex, signEnvelope } from './dsse';
import { appendLedger, readLedger, verifyLedgerChain } from './ledger';
import { renderCsv, renderReportPdf } from './render';

export interface ReportRequest {
  period: string;
  reporterRole?: ReporterRole | undefined;
  k?: number | undefined;
  supersedes?: string | undefined;
}

/** Refusal while the export ledger's hash chain is broken (rows changed or removed outside Houvast). */
export const LEDGER_BROKEN =
  'Het exportlogboek van deze kluis is beschadigd (de keten van verzonden rapporten klopt niet meer). Zolang dat zo is, ' +
  'wordt er geen rapport ondertekend: een eerder verzonden rapport kan ontbreken. Zet een back-up terug of vraag uw beheerder om hulp.';

/** Steps of an export as a job: checked and signed (in memory), CSV and PDF rendered, recorded. */
export const EXPORT_STEPS = 3;

export interface ReportService {
  preview(req: ReportRequest): ReportPreview;
  /**
   * With a job: progress in EXPORT_STEPS steps, and a cancel at two safe points (after signing, after rendering),
   * both before anything is stored; the office key a first export makes is stored with the ledger entry.
   */
  export(req: ReportRequest & { previewHash: string }, job?: Pick<Job, 'progress' | 'throwIfCancelled'>): Promise<{
    exportId: string;
    period: string;
    fileBase: string;
    envelope: string;
    csv: string;
    pdfBase64: string;
    payloadSha256: string;
    keyId: string;
  }>;
  /** The signed files of an accepted export again (a lost download), from the envelope kept in the ledger. */
  download(exportId: string): ReturnType<ReportService['export']>;
  publicKey(): { keyId: string; publicKeyPem: string; createdAt: number };
  ledger(): {
    intact: boolean;
    entries: { seq: number; exportId: string; period: string; supersedes: string | null; signals: number; payloadSha256: string; keyId: string; createdAt: number }[];
  };
}

interface Built {
  period: string;
  type: NonNullable<ReturnType<typeof periodType>>;
  role: ReporterRole;
  k: number;
  result: ExportResult;
  signalIds: string[];
  signals: number;
  outOfScope: number;
  refusal: string | null;
  supersedes: string | null;
  previewHash: string | null;
  /** Payload with placeholders for exportId and createdOn (the preview hash covers everything else). */
  draft: ExportPayload | null;
}

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
const PLACEHOLDER_DAY = '2000-01-01';

function percent(part: number, whole: number): string {
  const v = whole === 0 ? 0 : (part / whole) * 100;
  return `${v.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}

export function createReportService(
  ctx: ServiceContext,
  deps: { audit: AuditService; actor(): string; softwareVersion: string; includeFictitious(): boolean },
): ReportService {
  function loadSources(db: Db, start: string, end: string): { households: SourceHousehold[]; signals: SourceSignal[]; roles: Set<string> } {
    const fict = deps.includeFictitious() ? '' : 'AND d.fictitious = 0';
    const rows = db
      .prepare(
        `SELECT s.id, s.dossier_id, s.instantie, s.mechanism, s.effects, s.route, s.route_result, s.impact_cents, s.shortfall_cents, s.note
         FROM signals s JOIN dossiers d ON d.id = s.dossier_id
         WHERE s.recorded_on BETWEEN ? AND ? ${fict} ORDER BY s.dossier_id, s.id`,
      )
      .all(start, end) as {
      id: string;
      dossier_id: string;
      instantie: string;
      mechanism: string;
      effects: string;
      route: string;
      route_result: string;
      impact_cents: number | null;
      shortfall_cents: number | null;
      note: string;
    }[];
    const ids = [...new Set(rows.map((r) => r.dossier_id))];
    const households: SourceHousehold[] = [];
    const roles = new Set<string>();
    const dossierStmt = db.prepare('SELECT postcode, type_of_help FROM dossiers WHERE id = ?');
    const personStmt = db.prepare('SELECT kind, birth_date, living_in_household, co_parenting FROM persons WHERE dossier_id = ?');
    // The province at the quarter's end (migration 020), not the address of today: a family that moved since counts where it lived.
    const regionStmt = db.prepare('SELECT province FROM dossier_regions WHERE dossier_id = ? AND from_date <= ? ORDER BY from_date DESC LIMIT 1');
    for (const id of ids) {
      const d = dossierStmt.get(id) as { postcode: string | null; type_of_help: string };
      const region = regionStmt.get(id, end) as { province: string | null } | undefined;
      roles.add(d.type_of_help);
      const persons = personStmt.all(id) as { kind: string; birth_date: string; living_in_household: number | null; co_parenting: string | null }[];
      households.push({
        key: id,
        adults: persons.filter((p) => p.kind === 'adult').length,
        postcode: d.postcode,
        ...(region ? { province: region.province } : {}),
        // Children in the household, co-parenting included (the app's definition, as in the budget: living here or
        // this household receives the kinderbijslag).
        children: persons
          .filter((p) => p.kind === 'child')
          .map((p) => ({ birthDate: p.birth_date, livingInHousehold: p.living_in_household === 1 || p.co_parenting === 'wij_ontvangen_kinderbijslag' })),
      });
    }
    const cents = (c: number | null) => (c === null ? null : (c / 100).toFixed(2));
    const signals: SourceSignal[] = rows.map((r) => ({
      id: r.id,
      householdKey: r.dossier_id,
      instantie: r.instantie,
      mechanism: r.mechanism,
      effects: JSON.parse(r.effects) as string[],
      route: r.route,
      routeResult: r.route_result,
      impactAmount: cents(r.impact_cents),
      monthlyShortfall: cents(r.shortfall_cents),
      note: r.note,
    }));
    return { households, signals, roles };
  }

  function defaultRole(roles: Set<string>): ReporterRole {
    if (roles.size === 1 && roles.has('beschermingsbewind')) return 'bewind';
    if (roles.size === 1 && roles.has('schuldhulpverlening')) return 'schuldhulp';
    return 'other';
  }

  function build(db: Db, req: ReportRequest): Built {
    const type = periodType(req.period);
    if (!type) throw new AppError('VALIDATION', 'Kies een periode als 2026-Q3, 2026-H1 of 2026.');
    const { start, end } = periodDates(req.period);
    const { households, signals, roles } = loadSources(db, start, end);
    const collected = collectEvents(households, signals, end);
    const k = effectiveK(req.k);
    const role = req.reporterRole ?? defaultRole(roles);
    const result = buildExport(collected.events, collected.households, { k });
    const supersedes = req.supersedes ?? null;
    let refusal: string | null = null;
    let draft: ExportPayload | null = null;
    const today = isoDateOf(ctx.clock.now());
    if (end >= today) {
      refusal = `De periode ${req.period} is nog niet voorbij. Een rapport gaat pas over een afgesloten periode, zodat elk signaal in precies één rapport komt.`;
    } else if (!result.ok) {
      refusal =
        result.refusal.code === 'TOO_FEW_HOUSEHOLDS'
          ? `Te weinig huishoudens in ${req.period}: ${result.refusal.households}, minder dan ${result.refusal.k}. Exporteer per ${type === 'quarter' ? 'halfjaar of jaar' : 'jaar'}.`
          : `Te veel huishoudens passen niet veilig in de tabellen (${result.refusal.unallocated} van ${result.refusal.households}). Exporteer per ${type === 'year' ? 'jaar met minder detail' : 'halfjaar of jaar'}.`;
    } else if (type === 'quarter' && result.households < SMALL_OFFICE_HOUSEHOLDS) {
      refusal = `Te weinig huishoudens dit kwartaal (${result.households}, minder dan ${SMALL_OFFICE_HOUSEHOLDS}): exporteer per halfjaar of per jaar, dan blijft er meer detail over zonder gezinnen herkenbaar te maken.`;
    }
    if (result.ok) {
      draft = toPayload(result, {
        exportId: PLACEHOLDER_ID,
        supersedes,
        period: { type, value: req.period },
        reporterRole: role,
        softwareVersion: deps.softwareVersion,
        createdOn: PLACEHOLDER_DAY,
      });
      if (refusal === null) {
        const ledger = readLedger(db);
        // The rules hold only against a complete ledger: with its chain broken an earlier export may be
        // missing, so nothing is signed until the ledger is whole again (the safer choice).
        if (!verifyLedgerChain(ledger).intact) refusal = LEDGER_BROKEN;
        else {
          const verdict = checkLedgerRules(ledger, ledgerEntryOf({ ...draft, exportId: randomUUID() }), k);
          if (!verdict.ok) refusal = verdict.reason;
        }
      }
    }
    const previewHash = refusal === null && draft ? sha256Hex(canonicalJson(draft)) : null;
    return {
      period: req.period,
      type,
      role,
      k,
      result,
      signalIds: collected.signalIds,
      signals: collected.events.length,
      outOfScope: collected.outOfScopeHouseholds,
      refusal,
      supersedes,
      previewHash,
      draft,
    };
  }

  function toPreview(b: Built): ReportPreview {
    const ok = b.result.ok;
    const r = b.result.ok ? b.result : null;
    const households = r?.households ?? (b.result.ok ? 0 : b.result.refusal.households);
    return {
      period: b.period,
      periodType: b.type,
      ok: b.refusal === null,
      refusal: b.refusal,
      reporterRole: b.role,
      k: b.k,
      households,
      signals: b.signals,
      outOfScopeHouseholds: b.outOfScope,
      recodedHouseholds: r?.recodedHouseholds ?? 0,
      unallocatedHouseholds: r?.unallocatedHouseholds ?? 0,
      suppressedShare: percent(r?.unallocatedHouseholds ?? 0, households),
      levels: DIMENSIONS.map((d: Dimension) => ({
        dimension: d,
        name: HIERARCHIES[d].name,
        level: levelName(r?.levels[d] ?? 0),
        levelName: HIERARCHIES[d].levelNames[r?.levels[d] ?? 0]!,
      })),
      tables: ok
        ? r!.tables.map((t) => ({
            id: t.id,
            title: TABLE_TITLES[t.id],
            dims: t.dims.map((d) => HIERARCHIES[d].name),
            cells: t.cells.map((c) => ({ key: c.key, labels: c.key.map((k, i) => labelOf(t.dims[i]!, k)), households: c.households, events: c.events })),
            ...(t.rows ? { rows: t.rows.map((x) => ({ key: x.key, labels: [labelOf('category', x.key[0]!)], households: x.households })) } : {}),
          }))
        : [],
      previewHash: b.previewHash,
      supersedes: b.supersedes,
    };
  }

  type OfficeKey = { privateKey: KeyObject; keyId: string; createdAt: number; publicDer: Buffer };

  function storedOfficeKey(db: Db): OfficeKey | null {
    const row = db.prepare('SELECT key_id, public_key_der, private_key_der, created_at FROM report_keys ORDER BY created_at LIMIT 1').get() as
      | { key_id: string; public_key_der: Buffer; private_key_der: Buffer; created_at: number }
      | undefined;
    if (row) {
      return {
        privateKey: createPrivateKey({ key: Buffer.from(row.private_key_der), format: 'der', type: 'pkcs8' }),
        keyId: row.key_id,
        createdAt: row.created_at,
        publicDer: Buffer.from(row.public_key_der),
      };
    }
    return null;
  }

  /** A new office key, in memory only until storeOfficeKey(). */
  function newOfficeKey(): OfficeKey {
    const { publicKey, privateKey } = generateOfficeKey();
    return { privateKey, keyId: keyIdOf(publicKey), createdAt: ctx.clock.now(), publicDer: publicKey.export({ type: 'spki', format: 'der' }) };
  }

  /** Made on first use; kept only inside the encrypted vault database. Call inside a transaction. */
  function storeOfficeKey(db: Db, key: OfficeKey): void {
    db.prepare('INSERT INTO report_keys (key_id, public_key_der, private_key_der, created_at) VALUES (?, ?, ?, ?)').run(
      key.keyId,
      key.publicDer,
      key.privateKey.export({ type: 'pkcs8', format: 'der' }),
      key.createdAt,
    );
    deps.audit.append(deps.actor(), 'report.key_created', null, null, `Rapportsleutel ${key.keyId.slice(0, 16)}`);
  }

  /** The signed report file: a DSSE envelope over the canonical payload text, as JSON text. */
  function envelopeFile(payloadText: string, key: OfficeKey): string {
    return `${JSON.stringify(signEnvelope(PAYLOAD_TYPE, payloadText, key.privateKey), null, 2)}\n`;
  }

  function officeKey(db: Db): OfficeKey {
    const stored = storedOfficeKey(db);
    if (stored) return stored;
    const key = newOfficeKey();
    storeOfficeKey(db, key);
    return key;
  }

  return {
    preview(req) {
      const db = ctx.db();
      const b = build(db, req);
      deps.audit.append(deps.actor(), 'report.previewed', null, null, `Systeemfouten ${req.period}`);
      return toPreview(b);
    },

    async export(req, job) {
      const db = ctx.db();
      job?.progress(0, EXPORT_STEPS);
      // 1. Build and check everything read-only; sign with the office key. A first export signs with a new key
      //    held in memory: it is stored with the ledger entry (step 3), so nothing before that writes a byte.
      const signed = db.transaction(() => {
        const b = build(db, req);
        if (b.refusal !== null || !b.draft || !b.result.ok) throw new AppError('VALIDATION', b.refusal ?? 'Dit rapport kan niet worden gemaakt.');
        // O3: nothing is signed unless the caller confirmed exactly this preview.
        if (req.previewHash !== b.previewHash) {
          throw new AppError('VALIDATION', 'De gegevens zijn veranderd sinds het voorbeeld, of het voorbeeld is niet bevestigd. Bekijk het voorbeeld opnieuw.');
        }
        const payload: ExportPayload = { ...b.draft, exportId: randomUUID(), createdOn: isoDateOf(ctx.clock.now()) };
        const text = canonicalJson(payload);
        // The independent verifier re-checks the exact text that will be signed.
        const verdict = verifyPayloadText(text, { minK: b.k });
        if (!verdict.ok) {
          ctx.logger.error('report.verifier_refused', { findings: verdict.findings.map((f) => f.path) });
          throw new AppError('INTERNAL', 'De onafhankelijke controle keurt dit rapport af; er is niets ondertekend of opgeslagen.');
        }
        const rules = checkLedgerRules(readLedger(db), ledgerEntryOf(payload), b.k);
        if (!rules.ok) throw new AppError('VALIDATION', rules.reason);
        const stored = storedOfficeKey(db);
        const key = stored ?? newOfficeKey();
        return { payload, text, k: b.k, signalIds: b.signalIds, envelopeText: envelopeFile(text, key), key, newKey: stored === null };
      })();
      job?.progress(1, EXPORT_STEPS);
      // A signature that never leaves this function is no export: stopping here stores and logs nothing.
      job?.throwIfCancelled();
      // 2. Render CSV and PDF from the signed envelope before anything is recorded: a rendering failure leaves
      //    the period free instead of "reported" without files.
      const csv = renderCsv(signed.envelopeText);
      const pdf = await renderReportPdf(signed.envelopeText);
      const payloadSha256 = sha256Hex(signed.text);
      job?.progress(2, EXPORT_STEPS);
      // The last safe point: after it the key (on first use), the ledger entry and the logboek entry are written
      // in one transaction, and no cancel is looked at any more.
      job?.throwIfCancelled();
      // 3. Record it: the rules again against the ledger as it is now (another export may have run meanwhile).
      let envelopeText = signed.envelopeText;
      let keyId = signed.key.keyId;
      ctx.db().transaction(() => {
        const entry = ledgerEntryOf(signed.payload);
        const rules = checkLedgerRules(readLedger(db), entry, signed.k);
        if (!rules.ok) throw new AppError('VALIDATION', rules.reason);
        if (signed.newKey) {
          const stored = storedOfficeKey(db);
          if (stored) {
            // The key was made meanwhile (report.publicKey): sign with it, so the office has one key. The
            // CSV and PDF show the payload and its hash only, which the signature does not change.
            envelopeText = envelopeFile(signed.text, stored);
            keyId = stored.keyId;
          } else storeOfficeKey(db, signed.key);
        }
        appendLedger(db, { ...entry, signalIds: signed.signalIds, payloadSha256, keyId, createdAt: ctx.clock.now(), envelope: envelopeText });
        deps.audit.append(deps.actor(), 'report.exported', null, null, `Systeemfouten ${req.period} (${signed.payload.exportId})`);
      })();
      job?.progress(EXPORT_STEPS, EXPORT_STEPS);
      return {
        exportId: signed.payload.exportId,
        period: req.period,
        fileBase: `systeemfouten-${req.period}`,
        envelope: envelopeText,
        csv,
        pdfBase64: pdf.toString('base64'),
        payloadSha256,
        keyId,
      };
    },

    async download(exportId) {
      const db = ctx.db();
      const entry = readLedger(db).find((e) => e.exportId === exportId);
      if (!entry) throw new AppError('NOT_FOUND', 'Dit rapport staat niet in het exportlogboek.');
      // The signed envelope holds no personal data: taking it out again is not an export of a dossier.
      const pdf = await renderReportPdf(entry.envelope);
      return {
        exportId,
        period: entry.period,
        fileBase: `systeemfouten-${entry.period}`,
        envelope: entry.envelope,
        csv: renderCsv(entry.envelope),
        pdfBase64: pdf.toString('base64'),
        payloadSha256: entry.payloadSha256,
        keyId: entry.keyId,
      };
    },

    publicKey() {
      const db = ctx.db();
      const key = db.transaction(() => officeKey(db))();
      const pem = createPublicKey({ key: key.publicDer, format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' }).toString();
      deps.audit.append(deps.actor(), 'report.public_key_exported', null, null, `Rapportsleutel ${key.keyId.slice(0, 16)}`);
      return { keyId: key.keyId, publicKeyPem: pem, createdAt: key.createdAt };
    },

    ledger() {
      const entries = readLedger(ctx.db());
      return {
        intact: verifyLedgerChain(entries).intact,
        entries: entries.map((e) => ({
          seq: e.seq,
          exportId: e.exportId,
          period: e.period,
          supersedes: e.supersedes,
          signals: e.signalIds.length,
          payloadSha256: e.payloadSha256,
          keyId: e.keyId,
          createdAt: e.createdAt,
        })),
      };
    },
  };
}
