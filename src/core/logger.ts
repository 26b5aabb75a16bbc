// Structured logger that can never carry personal data: values that look like key material, BSNs,
// IBANs, e-mail addresses or postcodes are redacted, fields named like personal data (name, address, BSN,
// …) are dropped to "[redacted]" whatever they hold, and Error objects are reduced to name + code.
// createLogFileWriter() keeps those lines in a rotating file in the data folder, for support questions
// after the fact (the web shell and the desktop app write it; the CLI only on request, see docs/cli.md).
import { appendFileSync, chmodSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/contract/errors';
import { isValidBsn } from '../shared/validation/bsn';

export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const REDACTIONS: RegExp[] = [
  /\b[0-9a-fA-F]{32,}\b/g, // hex key material
  /x'[0-9a-fA-F]+'/g, // SQLCipher raw key literal
  /\b[A-Z]{2}\d{2}[A-Z0-9]{10,30}\b/gi, // IBAN
  /\b[A-Z]{2}\d{2}(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?\b/gi, // IBAN written in groups of four
  /\b\d{9}\b/g, // BSN-shaped
  /\b\d{3}[ .-]\d{3}[ .-]\d{3}\b/g, // BSN written in groups (123.456.782)
  /[^\s@]+@[^\s@]+\.[^\s@]+/g, // e-mail
  /\b[1-9]\d{3} ?[A-Z]{2}\b/g, // postcode
];

/**
 * Field names whose values are personal data whatever they look like (a name passes every pattern):
 * the whole value becomes "[redacted]". Matched on the name without case, dashes or underscores.
 */
const PERSONAL_FIELD =
  /^(.*name|.*naam|voornamen|initials|initialen|tussenvoegsel|bsn|iban|email|e?mailadres|phone|telefoon.*|address|adres|street|straat|housenumber|huisnummer|postcode|postalcode|zip|city|woonplaats|plaats|birthdate|dateofbirth|geboortedatum|passphrase|password|wachtwoord|recoverycode|herstelcode|query|zoekterm|text|note|notitie|body)$/;

function isPersonalField(key: string): boolean {
  return PERSONAL_FIELD.test(key.toLowerCase().replace(/[-_\s]/g, ''));
}

export function redact(text: string): string {
  let out = text;
  for (const re of REDACTIONS) out = out.replace(re, '[redacted]');
  // Eight digits are a BSN with its leading zero dropped, but also many harmless numbers: only elfproef ones.
  return out.replace(/\b\d{8}\b/g, (m) => (isValidBsn(m) ? '[redacted]' : m));
}

/** A number can be a BSN too (8 or 9 digits passing the elfproef). */
function redactNumber(value: number): number | string {
  return Number.isInteger(value) && value >= 1_000_000 && value <= 999_999_999 && isValidBsn(String(value)) ? '[redacted]' : value;
}

function sanitize(value: unknown, depth = 0): unknown {
  if (depth > 4) return '[…]';
  if (value instanceof Error) {
    const { code, syscall } = value as { code?: unknown; syscall?: unknown };
    return {
      name: value.name,
      code: typeof code === 'string' ? code : undefined,
      syscall: typeof syscall === 'string' ? syscall : undefined,
      // Our own messages are written for users and name no one. Any other message may quote data that no
      // pattern can recognise (a name or address a library refused, a path with a client's name in it).
      message: value instanceof AppError ? redact(value.message) : undefined,
    };
  }
  if (typeof value === 'string') return redact(value);
  if (typeof value === 'number') return redactNumber(value);
  if (typeof value === 'bigint') return '[…]';
  if (Array.isArray(value)) return value.map((v) => sanitize(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [redact(k), isPersonalField(k) && v !== null && v !== undefined ? '[redacted]' : sanitize(v, depth + 1)]),
    );
  }
  return value;
}

export function createLogger(write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const emit = (level: string, event: string, fields?: Record<string, unknown>) => {
    try {
      write(JSON.stringify({ level, event: redact(event), ...(fields ? (sanitize(fields) as object) : {}) }));
    } catch {
      // Logging must never break the operation it describes (a full disk, a closed stream).
    }
  };
  return {
    info: (e, f) => emit('info', e, f),
    warn: (e, f) => emit('warn', e, f),
    error: (e, f) => emit('error', e, f),
  };
}

/** For tests and the CLI's quiet mode. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/**
 * The CLI's logger: silent unless asked. `HOUVAST_DEBUG=1` prints the redacted lines on stderr,
 * `HOUVAST_LOG_FILE=1` appends them to the data folder's log file like the app does. A short-lived tool run
 * in scripts should not grow a file on every call by default.
 */
export function createCliLogger(env: Record<string, string | undefined>, dataDir: string, stderr: (line: string) => void): Logger {
  const writers: Array<(line: string) => void> = [];
  if (env.HOUVAST_DEBUG === '1') writers.push(stderr);
  if (env.HOUVAST_LOG_FILE === '1') writers.push(createLogFileWriter({ dataDir }));
  return writers.length === 0 ? silentLogger : createLogger(teeWriter(...writers));
}

// ---- the log file ------------------------------------------------------------------------------------

export const LOG_DIR_NAME = 'logs';
export const LOG_FILE_NAME = 'houvast.log';
/** Rotate when the file would pass this size. */
export const LOG_MAX_BYTES = 1024 * 1024;
/** Rotated files kept beside the current one: houvast.log.1 (newest) … houvast.log.3 (oldest). */
export const LOG_KEEP = 3;

export interface LogFileOptions {
  /** The app's data folder; the log goes to `<dataDir>/logs/houvast.log`. */
  dataDir: string;
  maxBytes?: number;
  keep?: number;
  /** Wall-clock time for the line's timestamp (default Date.now). */
  now?: () => number;
}

/** `<dataDir>/logs/houvast.log`. */
export function logFilePath(dataDir: string): string {
  return path.join(dataDir, LOG_DIR_NAME, LOG_FILE_NAME);
}

/**
 * A writer for createLogger that appends each (already redacted) line, with its time, to
 * `<dataDir>/logs/houvast.log` (0600, folder 0700), rotating at `maxBytes`: houvast.log becomes .1, .1
 * becomes .2, …, and the oldest beyond `keep` is deleted. Synchronous appends keep lines whole and in
 * order and survive a crash right after them; the logger writes few lines (events, not requests).
 * A failure to write is swallowed: the log is a help for support, never a reason for an operation to fail.
 */
export function createLogFileWriter(options: LogFileOptions): (line: string) => void {
  const file = logFilePath(options.dataDir);
  const dir = path.dirname(file);
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const keep = options.keep ?? LOG_KEEP;
  const now = options.now ?? Date.now;
  let size: number | null = null;
  const rotate = () => {
    rmSync(`${file}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      try {
        renameSync(`${file}.${n}`, `${file}.${n + 1}`);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    if (keep >= 1) renameSync(file, `${file}.1`);
    else rmSync(file, { force: true });
    size = 0;
  };
  return (line: string) => {
    try {
      if (size === null) {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        if (process.platform !== 'win32') chmodSync(dir, 0o700);
        try {
          size = statSync(file).size;
        } catch {
          size = 0;
        }
      }
      const stamped = line.startsWith('{') ? `{"time":"${new Date(now()).toISOString()}",${line.slice(1)}` : line;
      const bytes = Buffer.byteLength(stamped, 'utf8') + 1;
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(file, `${stamped}\n`, { mode: 0o600 });
      size = (size ?? 0) + bytes;
    } catch {
      size = null; // look at the file again next time (it may have been removed or the disk freed)
    }
  };
}

/** Several writers as one (e.g. the log file and stderr). */
export function teeWriter(...writers: Array<(line: string) => void>): (line: string) => void {
  return (line) => {
    for (const write of writers) write(line);
  };
}

/**
 * The logger of the desktop app and the web shell: each line to stderr and to the rotating log file in
 * the data folder (`<dataDir>/logs/houvast.log`), redacted as every line of createLogger.
 */
export function createAppLogger(dataDir: string): Logger {
  return createLogger(teeWriter(createLogFileWriter({ dataDir }), (l) => process.stderr.write(`${l}\n`)));
}
