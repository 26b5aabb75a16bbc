// The vault's keyfile (vault.key.json): the random 256-bit data key, wrapped with AES-256-GCM under
// (a) a key derived from the passphrase and (b) a key derived from the recovery code, both with
// Argon2id. KDF parameters and salts are stored beside each wrapped key so they can be raised later.
// GCM's additional data binds every blob to its vault and purpose: blobs cannot be swapped around.
import { VAULT_KINDS, type VaultKind } from '../../shared/contract/vault-kind';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import { writeFileAtomic } from './fs-atomic';
import { argon2idInWorker } from './kdf-worker';
import { allocSecret, concatSecret, takeSecret, wipe } from './secret';

export const KEYFILE_NAME = 'vault.key.json';
export const KEYFILE_FORMAT = 'houvast.keyfile';
export const KEYFILE_VERSION = 1;
export const DATA_KEY_BYTES = 32;
export const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface KdfParams {
  /** Argon2id memory in KiB (65536 = 64 MiB). */
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** ENGINEERING.md decision: Argon2id, 64 MiB, t=3, p=4, 16-byte salt. */
export const DEFAULT_KDF: Readonly<KdfParams> = Object.freeze({ memoryKiB: 65536, iterations: 3, parallelism: 4 });

export type WrapPurpose = 'passphrase' | 'recovery';

const base64 = z.string().max(4096).regex(/^[A-Za-z0-9+/]*={0,2}$/);
/**
 * Base64 of exactly `bytes` bytes. Every part of a wrapped key has a fixed size; one of another size (an empty salt,
 * a short tag) can only come from damage, and is "beschadigd" rather than a wrong password after a useless KDF run.
 */
const base64Of = (bytes: number) => base64.refine((s) => Buffer.from(s, 'base64').length === bytes, { message: `must decode to ${bytes} bytes` });

/**
 * Upper bounds for stored KDF parameters. A tampered keyfile must not make an unlock take minutes or
 * gigabytes (one with 1 GiB x 64 iterations took 244 s and 1.2 GB): memory at most 4x the default, at
 * most 16 iterations and lanes, and a total cost (memory x iterations) of at most 4x the default's.
 * A keyfile outside them is damaged, not a wrong password.
 */
export const KDF_BOUNDS = Object.freeze({
  maxMemoryKiB: 4 * DEFAULT_KDF.memoryKiB,
  maxIterations: 16,
  maxParallelism: 16,
  maxCost: 4 * DEFAULT_KDF.memoryKiB * DEFAULT_KDF.iterations,
});

const kdfSchema = z
  .object({
    alg: z.literal('argon2id'),
    memoryKiB: z.number().int().min(8).max(KDF_BOUNDS.maxMemoryKiB),
    iterations: z.number().int().min(1).max(KDF_BOUNDS.maxIterations),
    parallelism: z.number().int().min(1).max(KDF_BOUNDS.maxParallelism),
    salt: base64Of(SALT_BYTES),
  })
  .refine((k) => k.memoryKiB >= 8 * k.parallelism, { message: 'memoryKiB must be at least 8 × parallelism' })
  .refine((k) => k.memoryKiB * k.iterations <= KDF_BOUNDS.maxCost, { message: 'KDF cost above the bound' });

const wrappedSchema = z.object({ kdf: kdfSchema, iv: base64Of(IV_BYTES), ciphertext: base64Of(DATA_KEY_BYTES), tag: base64Of(TAG_BYTES) });
export type WrappedKey = z.infer<typeof wrappedSchema>;

const keyfileSchema = z.object({
  format: z.literal(KEYFILE_FORMAT),
  version: z.literal(KEYFILE_VERSION),
  vaultId: z.uuid(),
  name: z.string().max(200),
  demo: z.boolean(),
  /** Absent in keyfiles from before vault kinds: a kantoor vault. */
  kind: z.enum(VAULT_KINDS).optional(),
  createdAt: z.number().int().nonnegative(),
  passphrase: wrappedSchema,
  recovery: wrappedSchema,
});
export type Keyfile = z.infer<typeof keyfileSchema>;

function aad(vaultId: string, purpose: WrapPurpose): Buffer {
  return Buffer.from(`${KEYFILE_FORMAT}/v${KEYFILE_VERSION}/${vaultId}/${purpose}`, 'utf8');
}

/**
 * Argon2id → 32-byte key-encryption key, in a worker thread that ends with it (kdf-worker.ts: its 64 MiB of
 * WebAssembly memory is returned, not kept). The secret is not wiped here (the caller owns it).
 */
export async function deriveKek(secret: Uint8Array, salt: Uint8Array, kdf: KdfParams): Promise<Buffer> {
  return argon2idInWorker(secret, salt, kdf);
}

export async function wrapKey(
  dataKey: Buffer,
  secret: Uint8Array,
  ctx: { vaultId: string; purpose: WrapPurpose },
  kdf: KdfParams,
): Promise<WrappedKey> {
  const salt = randomBytes(SALT_BYTES);
  const kek = await deriveKek(secret, salt, kdf);
  try {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', kek, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(ctx.vaultId, ctx.purpose));
    const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return {
      kdf: {
        alg: 'argon2id',
        memoryKiB: kdf.memoryKiB,
        iterations: kdf.iterations,
        parallelism: kdf.parallelism,
        salt: salt.toString('base64'),
      },
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  } finally {
    wipe(kek);
  }
}

/**
 * The data key, or null when the secret is wrong or any part of the blob was tampered with
 * (GCM tag mismatch). Never throws for bad input: a wrong secret is an expected outcome.
 */
export async function unwrapKey(
  wrapped: WrappedKey,
  secret: Uint8Array,
  ctx: { vaultId: string; purpose: WrapPurpose },
): Promise<Buffer | null> {
  let kek: Buffer | null = null;
  let plain: Buffer | null = null;
  try {
    kek = await deriveKek(secret, Buffer.from(wrapped.kdf.salt, 'base64'), wrapped.kdf);
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(aad(ctx.vaultId, ctx.purpose));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    // Both pieces of the decipher output hold key bytes: concatSecret wipes them as it joins them.
    const part = decipher.update(Buffer.from(wrapped.ciphertext, 'base64'));
    let last: Buffer;
    try {
      last = decipher.final();
    } catch (err) {
      part.fill(0); // the tag did not match, but these bytes are still (unauthenticated) plaintext
      throw err;
    }
    plain = concatSecret([part, last]);
    if (plain.length !== DATA_KEY_BYTES) return null;
    const dataKey = plain;
    plain = null; // returned to the caller, who owns it now
    return dataKey;
  } catch {
    return null;
  } finally {
    wipe(kek, plain);
  }
}

/** True when stored parameters are below the current defaults (then an unlock re-wraps). */
export function isWeakerThan(stored: KdfParams, current: KdfParams): boolean {
  return stored.memoryKiB < current.memoryKiB || stored.iterations < current.iterations;
}

/** A fresh random 256-bit data key in a wipeable buffer. */
export function generateDataKey(): Buffer {
  const key = allocSecret(DATA_KEY_BYTES);
  const random = randomBytes(DATA_KEY_BYTES);
  random.copy(key);
  random.fill(0);
  return key;
}

export async function createKeyfile(input: {
  vaultId: string;
  name: string;
  demo: boolean;
  kind?: VaultKind;
  createdAt: number;
  dataKey: Buffer;
  passphrase: Uint8Array;
  recoverySecret: Uint8Array;
  kdf: KdfParams;
}): Promise<Keyfile> {
  const { vaultId } = input;
  return {
    format: KEYFILE_FORMAT,
    version: KEYFILE_VERSION,
    vaultId,
    name: input.name,
    demo: input.demo,
    kind: input.kind ?? 'kantoor',
    createdAt: input.createdAt,
    passphrase: await wrapKey(input.dataKey, input.passphrase, { vaultId, purpose: 'passphrase' }, input.kdf),
    recovery: await wrapKey(input.dataKey, input.recoverySecret, { vaultId, purpose: 'recovery' }, input.kdf),
  };
}

export async function readKeyfile(file: string): Promise<Keyfile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') {
      throw new AppError('VAULT_NOT_FOUND', 'Op deze plek staat geen Houvast-kluis (het sleutelbestand ontbreekt).');
    }
    if (code === 'ENAMETOOLONG' || code === 'ERR_INVALID_ARG_VALUE' || code === 'ERR_INVALID_ARG_TYPE' || code === 'ELOOP') {
      throw new AppError('VAULT_NOT_FOUND', 'Dit pad kan geen Houvast-kluis zijn: het is te lang of bevat een ongeldig teken.');
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new AppError('VAULT_NOT_FOUND', 'Houvast mag deze map niet lezen. Controleer de rechten op de map van de kluis.');
    }
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw keyfileCorrupt();
  }
  const header = z.object({ format: z.string(), version: z.number() }).safeParse(json);
  if (!header.success || header.data.format !== KEYFILE_FORMAT) {
    throw new AppError('VAULT_NOT_FOUND', 'Dit is geen sleutelbestand van een Houvast-kluis.');
  }
  if (header.data.version > KEYFILE_VERSION) {
    throw new AppError(
      'DB_FROM_FUTURE',
      'Deze kluis is gemaakt met een nieuwere versie van Houvast. Werk Houvast bij; de kluis is niet gewijzigd.',
    );
  }
  const parsed = keyfileSchema.safeParse(json);
  if (!parsed.success) throw keyfileCorrupt();
  return parsed.data;
}

function keyfileCorrupt(): AppError {
  return new AppError('VAULT_CORRUPT', 'Het sleutelbestand van de kluis is beschadigd. Er is niets gewijzigd.');
}

export async function writeKeyfile(file: string, keyfile: Keyfile): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(keyfile, null, 2)}\n`);
}
