// Issue 10: imports refuse what JSON.parse would silently alter — invalid UTF-8, duplicate keys, lone
// surrogates — with the place in the file, never quoting the content; a size limit; at most 100 reasons.
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, MAX_LISTED_ISSUES, firstInvalidUtf8, loneSurrogateIssues, parseStrictJson, readStrictJson } from '../../../src/shared/strict-json';

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('UTF-8', () => {
  it('accepts valid text in every sequence length, with or without a BOM', () => {
    for (const text of ['{"naam":"Anna"}', '{"naam":"Özkan Yılmaz"}', '{"a":"€ 12,50"}', '{"a":"😀"}', '\uFEFF{"a":1}']) {
      expect(readStrictJson(utf8(text))).toMatchObject({ ok: true });
    }
  });

  it.each([
    ['a lone continuation byte', [0x80], 10],
    ['an invalid lead byte', [0xff], 10],
    ['an overlong "/"', [0xc0, 0xaf], 10],
    ['an overlong 3-byte form', [0xe0, 0x80, 0xaf], 10],
    ['a UTF-16 surrogate encoded as UTF-8 (CESU)', [0xed, 0xa0, 0x80], 10],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 10],
    ['a sequence cut short by a quote', [0xc3, 0x22], 10],
  ])('refuses %s with its byte position and line', (_label, bad, position) => {
    const bytes = concat(utf8('{\n"naam":"'), bad, utf8('"}'));
    expect(firstInvalidUtf8(bytes)).toBe(position);
    const r = readStrictJson(bytes);
    expect(r).toEqual({ ok: false, issues: [{ path: '(bestand)', message: expect.stringContaining(`byte ${position + 1}, regel 2`) }] });
  });

  it('refuses a sequence cut off at the end of the file', () => {
    expect(firstInvalidUtf8(concat(utf8('{"a":"'), [0xe2, 0x82]))).toBe(6);
  });
});

