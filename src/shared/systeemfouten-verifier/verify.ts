// The independent verifier (SYSTEEMFOUTEN.md V1): a second implementation, sharing no code with the exporter,
// that re-checks the SERIALISED payload (the exact text that is signed) before signing at the office and again
// at the association: the strict schema (no extra fields, codes only), "0 or >= k" for every count, one level
// per dimension across all tables, the T6 group-disclosure rule and a Fréchet bounds audit between tables.
// It imports nothing outside this folder (tests/static/verifier-independence.test.ts proves it).
import { CATEGORY_GROUP_BUCKETS, EXPECTED_TABLES, LEVEL_CODES, VERIFIER_HIERARCHY_VERSION } from './codes';

export interface VerifierFinding {
  /** Where in the payload ("tables[2].cells[5].households"). */
  path: string;
  /** Dutch reason. */
  message: string;
}

export interface VerifierResult {
  ok: boolean;
  findings: VerifierFinding[];
}

const MIN_K = 10;
const MAX_COUNT = 10_000_000;
const MAX_EVENTS_PER_HOUSEHOLD = 3;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const VERSION = /^\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const PERIOD: Record<string, RegExp> = { quarter: /^20\d\d-Q[1-4]$/, halfyear: /^20\d\d-H[12]$/, year: /^20\d\d$/ };
const ROLES = ['bewind', 'schuldhulp', 'other'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT;

export function verifyPayloadText(text: string, options: { minK?: number } = {}): VerifierResult {
  const findings: VerifierFinding[] = [];
  const bad = (path: string, message: string) => findings.push({ path, message });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, findings: [{ path: '(bestand)', message: 'De inhoud is geen geldige JSON.' }] };
  }
  if (!isObj(doc)) return { ok: false, findings: [{ path: '(bestand)', message: 'De inhoud is geen JSON-object.' }] };

  const exactKeys = (o: Obj, path: string, keys: string[]) => {
    for (const key of Object.keys(o)) if (!keys.includes(key)) bad(`${path}${key}`, 'Dit veld hoort niet in het rapport.');
    for (const key of keys) if (!(key in o)) bad(`${path}${key}`, 'Dit veld ontbreekt.');
  };

  exactKeys(doc, '', ['schema', 'schemaVersion', 'hierarchyVersion', 'exportId', 'supersedes', 'period', 'reporterRole', 'privacy', 'tables', 'software', 'createdOn']);
  if (doc.schema !== 'urn:houvast-vereniging:systeemfouten-export') bad('schema', 'Onbekend schema.');
  if (doc.schemaVersion !== '1.0.0') bad('schemaVersion', 'Onbekende schemaversie.');
  if (doc.hierarchyVersion !== VERIFIER_HIERARCHY_VERSION) bad('hierarchyVersion', 'Onbekende versie van de indelingen.');
  if (typeof doc.exportId !== 'string' || !UUID_V4.test(doc.exportId)) bad('exportId', 'Geen geldige export-id.');
  if (!(doc.supersedes === null || (typeof doc.supersedes === 'string' && UUID_V4.test(doc.supersedes)))) bad('supersedes', 'Geen geldige export-id.');
  if (typeof doc.createdOn !== 'string' || !DAY.test(doc.createdOn)) bad('createdOn', 'Geen geldige datum.');
  if (typeof doc.reporterRole !== 'string' || !ROLES.includes(doc.reporterRole)) bad('reporterRole', 'Onbekende rol van de melder.');

  const period = doc.period;
  if (!isObj(period)) bad('period', 'De periode ontbreekt.');
  else {
    exactKeys(period, 'period.', ['type', 'value']);
    const re = typeof period.type === 'string' ? PERIOD[period.type] : undefined;
    if (!re) bad('period.type', 'Onbekend soort periode.');
    else if (typeof period.value !== 'string' || !re.test(period.value)) bad('period.value', 'De periode past niet bij haar soort.');
  }

  const software = doc.software;
  if (!isObj(software)) bad('software', 'Het veld software ontbreekt.');
  else {
    exactKeys(software, 'software.', ['name', 'version']);
    if (software.name !== 'houvast') bad('software.name', 'Onbekende software.');
    if (typeof software.version !== 'string' || !VERSION.test(software.version)) bad('software.version', 'Geen geldig versienummer.');
  }

  // Privacy block: k, declared levels.
  const privacy = doc.privacy;
  let k = MIN_K;
  const declared: Record<string, number> = {};
  if (!isObj(privacy)) bad('privacy', 'Het privacyblok ontbreekt.');
  else {
    exactKeys(privacy, 'privacy.', ['unit', 'k', 'rule', 'levels', 'recodedHouseholds', 'unallocatedHouseholds']);
    if (privacy.unit !== 'household') bad('privacy.unit', 'De eenheid moet huishoudens zijn.');
    if (privacy.rule !== '0-or->=k, global recoding, no blanks') bad('privacy.rule', 'Onbekende privacyregel.');
    const minK = Math.max(MIN_K, options.minK ?? MIN_K);
    if (typeof privacy.k !== 'number' || !Number.isInteger(privacy.k) || privacy.k < minK || privacy.k > 1000) {
      bad('privacy.k', `k moet een geheel getal van minstens ${minK} zijn.`);
    } else k = privacy.k;
    if (!isCount(privacy.recodedHouseholds)) bad('privacy.recodedHouseholds', 'Geen geldig aantal.');
    if (!isCount(privacy.unallocatedHouseholds)) bad('privacy.unallocatedHouseholds', 'Geen geldig aantal.');
    if (!isObj(privacy.levels)) bad('privacy.levels', 'De niveaus ontbreken.');
    else {
      exactKeys(privacy.levels, 'privacy.levels.', Object.keys(LEVEL_CODES));
      for (const [dim, levels] of Object.entries(LEVEL_CODES)) {
        const v = privacy.levels[dim];
        const m = typeof v === 'string' ? /^L(\d)$/.exec(v) : null;
        if (!m || Number(m[1]) >= levels.length) bad(`privacy.levels.${dim}`, 'Onbekend niveau.');
        else declared[dim] = Number(m[1]);
      }
    }
  }

  // Tables: exactly the agreed set, in order.
  const seenValues: Record<string, Set<string>> = Object.fromEntries(Object.keys(LEVEL_CODES).map((d) => [d, new Set<string>()]));
  const rowsOf = new Map<string, Map<string, { cells: number[]; total: number | null }>>();
  const tables = doc.tables;
  if (!Array.isArray(tables) || tables.length !== EXPECTED_TABLES.length) {
    bad('tables', `Het rapport moet precies ${EXPECTED_TABLES.length} tabellen hebben.`);
  } else {
    tables.forEach((table: unknown, ti: number) => {
      const [id, dims] = EXPECTED_TABLES[ti]!;
      const tp = `tables[${ti}]`;
      if (!isObj(table)) return bad(tp, 'Geen geldige tabel.');
      exactKeys(table, `${tp}.`, id === 'T6' ? ['id', 'dims', 'cells', 'rows'] : ['id', 'dims', 'cells']);
      if (table.id !== id) bad(`${tp}.id`, `Verwacht tabel ${id}.`);
      if (!Array.isArray(table.dims) || table.dims.length !== dims.length || table.dims.some((d, i) => d !== dims[i])) {
        bad(`${tp}.dims`, `Tabel ${id} heeft de afmetingen ${dims.join(' × ')}.`);
      }
      if (!Array.isArray(table.cells)) return bad(`${tp}.cells`, 'De cellen ontbreken.');
      const rows = new Map<string, { cells: number[]; total: number | null }>();
      rowsOf.set(id, rows);
      const keys = new Set<string>();
      table.cells.forEach((cell: unknown, ci: number) => {
        const cp = `${tp}.cells[${ci}]`;
        if (!isObj(cell)) return bad(cp, 'Geen geldige cel.');
        exactKeys(cell, `${cp}.`, ['key', 'households', 'events']);
        const key = cell.key;
        if (!Array.isArray(key) || key.length !== dims.length || key.some((x) => typeof x !== 'string')) return bad(`${cp}.key`, 'Geen geldige sleutel.');
        const joined = (key as string[]).join('|');
        if (keys.has(joined)) bad(`${cp}.key`, 'Deze cel komt twee keer voor.');
        keys.add(joined);
        (key as string[]).forEach((value, di) => {
          const dim = dims[di]!;
          if (value === 'nnb' || (dim === 'category' && CATEGORY_GROUP_BUCKETS.includes(value))) {
            if (dim === 'category' && value !== 'nnb' && declared.category !== 0) bad(`${cp}.key[${di}]`, 'Een M-groepbucket hoort alleen bij subcodes.');
            return;
          }
          if (!LEVEL_CODES[dim]!.some((codes) => codes.includes(value))) bad(`${cp}.key[${di}]`, `Onbekende code voor ${dim}.`);
          else seenValues[dim]!.add(value);
        });
        const h = cell.households;
        const e = cell.events;
        if (!isCount(h)) return bad(`${cp}.households`, 'Geen geldig aantal huishoudens.');
        if (!isCount(e)) return bad(`${cp}.events`, 'Geen geldig aantal signalen.');
        // 0 or >= k; a listed cell is never 0 (absent means 0), so every listed count must reach k.
        if (h < k) bad(`${cp}.households`, `Een aantal onder k = ${k} mag het kantoor niet verlaten.`);
        if (e < h || e > h * MAX_EVENTS_PER_HOUSEHOLD) bad(`${cp}.events`, 'Het aantal signalen past niet bij het aantal huishoudens.');
        const row = (key as string[])[0]!;
        let r = rows.get(row);
        if (!r) rows.set(row, (r = { cells: [], total: null }));
        r.cells.push(h);
      });
      if (!isSortedByParts(table.cells)) bad(`${tp}.cells`, 'De cellen staan niet in vaste volgorde.');
      if (id === 'T6') checkT6(table, tp, rows, k, bad);
    });
  }

  // One level per dimension, equal to the declared level.
  for (const [dim, values] of Object.entries(seenValues)) {
    if (values.size === 0 || declared[dim] === undefined) continue;
    const levels = LEVEL_CODES[dim]!;
    const fitting = levels.map((codes, i) => ([...values].every((v) => codes.includes(v)) ? i : -1)).filter((i) => i >= 0);
    if (!fitting.includes(declared[dim]!)) {
      bad(`privacy.levels.${dim}`, `De codes van ${dim} horen niet allemaal bij één niveau (${levels.length > 0 ? `verklaard L${declared[dim]}` : ''}).`);
    }
  }

  // Bounds audit (V7): two tables sharing the category must not pin an implied 3-D cell to 1..k-1.
  const ids = [...rowsOf.keys()].filter((id) => id !== 'T0' && id !== 'T6');
  const t0 = rowsOf.get('T0');
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = rowsOf.get(ids[i]!)!;
      const b = rowsOf.get(ids[j]!)!;
      for (const [row, ra] of a) {
        const rb = b.get(row);
        if (!rb) continue;
        const total = Math.max(
          t0?.get(row)?.cells[0] ?? 0,
          ra.cells.reduce((s, x) => s + x, 0),
          rb.cells.reduce((s, x) => s + x, 0),
        );
        for (const r of ra.cells) {
          for (const t of rb.cells) {
            const lower = Math.max(0, r + t - total);
            const upper = Math.min(r, t);
            if (lower === upper && lower > 0 && lower < k) {
              bad(`tables`, `Tabellen ${ids[i]} en ${ids[j]} leggen samen een aantal onder k vast (rij ${row}).`);
            }
          }
        }
      }
    }
  }

  return { ok: findings.length === 0, findings };
}

