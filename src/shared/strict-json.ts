// Strict reading of a user-supplied JSON file (dossier and norm imports). JSON.parse alone silently alters
// what it reads: invalid UTF-8 becomes U+FFFD, a duplicated key keeps only its last value, and a lone UTF-16
// surrogate passes through as a broken character. Each is refused here with its place in the file, and no
// message ever quotes the file's content (it may hold personal data). Pure: runs in the core, CLI and renderer.
import { visit, type ParseError, printParseErrorCode } from 'jsonc-parser';
import type { IssueDetail } from './contract/errors';
import { decodeUtf8 } from './utf8';

/** Largest import file accepted (a whole office's dossiers fit many times over). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** Listing more reasons than this helps nobody; the rest is counted. */
export const MAX_LISTED_ISSUES = 100;

export type StrictJsonResult = { ok: true; value: unknown } | { ok: false; issues: IssueDetail[] };

const FILE = '(bestand)';
const fail = (message: string, path = FILE): StrictJsonResult => ({ ok: false, issues: [{ path, message }] });

function formatMegabytes(bytes: number, decimals = 1): string {
  return `${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: decimals }).format(bytes / (1024 * 1024))} MB`;
}

/** A size just over the limit printed with as many decimals as it takes to differ from the limit ("64,001 MB"). */
function sizeOverLimit(bytes: number, maxBytes: number): string {
  let decimals = 1;
  while (decimals < 6 && formatMegabytes(bytes, decimals) === formatMegabytes(maxBytes, decimals)) decimals++;
  return formatMegabytes(bytes, decimals);
}

/** Byte offset of the first invalid UTF-8 sequence, or -1 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    if (i + need >= bytes.length) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

const displayPath = (path: (string | number)[]): string => (path.length === 0 ? FILE : path.map(String).join('.'));

/** Keys are field names in a valid file; anything else is shortened so a stray value cannot leak in full. */
const displayKey = (key: string): string => (key.length > 40 ? `${key.slice(0, 40)}…` : key);

