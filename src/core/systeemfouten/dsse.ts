// RFC 8785 canonical JSON and Ed25519 signatures in a DSSE envelope (node:crypto, no dependency). The
// signature covers PAE(payloadType, payload), so it cannot be replayed under another type; the office
// identity is only the envelope's keyid.
import { createHash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';

export interface DsseEnvelope {
  payloadType: string;
  payload: string;
  signatures: { keyid: string; sig: string }[];
}

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('canonicalize: waarde niet te serialiseren');
  return text;
}

/** DSSE v1 pre-authentication encoding. */
export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

/** Key id: SHA-256 (hex) of the public key's SPKI DER. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function generateOfficeKey(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync('ed25519');
}

export function signEnvelope(payloadType: string, payloadText: string, privateKey: KeyObject): DsseEnvelope {
  const body = Buffer.from(payloadText, 'utf8');
  const publicKey = createPublicKey(privateKey);
  const sig = sign(null, pae(payloadType, body), privateKey);
  return { payloadType, payload: body.toString('base64'), signatures: [{ keyid: keyIdOf(publicKey), sig: sig.toString('base64') }] };
}

/** True when one signature on the envelope is valid for this key (and payloadType is the expected one). */
export function verifyEnvelope(env: DsseEnvelope, expectedType: string, publicKey: KeyObject): boolean {
  if (env.payloadType !== expectedType) return false;
  const body = Buffer.from(env.payload, 'base64');
  // Base64 must round-trip exactly: no smuggled bytes after padding, no alternative encodings.
  if (body.toString('base64') !== env.payload) return false;
  const keyid = keyIdOf(publicKey);
  return env.signatures.some((s) => s.keyid === keyid && safeVerify(pae(env.payloadType, body), s.sig, publicKey));
}

function safeVerify(data: Buffer, sigB64: string, key: KeyObject): boolean {
  try {
    const sig = Buffer.from(sigB64, 'base64');
    if (sig.length !== 64 || sig.toString('base64') !== sigB64) return false;
    return verify(null, data, key, sig);
  } catch {
    return false;
  }
}

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}
