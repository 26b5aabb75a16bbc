// src/shared/utf8.ts against the platform's own encoder and decoder (WHATWG Encoding, in Node here): the
// shared layer may not use those globals (tsconfig.shared.json has only the ES library), so it carries its own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, utf8ByteLength } from '../../../src/shared/utf8';

const encode = (s: string) => new TextEncoder().encode(s);

describe('utf8ByteLength', () => {
  it('counts as an encoder writes: 1 to 4 bytes per character, a lone surrogate as U+FFFD', () => {
    expect(utf8ByteLength('')).toBe(0);
    expect(utf8ByteLength('abc')).toBe(3);
    expect(utf8ByteLength('é')).toBe(2); // U+00E9
    expect(utf8ByteLength('€')).toBe(3); // U+20AC
    expect(utf8ByteLength('😀')).toBe(4); // U+1F600, a surrogate pair
    expect(utf8ByteLength('\ud800x')).toBe(4); // lone high surrogate (3) + x
    expect(utf8ByteLength('x\udc00')).toBe(4);
  });

  it('equals the platform encoder on any string, well-formed or not', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => utf8ByteLength(s) === encode(s).length));
  });
});

describe('decodeUtf8', () => {
  it('round-trips every well-formed string, also across its internal chunks', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => decodeUtf8(encode(s)) === s));
    const long = 'Özkan € 😀 '.repeat(5000);
    expect(decodeUtf8(encode(long))).toBe(long);
  });

  it('refuses malformed bytes like a fatal decoder', () => {
    for (const bytes of [[0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc3], [0xe2, 0x82]]) {
      expect(() => decodeUtf8(Uint8Array.from(bytes)), bytes.join(',')).toThrow(/Ongeldige UTF-8/);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes))).toThrow();
    }
  });
});
