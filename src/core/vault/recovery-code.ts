// Recovery code: 25 random bytes (200 bits) written in Crockford base32 as 8 groups of 5 characters.
// The alphabet has no I, L, O or U, so a code copied from paper is hard to misread.
import { randomFillSync } from 'node:crypto';
import { allocSecret } from './secret';

export const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_BYTES = 25;
export const RECOVERY_CHARS = 40;
const GROUP = 5;

export function encodeRecoveryCode(bytes: Uint8Array): string {
  if (bytes.length !== RECOVERY_BYTES) throw new RangeError('recovery secret must be 25 bytes');
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = ((acc << 8) | byte) & 0xfff; // at most 12 bits are ever pending
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += RECOVERY_ALPHABET[(acc >> bits) & 31];
    }
  }
  // 200 bits = 40 × 5 bits: nothing is left over.
  const groups: string[] = [];
  for (let i = 0; i < out.length; i += GROUP) groups.push(out.slice(i, i + GROUP));
  return groups.join('-');
}

/** A fresh recovery secret and its printed form. */
export function generateRecoveryCode(): { code: string; secret: Buffer } {
  const secret = allocSecret(RECOVERY_BYTES);
  randomFillSync(secret);
  return { code: encodeRecoveryCode(secret), secret };
}

/** Uppercase, drop spaces and dashes, and read O as 0 and I/L as 1 (Crockford's rules). */
export function normalizeRecoveryCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** The 25 secret bytes, or null when the input cannot be a recovery code. */
export function parseRecoveryCode(input: string): Buffer | null {
  const normalized = normalizeRecoveryCode(input);
  if (normalized.length !== RECOVERY_CHARS) return null;
  const secret = allocSecret(RECOVERY_BYTES);
  let acc = 0;
  let bits = 0;
  let index = 0;
  for (const char of normalized) {
    const value = RECOVERY_ALPHABET.indexOf(char);
    if (value < 0) {
      secret.fill(0);
      return null;
    }
    acc = ((acc << 5) | value) & 0x1fff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      secret[index++] = (acc >> bits) & 0xff;
    }
  }
  return secret;
}
