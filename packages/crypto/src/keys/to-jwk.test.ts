import { calculateJwkThumbprint, importJWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../init-crypto.ts';
import { seedFrom } from '../test-support.ts';
import { generateAgencyKeys } from './generate-agency-keys.ts';
import { toJwk } from './to-jwk.ts';

beforeAll(async () => {
  await initCrypto();
});

describe('toJwk', () => {
  it('gives public OKP JWKs with use and an RFC 7638 kid, usable by jose', async () => {
    const keys = generateAgencyKeys({ signingSeed: seedFrom('a'), encryptionSeed: seedFrom('b') });
    const sig = toJwk(keys.signing.publicKey, 'Ed25519');
    const enc = toJwk(keys.encryption.publicKey, 'X25519');
    expect(sig).toEqual({ kid: keys.signing.kid, kty: 'OKP', crv: 'Ed25519', x: sig.x, use: 'sig' });
    expect(enc).toEqual({ kid: keys.encryption.kid, kty: 'OKP', crv: 'X25519', x: enc.x, use: 'enc' });
    expect(await calculateJwkThumbprint(sig)).toBe(sig.kid);
    await expect(importJWK({ ...sig }, 'Ed25519')).resolves.toBeDefined();
  });
});
