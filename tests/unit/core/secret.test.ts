// Key handling (src/core/vault/secret.ts), tested through its public API on buffers the test creates itself:
// the vault manager holds its session key in a SecretKey and disposes it on every lock, so what dispose()
// does to a buffer is what a lock does to the data key.
import { describe, expect, it } from 'vitest';
import { SecretKey, concatSecret, secretFromString, takeSecret, wipe } from '../../../src/core/vault/secret';

const filled = (n: number, start = 1) => Buffer.from(Array.from({ length: n }, (_, i) => (start + i) % 256 || 7));
const allZero = (b: Uint8Array) => b.every((x) => x === 0);

describe('SecretKey', () => {
  it('dispose() zero-fills the very buffer it was given, and the key cannot be read afterwards', () => {
    const buffer = filled(32);
    const key = new SecretKey(buffer);
    expect(key.bytes).toBe(buffer);
    expect(key.disposed).toBe(false);
    key.dispose();
    expect(allZero(buffer)).toBe(true);
    expect(buffer).toHaveLength(32);
    expect(key.disposed).toBe(true);
    expect(() => key.bytes).toThrow(/disposed/);
    key.dispose(); // idempotent
    expect(allZero(buffer)).toBe(true);
  });

  it('equals() compares in constant time and is false for another key, another length, or after dispose', () => {
    const key = new SecretKey(filled(32));
    expect(key.equals(filled(32))).toBe(true);
    expect(key.equals(filled(32, 2))).toBe(false);
    expect(key.equals(filled(31))).toBe(false);
    key.dispose();
    expect(key.equals(Buffer.alloc(32))).toBe(false); // a wiped key never matches the all-zero key
  });
});

describe('helpers that move key material', () => {
  it('takeSecret copies into a buffer of its own and wipes the source', () => {
    const source = new Uint8Array(filled(32));
    const taken = takeSecret(source);
    expect(taken).toEqual(filled(32));
    expect(allZero(source)).toBe(true);
    expect(taken.buffer).not.toBe(source.buffer);
  });

  it('concatSecret joins the pieces (as from decipher.update and decipher.final) and wipes every piece', () => {
    const a = filled(20);
    const b = filled(12, 21);
    const joined = concatSecret([a, b]);
    expect(joined).toEqual(filled(32));
    expect(allZero(a)).toBe(true);
    expect(allZero(b)).toBe(true);
    // Its own memory, not a slice of Node's shared pool that other buffers could still see.
    expect(joined.byteOffset).toBe(0);
    expect(joined.buffer.byteLength).toBe(32);
  });

  it('secretFromString gives NFC-normalised UTF-8 bytes that wipe() zero-fills; wipe skips null', () => {
    const decomposed = 'Ce\u0301line wachtwoord';
    const bytes = secretFromString(decomposed);
    expect(bytes.toString('utf8')).toBe('C\u00e9line wachtwoord');
    expect(bytes.byteOffset).toBe(0);
    wipe(bytes, null, undefined);
    expect(allZero(bytes)).toBe(true);
  });
});
