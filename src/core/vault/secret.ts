// Key handling: key material lives in Buffers we allocate ourselves (never pooled slices) so it can be
// zeroed, and the data key of an unlocked session is held by a SecretKey whose dispose() zero-fills it.
// JS strings (a typed passphrase) are immutable and cannot be wiped; we convert them once and drop them.
// docs/security.md says what is wiped and what JavaScript cannot wipe.
import { timingSafeEqual } from 'node:crypto';

/**
 * A zero-filled, non-pooled buffer for secrets, over an ArrayBuffer of its own. Not Buffer.alloc: V8 keeps a typed
 * array of 64 bytes or less inside its heap and moves it out when native code first uses it (a key handed to crypto
 * or SQLite), leaving the old bytes behind where fill(0) cannot reach them; a hostile test found a 32-byte data key
 * in memory after lock that way. An ArrayBuffer made explicitly has its bytes outside the heap from the start.
 */
export function allocSecret(size: number): Buffer {
  return Buffer.from(new ArrayBuffer(size));
}

/** UTF-8 bytes of a passphrase, NFC-normalised so the same passphrase typed on macOS and Windows matches. */
export function secretFromString(value: string): Buffer {
  const normalized = value.normalize('NFC');
  const buffer = allocSecret(Buffer.byteLength(normalized, 'utf8'));
  buffer.write(normalized, 'utf8');
  return buffer;
}

/** Copy into a secret buffer (e.g. the output of a KDF), then wipe the source. */
export function takeSecret(source: Uint8Array): Buffer {
  const buffer = allocSecret(source.length);
  buffer.set(source);
  source.fill(0);
  return buffer;
}

/**
 * Joins pieces of key material (e.g. the outputs of decipher.update() and decipher.final()) into one
 * secret buffer and wipes every piece. Unlike Buffer.concat, the result never comes from the shared pool.
 */
export function concatSecret(parts: readonly Uint8Array[]): Buffer {
  const out = allocSecret(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
    part.fill(0);
  }
  return out;
}

export function wipe(...buffers: Array<Uint8Array | null | undefined>): void {
  for (const b of buffers) b?.fill(0);
}

/**
 * Sole owner of one buffer of key material (the data key of an unlocked session). Takes the buffer over;
 * dispose() zero-fills it and drops it, after which reading the key throws (a use after lock is a bug,
 * never a silent all-zero key).
 */
export class SecretKey {
  private buffer: Buffer | null;

  constructor(buffer: Buffer) {
    this.buffer = buffer;
  }

  get disposed(): boolean {
    return this.buffer === null;
  }

  /** The key bytes, to hand to the driver or the KDF code; never keep or copy them beyond the call. */
  get bytes(): Buffer {
    if (!this.buffer) throw new Error('key material was disposed');
    return this.buffer;
  }

  /** Constant-time comparison with another key (false after dispose). */
  equals(other: Uint8Array): boolean {
    return this.buffer !== null && this.buffer.length === other.length && timingSafeEqual(this.buffer, other);
  }

  /** Zero-fills the key and lets go of it. Idempotent. */
  dispose(): void {
    this.buffer?.fill(0);
    this.buffer = null;
  }
}
