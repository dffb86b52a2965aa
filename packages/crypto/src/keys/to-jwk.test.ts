import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, importJWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../init-crypto.ts';
import { seedFrom } from '../test-support.ts';
import { generateAgencyKeys } from './generate-agency-keys.ts';
import { toJwk } from './to-jwk.ts';

beforeAll(async () => {
  await initCrypto();
});

/** node:crypto's own public JWK `x` for a private key given as its raw 32 bytes (PKCS#8 wrapped). */
function nodePublicX(curve: 'Ed25519' | 'X25519', raw: Uint8Array): string {
  // RFC 8410 PKCS#8 prefixes: OID 1.3.101.112 (Ed25519) and 1.3.101.110 (X25519).
  const prefix =
    curve === 'Ed25519' ? '302e020100300506032b657004220420' : '302e020100300506032b656e04220420';
  const key: KeyObject = createPrivateKey({
    key: Buffer.concat([Buffer.from(prefix, 'hex'), raw]),
    format: 'der',
    type: 'pkcs8',
  });
  return createPublicKey(key).export({ format: 'jwk' }).x!;
}

describe('toJwk', () => {
  it('gives public OKP JWKs with use and an RFC 7638 kid, usable by jose', async () => {
    const keys = generateAgencyKeys({ signingSeed: seedFrom('a'), encryptionSeed: seedFrom('b') });
    const sig = toJwk(keys.signing.publicKey, 'Ed25519');
    const enc = toJwk(keys.encryption.publicKey, 'X25519');
    // x computed by node:crypto from the private keys, not from the public key toJwk was given.
    const sigX = nodePublicX('Ed25519', seedFrom('a'));
    const encX = nodePublicX('X25519', keys.encryption.secretKey);
    expect(sig).toEqual({ kid: keys.signing.kid, kty: 'OKP', crv: 'Ed25519', x: sigX, use: 'sig' });
    expect(enc).toEqual({ kid: keys.encryption.kid, kty: 'OKP', crv: 'X25519', x: encX, use: 'enc' });
    expect(await calculateJwkThumbprint(sig)).toBe(sig.kid);
    expect(await calculateJwkThumbprint(enc)).toBe(enc.kid);
    await expect(importJWK({ ...sig }, 'Ed25519')).resolves.toBeDefined();
  });
});
