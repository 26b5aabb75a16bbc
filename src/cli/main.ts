// The `houvast` command-line shell. It talks to the core only through the contract (createCore +
// in-process transport + typed client), exactly like the desktop and web shells.
// Personal data goes only to stdout or --out when the user asked for it; stderr carries Dutch messages,
// never data. Exit codes: 0 ok, 1 error, 2 usage error, 130 cancelled.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../core/logger';
import type { KdfParams } from '../core/vault/keyfile';
import { createClient, type Client } from '../shared/contract/client';
import { AppError } from '../shared/contract/errors';
import {
  COMMANDS,
  GENERAL_HELP,
  SECRET_FLAG_MESSAGE,
  UsageError,
  commandHelp,
  parseCommandLine,
  type ParsedCommand,
} from './args';
import { readStrictJson } from '../shared/strict-json';
import { formatDossierTable } from './format';
import { PromptCancelled, readHidden } from './prompt';

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;
export const EXIT_CANCELLED = 130;

export interface CliIo {
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
}

/**
 * What an embedding program (never the command line or the environment) may choose: tests run the CLI
 * in-process with cheap Argon2id parameters this way; bin/houvast.mjs passes nothing.
 */
export interface CliOptions {
  kdf?: KdfParams;
}

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_ERROR,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

const VAULT_SUFFIX = '.houvast';

/** The commands that need no vault, by their word: their help text and their run. */
const VAULTLESS_COMMANDS = new Map<string, () => Promise<{ help: string; run(argv: string[], io: CliIo): Promise<number> }>>([
  ['budget', async () => {
    const { runBudgetCommand, BUDGET_HELP } = await import('./commands/budget');
    return { help: BUDGET_HELP, run: runBudgetCommand };
  }],
  ['arrangement', async () => {
    const { runArrangementCommand, ARRANGEMENT_HELP } = await import('./commands/arrangement');
    return { help: ARRANGEMENT_HELP, run: runArrangementCommand };
  }],
]);

export async function runCli(argv: string[], io: CliIo, options: CliOptions = {}): Promise<number> {
  const err = (text: string) => io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  // `houvast budget` and `houvast arrangement` need no vault: pure computations over the bundled norms on a dossier
  // file (src/cli/commands/budget.ts, arrangement.ts). Loaded only when asked for.
  const vaultless = VAULTLESS_COMMANDS.get((argv[0] === 'help' && argv.length === 2 ? argv[1] : argv[0]) ?? '');
  if (vaultless) {
    const command = await vaultless();
    if (argv[0] === 'help') {
      io.stdout.write(command.help);
      return EXIT_OK;
    }
    return command.run(argv.slice(1), io);
  }
  try {
    // `houvast report ...`: the anonymised systeemfouten report (src/cli/commands/report.ts).
    if (argv[0] === 'report' || (argv[0] === 'help' && argv[1] === 'report')) {
      const { runReportCommand, REPORT_HELP } = await import('./commands/report');
      if (argv[0] === 'help') {
        io.stdout.write(REPORT_HELP);
        return EXIT_OK;
      }
      if (argv.some((a) => SECRET_FLAG_PATTERN.test(a))) throw new UsageError(SECRET_FLAG_MESSAGE);
      return await runReportCommand(argv.slice(1), io, {
        withVault: (vault, fn) => withUnlockedVault(io, vault, fn, options),
        confirm: (question) => askYesNo(io, question),
      });
    }
    const parsed = parseCommandLine(argv);
    if (parsed.kind === 'version') {
      io.stdout.write(`${await readVersion()}\n`);
      return EXIT_OK;
    }
    if (parsed.kind === 'help') {
      io.stdout.write(
        parsed.topic
          ? commandHelp(parsed.topic)
          : `${GENERAL_HELP}\n\nBudget (zonder kluis): houvast budget <dossier.json> [--date JJJJ-MM-DD] [--json]; zie: houvast help budget\n` +
              'Schuldregeling (zonder kluis): houvast arrangement <dossier.json> [--months 18] [--factor 2] [--start JJJJ-MM-DD] [--pot <bedrag>] [--json]; zie: houvast help arrangement\n' +
              'Systeemfouten-rapport: houvast report export|key|verify|register|merge|publish; zie: houvast help report\n',
      );
      return EXIT_OK;
    }
    return await runCommand(parsed, io, options);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`Fout: ${e.message}`);
      return EXIT_USAGE;
    }
    if (e instanceof CliError) {
      err(`Fout: ${e.message}`);
      return e.exitCode;
    }
    if (e instanceof PromptCancelled) {
      err('Afgebroken; er is niets gewijzigd.');
      return EXIT_CANCELLED;
    }
    if (e instanceof AppError) {
      err(`Fout: ${e.message}`);
      for (const issue of e.issues ?? []) err(`  ${displayPath(issue.path)}: ${issue.message}`);
      return EXIT_ERROR;
    }
    // Unexpected: say so without details, which could carry data; HOUVAST_DEBUG=1 shows the error type.
    err('Fout: er ging iets mis. Er is niets gewijzigd.');
    if (io.env.HOUVAST_DEBUG === '1') {
      const { createLogger } = await import('../core/logger');
      createLogger((l) => err(l)).error('cli.unexpected', { error: e });
    }
    return EXIT_ERROR;
  }
}

