import { beforeAll, describe, expect, it } from 'vitest';
import { getSodium, initCrypto } from '../init-crypto.ts';
import { expectCode, seedFrom } from '../test-support.ts';
import { generateAgencyKeys } from './generate-agency-keys.ts';
import { keyId } from './key-id.ts';

beforeAll(async () => {
  await initCrypto();
});

describe('generateAgencyKeys', () => {
  it('makes separate Ed25519 and X25519 pairs of the right sizes, with their key ids', () => {
    const keys = generateAgencyKeys();
    expect(keys.signing.publicKey.length).toBe(32);
    expect(keys.signing.secretKey.length).toBe(64);
    expect(keys.encryption.publicKey.length).toBe(32);
    expect(keys.encryption.secretKey.length).toBe(32);
    expect(keys.signing.kid).toBe(keyId(keys.signing.publicKey, 'Ed25519'));
    expect(keys.encryption.kid).toBe(keyId(keys.encryption.publicKey, 'X25519'));
    const sodium = getSodium();
    const sig = sodium.crypto_sign_detached(new Uint8Array([1]), keys.signing.secretKey);
    expect(sodium.crypto_sign_verify_detached(sig, new Uint8Array([1]), keys.signing.publicKey)).toBe(true);
    expect(sodium.crypto_scalarmult_base(keys.encryption.secretKey)).toEqual(keys.encryption.publicKey);
  });

  it('is random without seeds and reproducible with them', () => {
    expect(generateAgencyKeys().signing.kid).not.toBe(generateAgencyKeys().signing.kid);
    const seeds = { signingSeed: seedFrom('s'), encryptionSeed: seedFrom('e') };
    expect(generateAgencyKeys(seeds)).toEqual(generateAgencyKeys(seeds));
  });

  it('refuses seeds that are not 32 bytes', () => {
    expectCode(() => generateAgencyKeys({ signingSeed: new Uint8Array(16) }), 'BAD_REQUEST');
  });
});
