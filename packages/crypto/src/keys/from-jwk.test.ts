import { beforeAll, describe, expect, it } from 'vitest';
import { b64uEncode } from '../encoding/b64u-encode.ts';
import { initCrypto } from '../init-crypto.ts';
import { expectCode, seedFrom } from '../test-support.ts';
import { fromJwk } from './from-jwk.ts';
import { generateAgencyKeys } from './generate-agency-keys.ts';
import { toJwk } from './to-jwk.ts';

let keys: ReturnType<typeof generateAgencyKeys>;
beforeAll(async () => {
  await initCrypto();
  keys = generateAgencyKeys({ signingSeed: seedFrom('a'), encryptionSeed: seedFrom('b') });
});

describe('fromJwk', () => {
  it('round-trips toJwk for both curves and ignores directory metadata', () => {
    const sig = fromJwk({
      ...toJwk(keys.signing.publicKey, 'Ed25519'),
      agency: 'swansea-cs',
      status: 'active',
    });
    expect(sig).toEqual({ kid: keys.signing.kid, crv: 'Ed25519', publicKey: keys.signing.publicKey });
    const enc = fromJwk(toJwk(keys.encryption.publicKey, 'X25519'));
    expect(enc).toEqual({ kid: keys.encryption.kid, crv: 'X25519', publicKey: keys.encryption.publicKey });
  });

  it.each([
    ['not an object', () => 'jwk'],
    ['an array', () => []],
    [
      'a private part d',
      () => ({ ...toJwk(keys.signing.publicKey, 'Ed25519'), d: b64uEncode(seedFrom('d')) }),
    ],
    ['kty EC', () => ({ ...toJwk(keys.signing.publicKey, 'Ed25519'), kty: 'EC' })],
    ['crv Ed448', () => ({ ...toJwk(keys.signing.publicKey, 'Ed25519'), crv: 'Ed448' })],
    ['use enc on a signing key', () => ({ ...toJwk(keys.signing.publicKey, 'Ed25519'), use: 'enc' })],
    ['no use', () => ({ ...toJwk(keys.signing.publicKey, 'Ed25519'), use: undefined })],
    [
      'a kid that is not the thumbprint',
      () => ({ ...toJwk(keys.signing.publicKey, 'Ed25519'), kid: keys.encryption.kid }),
    ],
    [
      'a 31-byte x',
      () => ({ ...toJwk(keys.signing.publicKey, 'Ed25519'), x: b64uEncode(new Uint8Array(31)) }),
    ],
    [
      'x with padding',
      () => ({ ...toJwk(keys.signing.publicKey, 'Ed25519'), x: `${b64uEncode(keys.signing.publicKey)}=` }),
    ],
    ['x as a number', () => ({ ...toJwk(keys.signing.publicKey, 'Ed25519'), x: 1 })],
  ])('refuses %s', (_, make) => {
    expectCode(() => fromJwk(make()), 'CONTRACT_INVALID');
  });
});
