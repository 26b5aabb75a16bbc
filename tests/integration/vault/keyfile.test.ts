// Keyfile: Argon2id parameters stored and raised, recovery code format, tamper detection, real-cost KDF.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_KDF,
  KEYFILE_NAME,
  deriveKek,
  generateDataKey,
  readKeyfile,
  unwrapKey,
  wrapKey,
} from '../../../src/core/vault/keyfile';
import {
  encodeRecoveryCode,
  generateRecoveryCode,
  normalizeRecoveryCode,
  parseRecoveryCode,
} from '../../../src/core/vault/recovery-code';
import { CHEAP_KDF, PASSPHRASE, expectCode, sandbox, sha256File } from './helpers';
import type { Sandbox } from './helpers';

let sb: Sandbox;
beforeEach(async () => {
  sb = await sandbox('keyfile');
});
afterEach(async () => {
  await sb.cleanup();
});

async function lockedVault(): Promise<{ folder: string; keyfilePath: string; recoveryCode: string }> {
  const vm = sb.manager();
  const { status, recoveryCode } = await vm.create({ name: 'Sleutel', passphrase: PASSPHRASE });
  vm.db().prepare("INSERT INTO people (name) VALUES ('Kees')").run();
  vm.close();
  const folder = status.vault!.path;
  return { folder, keyfilePath: path.join(folder, KEYFILE_NAME), recoveryCode };
}

function flipByte(b64: string, index = 0): string {
  const bytes = Buffer.from(b64, 'base64');
  bytes[index] = bytes[index]! ^ 0x01;
  return bytes.toString('base64');
}

describe('recovery code', () => {
  it('is 25 random bytes as 8 dash-separated groups of 5 Crockford base32 characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const { code, secret } = generateRecoveryCode();
      expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/);
      expect(code).not.toMatch(/[ILOU]/);
      expect(parseRecoveryCode(code)!.equals(secret)).toBe(true);
      seen.add(code);
    }
    expect(seen.size).toBe(20);
  });

  it('round-trips known bytes and normalises case, spaces, dashes, O→0 and I/L→1', () => {
    const bytes = Buffer.alloc(25, 0xff);
    expect(encodeRecoveryCode(bytes)).toBe('ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ');
    const mixed = Buffer.from(Array.from({ length: 25 }, (_, i) => (i * 37 + 11) & 0xff));
    const code = encodeRecoveryCode(mixed);
    expect(parseRecoveryCode(code)!.equals(mixed)).toBe(true);
    expect(normalizeRecoveryCode(' ab-cd efoil ')).toBe('ABCDEF011');
    expect(parseRecoveryCode(code.toLowerCase().replace(/-/g, '  '))!.equals(mixed)).toBe(true);
    expect(parseRecoveryCode('0'.repeat(40))!.equals(Buffer.alloc(25))).toBe(true);
    expect(parseRecoveryCode('O'.repeat(40))!.equals(Buffer.alloc(25))).toBe(true);
    expect(parseRecoveryCode('U'.repeat(40))).toBeNull(); // U is not in the alphabet
    expect(parseRecoveryCode('0'.repeat(39))).toBeNull();
    expect(parseRecoveryCode('0'.repeat(41))).toBeNull();
  });
});

describe('wrapping', () => {
  it('binds each blob to its vault and purpose (AAD): swapped blobs do not open', async () => {
    const key = generateDataKey();
    const secret = Buffer.from('geheim wachtwoord');
    const ctx = { vaultId: '6f1d3c2a-8b4e-4f7a-9c1d-2e3f4a5b6c7d', purpose: 'passphrase' as const };
    const wrapped = await wrapKey(key, secret, ctx, CHEAP_KDF);
    expect((await unwrapKey(wrapped, secret, ctx))!.equals(key)).toBe(true);
    expect(await unwrapKey(wrapped, secret, { ...ctx, purpose: 'recovery' })).toBeNull();
    expect(await unwrapKey(wrapped, secret, { ...ctx, vaultId: '00000000-0000-4000-8000-000000000000' })).toBeNull();
    expect(await unwrapKey(wrapped, Buffer.from('ander wachtwoord'), ctx)).toBeNull();
    // A truncated tag must not be accepted (GCM tag length pinned to 16 bytes).
    const shortTag = Buffer.from(wrapped.tag, 'base64').subarray(0, 4).toString('base64');
    expect(await unwrapKey({ ...wrapped, tag: shortTag }, secret, ctx)).toBeNull();
  });

  it('swapping the passphrase and recovery blobs in the keyfile fails cleanly', async () => {
    const { keyfilePath } = await lockedVault();
    const kf = JSON.parse(readFileSync(keyfilePath, 'utf8'));
    [kf.passphrase, kf.recovery] = [kf.recovery, kf.passphrase];
    writeFileSync(keyfilePath, JSON.stringify(kf));
    const vm = sb.manager();
    await vm.open(path.dirname(keyfilePath));
    await expect(vm.unlock(PASSPHRASE)).rejects.toThrow(expectCode('WRONG_PASSPHRASE'));
  });
});

