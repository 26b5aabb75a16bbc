// C1 canaries in every source field, and a byte scan of everything that leaves the office: the DSSE envelope,
// the decoded payload, the CSV, the PDF (extracted text, Info dictionary, XMP and raw bytes), the file names
// and the logs. C2: each channel's scan is shown to have teeth by disabling one mapping / redaction step at a
// time (on the pure pipeline and the renderers, without any switch in shipped code): C1 then fails.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/core/logger';
import { renderPdf } from '../../../src/core/budget/plan-pdf/pdfmake';
import { canonicalJson, generateOfficeKey, signEnvelope } from '../../../src/core/systeemfouten/dsse';
import { renderCsv, renderReportPdf } from '../../../src/core/systeemfouten/render';
import { signalDataSchema } from '../../../src/shared/signals/schema';
import { DEFAULT_MAPPERS, collectEvents, type SourceHousehold, type SourceSignal } from '../../../src/shared/systeemfouten/collect';
import { PAYLOAD_TYPE, buildExport, toPayload, type ExportPayload } from '../../../src/shared/systeemfouten/export';
import { verifyPayloadText } from '../../../src/shared/systeemfouten-verifier/verify';
import { isValidBsn } from '../../../src/shared/validation/bsn';
import { extractPdf } from '../budget-pdf/helpers';
import { parsed, household } from '../services/helpers';
import { DAY, makeReportRig, type ReportRig } from './helpers';
import { Q1_META } from '../../support/systeemfouten';

function bsns(n: number): string[] {
  const out: string[] = [];
  for (let x = 100_000_002; out.length < n; x += 7) if (isValidBsn(String(x))) out.push(String(x));
  return out;
}

function nlIban(bank: string, account: string): string {
  const numeric = `${bank}${account}NL00`.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let rem = 0;
  for (const d of numeric) rem = (rem * 10 + Number(d)) % 97;
  return `NL${String(98 - rem).padStart(2, '0')}${bank}${account}`;
}

interface Canary {
  value: string;
  /** Add the digits-only variant (numbers long enough not to occur by chance). */
  digits?: boolean;
}

const N = 60;
const BSNS = bsns(N);

