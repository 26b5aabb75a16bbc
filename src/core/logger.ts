// Structured logger that can never carry personal data: values that look like key material, BSNs,
// IBANs, e-mail addresses or postcodes are redacted, and Error objects are reduced to name + code.
import { AppError } from '../shared/contract/errors';

export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const REDACTIONS: RegExp[] = [
  /\b[0-9a-fA-F]{32,}\b/g, // hex key material
  /x'[0-9a-fA-F]+'/g, // SQLCipher raw key literal
  /\b[A-Z]{2}\d{2}[A-Z0-9]{10,30}\b/g, // IBAN
  /\b\d{9}\b/g, // BSN-shaped
  /[^\s@]+@[^\s@]+\.[^\s@]+/g, // e-mail
  /\b[1-9]\d{3} ?[A-Z]{2}\b/g, // postcode
];

export function redact(text: string): string {
  let out = text;
  for (const re of REDACTIONS) out = out.replace(re, '[redacted]');
  return out;
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
  if (Array.isArray(value)) return value.map((v) => sanitize(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitize(v, depth + 1)]));
  }
  return value;
}

export function createLogger(write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const emit = (level: string, event: string, fields?: Record<string, unknown>) =>
    write(JSON.stringify({ level, event, ...(fields ? (sanitize(fields) as object) : {}) }));
  return {
    info: (e, f) => emit('info', e, f),
    warn: (e, f) => emit('warn', e, f),
    error: (e, f) => emit('error', e, f),
  };
}

/** For tests and the CLI's quiet mode. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
