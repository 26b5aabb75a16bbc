// The association side (vereniging): check each received office file on its own (envelope, registered and
// unrevoked key, signature, canonical JSON, version, the independent verifier), then the ledger rules across
// the accepted files per office, and only then add them up. A rejected file contributes nothing; every
// rejection carries its reason in Dutch.
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import { dashboardCharts, mergePayloads, publish, publishedCsv, publishedJsonStat, type AcceptedFile, type MergedFile, type PublishedFile } from '../../shared/systeemfouten/association';
import type { z } from 'zod';
import type { associationMergeOut } from '../../shared/contract/reports';
import { PAYLOAD_TYPE, type ExportPayload } from '../../shared/systeemfouten/export';
import { HIERARCHIES } from '../../shared/systeemfouten/hierarchy';
import { checkLedgerRules, ledgerEntryOf, type LedgerEntry } from '../../shared/systeemfouten/ledger-rules';
import { verifyPayloadText } from '../../shared/systeemfouten-verifier/verify';
import { renderPdf } from '../budget/plan-pdf/pdfmake';
import { canonicalJson, keyIdOf, verifyEnvelope, type DsseEnvelope } from './dsse';

export const REGISTER_FORMAT = 'houvast.vereniging.sleutelregister' as const;

export interface RegisteredKey {
  keyId: string;
  /** The office's name: known only to the association, stripped before anything is added up. */
  office: string;
  publicKeyPem: string;
  revoked: boolean;
}
export interface KeyRegister {
  format: typeof REGISTER_FORMAT;
  version: 1;
  keys: RegisteredKey[];
}

/**
 * The office a key belongs to, for the ledger rules and the office count of the publication rule: an office
 * with a second registered key (a new laptop, a rotation) is still one office, so it cannot report a period
 * twice nor count as two of the three offices a published cell needs. Names compare without case or spacing.
 */
export function officeIdentity(office: string): string {
  return office.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl-NL');
}

export function parseRegister(text: string): { register: KeyRegister; keys: Map<string, { entry: RegisteredKey; key: KeyObject }> } {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new Error('Het sleutelregister is geen geldige JSON.');
  }
  const reg = doc as Partial<KeyRegister>;
  if (reg.format !== REGISTER_FORMAT || reg.version !== 1 || !Array.isArray(reg.keys)) {
    throw new Error(`Dit is geen sleutelregister (verwacht format "${REGISTER_FORMAT}", versie 1).`);
  }
  const keys = new Map<string, { entry: RegisteredKey; key: KeyObject }>();
  for (const entry of reg.keys) {
    let key: KeyObject;
    try {
      key = createPublicKey(entry.publicKeyPem);
    } catch {
      throw new Error(`Sleutel ${String(entry.keyId).slice(0, 16)} in het register is geen geldige publieke sleutel.`);
    }
    if (key.asymmetricKeyType !== 'ed25519' || keyIdOf(key) !== entry.keyId) {
      throw new Error(`Sleutel ${String(entry.keyId).slice(0, 16)} in het register klopt niet met haar sleutel-id.`);
    }
    keys.set(entry.keyId, { entry: { ...entry, revoked: entry.revoked === true }, key });
  }
  return { register: reg as KeyRegister, keys };
}

export type FileVerdict =
  | { ok: true; keyId: string; office: string; payload: ExportPayload }
  | { ok: false; reason: string };

/** Check one received file on its own. */
export function verifyReceivedFile(text: string, keys: ReturnType<typeof parseRegister>['keys']): FileVerdict {
  let env: DsseEnvelope;
  try {
    env = JSON.parse(text.replace(/^\uFEFF/, '')) as DsseEnvelope;
  } catch {
    return { ok: false, reason: 'Het bestand is geen geldige JSON.' };
  }
  if (
    typeof env !== 'object' ||
    env === null ||
    typeof env.payloadType !== 'string' ||
    typeof env.payload !== 'string' ||
    !Array.isArray(env.signatures) ||
    env.signatures.length !== 1 ||
    typeof env.signatures[0]?.keyid !== 'string' ||
    typeof env.signatures[0]?.sig !== 'string' ||
    Object.keys(env).some((k) => !['payloadType', 'payload', 'signatures'].includes(k))
  ) {
    return { ok: false, reason: 'Het bestand is geen ondertekend systeemfouten-rapport (DSSE-envelop met één handtekening).' };
  }
  if (env.payloadType !== PAYLOAD_TYPE) return { ok: false, reason: `Onbekend soort inhoud (${env.payloadType.slice(0, 80)}); verwacht een systeemfouten-rapport versie 1.` };
  const keyid = env.signatures[0]!.keyid;
  const registered = keys.get(keyid);
  if (!registered) return { ok: false, reason: 'Ondertekend met een sleutel die niet in het sleutelregister staat.' };
  if (registered.entry.revoked) return { ok: false, reason: 'Ondertekend met een ingetrokken sleutel.' };
  if (!verifyEnvelope(env, PAYLOAD_TYPE, registered.key)) {
    return { ok: false, reason: 'De handtekening klopt niet: het bestand is na ondertekening gewijzigd.' };
  }
  const payloadText = Buffer.from(env.payload, 'base64').toString('utf8');
  let payload: ExportPayload;
  try {
    payload = JSON.parse(payloadText) as ExportPayload;
  } catch {
    return { ok: false, reason: 'De ondertekende inhoud is geen geldige JSON.' };
  }
  const version = typeof payload?.schemaVersion === 'string' ? /^(\d+)\./.exec(payload.schemaVersion) : null;
  if (version && Number(version[1]) > 1) {
    return { ok: false, reason: `Het rapport heeft een nieuwere schemaversie (${payload.schemaVersion}) dan deze Houvast kent; werk Houvast bij.` };
  }
  if (canonicalJson(payload) !== payloadText) return { ok: false, reason: 'De ondertekende inhoud is geen canonieke JSON (RFC 8785).' };
  const verdict = verifyPayloadText(payloadText);
  if (!verdict.ok) {
    const f = verdict.findings[0]!;
    return { ok: false, reason: `De inhoud voldoet niet aan de regels (${f.path}: ${f.message})${verdict.findings.length > 1 ? ` en ${verdict.findings.length - 1} andere` : ''}.` };
  }
  return { ok: true, keyId: keyid, office: registered.entry.office, payload };
}