/** Canaries for household i, and the dossier that carries them in every field. */
function canaryHousehold(i: number) {
  const bsn = BSNS[i]!;
  const day = String(10 + (i % 18)).padStart(2, '0');
  const iban = nlIban('KNRB', String(4_000_000_000 + i * 7919).padStart(10, '0'));
  const pc = `${String(3511 + (i % 5) * 1000)} K${String.fromCharCode(65 + (i % 20))}`;
  const canaries: Canary[] = [
    { value: `Zoë-Kanarie${i}` },
    { value: `van 't Kanariehof${i}` },
    { value: `Çağlar Kanarievogel${i}` },
    { value: bsn, digits: true },
    { value: `${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}` },
    { value: `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}` },
    { value: `${bsn}H${String(60 + (i % 30))}01`, digits: true },
    { value: iban, digits: true },
    { value: iban.replace(/(.{4})(?=.)/g, '$1 ') },
    { value: pc },
    { value: pc.replace(' ', '') },
    { value: pc.toLowerCase() },
    { value: `06-${String(20_000_000 + i * 13)}`, digits: true },
    { value: `+31 6 ${String(30_000_000 + i * 17)}` },
    { value: `010-${String(4_000_000 + i * 11)}`, digits: true },
    { value: `kanarie${i}@voorbeeld.example` },
    { value: `1987-03-${day}`, digits: true },
    { value: `${day}-03-1987`, digits: true },
    { value: `${day} maart 1987` },
    { value: `${String(10 + (i % 80))}-KNR-${i % 10}` },
    { value: `KN-${String(100 + i)}-R` },
    { value: `KAN-${i}-9971` },
    { value: `Kanariedorp${i}` },
    { value: `Kanariestraat ${i + 1}` },
    { value: `Incassobureau Kanarie${i} BV` },
    { value: `Mr. Kanarie Prof${i}` },
    { value: `Notitie-kanarie-${i}` },
  ];
  const data = household({
    number: `KAN-${i}-9971`,
    professional: `Mr. Kanarie Prof${i}`,
    adults: [{ role: 'aanvrager', firstName: `Zoë-Kanarie${i}`, lastName: `van 't Kanariehof${i}`, birthDate: `1987-03-${day}`, bsn }],
    children: [{ firstName: `Çağlar Kanarievogel${i}`, lastName: `van 't Kanariehof${i}`, birthDate: '2016-05-05', livingInHousehold: true }],
    address: { street: 'Kanariestraat', houseNumber: String(i + 1), postcode: pc, city: `Kanariedorp${i}` },
    contact: { phone: `06-${String(20_000_000 + i * 13)}`, email: `kanarie${i}@voorbeeld.example` },
    bankAccounts: [{ iban, holder: `Zoë-Kanarie${i}`, description: `+31 6 ${String(30_000_000 + i * 17)}` }],
    incomes: [{ description: `010-${String(4_000_000 + i * 11)}`, category: 'loon', amount: '1834.5', frequency: 'maand' }],
    expenses: [{ description: `${String(10 + (i % 80))}-KNR-${i % 10}`, category: 'huur', amount: '712.35', frequency: 'maand' }],
    debts: [
      { creditor: `Incassobureau Kanarie${i} BV`, collector: `KN-${String(100 + i)}-R`, reference: `${bsn}H${String(60 + (i % 30))}01`, originalAmount: '1200', currentAmount: '980.10', kind: 'concurrent', status: 'open' },
    ],
    notes: [{ text: `Notitie-kanarie-${i}: ${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}, ${day}-03-1987, ${day} maart 1987, ${pc.toLowerCase()}` }],
  });
  const signalNote = `other: Incassobureau Kanarie${i} BV; ${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}; ${iban.replace(/(.{4})(?=.)/g, '$1 ')}; KN-${String(100 + i)}-R`;
  return { canaries, data, signalNote };
}

function variants(c: Canary): string[] {
  const base = [c.value, c.value.toLowerCase(), c.value.replace(/\s+/g, ''), c.value.replace(/\s+/g, '').toLowerCase()];
  if (c.digits) base.push(c.value.replace(/\D/g, ''));
  const all = new Set(base.filter((v) => v.length >= 6));
  for (const v of [...all]) all.add(Buffer.from(v).toString('base64').replace(/=+$/, ''));
  return [...all];
}

interface Artifacts {
  envelope: string;
  payload: string;
  csv: string;
  pdfText: string;
  pdfInfo: string;
  pdfBytes: string;
  fileNames: string;
  logs: string;
}

function scan(a: Artifacts, canaries: Canary[]): string[] {
  const hits: string[] = [];
  for (const c of canaries) {
    for (const v of variants(c)) {
      for (const [where, text] of Object.entries(a)) {
        if (text.toLowerCase().includes(v.toLowerCase())) hits.push(`${where}: ${c.value} (${v})`);
      }
    }
  }
  return hits;
}

async function artifactsOf(envelope: string, csv: string, pdf: Buffer, fileNames: string[], logs: string[]): Promise<Artifacts> {
  const extracted = await extractPdf(pdf);
  return {
    envelope,
    payload: Buffer.from(JSON.parse(envelope).payload, 'base64').toString('utf8'),
    csv,
    pdfText: extracted.text,
    pdfInfo: `${JSON.stringify(extracted.info)}\n${extracted.metadata ?? ''}`,
    pdfBytes: pdf.toString('latin1'),
    fileNames: fileNames.join('\n'),
    logs: logs.join('\n'),
  };
}

let rig: ReportRig;
let logs: string[];
const all: Canary[] = [];
beforeEach(() => {
  logs = [];
  rig = makeReportRig({ logger: createLogger((l) => logs.push(l)) });
  for (let i = 0; i < N; i++) {
    const h = canaryHousehold(i);
    if (all.length < N * h.canaries.length) all.push(...h.canaries);
    const d = rig.dossiers.create(parsed(h.data));
    rig.signals.create(d.id, signalDataSchema.parse({ instantie: 'deurwaarder', mechanism: 'M3.2', effects: ['stress'], impactAmount: '1234.56', monthlyShortfall: '87.65', note: h.signalNote }));
  }
  rig.clock.advance(20 * DAY);
});
afterEach(() => rig.close());

