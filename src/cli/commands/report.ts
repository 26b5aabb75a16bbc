// `houvast report ...`: the anonymised systeemfouten report from the command line.
//   export   (office)      preview, confirm, sign and write JSON + CSV + PDF          needs the vault
//   key      (office)      write the office's public report key for registration        needs the vault
//   download (office)      write the signed files of an accepted export again           needs the vault
//   verify   (anyone)      check one signed file (signature with --register)
//   register (association) add an office key to the association's key register
//   merge    (association) verify files one by one, apply the ledger rules, add up the accepted ones
//   publish  (association) apply the publication rules and write CSV, JSON-stat and PDF
// Every command has --json; a refusal exits non-zero. stderr carries Dutch messages, never case data.
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Client } from '../../shared/contract/client';
import type { ReportPreview } from '../../shared/contract/reports';
import { MERGED_FORMAT, publish, publishedCsv, publishedJsonStat, type MergedFile } from '../../shared/systeemfouten/association';
import { REPORTER_ROLES, type ReporterRole } from '../../shared/systeemfouten/export';
import { verifyPayloadText } from '../../shared/systeemfouten-verifier/verify';
import { KANTOOR_REFUSAL } from '../../shared/contract/vault-kind';
import { AppError } from '../../shared/contract/errors';
import { parseArgsErrorText } from '../args';
import type { CliIo } from '../main';

export const REPORT_HELP = [
  'Gebruik:',
  '  houvast report export --period <2026-Q3|2026-H1|2026> --out <map> [--yes] [--role bewind|schuldhulp|other]',
  '                        [--supersedes <export-id>] [--k <n>] [--vault <pad>] [--json]',
  '  houvast report key --out <bestand.json> [--vault <pad>] [--json]',
  '  houvast report download --export-id <id> --out <map> [--vault <pad>] [--json]',
  '  houvast report verify <bestand.json> [--register <sleutelregister.json>] [--json]',
  '  houvast report register <sleutelregister.json> --add <kantoorsleutel.json> --office <naam> [--json]',
  '  houvast report merge <bestand.json>... --register <sleutelregister.json> --out <totalen.json> [--json]',
  '  houvast report publish <totalen.json> --out <map> [--json]',
  '',
  'Met een verenigingskluis (houvast vault init --soort vereniging) in plaats van losse bestanden:',
  '  houvast report register --vault <pad> --add <kantoorsleutel.json> --office <naam> [--json]',
  '  houvast report merge <bestand.json>... --vault <pad> [--json]',
  '  houvast report publish --vault <pad> [--year <jjjj>] --out <map> [--json]',
  '',
  'export    Toont eerst wat dit kantoor verlaat (alle tabellen, detailniveaus, weggelaten deel) en vraagt',
  '          bevestiging; --yes bevestigt vooraf (voor scripts). Schrijft systeemfouten-<periode>.json',
  '          (ondertekend), .csv en .pdf. Weigert bij te weinig huishoudens of als de periode al is gemeld.',
  'key       Schrijft de publieke rapportsleutel van dit kantoor, om te registreren bij de vereniging.',
  'download  Schrijft de drie bestanden van een eerder ondertekend rapport opnieuw (export-id uit het exportlogboek).',
  'verify    Controleert handtekening (met --register), schema en privacyregels van één bestand.',
  'register  Voegt een kantoorsleutel toe aan het sleutelregister van de vereniging (maakt het register zo nodig).',
  'merge     Controleert elk bestand apart en telt alleen goedgekeurde bestanden op (kantoren worden anoniem).',
  '          Afgekeurde bestanden worden met reden genoemd; dan is de afsluitcode 1.',
  'publish   Publiceert alleen cellen met minstens 10 huishoudens uit minstens 3 kantoren, geen kantoor boven',
  '          85 %, afgerond op 5: CSV, JSON-stat en PDF.',
  '--vault   (register, merge, publish) Werkt met het sleutelregister en de ontvangen rapporten in een',
  '          verenigingskluis. merge bewaart elk bestand met zijn oordeel in de kluis; de regels (dubbel, één',
  '          rapport per kantoor en periode, correcties) gelden dan voor alle bestanden die ooit zijn ontvangen.',
  '          publish telt alle goedgekeurde rapporten van het jaar op en bewaart de publicatie in de kluis.',
  '',
  'Afsluitcodes: 0 gelukt, 1 geweigerd of fout, 2 verkeerd gebruik. Meer: docs/systeemfouten.md',
  '',
].join('\n');

