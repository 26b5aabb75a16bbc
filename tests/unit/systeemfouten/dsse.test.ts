// The DSSE envelope of the signed report (SYSTEEMFOUTEN.md §2.8; DSSE v1 protocol): its exact shape, the
// pre-authentication encoding checked against the specification's own example, and the Ed25519 signature
// checked with node:crypto over PAE bytes written out by hand here (not with the code under test).
import { createHash, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pae, signEnvelope } from '../../../src/core/systeemfouten/dsse';
import { PAYLOAD_TYPE } from '../../../src/shared/systeemfouten/export';

describe('DSSE', () => {
  it('PAE is the specification\'s encoding, with lengths in bytes', () => {
    // The example of the DSSE v1 protocol document.
    expect(pae('http://example.com/HelloWorld', Buffer.from('hello world')).toString('utf8')).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
    // "é" is two bytes in UTF-8.
    expect(pae('t', Buffer.from('é', 'utf8')).toString('utf8')).toBe('DSSEv1 1 t 2 é');
  });

  it('the envelope holds exactly payloadType, payload and one {keyid, sig}; the signature is Ed25519 over PAE', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const payloadText = '{"schema":"x","tekst":"één"}';
    const env = signEnvelope(PAYLOAD_TYPE, payloadText, privateKey);
    expect(Object.keys(env).sort()).toEqual(['payload', 'payloadType', 'signatures']);
    expect(env.payloadType).toBe('application/vnd.houvast-vereniging.systeemfouten+json; v=1');
    expect(Buffer.from(env.payload, 'base64').toString('utf8')).toBe(payloadText);
    expect(env.signatures).toHaveLength(1);
    const [s] = env.signatures;
    expect(Object.keys(s!).sort()).toEqual(['keyid', 'sig']);
    // keyid: SHA-256 of the public key's SPKI DER, hex; the office is known by nothing else.
    expect(s!.keyid).toBe(createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex'));
    const sig = Buffer.from(s!.sig, 'base64');
    expect(sig).toHaveLength(64);
    const body = Buffer.from(payloadText, 'utf8');
    const byHand = Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(PAYLOAD_TYPE)} ${PAYLOAD_TYPE} ${body.length} `), body]);
    expect(verify(null, byHand, publicKey, sig)).toBe(true);
    // Not a signature over the bare payload (which could be replayed under another type).
    expect(verify(null, body, publicKey, sig)).toBe(false);
  });
});