describe('C1 canaries', () => {
  it('every canary is really in the vault (the test plants what it scans for)', () => {
    const d = rig.dossiers.list({ query: 'KAN-7-9971' });
    expect(d).toHaveLength(1);
    expect(JSON.stringify(rig.dossiers.read(d[0]!.id))).toContain('Kanariehof7');
    expect(rig.signals.list({ dossierId: d[0]!.id })[0]!.note).toContain('Incassobureau Kanarie7 BV');
  });

  it('nothing of them leaves the office: envelope, payload, CSV, PDF text, metadata and bytes, file names, logs', async () => {
    const preview = rig.reports.preview({ period: '2026-Q1' });
    expect(preview.refusal).toBeNull();
    const r = await rig.reports.export({ period: '2026-Q1', previewHash: preview.previewHash! });
    const pdf = Buffer.from(r.pdfBase64, 'base64');
    const a = await artifactsOf(r.envelope, r.csv, pdf, [`${r.fileBase}.json`, `${r.fileBase}.csv`, `${r.fileBase}.pdf`], logs);
    // Sanity: the artifacts are real (the scan would see a leak).
    expect(a.payload).toContain('"M3.2"');
    expect(a.csv).toContain('Deurwaarder of incassobureau');
    expect(a.pdfText).toContain('Systeemfouten-rapport 2026-Q1');
    // The amounts left only as bands, the exact figures never.
    for (const exact of ['1234.56', '1234,56', '123456', '87.65', '87,65']) expect(`${a.payload}${a.csv}${a.pdfText}`).not.toContain(exact);
    // Neutral PDF metadata, set explicitly: nothing names the office, a person or the machine.
    const { info } = await extractPdf(pdf);
    expect(info).toMatchObject({ Title: 'Systeemfouten-rapport', Creator: 'Houvast', Producer: 'Houvast' });
    for (const field of ['Author', 'Subject', 'Keywords']) expect(info[field] ?? '', field).toBe('');
    // The preview the professional sees holds no personal data either.
    const previewText = JSON.stringify(preview);
    expect(scan({ ...a, envelope: previewText }, all)).toEqual([]);
    expect(scan(a, all)).toEqual([]);
  });
});

