// The frame of the vault-less commands over one dossier of an interchange file (`houvast budget`, `houvast
// arrangement`): their shared options, help and usage errors, reading the file, the budget inputs and the
// reference date, writing the result as text or --json, and the Dutch error lines with their exit codes. Each
// command adds only its own options and its computation.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { budgetInputsSchema, type BudgetInputs } from '../../shared/budget';
import type { NormSet } from '../../shared/budget/norms';
import { AppError } from '../../shared/contract/errors';
import { installDutchErrors } from '../../shared/contract/locale';
import { isIsoDate, isoDateOf, systemClock, type Clock } from '../../shared/dates';
import type { FullInterchangeFile } from '../../shared/dossier/interchange-extras';
import { issueLine, unknownFields } from '../../shared/strict-json';
import { parseArgsErrorText } from '../args';
import { CommandError, readJson } from './command-error';

/** This checkout's resources/ (the same folder createCore's defaultResourcesDir points at). */
const DEFAULT_RESOURCES_DIR = fileURLToPath(new URL('../../../resources', import.meta.url));

export interface DossierCommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
}

export interface DossierCommandOptions {
  /** resources/ with norms/ (default: this checkout's). */
  resourcesDir?: string;
  clock?: Clock;
}

/** What every such command takes: --date, --json, --inputs, --dossier, --help. */
export interface CommonValues {
  date?: string;
  json?: boolean;
  inputs?: string;
  dossier?: string;
}

export interface DossierCommandSpec<K extends string> {
  /** The command word, for "houvast <name> verwacht precies één bestand". */
  name: string;
  usage: string;
  help: string;
  /** An option with its value, shown when an option misses its value. */
  example: string;
  /** The command's own options, each with a string value. */
  options: readonly K[];
}

export type LoadedDossier = FullInterchangeFile['dossiers'][number];

export interface DossierCommandContext<K extends string> {
  values: CommonValues & Partial<Record<K, string>>;
  /** A usage mistake (exit code 2) with the command's usage line under it. */
  usage(message: string): CommandError;
  /** Reads the file, picks the dossier (--dossier), the budget inputs (--inputs), the reference date and the norms. */
  load(): Promise<{ dossier: LoadedDossier; inputs: BudgetInputs; referenceDate: string; norms: NormSet }>;
}

/** What a command computed: the JSON of --json, and its readable Dutch text otherwise. */
export interface DossierCommandResult<T> {
  json: T;
  text(json: T): string;
}

/** Runs a command and returns its exit code; `argv` is everything after the command word. */
export async function runDossierCommand<K extends string, T>(
  argv: string[],
  io: DossierCommandIo,
  options: DossierCommandOptions,
  spec: DossierCommandSpec<K>,
  compute: (ctx: DossierCommandContext<K>) => Promise<DossierCommandResult<T>>,
): Promise<number> {
  const err = (line: string) => io.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
  const usage = (message: string) => new CommandError(`${message}\nGebruik: ${spec.usage}`, 2);
  try {
    let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
    try {
      parsed = parseArgs({
        args: argv,
        options: {
          ...Object.fromEntries(spec.options.map((o) => [o, { type: 'string' as const }])),
          date: { type: 'string' },
          json: { type: 'boolean' },
          inputs: { type: 'string' },
          dossier: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
        allowPositionals: true,
        strict: true,
      });
    } catch (e) {
      throw usage(parseArgsErrorText(e, spec.example));
    }
    const { positionals } = parsed;
    const values = parsed.values as DossierCommandContext<K>['values'] & { help?: boolean };
    if (values.help) {
      io.stdout.write(spec.help);
      return 0;
    }
    if (positionals.length !== 1) throw usage(`"houvast ${spec.name}" verwacht precies één bestand.`);
    if (values.date !== undefined && !isIsoDate(values.date)) throw usage('Geef de peildatum als JJJJ-MM-DD, bijvoorbeeld --date 2026-07-01.');

    const load = async () => {
      // Loaded here so `--help` and usage errors answer at once.
      const [{ parseInterchange }, { loadBundledNorms }] = await Promise.all([import('../../core/services/interchange'), import('../../core/norms/load')]);
      installDutchErrors();
      const file = await readJson(path.resolve(io.cwd, positionals[0]!), 'dossierbestand');
      let interchange;
      try {
        interchange = parseInterchange(file);
      } catch (e) {
        if (e instanceof AppError) {
          const issues = e.issues ?? [];
          throw new CommandError(`het bestand is niet geldig (${issues.length} ${issues.length === 1 ? 'fout' : 'fouten'}).`, 1, issues.map((i) => `${i.path}: ${i.message}`));
        }
        throw e;
      }
      const dossier = pickDossier(interchange.dossiers, values.dossier);
      const inputs = values.inputs === undefined ? budgetInputsSchema.parse({}) : await readInputs(path.resolve(io.cwd, values.inputs));
      const referenceDate = values.date ?? inputs.referenceDate ?? isoDateOf((options.clock ?? systemClock).now());
      const norms = await loadBundledNorms(options.resourcesDir ?? DEFAULT_RESOURCES_DIR);
      return { dossier, inputs, referenceDate, norms };
    };

    const result = await compute({ values, usage, load });
    io.stdout.write(values.json ? `${JSON.stringify(result.json, null, 2)}\n` : result.text(result.json));
    return 0;
  } catch (e) {
    if (e instanceof CommandError) {
      err(`Fout: ${e.message}`);
      for (const d of e.details) err(`  ${d}`);
      return e.exitCode;
    }
    if (e instanceof AppError) {
      // NORM_NOT_COVERED carries the engine's Dutch reason (which table, which dates are available).
      err(`Fout: ${e.message}`);
      return 1;
    }
    err('Fout: er ging iets mis bij de berekening.');
    return 1;
  }
}

async function readInputs(file: string): Promise<BudgetInputs> {
  const json = await readJson(file, 'invoerbestand');
  const r = budgetInputsSchema.safeParse(json);
  if (!r.success) {
    throw new CommandError('het invoerbestand is niet geldig.', 1, r.error.issues.map((i) => `${i.path.map(String).join('.') || '(bestand)'}: ${i.message}`));
  }
  // A misspelt field would be dropped and its default used without a word: refused, as in every import.
  const unknown = unknownFields(json, r.data);
  if (unknown.length > 0) throw new CommandError('het invoerbestand is niet geldig.', 1, unknown.map(issueLine));
  return r.data;
}

function pickDossier<T extends { number?: string | null | undefined }>(dossiers: T[], wanted: string | undefined): T {
  if (wanted === undefined) {
    if (dossiers.length === 1) return dossiers[0]!;
    throw new CommandError(`Het bestand bevat ${dossiers.length} dossiers; kies er één met --dossier <volgnummer of dossiernummer>.`, 2);
  }
  const byNumber = dossiers.find((d) => d.number === wanted);
  if (byNumber) return byNumber;
  const n = /^\d{1,9}$/.test(wanted) ? Number(wanted) : NaN;
  if (Number.isInteger(n) && n >= 1 && n <= dossiers.length) return dossiers[n - 1]!;
  throw new CommandError(`Geen dossier "${wanted}" in het bestand (1 t/m ${dossiers.length}).`, 1);
}
