// Command-line parsing for `houvast`: which command, which options, and the Dutch help texts.
// Pure apart from node:util; every mistake becomes a UsageError (exit code 2) with a Dutch message.
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * node:util parseArgs words its errors in English: the Dutch sentence for one (used by every command line:
 * houvast, houvast budget, npm run web). `example` shows an option with its value.
 */
export function parseArgsErrorText(err: unknown, example: string): string {
  const code = (err as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const match = /'([^']+)'/.exec((err as Error).message);
    return `Onbekende optie${match ? ` ${match[1]}` : ''}.`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `Een optie mist haar waarde (bijvoorbeeld ${example}).`;
  return 'De argumenten konden niet worden gelezen.';
}

export type CommandName = 'vault init' | 'dossier import' | 'dossier list' | 'dossier export';

export interface ParsedCommand {
  kind: 'command';
  command: CommandName;
  /** Positional arguments after the command words (file, id). */
  args: string[];
  vault: string | undefined;
  name: string | undefined;
  json: boolean;
  query: string | undefined;
  out: string | undefined;
  /** dossier import: what to do with households already in the vault (default: ask, i.e. refuse and name them). */
  duplicates: 'skip' | 'copy' | undefined;
  /** vault init: an office's vault (default) or an association's (vault-kind.ts). */
  vaultKind: 'kantoor' | 'vereniging' | undefined;
}
export type Parsed = ParsedCommand | { kind: 'help'; topic: CommandName | null } | { kind: 'version' };