describe('duplicate keys', () => {
  it('are refused with the object they are in, the key and the line, instead of keeping the last value', () => {
    const text = '{"dossiers":[{"adults":[{"bsn":"111222333",\n"firstName":"A",\n"bsn":"999914042"}]}]}';
    expect(JSON.parse(text).dossiers[0].adults[0].bsn).toBe('999914042'); // what JSON.parse does silently
    const r = parseStrictJson(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([{ path: 'dossiers.0.adults.0', message: expect.stringMatching(/"bsn" staat twee keer.*regel 3/) }]);
    expect(JSON.stringify(r.issues)).not.toContain('999914042');
    expect(JSON.stringify(r.issues)).not.toContain('111222333');
  });

  it('the same key in different objects is fine', () => {
    expect(parseStrictJson('[{"a":1},{"a":2},{"b":{"a":3}}]')).toEqual({ ok: true, value: [{ a: 1 }, { a: 2 }, { b: { a: 3 } }] });
  });
});

describe('lone surrogates', () => {
  it('are refused with their path; a proper pair is fine', () => {
    const r = parseStrictJson('{"dossiers":[{"adults":[{"lastName":"Jans\\ud800en"}]}]}');
    expect(r).toEqual({ ok: false, issues: [{ path: 'dossiers.0.adults.0.lastName', message: expect.stringContaining('losse UTF-16-surrogaat') }] });
    expect(parseStrictJson('{"a":"\\udc00"}')).toMatchObject({ ok: false });
    expect(parseStrictJson('{"a":"\\ud83d\\ude00"}')).toEqual({ ok: true, value: { a: '😀' } });
  });
});

describe('syntax, size and the number of reasons', () => {
  it('a syntax error gives line and column, never the content', () => {
    const r = parseStrictJson('{\n  "bsn": "999914042",\n  "x": }');
    expect(r).toEqual({ ok: false, issues: [{ path: '(bestand)', message: 'Het bestand is geen geldige JSON (regel 3, kolom 8: waarde verwacht).' }] });
    expect(JSON.stringify(r)).not.toContain('999914042');
    for (const text of ['{"a":1,}', '// x\n{"a":1}', '', '   ']) expect(parseStrictJson(text).ok).toBe(false);
  });

  it('names the kind of syntax error in Dutch', () => {
    const message = (text: string) => (parseStrictJson(text) as { issues: { message: string }[] }).issues[0]!.message;
    expect(message('{"a" 1}')).toBe('Het bestand is geen geldige JSON (regel 1, kolom 6: dubbele punt verwacht).');
    expect(message('{"a":1 "b":2}')).toBe('Het bestand is geen geldige JSON (regel 1, kolom 8: komma verwacht).');
    expect(message('{"a":"open')).toBe('Het bestand is geen geldige JSON (regel 1, kolom 6: tekst niet afgesloten met ").');
    expect(message('// x\n{"a":1}')).toBe('Het bestand is geen geldige JSON (regel 1, kolom 1: commentaar is niet toegestaan).');
    expect(message('{ niet json')).toBe('Het bestand is geen geldige JSON (regel 1, kolom 3: onverwacht teken).');
  });

  it('refuses a file above the size limit without reading it', () => {
    const r = readStrictJson(new Uint8Array(2048), 1024);
    expect(r).toEqual({ ok: false, issues: [{ path: '(bestand)', message: expect.stringContaining('te groot') }] });
  });

  it('says how much too large a file is, even one byte over the limit', () => {
    const MB = 1024 * 1024;
    const message = (size: number) => (readStrictJson(new Uint8Array(size), MB) as { issues: { message: string }[] }).issues[0]!.message;
    expect(message(3 * MB)).toContain('te groot (3 MB); de grens is 1 MB.');
    expect(message(MB + 200 * 1024)).toContain('te groot (1,2 MB); de grens is 1 MB.');
    // 1 MB + 1 byte: "1 MB; de grens is 1 MB" said nothing (hostile test, session 14).
    expect(message(MB + 1)).toContain('te groot (1,000001 MB); de grens is 1 MB.');
  });

  it(`lists at most ${MAX_LISTED_ISSUES} reasons, then counts the rest`, () => {
    const objects = Array.from({ length: 150 }, (_, i) => `{"k${i}":1,"k${i}":2}`).join(',');
    const r = parseStrictJson(`[${objects}]`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(r.issues[MAX_LISTED_ISSUES]).toEqual({ path: '(bestand)', message: expect.stringContaining('en nog 50 fouten') });
  });
});

describe('nesting', () => {
  it(`refuses a file nested deeper than ${MAX_JSON_DEPTH} levels with the place, instead of exhausting the stack`, () => {
    // 2,000 nested arrays: a 4 KB file that overflowed the call stack (hostile test, session 14).
    const deep = `{"a": "[[[{", "b":\n  ${'['.repeat(2000)}${']'.repeat(2000)}}`;
    const r = parseStrictJson(deep);
    // The brackets inside the string do not count; the first bracket past the limit is on line 2.
    expect(r).toEqual({ ok: false, issues: [{ path: '(bestand)', message: expect.stringContaining(`te diep genest (meer dan ${MAX_JSON_DEPTH} niveaus, regel 2, kolom ${2 + MAX_JSON_DEPTH})`) }] });
  });

  it(`reads a file of exactly ${MAX_JSON_DEPTH} levels`, () => {
    const text = `${'{"a":'.repeat(MAX_JSON_DEPTH - 1)}[1]${'}'.repeat(MAX_JSON_DEPTH - 1)}`;
    expect(parseStrictJson(text)).toMatchObject({ ok: true });
  });

  it('finds lone surrogates in a value nested far deeper than the call stack', () => {
    let value: unknown = ['\ud800'];
    for (let i = 0; i < 100_000; i++) value = [value];
    const issues = loneSurrogateIssues(value, ['file']);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe(`file.${Array(100_000).fill(0).join('.')}.0`);
  });
});