/** Strict JSON text → value: syntax errors and duplicate keys with line and column, lone surrogates with their path. */
export function parseStrictJson(text: string): StrictJsonResult {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return fail('Het bestand is leeg.');
  // Before any walk: a few kilobytes of brackets would otherwise exhaust the call stack.
  const deep = tooDeep(source);
  if (deep) return fail(`Het bestand is te diep genest (meer dan ${MAX_JSON_DEPTH} niveaus, regel ${deep.line}, kolom ${deep.column}); dit is geen bestand in een formaat van Houvast.`);
  const issues: IssueDetail[] = [];
  const keysStack: Set<string>[] = [];
  const syntax: ParseError[] = [];
  let syntaxAt: { line: number; column: number } | null = null;
  visit(
    source,
    {
      onObjectBegin: () => void keysStack.push(new Set()),
      onObjectEnd: () => void keysStack.pop(),
      onObjectProperty: (property, _offset, _length, startLine, startCharacter, pathSupplier) => {
        const keys = keysStack[keysStack.length - 1];
        if (!keys) return;
        if (keys.has(property)) {
          issues.push({
            path: displayPath(pathSupplier()),
            message: `de sleutel "${displayKey(property)}" staat twee keer in hetzelfde object (regel ${startLine + 1}, kolom ${startCharacter + 1}); welke waarde bedoeld is, is niet te zeggen.`,
          });
        }
        keys.add(property);
      },
      onError: (error, _offset, _length, startLine, startCharacter) => {
        syntax.push({ error, offset: _offset, length: _length });
        syntaxAt ??= { line: startLine + 1, column: startCharacter + 1 };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (syntax.length > 0) {
    const at = syntaxAt as { line: number; column: number } | null;
    // The kind of mistake in Dutch, without quoting the file.
    const kind = SYNTAX_ERROR_NL[printParseErrorCode(syntax[0]!.error)] ?? 'ongeldige opbouw';
    return fail(`Het bestand is geen geldige JSON (regel ${at?.line ?? '?'}, kolom ${at?.column ?? '?'}: ${kind}).`);
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return fail('Het bestand is geen geldige JSON.');
  }
  issues.push(...loneSurrogateIssues(value));
  return issues.length > 0 ? { ok: false, issues: capIssues(issues) } : { ok: true, value };
}

/** jsonc-parser's error codes, as a user reads them. */
const SYNTAX_ERROR_NL: Record<string, string> = {
  InvalidSymbol: 'onverwacht teken',
  InvalidNumberFormat: 'ongeldig getal',
  PropertyNameExpected: 'naam van een veld verwacht',
  ValueExpected: 'waarde verwacht',
  ColonExpected: 'dubbele punt verwacht',
  CommaExpected: 'komma verwacht',
  CloseBraceExpected: 'sluitaccolade } verwacht',
  CloseBracketExpected: 'sluithaak ] verwacht',
  EndOfFileExpected: 'einde van het bestand verwacht',
  InvalidCommentToken: 'commentaar is niet toegestaan',
  UnexpectedEndOfComment: 'commentaar niet afgesloten',
  UnexpectedEndOfString: 'tekst niet afgesloten met "',
  UnexpectedEndOfNumber: 'getal niet afgemaakt',
  InvalidUnicode: 'ongeldige \\u-code',
  InvalidEscapeCharacter: 'ongeldig teken na \\',
  InvalidCharacter: 'ongeldig teken in een tekst',
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Every string (and key) in `value` that holds a lone UTF-16 surrogate, with its place. Iterative, so a value nested
 * deeper than the call stack (a file or a request of a few kilobytes can be) is walked like any other. Also used by
 * the router on every procedure's input: text with a broken character is refused, never stored as U+FFFD.
 */
export function loneSurrogateIssues(value: unknown, base: (string | number)[] = []): IssueDetail[] {
  // Each entry points at its parent: the path is only built for a string that is refused (copying it at every
  // level would cost the square of the depth).
  interface Place {
    key: string | number;
    parent: Place | null;
  }
  const pathOf = (place: Place | null): (string | number)[] => {
    const keys: (string | number)[] = [];
    for (let p = place; p; p = p.parent) keys.push(p.key);
    return [...base, ...keys.reverse()];
  };
  const issues: IssueDetail[] = [];
  const stack: { value: unknown; place: Place | null }[] = [{ value, place: null }];
  while (stack.length > 0 && issues.length <= MAX_LISTED_ISSUES) {
    const { value: v, place } = stack.pop()!;
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) issues.push({ path: displayPath(pathOf(place)), message: 'bevat een ongeldig teken (een losse UTF-16-surrogaat, \\uD800–\\uDFFF).' });
    } else if (Array.isArray(v)) {
      for (let k = v.length - 1; k >= 0; k--) stack.push({ value: v[k], place: { key: k, parent: place } });
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (const k of keys) {
        if (LONE_SURROGATE.test(k)) issues.push({ path: displayPath(pathOf(place)), message: 'een sleutel bevat een ongeldig teken (een losse UTF-16-surrogaat).' });
      }
      for (let k = keys.length - 1; k >= 0; k--) stack.push({ value: (v as Record<string, unknown>)[keys[k]!], place: { key: keys[k]!, parent: place } });
    }
  }
  return issues;
}

/** Deeper than this is no file of Houvast's formats (they nest some eight levels): refused before it is walked. */
export const MAX_JSON_DEPTH = 64;

/** Line and column of the first bracket that opens level MAX_JSON_DEPTH + 1, or null. Strings are skipped. */
function tooDeep(text: string): { line: number; column: number } | null {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip a string, escapes included (an unterminated one is the parser's to report).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > MAX_JSON_DEPTH) return { line, column: i - lineStart + 1 };
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    } else if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return null;
}

/**
 * Fields of a file that its schema does not know: every key of `raw` (the file as read) that is missing from the same
 * object in `parsed` (what the schema made of it; zod drops keys it does not know). A misspelt optional field
 * ("livingInHouseHold") would otherwise be dropped without a word and its default taken instead, which silently alters
 * what the file says. Where the schema turned a value into something else (not an object or array on both sides),
 * nothing below it is compared.
 */
export function unknownFields(raw: unknown, parsed: unknown, path: (string | number)[] = []): IssueDetail[] {
  const issues: IssueDetail[] = [];
  const walk = (r: unknown, p: unknown, at: (string | number)[]) => {
    if (issues.length > MAX_LISTED_ISSUES) return;
    if (Array.isArray(r)) {
      if (!Array.isArray(p)) return;
      for (let i = 0; i < Math.min(r.length, p.length); i++) walk(r[i], p[i], [...at, i]);
    } else if (isPlainObject(r) && isPlainObject(p)) {
      for (const key of Object.keys(r)) {
        if (!Object.prototype.hasOwnProperty.call(p, key)) {
          issues.push({ path: displayPath([...at, displayKey(key)]), message: 'onbekend veld: het wordt niet gelezen. Controleer de naam van het veld (hoofdletters tellen) in de beschrijving van het bestandsformaat.' });
        } else walk(r[key], p[key], [...at, key]);
      }
    }
  };
  walk(raw, parsed, path);
  return issues;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One reason as a line of text: its place (unless it is the whole file), then the reason. */
export function issueLine(issue: IssueDetail): string {
  return issue.path === FILE ? issue.message : `${issue.path}: ${issue.message}`;
}

/** At most MAX_LISTED_ISSUES reasons, then one line that counts the rest. */
export function capIssues(issues: IssueDetail[]): IssueDetail[] {
  if (issues.length <= MAX_LISTED_ISSUES) return issues;
  const rest = issues.length - MAX_LISTED_ISSUES;
  return [...issues.slice(0, MAX_LISTED_ISSUES), { path: FILE, message: `en nog ${rest} ${rest === 1 ? 'fout' : 'fouten'} (alleen de eerste ${MAX_LISTED_ISSUES} staan hier).` }];
}

/** The bytes of a file → value: size limit, strict UTF-8, then strict JSON. */
export function readStrictJson(bytes: Uint8Array, maxBytes: number = MAX_IMPORT_BYTES): StrictJsonResult {
  if (bytes.length > maxBytes) {
    return fail(`Het bestand is te groot (${sizeOverLimit(bytes.length, maxBytes)}); de grens is ${formatMegabytes(maxBytes)}. Splits het bestand in delen.`);
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    return fail(`Het bestand is geen geldige UTF-8-tekst (byte ${bad + 1}, regel ${lineOf(bytes, bad)}). Sla het op als UTF-8 en probeer het opnieuw.`);
  }
  return parseStrictJson(decodeUtf8(bytes));
}
