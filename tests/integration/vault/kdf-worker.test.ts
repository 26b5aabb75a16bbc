// Argon2id runs in a worker thread that ends with each derivation (src/core/vault/kdf-worker.ts), so its 64 MiB of
// WebAssembly memory is not kept by the core. The answers are Argon2id's own: the reference implementation's test
// vector (phc-winner-argon2, src/test.c, Argon2id v1.3: t=2, m=2^16 KiB, p=1, "password", "somesalt").
import { describe, expect, it } from 'vitest';
import { argon2idInWorker } from '../../../src/core/vault/kdf-worker';
import { deriveKek } from '../../../src/core/vault/keyfile';

const enc = (s: string) => new TextEncoder().encode(s);

describe('Argon2id in a worker thread', () => {
  it('gives the reference test vector, and leaves the caller its own password untouched', async () => {
    const password = enc('password');
    const kek = await argon2idInWorker(password, enc('somesalt'), { memoryKiB: 65536, iterations: 2, parallelism: 1 });
    expect(kek.toString('hex')).toBe('09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7');
    expect(new TextDecoder().decode(password)).toBe('password');
  });

  it('deriveKek goes through it: the same key for the same input, another for another salt; several at once', async () => {
    const kdf = { memoryKiB: 1024, iterations: 1, parallelism: 1 };
    const [a, b, c] = await Promise.all([
      deriveKek(enc('geheim'), Buffer.alloc(16, 1), kdf),
      deriveKek(enc('geheim'), Buffer.alloc(16, 1), kdf),
      deriveKek(enc('geheim'), Buffer.alloc(16, 2), kdf),
    ]);
    expect(a).toHaveLength(32);
    expect(a.equals(b!)).toBe(true);
    expect(a.equals(c!)).toBe(false);
  });

  it('a derivation the library refuses is an error, not a hang', async () => {
    await expect(argon2idInWorker(enc('x'), enc('kort'), { memoryKiB: 1024, iterations: 1, parallelism: 1 })).rejects.toThrow(/Argon2id/);
  });
});