class ReportError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const OPTIONS = {
  period: { type: 'string' },
  out: { type: 'string' },
  yes: { type: 'boolean' },
  role: { type: 'string' },
  supersedes: { type: 'string' },
  k: { type: 'string' },
  vault: { type: 'string' },
  json: { type: 'boolean' },
  register: { type: 'string' },
  add: { type: 'string' },
  office: { type: 'string' },
  year: { type: 'string' },
  'export-id': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

export interface ReportDeps {
  /** Opens and unlocks the vault (shared with the other vault commands) and runs fn with a client. */
  withVault<T>(vault: string | undefined, fn: (client: Client) => Promise<T>): Promise<T>;
  /** Asks a yes/no question on the terminal; null when there is no terminal. */
  confirm(question: string): Promise<boolean | null>;
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new ReportError(code === 'ENOENT' ? `${what} bestaat niet: ${file}` : `${what} kan niet worden gelezen: ${file}`);
  }
}

async function writeNew(file: string, content: string | Buffer): Promise<void> {
  try {
    await writeFile(file, content, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'EEXIST') throw new ReportError(`Het bestand bestaat al: ${file}. Er is niets overschreven.`);
    if (code === 'ENOENT') throw new ReportError(`De map bestaat niet: ${path.dirname(file)}`);
    throw new ReportError(`Het bestand kan niet worden geschreven: ${file}`);
  }
}

export function formatPreview(p: ReportPreview): string {
  const lines = [
    `Wat verlaat dit kantoor: systeemfouten-rapport ${p.period}`,
    `  Rol melder: ${p.reporterRole}; k = ${p.k}; huishoudens: ${p.households}; signalen: ${p.signals}`,
    `  Buiten het rapport (geen minderjarig kind thuis): ${p.outOfScopeHouseholds} huishoudens`,
    `  In n.n.b.-buckets: ${p.recodedHouseholds}; niet toegewezen: ${p.unallocatedHouseholds} (${p.suppressedShare})`,
    '  Detailniveaus:',
    ...p.levels.map((l) => `    ${l.name}: ${l.levelName} (${l.level})`),
  ];
  for (const t of p.tables) {
    lines.push('', `${t.id}: ${t.title} (${t.dims.join(' × ')})`);
    if (t.cells.length === 0) lines.push('  (geen cellen)');
    for (const c of t.cells) lines.push(`  ${c.labels.join(' | ')}: ${c.households} huishoudens, ${c.events} signalen`);
  }
  if (p.refusal) lines.push('', `GEWEIGERD: ${p.refusal}`);
  return `${lines.join('\n')}\n`;
}

/** Files named on the command line, read as text; an unreadable one is reported, never stored. */
async function readReceived(io: CliIo, names: readonly string[]): Promise<{ files: { name: string; text: string }[]; unreadable: { name: string; reason: string }[] }> {
  const files: { name: string; text: string }[] = [];
  const unreadable: { name: string; reason: string }[] = [];
  for (const f of names) {
    try {
      files.push({ name: f, text: await readFile(path.resolve(io.cwd, f), 'utf8') });
    } catch {
      unreadable.push({ name: f, reason: 'Het bestand kan niet worden gelezen.' });
    }
  }
  return { files, unreadable };
}