describe('tampering', () => {
  const tamperings: Array<[string, (kf: any) => void]> = [
    ['ciphertext', (kf) => (kf.passphrase.ciphertext = flipByte(kf.passphrase.ciphertext, 5))],
    ['tag', (kf) => (kf.passphrase.tag = flipByte(kf.passphrase.tag, 15))],
    ['iv', (kf) => (kf.passphrase.iv = flipByte(kf.passphrase.iv, 0))],
    ['salt', (kf) => (kf.passphrase.kdf.salt = flipByte(kf.passphrase.kdf.salt, 3))],
    ['kdf iterations', (kf) => (kf.passphrase.kdf.iterations = 2)],
    ['vaultId', (kf) => (kf.vaultId = '00000000-0000-4000-8000-000000000000')],
  ];
  for (const [what, tamper] of tamperings) {
    it(`a changed ${what} gives WRONG_PASSPHRASE, not a crash`, async () => {
      const { folder, keyfilePath } = await lockedVault();
      const kf = JSON.parse(readFileSync(keyfilePath, 'utf8'));
      tamper(kf);
      writeFileSync(keyfilePath, JSON.stringify(kf));
      const vm = sb.manager();
      await vm.open(folder);
      await expect(vm.unlock(PASSPHRASE)).rejects.toThrow(expectCode('WRONG_PASSPHRASE'));
      expect(vm.status().state).toBe('locked');
    });
  }

  // Every part of a wrapped key has a fixed size: one of another size is damage, never a wrong password (hostile
  // test, session 14: an empty salt, a 3-byte tag or a 64-byte ciphertext said "wachtwoord onjuist").
  const resized: Array<[string, (kf: any) => void]> = [
    ['an empty salt', (kf) => (kf.passphrase.kdf.salt = '')],
    ['a 3-byte tag', (kf) => (kf.passphrase.tag = Buffer.alloc(3).toString('base64'))],
    ['a 64-byte ciphertext', (kf) => (kf.passphrase.ciphertext = Buffer.alloc(64).toString('base64'))],
    ['a 16-byte ciphertext', (kf) => (kf.passphrase.ciphertext = Buffer.alloc(16).toString('base64'))],
    ['an 11-byte iv of the recovery blob', (kf) => (kf.recovery.iv = Buffer.alloc(11).toString('base64'))],
  ];
  for (const [what, tamper] of resized) {
    it(`${what} makes the keyfile damaged (VAULT_CORRUPT), not a wrong password`, async () => {
      const { folder, keyfilePath } = await lockedVault();
      const kf = JSON.parse(readFileSync(keyfilePath, 'utf8'));
      tamper(kf);
      writeFileSync(keyfilePath, JSON.stringify(kf));
      await expect(sb.manager().open(folder)).rejects.toThrow(expectCode('VAULT_CORRUPT'));
    });
  }

  it('a tampered recovery blob gives WRONG_RECOVERY_CODE', async () => {
    const { folder, keyfilePath, recoveryCode } = await lockedVault();
    const kf = JSON.parse(readFileSync(keyfilePath, 'utf8'));
    kf.recovery.ciphertext = flipByte(kf.recovery.ciphertext, 1);
    writeFileSync(keyfilePath, JSON.stringify(kf));
    const vm = sb.manager();
    await vm.open(folder);
    await expect(vm.unlockWithRecoveryCode(recoveryCode, 'een nieuw wachtwoord')).rejects.toThrow(
      expectCode('WRONG_RECOVERY_CODE'),
    );
  });

  it('broken JSON or absurd KDF parameters give VAULT_CORRUPT; a newer keyfile version DB_FROM_FUTURE', async () => {
    const { folder, keyfilePath } = await lockedVault();
    const original = readFileSync(keyfilePath, 'utf8');
    writeFileSync(keyfilePath, original.slice(0, 100));
    await expect(sb.manager().open(folder)).rejects.toThrow(expectCode('VAULT_CORRUPT'));

    const kf = JSON.parse(original);
    kf.passphrase.kdf.memoryKiB = 64 * 1024 * 1024; // 64 GiB: refused before any hashing
    writeFileSync(keyfilePath, JSON.stringify(kf));
    await expect(sb.manager().open(folder)).rejects.toThrow(expectCode('VAULT_CORRUPT'));

    // Within the old, looser bounds but absurd: 1 GiB x 64 iterations took 244 s and 1.2 GB per unlock.
    // Each is refused as damaged when the keyfile is read, before any hashing.
    for (const absurd of [
      { memoryKiB: 1024 * 1024, iterations: 64, parallelism: 4 },
      { memoryKiB: 512 * 1024, iterations: 1, parallelism: 4 }, // 8x the default memory
      { memoryKiB: 65536, iterations: 32, parallelism: 4 },
      { memoryKiB: 65536, iterations: 3, parallelism: 64 },
      { memoryKiB: 256 * 1024, iterations: 16, parallelism: 4 }, // each within its bound, the cost is not
    ]) {
      const tampered = JSON.parse(original);
      Object.assign(tampered.passphrase.kdf, absurd);
      writeFileSync(keyfilePath, JSON.stringify(tampered));
      await expect(sb.manager().open(folder)).rejects.toThrow(expectCode('VAULT_CORRUPT'));
    }

    writeFileSync(keyfilePath, JSON.stringify({ ...JSON.parse(original), version: 2 }));
    await expect(readKeyfile(keyfilePath)).rejects.toThrow(expectCode('DB_FROM_FUTURE'));
  });
});