/** "file.dossiers.0.adults.0.bsn" -> "dossiers.0.adults.0.bsn": the user knows only the file. */
function displayPath(p: string): string {
  const stripped = p.replace(/^file\.?/, '');
  return stripped === '' ? '(bestand)' : stripped;
}

async function readVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'onbekend';
}

const SECRET_FLAG_PATTERN = /^-{1,2}(passphrase|password|wachtwoord|pass|pw)(=.*)?$/i;

/** A core with the vault opened and unlocked for one report command; always locked and disposed after. */
async function withUnlockedVault<T>(io: CliIo, vault: string | undefined, fn: (client: Client) => Promise<T>, options: CliOptions = {}): Promise<T> {
  const [{ createCore, defaultResourcesDir }, { createInProcessTransport }, { createCliLogger }, { defaultDataDir }] =
    await Promise.all([import('../core/app'), import('../core/inprocess'), import('../core/logger'), import('../core/paths')]);
  const logger: Logger = createCliLogger(io.env, defaultDataDir(io.env), (l) => io.stderr.write(`${l}\n`));
  const core = await createCore({ dataDir: defaultDataDir(io.env), resourcesDir: defaultResourcesDir(), logger, ...(options.kdf ? { kdf: options.kdf } : {}) });
  const client = createClient(createInProcessTransport(core));
  try {
    const cmd = { vault } as ParsedCommand;
    await openAndUnlock(client, cmd, io);
    return await fn(client);
  } finally {
    await client.tryCall('vault.lock', {}).catch(() => undefined);
    await core.dispose();
  }
}

/** Yes/no on the terminal (one line from stdin); null when there is no terminal to ask. */
async function askYesNo(io: CliIo, question: string): Promise<boolean | null> {
  if (!io.stdin.isTTY) return null;
  io.stderr.write(question);
  const line = await new Promise<string>((resolve) => {
    let buf = '';
    const onData = (chunk: Buffer | string) => {
      buf += chunk.toString();
      const nl = buf.indexOf('\n');
      if (nl >= 0) {
        io.stdin.removeListener('data', onData);
        io.stdin.pause();
        resolve(buf.slice(0, nl));
      }
    };
    io.stdin.resume();
    io.stdin.on('data', onData);
  });
  return /^\s*(j|ja|y|yes)\s*$/i.test(line);
}

async function runCommand(cmd: ParsedCommand, io: CliIo, options: CliOptions): Promise<number> {
  // Read the import file before touching the vault: a typo in the file name should not cost a passphrase.
  let importFile: unknown;
  if (cmd.command === 'dossier import') importFile = await readImportFile(path.resolve(io.cwd, cmd.args[0]!));

  // Loaded only for real commands, so help and usage errors answer at once.
  const [{ createCore, defaultResourcesDir }, { createInProcessTransport }, { createCliLogger }, { defaultDataDir }] =
    await Promise.all([import('../core/app'), import('../core/inprocess'), import('../core/logger'), import('../core/paths')]);
  const logger: Logger = createCliLogger(io.env, defaultDataDir(io.env), (l) => io.stderr.write(`${l}\n`));
  const core = await createCore({
    dataDir: defaultDataDir(io.env),
    resourcesDir: defaultResourcesDir(),
    logger,
    ...(options.kdf ? { kdf: options.kdf } : {}),
  });
  const client = createClient(createInProcessTransport(core));
  try {
    switch (cmd.command) {
      case 'vault init':
        return await vaultInit(client, cmd, io);
      case 'dossier import':
        return await dossierImport(client, cmd, io, importFile);
      case 'dossier list':
        return await dossierList(client, cmd, io);
      case 'dossier export':
        return await dossierExport(client, cmd, io);
    }
  } finally {
    // Lock first so key material is dropped even if dispose fails.
    await client.tryCall('vault.lock', {}).catch(() => undefined);
    await core.dispose();
  }
}

