// Key material lives in Buffers we allocate ourselves (never pooled slices) so it can be zeroed.
// JS strings (a typed passphrase) are immutable and cannot be wiped; we convert them once and drop them.

/**
 * Test seam: integration tests register a collector to check that every key buffer the vault code
 * allocated is zero after a lock or a failed unlock. Production code never sets it.
 */
export const keyMaterialHooks: { onAllocate: ((buffer: Buffer) => void) | null } = { onAllocate: null };

/** A zero-filled, non-pooled buffer for secrets. */
export function allocSecret(size: number): Buffer {
  const buffer = Buffer.alloc(size);
  keyMaterialHooks.onAllocate?.(buffer);
  return buffer;
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

export function wipe(...buffers: Array<Uint8Array | null | undefined>): void {
  for (const b of buffers) b?.fill(0);
}