function isSortedByParts(cells: unknown[]): boolean {
  const keys = cells.map((c) => ((isObj(c) && Array.isArray(c.key) ? c.key : []) as string[]).join('\u0001'));
  return keys.every((x, i) => i === 0 || keys[i - 1]! < x);
}

function checkT6(
  table: Obj,
  tp: string,
  rows: Map<string, { cells: number[]; total: number | null }>,
  k: number,
  bad: (path: string, message: string) => void,
): void {
  if (!Array.isArray(table.rows)) return bad(`${tp}.rows`, 'T6 mist de rijtotalen.');
  const totals = new Map<string, number>();
  table.rows.forEach((row: unknown, ri: number) => {
    const rp = `${tp}.rows[${ri}]`;
    if (!isObj(row)) return bad(rp, 'Geen geldig rijtotaal.');
    for (const key of Object.keys(row)) if (key !== 'key' && key !== 'households') bad(`${rp}.${key}`, 'Dit veld hoort niet in het rapport.');
    if (!Array.isArray(row.key) || row.key.length !== 1 || typeof row.key[0] !== 'string') return bad(`${rp}.key`, 'Geen geldige sleutel.');
    if (!isCount(row.households) || row.households < k) return bad(`${rp}.households`, `Een aantal onder k = ${k} mag het kantoor niet verlaten.`);
    totals.set(row.key[0], row.households);
  });
  for (const row of rows.keys()) if (!totals.has(row)) bad(`${tp}.rows`, `Rij ${row} van T6 heeft geen rijtotaal.`);
  for (const row of totals.keys()) if (!rows.has(row)) bad(`${tp}.rows`, `Rijtotaal ${row} hoort bij geen enkele cel.`);
  // Group disclosure: in no row may every household share the same effect other than "geen".
  (table.cells as unknown[]).forEach((cell, ci) => {
    if (!isObj(cell) || !Array.isArray(cell.key)) return;
    const [row, effect] = cell.key as string[];
    if (effect === 'geen' || effect === 'nnb' || effect === '*') return;
    const total = totals.get(row!);
    if (typeof cell.households === 'number' && total !== undefined) {
      if (cell.households > total) bad(`${tp}.cells[${ci}]`, 'Een cel is groter dan haar rijtotaal.');
      else if (cell.households === total) bad(`${tp}.cells[${ci}]`, `Groepsonthulling: alle huishoudens in rij ${row} hebben hetzelfde gevolg.`);
    }
  });
}