function checkVaultPath(p: string, cwd: string): string {
  const resolved = path.resolve(cwd, p);
  if (!resolved.endsWith(VAULT_SUFFIX)) {
    throw new UsageError(`Een kluis is een map waarvan de naam eindigt op ${VAULT_SUFFIX}, bijvoorbeeld kantoor${VAULT_SUFFIX}.`);
  }
  return resolved;
}

/** --vault, else the most recently opened known vault, else <vault folder>/houvast.houvast. */
async function resolveVault(client: Client, cmd: ParsedCommand, io: CliIo): Promise<string> {
  if (cmd.vault) return checkVaultPath(cmd.vault, io.cwd);
  const info = await client.call('app.info', {});
  const recent = [...info.knownVaults].sort((a, b) => (b.lastOpenedAt ?? -1) - (a.lastOpenedAt ?? -1))[0];
  return recent ? recent.path : path.join(info.defaultVaultFolder, `houvast${VAULT_SUFFIX}`);
}

async function getPassphrase(io: CliIo, opts: { confirm: boolean }): Promise<string> {
  const fromEnv = io.env.HOUVAST_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!io.stdin.isTTY) {
    throw new CliError(
      'Geen wachtwoord. Zet de omgevingsvariabele HOUVAST_PASSPHRASE, of start de opdracht in een terminal ' +
        'zodat het wachtwoord gevraagd kan worden.',
      EXIT_USAGE,
    );
  }
  const streams = { stdin: io.stdin, stderr: io.stderr };
  const first = await readHidden(opts.confirm ? 'Nieuw wachtwoord (minstens 12 tekens): ' : 'Wachtwoord: ', streams);
  if (!opts.confirm) return first;
  const second = await readHidden('Herhaal het wachtwoord: ', streams);
  if (first !== second) throw new CliError('De twee wachtwoorden zijn niet gelijk. Er is geen kluis gemaakt.');
  return first;
}

async function openAndUnlock(client: Client, cmd: ParsedCommand, io: CliIo): Promise<string> {
  const vaultPath = await resolveVault(client, cmd, io);
  await client.call('vault.open', { path: vaultPath });
  const passphrase = await getPassphrase(io, { confirm: false });
  await client.call('vault.unlock', { passphrase });
  return passphrase;
}