describe('C2 mutation: with one step switched off, C1 fails', () => {
  function sources(): { households: SourceHousehold[]; signals: SourceSignal[] } {
    const households: SourceHousehold[] = [];
    const signals: SourceSignal[] = [];
    for (let i = 0; i < N; i++) {
      const h = canaryHousehold(i);
      const d = parsed(h.data);
      households.push({ key: `h${i}`, adults: d.adults.length, postcode: d.address!.postcode, children: d.children });
      signals.push({ id: `s${i}`, householdKey: `h${i}`, instantie: 'deurwaarder', mechanism: 'M3.2', effects: ['stress'], route: 'geen', routeResult: 'nvt', impactAmount: '1234.56', monthlyShortfall: '87.65', note: h.signalNote });
    }
    return { households, signals };
  }
  const META = Q1_META;
  const key = generateOfficeKey().privateKey;

  /**
   * The export as the service runs it (collect, build, payload, sign, then the real CSV and PDF renderers from
   * the envelope), with one step replaceable: the mappers, the payload after the code check (`mutate`), the
   * file name, the PDF metadata (then a one-line PDF carries it) or the log lines.
   */
  async function runPipeline(opts: {
    mappers?: typeof DEFAULT_MAPPERS;
    extra?: Record<string, unknown>;
    mutate?: (p: ExportPayload, src: ReturnType<typeof sources>) => ExportPayload;
    fileBase?: string;
    pdfAuthor?: string;
    log?: (s: SourceSignal) => string;
  }) {
    const src = sources();
    const { households, signals } = src;
    const c = collectEvents(households, signals, '2026-03-31', opts.mappers ?? DEFAULT_MAPPERS);
    const r = buildExport(c.events, c.households);
    if (!r.ok) throw new Error('refused');
    const built = toPayload(r, META);
    const payloadText = canonicalJson({ ...(opts.mutate ? opts.mutate(built, src) : built), ...(opts.extra ?? {}) });
    const envelope = JSON.stringify(signEnvelope(PAYLOAD_TYPE, payloadText, key));
    const csv = renderCsv(envelope);
    const pdf =
      opts.pdfAuthor === undefined
        ? await renderReportPdf(envelope)
        : await renderPdf({ info: { title: 'Systeemfouten-rapport', author: opts.pdfAuthor, creator: 'Houvast', producer: 'Houvast' }, content: ['Systeemfouten-rapport'] });
    const logLines = opts.log ? signals.map(opts.log) : [];
    const base = opts.fileBase ?? 'systeemfouten-2026-Q1';
    return { artifacts: await artifactsOf(envelope, csv, pdf, [`${base}.json`], logLines), payloadText };
  }

  it('baseline: the unmutated pipeline, with the real CSV and PDF renderers, gives zero hits', async () => {
    const { artifacts } = await runPipeline({});
    expect(artifacts.pdfText).toContain('T2: Mechanisme naar regio');
    expect(scan(artifacts, all)).toEqual([]);
  });

  it('postcode kept instead of the province and the creditor\'s text instead of the instantie code (mapping and code check both off): the scans of payload, CSV and PDF text each find them', async () => {
    const { artifacts, payloadText } = await runPipeline({
      mutate: (p, src) => ({
        ...p,
        tables: p.tables.map((t) => ({
          ...t,
          cells: t.cells.map((c, n) => ({
            ...c,
            key: c.key.map((k, i) => (t.dims[i] === 'region' ? src.households[n]!.postcode! : t.dims[i] === 'organisation' ? src.signals[n]!.note! : k)),
          })),
        })),
      }),
    });
    const hits = scan(artifacts, all);
    for (const channel of ['payload', 'csv', 'pdfText']) expect(hits.some((h) => h.startsWith(`${channel}:`)), channel).toBe(true);
    expect(hits.some((h) => h.includes('Incassobureau Kanarie0 BV'))).toBe(true);
    expect(verifyPayloadText(payloadText).ok).toBe(false);
  });

  it('"other: ..." organisation text passed through instead of mapped to a code: the export breaks (C1 fails)', async () => {
    await expect(runPipeline({ mappers: { ...DEFAULT_MAPPERS, organisation: (s) => s.note } })).rejects.toThrow(/Onbekende code/);
  });

  it('postcode instead of province: the export breaks (C1 fails)', async () => {
    await expect(runPipeline({ mappers: { ...DEFAULT_MAPPERS, region: (h) => h.postcode ?? '' } })).rejects.toThrow(/Onbekende code/);
  });

  it('free text copied into the payload: the byte scan finds it, and the verifier refuses the payload', async () => {
    const { artifacts, payloadText } = await runPipeline({ extra: { note: sources().signals.map((s) => s.note).join('|') } });
    const hits = scan(artifacts, all);
    expect(hits.some((h) => h.startsWith('payload:'))).toBe(true);
    expect(hits.some((h) => h.startsWith('csv:'))).toBe(false); // the CSV renders known fields only
    expect(verifyPayloadText(payloadText).ok).toBe(false);
  });

  it('a dossier number in the file name, a name in the PDF metadata, a note in the logs: each is found', async () => {
    expect(scan((await runPipeline({ fileBase: 'systeemfouten-KAN-3-9971' })).artifacts, all).some((h) => h.startsWith('fileNames:'))).toBe(true);
    expect(scan((await runPipeline({ pdfAuthor: 'Mr. Kanarie Prof3' })).artifacts, all).some((h) => h.startsWith('pdfInfo:'))).toBe(true);
    expect(scan((await runPipeline({ log: (s) => JSON.stringify({ event: 'export', note: s.note }) })).artifacts, all).some((h) => h.startsWith('logs:'))).toBe(true);
  });
});