describe('KDF parameters', () => {
  it('are stored in the keyfile and raised on unlock when weaker than the current defaults', async () => {
    const { folder, keyfilePath, recoveryCode } = await lockedVault();
    const before = JSON.parse(readFileSync(keyfilePath, 'utf8'));
    expect(before.passphrase.kdf).toMatchObject({ alg: 'argon2id', ...CHEAP_KDF });

    // Same manager defaults: unlock leaves the keyfile byte-for-byte alone.
    const same = sb.manager();
    await same.open(folder);
    const hash = sha256File(keyfilePath);
    await same.unlock(PASSPHRASE);
    same.close();
    expect(sha256File(keyfilePath)).toBe(hash);

    const stronger = { memoryKiB: 2048, iterations: 2, parallelism: 2 };
    const vm = sb.manager({ kdf: stronger });
    await vm.open(folder);
    await vm.unlock(PASSPHRASE);
    const after = JSON.parse(readFileSync(keyfilePath, 'utf8'));
    expect(after.passphrase.kdf).toMatchObject({ alg: 'argon2id', ...stronger });
    expect(after.passphrase.kdf.salt).not.toBe(before.passphrase.kdf.salt);
    // The recovery wrap cannot be raised without the recovery code: still the old parameters.
    expect(after.recovery).toEqual(before.recovery);
    expect(after.vaultId).toBe(before.vaultId);
    vm.lock();
    await vm.unlock(PASSPHRASE);
    expect(vm.db().prepare('SELECT name FROM people').pluck().all()).toEqual(['Kees']);
    vm.lock();

    // Unlocking with the recovery code raises the recovery wrap too.
    await vm.unlockWithRecoveryCode(recoveryCode, 'weer een nieuw wachtwoord');
    const recovered = JSON.parse(readFileSync(keyfilePath, 'utf8'));
    expect(recovered.recovery.kdf).toMatchObject(stronger);
  });

  it('the real defaults are Argon2id 64 MiB, t=3, p=4 and take at least 100 ms per derivation', async () => {
    expect(DEFAULT_KDF).toEqual({ memoryKiB: 65536, iterations: 3, parallelism: 4 });
    const started = performance.now();
    const kek = await deriveKek(Buffer.from(PASSPHRASE), Buffer.alloc(16, 7), DEFAULT_KDF);
    const elapsed = performance.now() - started;
    expect(kek).toHaveLength(32);
    expect(elapsed).toBeGreaterThanOrEqual(100);

    // And a whole vault with the defaults: the keyfile records them.
    const vm = sb.manager({ kdf: undefined });
    const { status } = await vm.create({ name: 'Echt', passphrase: PASSPHRASE });
    const kf = JSON.parse(readFileSync(path.join(status.vault!.path, KEYFILE_NAME), 'utf8'));
    expect(kf.passphrase.kdf).toMatchObject({ alg: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 4 });
    expect(kf.recovery.kdf).toMatchObject({ alg: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 4 });
    vm.lock();
    const t0 = performance.now();
    await expect(vm.unlock('fout wachtwoord van lengte')).rejects.toThrow(expectCode('WRONG_PASSPHRASE'));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(100);
  });
});