/** An office's public key file (houvast report key). */
async function readOfficeKey(io: CliIo, file: string): Promise<{ keyId: string; publicKeyPem: string }> {
  const text = await readText(path.resolve(io.cwd, file), 'De kantoorsleutel');
  type KeyFile = { format?: unknown; keyId?: unknown; publicKeyPem?: unknown } | null;
  let key: KeyFile;
  try {
    key = JSON.parse(text.replace(/^\uFEFF/, '')) as KeyFile;
  } catch {
    key = null;
  }
  if (!key || key.format !== 'houvast.kantoorsleutel' || typeof key.keyId !== 'string' || typeof key.publicKeyPem !== 'string') {
    throw new ReportError('Dit is geen kantoorsleutel (maak die met: houvast report key --out <bestand.json>).');
  }
  return { keyId: key.keyId, publicKeyPem: key.publicKeyPem };
}

/** Runs fn on an unlocked vault that must be a vereniging vault; a kantoor vault is refused before anything. */
async function withAssociationVault<T>(deps: ReportDeps, vault: string, fn: (client: Client) => Promise<T>): Promise<T> {
  return deps.withVault(vault, async (client) => {
    const status = await client.call('vault.status', {});
    if (status.vault?.kind !== 'vereniging') throw new ReportError(`${KANTOOR_REFUSAL} Maak er een met: houvast vault init --soort vereniging. Er is niets gewijzigd.`);
    return fn(client);
  });
}

/** Received in one call at most (the procedure's limit); later batches see the earlier ones in the store. */
const RECEIVE_BATCH = 200;

/** The three files of a signed report in dir (the service names them systeemfouten-<period>). */
function reportFiles(dir: string, fileBase: string): { json: string; csv: string; pdf: string } {
  return { json: path.join(dir, `${fileBase}.json`), csv: path.join(dir, `${fileBase}.csv`), pdf: path.join(dir, `${fileBase}.pdf`) };
}

/**
 * Refuses before anything is signed: a signed report is recorded in the ledger for good, so a missing folder or
 * a file already there (a correction into the folder of the original) must not leave it signed but unwritten.
 */
async function checkWritable(files: { json: string; csv: string; pdf: string }): Promise<void> {
  const dir = path.dirname(files.json);
  const isDir = await stat(dir).then((st) => st.isDirectory(), () => false);
  if (!isDir) throw new ReportError(`De map bestaat niet: ${dir}. Er is niets ondertekend.`);
  for (const f of [files.json, files.csv, files.pdf]) {
    if (await stat(f).then(() => true, () => false)) throw new ReportError(`Het bestand bestaat al: ${f}. Kies een andere map; er is niets ondertekend of overschreven.`);
  }
}

/** Writes a signed report's three files; a failure names the export id, so the files can be written again. */
async function writeReport(files: { json: string; csv: string; pdf: string }, result: { exportId: string; envelope: string; csv: string; pdfBase64: string }): Promise<void> {
  try {
    await writeNew(files.json, result.envelope);
    await writeNew(files.csv, result.csv);
    await writeNew(files.pdf, Buffer.from(result.pdfBase64, 'base64'));
  } catch (e) {
    const reason = e instanceof ReportError ? e.message : 'De bestanden konden niet worden geschreven.';
    throw new ReportError(`${reason} Het rapport is wel ondertekend en vastgelegd (export-id ${result.exportId}); schrijf de bestanden opnieuw met: houvast report download --export-id ${result.exportId} --out <map>`);
  }
}

/** Writes the published CSV, JSON-stat and PDF; returns the three paths. */
async function writePublication(dir: string, year: string, csv: string, jsonStat: string, pdf: Buffer): Promise<string[]> {
  const base = path.join(dir, `systeemfouten-${year}-publicatie`);
  await writeNew(`${base}.csv`, csv);
  await writeNew(`${base}.json`, jsonStat);
  await writeNew(`${base}.pdf`, pdf);
  return [`${base}.csv`, `${base}.json`, `${base}.pdf`];
}

function publishedText(year: string, cells: number, files: readonly string[]): string {
  return `Gepubliceerd: ${cells} cellen voor ${year}.\n  ${files[0]}\n  ${files[1]} (JSON-stat)\n  ${files[2]}\n`;
}