const OPTIONS = {
  vault: { type: 'string' },
  name: { type: 'string' },
  json: { type: 'boolean' },
  query: { type: 'string' },
  out: { type: 'string' },
  dubbel: { type: 'string' },
  soort: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;
type OptionName = keyof typeof OPTIONS;

interface CommandSpec {
  usage: string;
  summary: string;
  details: string;
  options: OptionName[];
  positionals: string[];
}

const VAULT_OPTION = '  --vault <pad>       De kluismap (*.houvast). Standaard: de laatst geopende kluis.';

export const COMMANDS: Record<CommandName, CommandSpec> = {
  'vault init': {
    usage: 'houvast vault init [--name <naam>] [--vault <pad>] [--soort kantoor|vereniging]',
    summary: 'Maak een nieuwe, versleutelde kluis.',
    details: [
      'Maakt een nieuwe kluis en toont eenmalig de herstelcode. Bewaar die code op een veilige plek:',
      'zonder wachtwoord én zonder herstelcode zijn de gegevens niet meer terug te halen.',
      'Op een terminal wordt het wachtwoord twee keer gevraagd (minstens 12 tekens).',
      '',
      'Opties:',
      '  --name <naam>       Naam van de kluis (standaard: "houvast").',
      '  --vault <pad>       Map van de nieuwe kluis (eindigt op .houvast; mag nog niet bestaan).',
      '                      Standaard: <kluizenmap>/<naam>.houvast.',
      '  --soort <soort>     "kantoor" (standaard): dossiers van huishoudens. "vereniging": ontvangen',
      '                      systeemfouten-rapporten en het sleutelregister, nooit dossiers (houvast help report).',
      '                      De soort ligt vast bij het maken.',
    ].join('\n'),
    options: ['name', 'vault', 'soort'],
    positionals: [],
  },
  'dossier import': {
    usage: 'houvast dossier import <bestand.json> [--dubbel overslaan|kopie] [--vault <pad>] [--json]',
    summary: 'Importeer dossiers uit een uitwisselbestand (alles of niets).',
    details: [
      'Leest een uitwisselbestand (docs/interchange.md, resources/schema/dossier.schema.json).',
      'Is het bestand ongeldig, dan worden alle gevonden fouten getoond en wordt er niets geïmporteerd.',
      'Systeemfouten in het bestand worden vastgelegd op de importdatum (lopend kwartaal); hun eerdere datum blijft bewaard.',
      '',
      'Opties:',
      VAULT_OPTION,
      '  --json              Toon het resultaat als JSON (id en nummer per dossier).',
      '  --dubbel <keuze>    Een huishouden dat al in de kluis staat: "overslaan" of als "kopie" importeren.',
      '                      Zonder deze optie wordt zo\'n bestand geweigerd en worden de dossiers genoemd.',
    ].join('\n'),
    options: ['vault', 'json', 'dubbel'],
    positionals: ['bestand.json'],
  },
  'dossier list': {
    usage: 'houvast dossier list [--json] [--query <zoekterm>] [--vault <pad>]',
    summary: 'Toon de dossiers in de kluis.',
    details: [
      'Zoekt op naam, dossiernummer, postcode of BSN wanneer --query is gegeven.',
      'Met --query - komt de zoekterm van de invoer (een pijp, of verborgen getypt in de terminal):',
      'zo komt een naam of BSN niet in de proceslijst, de shellgeschiedenis of het logboek van npx.',
      '',
      'Opties:',
      VAULT_OPTION,
      '  --json              Toon een JSON-array met een samenvatting per dossier.',
      '  --query <zoekterm>  Alleen dossiers die bij de zoekterm passen (- = lees van de invoer).',
    ].join('\n'),
    options: ['vault', 'json', 'query'],
    positionals: [],
  },
  'dossier export': {
    usage: 'houvast dossier export <id-of-nummer> [--out <bestand.json>] [--vault <pad>]',
    summary: 'Exporteer één dossier als uitwisselbestand.',
    details: [
      'Schrijft het dossier (met persoonsgegevens!) naar stdout, of naar --out.',
      'Een bestaand bestand wordt niet overschreven.',
      '',
      'Opties:',
      VAULT_OPTION,
      '  --out <bestand>     Schrijf naar dit bestand in plaats van naar stdout.',
    ].join('\n'),
    options: ['vault', 'out'],
    positionals: ['id-of-nummer'],
  },
};

export const GENERAL_HELP = [
  'houvast: versleutelde dossiers van Houvast beheren vanaf de opdrachtregel.',
  '',
  'Gebruik:',
  ...Object.values(COMMANDS).map((c) => `  ${c.usage}`),
  '  houvast help <opdracht>',
  '',
  'Opdrachten:',
  ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(16)} ${c.summary}`),
  '',
  'Wachtwoord: uit de omgevingsvariabele HOUVAST_PASSPHRASE, of anders gevraagd in de terminal',
  '(verborgen invoer). Nooit als argument: dat zou zichtbaar zijn in de proceslijst en de shellgeschiedenis.',
  '',
  'Omgeving:',
  '  HOUVAST_PASSPHRASE  Wachtwoord van de kluis (voor scripts).',
  '  HOUVAST_DATA_DIR    Gegevensmap van Houvast (standaard de map van de app).',
  '',
  'Afsluitcodes: 0 gelukt, 1 fout (bijv. onjuist wachtwoord, ongeldig bestand), 2 verkeerd gebruik.',
  'Meer: docs/cli.md',
].join('\n');

export function commandHelp(name: CommandName): string {
  const c = COMMANDS[name];
  return `Gebruik: ${c.usage}\n\n${c.summary}\n\n${c.details}\n`;
}

const SECRET_FLAG = /^-{1,2}(passphrase|password|wachtwoord|pass|pw)(=.*)?$/i;

export const SECRET_FLAG_MESSAGE =
  'Het wachtwoord kan niet als argument worden meegegeven: argumenten zijn zichtbaar in de proceslijst ' +
  'en in de shellgeschiedenis. Gebruik de omgevingsvariabele HOUVAST_PASSPHRASE of typ het wachtwoord ' +
  'wanneer erom wordt gevraagd.';

function resolveCommand(words: string[]): { command: CommandName; rest: string[] } | null {
  const [a, b, ...rest] = words;
  const name = `${a ?? ''} ${b ?? ''}`;
  if (Object.prototype.hasOwnProperty.call(COMMANDS, name)) return { command: name as CommandName, rest };
  return null;
}

function duplicatesChoice(value: string | undefined): 'skip' | 'copy' | undefined {
  if (value === undefined) return undefined;
  if (value === 'overslaan') return 'skip';
  if (value === 'kopie') return 'copy';
  throw new UsageError('De optie --dubbel is "overslaan" of "kopie".');
}

function vaultKindChoice(value: string | undefined): 'kantoor' | 'vereniging' | undefined {
  if (value === undefined || value === 'kantoor' || value === 'vereniging') return value;
  throw new UsageError('De optie --soort is "kantoor" of "vereniging".');
}

export function parseCommandLine(argv: string[]): Parsed {
  // Checked before anything else, so a secret typed as an argument is refused even next to other mistakes.
  if (argv.some((a) => SECRET_FLAG.test(a))) throw new UsageError(SECRET_FLAG_MESSAGE);

  let values: Partial<Record<OptionName, string | boolean>>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (err) {
    throw new UsageError(`${parseArgsErrorText(err, '--vault <pad>')} Zie: houvast --help`);
  }

  if (values.version) return { kind: 'version' };

  if (positionals[0] === 'help') {
    if (positionals.length === 1) return { kind: 'help', topic: null };
    const found = resolveCommand(positionals.slice(1));
    if (!found || found.rest.length > 0) throw new UsageError(`Onbekende opdracht voor help. Zie: houvast --help`);
    return { kind: 'help', topic: found.command };
  }

  if (positionals.length === 0) {
    if (values.help) return { kind: 'help', topic: null };
    throw new UsageError(`Geef een opdracht.\n\n${GENERAL_HELP}`);
  }

  const found = resolveCommand(positionals);
  if (!found) {
    throw new UsageError(`Onbekende opdracht "${positionals.slice(0, 2).join(' ')}". Zie: houvast --help`);
  }
  if (values.help) return { kind: 'help', topic: found.command };

  const spec = COMMANDS[found.command];
  for (const key of Object.keys(values) as OptionName[]) {
    if (key === 'help' || key === 'version') continue;
    if (!spec.options.includes(key)) {
      throw new UsageError(`De optie --${key} hoort niet bij "houvast ${found.command}". Zie: houvast help ${found.command}`);
    }
  }
  if (found.rest.length !== spec.positionals.length) {
    const expected = spec.positionals.length === 0 ? 'geen argumenten' : spec.positionals.map((p) => `<${p}>`).join(' ');
    throw new UsageError(`"houvast ${found.command}" verwacht ${expected}.\nGebruik: ${spec.usage}`);
  }
  const str = (k: OptionName) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  for (const k of ['vault', 'name', 'query', 'out'] as const) {
    if (values[k] !== undefined && str(k)!.trim() === '') throw new UsageError(`De optie --${k} mag niet leeg zijn.`);
  }
  return {
    kind: 'command',
    command: found.command,
    args: found.rest,
    vault: str('vault'),
    name: str('name'),
    json: values.json === true,
    query: str('query'),
    out: str('out'),
    duplicates: duplicatesChoice(str('dubbel')),
    vaultKind: vaultKindChoice(str('soort')),
  };
}
