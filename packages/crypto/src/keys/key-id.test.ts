import { calculateJwkThumbprint } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { b64uEncode } from '../encoding/b64u-encode.ts';
import { initCrypto } from '../init-crypto.ts';
import { expectCode, seedFrom } from '../test-support.ts';
import { generateAgencyKeys } from './generate-agency-keys.ts';
import { keyId } from './key-id.ts';

beforeAll(async () => {
  await initCrypto();
});

describe('keyId', () => {
  it('equals jose.calculateJwkThumbprint for Ed25519 and X25519 keys', async () => {
    for (let i = 0; i < 8; i++) {
      const keys = generateAgencyKeys();
      for (const [crv, pk] of [
        ['Ed25519', keys.signing.publicKey],
        ['X25519', keys.encryption.publicKey],
      ] as const) {
        const expected = await calculateJwkThumbprint({ kty: 'OKP', crv, x: b64uEncode(pk) }, 'sha256');
        expect(keyId(pk, crv)).toBe(expected);
        expect(keyId(pk, crv)).toMatch(/^[A-Za-z0-9_-]{43}$/);
      }
    }
  });

  it('differs between the curves for the same bytes', () => {
    const pk = seedFrom('pk');
    expect(keyId(pk, 'Ed25519')).not.toBe(keyId(pk, 'X25519'));
  });

  it('follows the bytes, not the array, when a key was seen before', async () => {
    const pk = generateAgencyKeys().signing.publicKey;
    const first = keyId(pk, 'Ed25519');
    expect(keyId(pk, 'Ed25519')).toBe(first);
    pk[0] = (pk[0] ?? 0) ^ 1;
    const expected = await calculateJwkThumbprint(
      { kty: 'OKP', crv: 'Ed25519', x: b64uEncode(pk) },
      'sha256',
    );
    expect(keyId(pk, 'Ed25519')).toBe(expected);
    expect(expected).not.toBe(first);
  });

  it('refuses keys that are not 32 bytes', () => {
    expectCode(() => keyId(new Uint8Array(31), 'Ed25519'), 'BAD_REQUEST');
  });
});