export async function runReportCommand(argv: string[], io: CliIo, deps: ReportDeps): Promise<number> {
  const err = (t: string) => io.stderr.write(t.endsWith('\n') ? t : `${t}\n`);
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] });
  } catch (e) {
    err(`Fout: ${parseArgsErrorText(e, '--period 2026-Q3')} Zie: houvast help report`);
    return 2;
  }
  const [sub, ...rest] = positionals;
  if (values.help || !sub) {
    io.stdout.write(REPORT_HELP);
    return values.help ? 0 : 2;
  }
  const json = values.json === true;
  const out = (obj: unknown, text: string) => io.stdout.write(json ? `${JSON.stringify(obj, null, 2)}\n` : text);
  try {
    switch (sub) {
      case 'export': {
        if (!values.period || !values.out || rest.length > 0) throw new ReportError(`Gebruik: houvast report export --period 2026-Q3 --out <map> [--yes]`, 2);
        const role = values.role;
        if (role !== undefined && !(REPORTER_ROLES as readonly string[]).includes(role)) throw new ReportError('--role is bewind, schuldhulp of other.', 2);
        // Digits only: Number() would also read "1e1" or "0x10" as a number.
        const k = values.k === undefined ? undefined : /^\d{1,6}$/.test(values.k.trim()) ? Number(values.k.trim()) : NaN;
        if (k !== undefined && (!Number.isInteger(k) || k < 10)) throw new ReportError('--k is een geheel getal van minstens 10 (k kan alleen omhoog).', 2);
        const dir = path.resolve(io.cwd, values.out);
        const files = reportFiles(dir, `systeemfouten-${values.period.trim()}`);
        await checkWritable(files);
        const req = {
          period: values.period,
          ...(role ? { reporterRole: role as ReporterRole } : {}),
          ...(k !== undefined ? { k } : {}),
          ...(values.supersedes ? { supersedes: values.supersedes } : {}),
        };
        return await deps.withVault(values.vault, async (client) => {
          const preview = await client.call('report.preview', req);
          if (!json) io.stdout.write(formatPreview(preview));
          if (!preview.ok || !preview.previewHash) {
            if (json) out({ ok: false, refusal: preview.refusal, preview }, '');
            else err(`Geweigerd: ${preview.refusal ?? 'onbekende reden'}`);
            return 1;
          }
          if (!values.yes) {
            const answer = await deps.confirm('Dit rapport ondertekenen en wegschrijven? (ja/nee) ');
            if (answer === null) throw new ReportError('Bevestig met --yes, of start de opdracht in een terminal om het voorbeeld te bevestigen. Er is niets ondertekend.');
            if (!answer) {
              err('Niet bevestigd; er is niets ondertekend of weggeschreven.');
              return 1;
            }
          }
          const result = await client.call('report.export', { ...req, previewHash: preview.previewHash });
          const written = reportFiles(dir, result.fileBase);
          await writeReport(written, result);
          out(
            { ok: true, exportId: result.exportId, period: result.period, files: written, payloadSha256: result.payloadSha256, keyId: result.keyId },
            `Ondertekend en weggeschreven (export-id ${result.exportId}):\n  ${written.json}\n  ${written.csv}\n  ${written.pdf}\n`,
          );
          return 0;
        });
      }
      case 'key': {
        if (!values.out || rest.length > 0) throw new ReportError('Gebruik: houvast report key --out <bestand.json>', 2);
        const target = path.resolve(io.cwd, values.out);
        return await deps.withVault(values.vault, async (client) => {
          const key = await client.call('report.publicKey', {});
          const file = { format: 'houvast.kantoorsleutel', version: 1, keyId: key.keyId, publicKeyPem: key.publicKeyPem };
          await writeNew(target, `${JSON.stringify(file, null, 2)}\n`);
          out({ ok: true, keyId: key.keyId, file: target }, `Publieke rapportsleutel geschreven naar ${target} (sleutel-id ${key.keyId}).\n`);
          return 0;
        });
      }
      case 'download': {
        const exportId = values['export-id'];
        if (!exportId || !values.out || rest.length > 0) throw new ReportError('Gebruik: houvast report download --export-id <id> --out <map>', 2);
        const dir = path.resolve(io.cwd, values.out);
        return await deps.withVault(values.vault, async (client) => {
          const result = await client.call('report.download', { exportId });
          const files = reportFiles(dir, result.fileBase);
          await checkWritable(files);
          await writeReport(files, result);
          out(
            { ok: true, exportId: result.exportId, period: result.period, files, payloadSha256: result.payloadSha256, keyId: result.keyId },
            `Opnieuw weggeschreven (export-id ${result.exportId}):\n  ${files.json}\n  ${files.csv}\n  ${files.pdf}\n`,
          );
          return 0;
        });
      }
      case 'verify': {
        if (rest.length !== 1) throw new ReportError('Gebruik: houvast report verify <bestand.json> [--register <sleutelregister.json>]', 2);
        const file = path.resolve(io.cwd, rest[0]!);
        const text = await readText(file, 'Het bestand');
        const { parseRegister, verifyReceivedFile } = await import('../../core/systeemfouten/association');
        if (values.register) {
          const reg = parseRegister(await readText(path.resolve(io.cwd, values.register), 'Het sleutelregister'));
          const v = verifyReceivedFile(text, reg.keys);
          if (!v.ok) {
            out({ ok: false, file, reason: v.reason }, '');
            if (!json) err(`Afgekeurd: ${v.reason}`);
            return 1;
          }
          out({ ok: true, file, signature: 'ok', period: v.payload.period.value, exportId: v.payload.exportId }, `Goedgekeurd: handtekening, schema en privacyregels kloppen (${v.payload.period.value}).\n`);
          return 0;
        }
        // Without a register the signature cannot be checked; everything else can.
        let payloadText: string;
        try {
          const env = JSON.parse(text.replace(/^\uFEFF/, '')) as { payload?: unknown };
          if (typeof env.payload !== 'string') throw new Error();
          payloadText = Buffer.from(env.payload, 'base64').toString('utf8');
        } catch {
          out({ ok: false, file, reason: 'Het bestand is geen ondertekend systeemfouten-rapport.' }, '');
          if (!json) err('Afgekeurd: het bestand is geen ondertekend systeemfouten-rapport.');
          return 1;
        }
        const v = verifyPayloadText(payloadText);
        if (!v.ok) {
          out({ ok: false, file, findings: v.findings }, '');
          if (!json) for (const f of v.findings) err(`Afgekeurd: ${f.path}: ${f.message}`);
          return 1;
        }
        out({ ok: true, file, signature: 'niet gecontroleerd' }, 'Schema en privacyregels kloppen. De handtekening is niet gecontroleerd: geef --register <sleutelregister.json>.\n');
        return 0;
      }
      case 'register': {
        if (values.vault !== undefined) {
          if (rest.length !== 0 || !values.add || !values.office) {
            throw new ReportError('Gebruik: houvast report register --vault <pad> --add <kantoorsleutel.json> --office <naam>', 2);
          }
          const officeKey = await readOfficeKey(io, values.add);
          const office = values.office;
          const pem = officeKey.publicKeyPem;
          return await withAssociationVault(deps, values.vault, async (client) => {
            const store = await client.call('association.store.registerKey', { office, publicKeyPem: pem });
            out({ ok: true, keys: store.keys.length }, `Sleutel van ${office} toegevoegd aan het sleutelregister in de kluis (${store.keys.length} sleutels).\n`);
            return 0;
          });
        }
        if (rest.length !== 1 || !values.add || !values.office) {
          throw new ReportError('Gebruik: houvast report register <sleutelregister.json> --add <kantoorsleutel.json> --office <naam>', 2);
        }
        const { REGISTER_FORMAT, parseRegister } = await import('../../core/systeemfouten/association');
        const regFile = path.resolve(io.cwd, rest[0]!);
        let existing: string | null = null;
        try {
          existing = await readFile(regFile, 'utf8');
        } catch {
          existing = null;
        }
        const register = existing ? parseRegister(existing).register : { format: REGISTER_FORMAT, version: 1 as const, keys: [] };
        const officeKey = await readOfficeKey(io, values.add);
        if (register.keys.some((k) => k.keyId === officeKey.keyId)) throw new ReportError('Deze sleutel staat al in het register.');
        const next = { ...register, keys: [...register.keys, { keyId: officeKey.keyId, office: values.office, publicKeyPem: officeKey.publicKeyPem, revoked: false }] };
        parseRegister(JSON.stringify(next)); // validates the new key against its id
        await writeFile(regFile, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
        out({ ok: true, register: regFile, keys: next.keys.length }, `Sleutel van ${values.office} toegevoegd aan ${regFile} (${next.keys.length} sleutels).\n`);
        return 0;
      }
      case 'merge': {
        if (values.vault !== undefined) {
          if (rest.length === 0 || values.register !== undefined || values.out !== undefined) {
            throw new ReportError('Gebruik: houvast report merge <bestand.json>... --vault <pad> (het sleutelregister en de totalen staan in de kluis; publiceer met houvast report publish --vault <pad>)', 2);
          }
          const { files, unreadable } = await readReceived(io, rest);
          return await withAssociationVault(deps, values.vault, async (client) => {
            const received: { name: string; accepted: boolean; reason: string | null }[] = [];
            for (let i = 0; i < files.length; i += RECEIVE_BATCH) {
              received.push(...(await client.call('association.store.receive', { files: files.slice(i, i + RECEIVE_BATCH) })).received);
            }
            const store = await client.call('association.store.get', {});
            const accepted = received.filter((r) => r.accepted).map((r) => ({ name: r.name }));
            const rejected = [...unreadable, ...received.filter((r) => !r.accepted).map((r) => ({ name: r.name, reason: r.reason ?? '' }))];
            const inStore = store.files.filter((f) => f.status === 'geaccepteerd').length;
            out(
              { ok: rejected.length === 0, accepted, rejected, acceptedInVault: inStore },
              [
                `Goedgekeurd en bewaard in de kluis: ${accepted.length} bestand(en)`,
                ...accepted.map((a) => `  ${a.name}`),
                `Afgekeurd: ${rejected.length} bestand(en)`,
                ...rejected.map((r) => `  ${r.name}: ${r.reason}`),
                `De kluis bevat nu ${inStore} goedgekeurd(e) rapport(en). Publiceer met: houvast report publish --vault <pad> --out <map>`,
                '',
              ].join('\n'),
            );
            return rejected.length === 0 ? 0 : 1;
          });
        }
        if (rest.length === 0 || !values.register || !values.out) {
          throw new ReportError('Gebruik: houvast report merge <bestand.json>... --register <sleutelregister.json> --out <totalen.json>', 2);
        }
        const { mergeReceivedFiles } = await import('../../core/systeemfouten/association');
        const registerText = await readText(path.resolve(io.cwd, values.register), 'Het sleutelregister');
        const { files, unreadable } = await readReceived(io, rest);
        let outcome;
        try {
          outcome = mergeReceivedFiles(files, registerText);
        } catch (e) {
          throw new ReportError((e as Error).message);
        }
        const rejected = [...unreadable, ...outcome.rejected];
        const target = path.resolve(io.cwd, values.out);
        if (outcome.merged) await writeNew(target, `${JSON.stringify(outcome.merged, null, 2)}\n`);
        out(
          { ok: rejected.length === 0 && outcome.merged !== null, accepted: outcome.accepted, rejected, out: outcome.merged ? target : null },
          [
            `Goedgekeurd: ${outcome.accepted.length} bestand(en)`,
            ...outcome.accepted.map((a) => `  ${a.name} (${a.period})`),
            `Afgekeurd: ${rejected.length} bestand(en)`,
            ...rejected.map((r) => `  ${r.name}: ${r.reason}`),
            outcome.merged ? `Landelijke totalen geschreven naar ${target}.` : 'Er is niets samengevoegd.',
            '',
          ].join('\n'),
        );
        return rejected.length === 0 && outcome.merged !== null ? 0 : 1;
      }
      case 'publish': {
        if (values.vault !== undefined) {
          if (rest.length !== 0 || !values.out) throw new ReportError('Gebruik: houvast report publish --vault <pad> [--year <jjjj>] --out <map>', 2);
          if (values.year !== undefined && !/^\d{4}$/.test(values.year)) throw new ReportError('--year is een jaartal (jjjj), bijvoorbeeld --year 2026.', 2);
          const dir = path.resolve(io.cwd, values.out);
          return await withAssociationVault(deps, values.vault, async (client) => {
            let year = values.year;
            if (year === undefined) {
              const store = await client.call('association.store.get', {});
              const years = [...new Set(store.files.filter((f) => f.status === 'geaccepteerd' && f.period).map((f) => f.period!.slice(0, 4)))].sort();
              if (years.length === 0) throw new ReportError('Er zijn nog geen goedgekeurde rapporten in deze kluis (ontvang ze met: houvast report merge <bestand.json>... --vault <pad>).');
              if (years.length > 1) throw new ReportError(`De kluis bevat rapporten over ${years.join(', ')}; kies het jaar met --year.`, 2);
              year = years[0]!;
            }
            const result = await client.call('association.store.publish', { year });
            if (!result.published || result.csv === null || result.jsonStat === null || result.pdfBase64 === null) {
              out({ ok: false, year, accepted: result.accepted, rejected: result.rejected }, '');
              err(`Geweigerd: er is over ${year} niets te publiceren.`);
              for (const r of result.rejected) err(`  ${r.name}: ${r.reason}`);
              return 1;
            }
            const files = await writePublication(dir, result.published.year, result.csv, result.jsonStat, Buffer.from(result.pdfBase64, 'base64'));
            const cells = result.published.tables.reduce((n, t) => n + t.cells.length, 0);
            out(
              { ok: true, year: result.published.year, cells, publicationId: result.publicationId, accepted: result.accepted, rejected: result.rejected, files },
              [
                publishedText(result.published.year, cells, files).trimEnd(),
                `Uit ${result.accepted.length} goedgekeurd(e) rapport(en) in de kluis; de publicatie is in de kluis bewaard.`,
                ...(result.rejected.length > 0 ? [`Niet meegeteld: ${result.rejected.length} rapport(en)`, ...result.rejected.map((r) => `  ${r.name}: ${r.reason}`)] : []),
                '',
              ].join('\n'),
            );
            return 0;
          });
        }
        if (rest.length !== 1 || !values.out) throw new ReportError('Gebruik: houvast report publish <totalen.json> --out <map>', 2);
        let merged: MergedFile;
        try {
          merged = JSON.parse(await readText(path.resolve(io.cwd, rest[0]!), 'Het bestand')) as MergedFile;
        } catch (e) {
          if (e instanceof ReportError) throw e;
          throw new ReportError('Het bestand is geen geldige JSON.');
        }
        if (merged.format !== MERGED_FORMAT || merged.version !== 1 || !Array.isArray(merged.tables)) {
          throw new ReportError('Dit is geen bestand met landelijke totalen (maak het met: houvast report merge).');
        }
        const published = publish(merged);
        const { renderPublishedPdf } = await import('../../core/systeemfouten/association');
        const dir = path.resolve(io.cwd, values.out);
        const files = await writePublication(dir, published.year, publishedCsv(published), `${JSON.stringify(publishedJsonStat(published), null, 2)}\n`, await renderPublishedPdf(published));
        const cells = published.tables.reduce((n, t) => n + t.cells.length, 0);
        out({ ok: true, year: published.year, cells, files }, publishedText(published.year, cells, files));
        return 0;
      }
      default:
        throw new ReportError(`Onbekende opdracht "report ${sub}". Zie: houvast help report`, 2);
    }
  } catch (e) {
    // With --json a script always gets an answer on stdout, a refusal included; the message goes to stderr too.
    if (e instanceof ReportError || e instanceof AppError) {
      if (json) io.stdout.write(`${JSON.stringify({ ok: false, error: e.message, ...(e instanceof AppError ? { code: e.code } : {}) }, null, 2)}\n`);
      if (e instanceof ReportError) {
        err(`Fout: ${e.message}`);
        return e.exitCode;
      }
    }
    throw e;
  }
}