export interface MergeOutcome {
  merged: MergedFile | null;
  /** Per calendar quarter, the same publication rules applied to the files of that quarter alone. */
  quarters: { period: string; merged: MergedFile }[];
  /** Accepted files of a half-year or a year (small offices): they count in the year, not in a quarter. */
  coarserPeriods: string[];
  accepted: { name: string; period: string }[];
  rejected: { name: string; reason: string }[];
}

/**
 * Processing order (indices) in which every correction comes after the report it supersedes, otherwise as given:
 * a correction picked before its original would be refused and the replaced figures counted (R4). `null` for an
 * item whose export id is not known (it keeps its place among the originals).
 */
export function supersedeOrder(links: readonly ({ exportId: string; supersedes: string | null } | null)[]): number[] {
  const byId = new Map<string, { exportId: string; supersedes: string | null }>();
  for (const l of links) if (l && !byId.has(l.exportId)) byId.set(l.exportId, l);
  const depth = (l: { exportId: string; supersedes: string | null } | null): number => {
    const seen = new Set<string>();
    let n = 0;
    for (let x = l; x && x.supersedes !== null && !seen.has(x.exportId); ) {
      seen.add(x.exportId);
      x = byId.get(x.supersedes) ?? null;
      if (!x) break;
      n++;
    }
    return n;
  };
  return links
    .map((l, i) => ({ i, d: depth(l) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.i);
}

/** The export id and the report it supersedes, read without any check (only to order a batch). */
export function supersedeLinkOf(text: string): { exportId: string; supersedes: string | null } | null {
  try {
    const env = JSON.parse(text.replace(/^\uFEFF/, '')) as { payload?: unknown };
    if (typeof env?.payload !== 'string') return null;
    const p = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as { exportId?: unknown; supersedes?: unknown };
    if (typeof p?.exportId !== 'string') return null;
    return { exportId: p.exportId, supersedes: typeof p.supersedes === 'string' ? p.supersedes : null };
  } catch {
    return null;
  }
}

/** Verify every file, apply the ledger rules per office across the files, and add up what was accepted. */
export function mergeReceivedFiles(files: readonly { name: string; text: string }[], registerText: string): MergeOutcome {
  const { keys } = parseRegister(registerText);
  const rejected: MergeOutcome['rejected'] = [];
  const okFiles: { name: string; office: string; payload: ExportPayload }[] = [];
  for (const f of files) {
    const v = verifyReceivedFile(f.text, keys);
    if (!v.ok) rejected.push({ name: f.name, reason: v.reason });
    else okFiles.push({ name: f.name, office: officeIdentity(v.office), payload: v.payload });
  }
  // One calendar year per merge (publication is per year only).
  const years = [...new Set(okFiles.map((f) => f.payload.period.value.slice(0, 4)))].sort();
  const year = years[0] ?? null;
  const histories = new Map<string, LedgerEntry[]>();
  const current = new Map<string, { name: string; office: string; payload: ExportPayload }>();
  for (const f of supersedeOrder(okFiles.map((x) => x.payload)).map((i) => okFiles[i]!)) {
    if (f.payload.period.value.slice(0, 4) !== year) {
      rejected.push({ name: f.name, reason: `Dit rapport gaat over ${f.payload.period.value.slice(0, 4)}; voeg de rapporten per kalenderjaar samen (${year}).` });
      continue;
    }
    const history = histories.get(f.office) ?? [];
    const entry = ledgerEntryOf(f.payload);
    const verdict = checkLedgerRules(history, entry, f.payload.privacy.k);
    if (!verdict.ok) {
      rejected.push({ name: f.name, reason: verdict.reason });
      continue;
    }
    history.push(entry);
    histories.set(f.office, history);
    if (verdict.replaces) current.delete(verdict.replaces);
    current.set(f.payload.exportId, f);
  }
  // Strip the office identity: from here on an office is only a number for this merge.
  const officeIndex = new Map<string, number>();
  const accepted: AcceptedFile[] = [...current.values()].map((f) => {
    if (!officeIndex.has(f.office)) officeIndex.set(f.office, officeIndex.size);
    return { office: officeIndex.get(f.office)!, payload: f.payload };
  });
  // By quarter: each quarter is merged and published on its own (never derived from the year's figures).
  const byQuarter = new Map<string, AcceptedFile[]>();
  const coarser = new Set<string>();
  for (const a of accepted) {
    if (a.payload.period.type === 'quarter') byQuarter.set(a.payload.period.value, [...(byQuarter.get(a.payload.period.value) ?? []), a]);
    else coarser.add(a.payload.period.value);
  }
  return {
    merged: year !== null && accepted.length > 0 ? mergePayloads(accepted, year) : null,
    quarters: [...byQuarter.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, files]) => ({ period, merged: mergePayloads(files, year!) })),
    coarserPeriods: [...coarser].sort(),
    accepted: [...current.values()].map((f) => ({ name: f.name, period: f.payload.period.value })),
    rejected,
  };
}