async function vaultInit(client: Client, cmd: ParsedCommand, io: CliIo): Promise<number> {
  const vaultPath = cmd.vault ? checkVaultPath(cmd.vault, io.cwd) : undefined;
  const name = cmd.name ?? (vaultPath ? path.basename(vaultPath, VAULT_SUFFIX) : 'houvast');
  const passphrase = await getPassphrase(io, { confirm: true });
  const result = await client.call('vault.create', { name, passphrase, ...(vaultPath ? { path: vaultPath } : {}), ...(cmd.vaultKind ? { kind: cmd.vaultKind } : {}) });
  io.stdout.write(
    [
      `${result.status.vault?.kind === 'vereniging' ? 'Verenigingskluis' : 'Kluis'} gemaakt: ${result.status.vault?.path ?? vaultPath ?? name}`,
      '',
      'HERSTELCODE (wordt maar één keer getoond):',
      '',
      `    ${result.recoveryCode}`,
      '',
      'Bewaar deze herstelcode nu: print hem of schrijf hem op en berg hem veilig op, apart van het wachtwoord.',
      'Met de herstelcode kunt u de kluis openen en een nieuw wachtwoord kiezen als u het wachtwoord kwijt bent.',
      'Zonder wachtwoord én zonder herstelcode zijn de gegevens in deze kluis voorgoed verloren.',
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}

async function readImportFile(file: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new CliError(`Het bestand bestaat niet: ${file}`);
    if (code === 'EISDIR') throw new CliError(`Dit is een map, geen bestand: ${file}`);
    throw new CliError(`Het bestand kan niet worden gelezen: ${file}`);
  }
  // Strict: invalid UTF-8, duplicate keys and lone surrogates are refused with their place, never quoted.
  const strict = readStrictJson(bytes);
  if (!strict.ok) {
    throw new AppError('VALIDATION', 'Het bestand kan niet worden gelezen. Er is niets geïmporteerd.', strict.issues);
  }
  return strict.value;
}

async function dossierImport(client: Client, cmd: ParsedCommand, io: CliIo, file: unknown): Promise<number> {
  await openAndUnlock(client, cmd, io);
  const env = await client.tryCall('dossier.import', { file, onDuplicate: cmd.duplicates ?? 'ask' });
  if (!env.ok) {
    const issues = env.error.issues ?? [];
    if (env.error.code === 'VALIDATION' && issues.length > 0) {
      io.stderr.write(`Fout: het bestand is niet geldig. Er is niets geïmporteerd. ${issues.length === 1 ? 'Gevonden fout' : `Gevonden fouten (${issues.length})`}:\n`);
      for (const issue of issues) io.stderr.write(`  ${displayPath(issue.path)}: ${issue.message}\n`);
      return EXIT_ERROR;
    }
    if (env.error.code === 'CONFLICT' && issues.length > 0) {
      io.stderr.write(`Fout: ${env.error.message}\n`);
      for (const issue of issues) io.stderr.write(`  ${displayPath(issue.path)}: ${issue.message}\n`);
      io.stderr.write('Kies met --dubbel overslaan of --dubbel kopie.\n');
      return EXIT_ERROR;
    }
    throw new AppError(env.error.code, env.error.message, issues);
  }
  const imported = env.value.imported;
  if (cmd.json) {
    io.stdout.write(`${JSON.stringify(imported, null, 2)}\n`);
  } else {
    io.stdout.write(`${imported.length === 1 ? '1 dossier' : `${imported.length} dossiers`} geïmporteerd:\n`);
    for (const d of imported) io.stdout.write(`  ${d.number}  (id ${d.id})\n`);
  }
  return EXIT_OK;
}

/** Longest search query accepted from stdin (the contract has its own bound too). */
const MAX_QUERY_CHARS = 200;

/**
 * `--query -`: the search term comes from stdin (a pipe, or hidden input on a terminal), so a name or BSN
 * never stands on the command line, where it would reach the process list, the shell history and npx's log.
 */
async function readQuery(io: CliIo): Promise<string> {
  let text: string;
  if (io.stdin.isTTY) {
    text = await readHidden('Zoekterm: ', io);
  } else {
    text = '';
    io.stdin.setEncoding('utf8');
    for await (const chunk of io.stdin) {
      text += String(chunk);
      if (text.length > MAX_QUERY_CHARS * 4) break;
    }
  }
  const query = (text.split(/\r?\n/)[0] ?? '').trim();
  if (query === '') throw new CliError('Geen zoekterm ontvangen op de invoer (--query -).', EXIT_USAGE);
  if (query.length > MAX_QUERY_CHARS) throw new CliError(`De zoekterm is te lang (meer dan ${MAX_QUERY_CHARS} tekens).`, EXIT_USAGE);
  return query;
}

async function dossierList(client: Client, cmd: ParsedCommand, io: CliIo): Promise<number> {
  const query = cmd.query === '-' ? await readQuery(io) : cmd.query;
  await openAndUnlock(client, cmd, io);
  const rows = await client.call('dossier.list', query !== undefined ? { query } : {});
  io.stdout.write(cmd.json ? `${JSON.stringify(rows, null, 2)}\n` : formatDossierTable(rows));
  return EXIT_OK;
}

async function dossierExport(client: Client, cmd: ParsedCommand, io: CliIo): Promise<number> {
  const wanted = cmd.args[0]!.trim();
  const passphrase = await openAndUnlock(client, cmd, io);
  const all = await client.call('dossier.list', {});
  const match =
    all.find((d) => d.id === wanted) ?? all.find((d) => d.number.toLowerCase() === wanted.toLowerCase());
  if (!match) throw new CliError(`Geen dossier gevonden met id of nummer "${wanted}".`);
  const result = await client.call('dossier.export', { id: match.id, passphrase });
  const content = result.content.endsWith('\n') ? result.content : `${result.content}\n`;
  if (!cmd.out) {
    io.stdout.write(content);
    return EXIT_OK;
  }
  const target = path.resolve(io.cwd, cmd.out);
  try {
    // 'wx': never overwrite; 0600: the file holds personal data.
    await writeFile(target, content, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'EEXIST') throw new CliError(`Het bestand bestaat al: ${target}. Er is niets overschreven.`);
    if (code === 'ENOENT') throw new CliError(`De map bestaat niet: ${path.dirname(target)}`);
    throw new CliError(`Het bestand kan niet worden geschreven: ${target}`);
  }
  io.stderr.write(`Dossier ${match.number} geëxporteerd naar ${target}. Dit bestand bevat persoonsgegevens: bewaar het veilig.\n`);
  return EXIT_OK;
}

/** Known commands, for tests and docs. */
export const COMMAND_NAMES = Object.keys(COMMANDS);