export async function renderPublishedPdf(p: PublishedFile): Promise<Buffer> {
  const content: TDocumentDefinitions['content'] = [
    { text: `Systeemfouten ${p.year}: landelijke cijfers`, style: 'h1' },
    { text: `Perioden: ${p.periods.join(', ')}. ${p.rules}`, margin: [0, 0, 0, 8] },
  ];
  for (const t of p.tables) {
    const body: TableCell[][] = [[...t.dims.map((d) => ({ text: HIERARCHIES[d].name, bold: true })), { text: 'Huishoudens', bold: true }, { text: 'Signalen', bold: true }]];
    for (const c of t.cells) body.push([...c.labels, String(c.households), String(c.events)]);
    content.push({ text: `${t.id}: ${t.title}`, style: 'h2' });
    if (t.cells.length === 0) content.push({ text: 'Geen cellen die aan de publicatieregels voldoen.', italics: true });
    else content.push({ table: { headerRows: 1, widths: [...t.dims.map(() => '*'), 'auto', 'auto'], body }, fontSize: 8 });
  }
  return renderPdf({
    info: { title: `Systeemfouten ${p.year}`, author: '', subject: '', keywords: '', creator: 'Houvast', producer: 'Houvast' },
    content,
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: { h1: { fontSize: 14, bold: true, margin: [0, 0, 0, 6] }, h2: { fontSize: 10, bold: true, margin: [0, 6, 0, 3] } },
  });
}

export type MergeResult = z.output<typeof associationMergeOut>;

/** Steps of a merge of picked files as a job: files checked, publication rendered. */
export const MERGE_STEPS = 2;

/**
 * What the association screen and CLI get: the verdicts, the published tables (only cells that pass the
 * publication rules, rounded), the same per quarter (T0 by mechanism, each quarter published on its own), and
 * the CSV, JSON-stat and PDF made from the published tables only.
 */
export async function mergeResult(outcome: MergeOutcome): Promise<MergeResult> {
  if (!outcome.merged) return { accepted: outcome.accepted, rejected: outcome.rejected, published: null, csv: null, jsonStat: null, pdfBase64: null };
  const published = publish(outcome.merged);
  const pdf = await renderPublishedPdf(published);
  const quarters = outcome.quarters.map((q) => {
    const t0 = publish(q.merged).tables.find((t) => t.id === 'T0')!;
    return {
      period: q.period,
      offices: q.merged.offices,
      // The quarter's bar: the sum of its published (rounded) T0 cells, never the unpublished total.
      households: t0.cells.reduce((n, c) => n + c.households, 0),
      cells: t0.cells.map((c) => ({ key: c.key, labels: c.labels, households: c.households, events: c.events })),
    };
  });
  return {
    accepted: outcome.accepted,
    rejected: outcome.rejected,
    published: {
      ...published,
      offices: outcome.merged.offices,
      tables: published.tables.map((t) => ({ ...t, dims: t.dims.map((d) => HIERARCHIES[d].name) })),
      quarters,
      coarserPeriods: outcome.coarserPeriods,
      charts: dashboardCharts(published),
    },
    csv: publishedCsv(published),
    jsonStat: `${JSON.stringify(publishedJsonStat(published), null, 2)}\n`,
    pdfBase64: pdf.toString('base64'),
  };
}
