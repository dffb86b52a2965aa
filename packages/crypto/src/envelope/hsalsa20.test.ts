import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSodium, initCrypto } from '../init-crypto.ts';
import { hsalsa20 } from './hsalsa20.ts';

beforeAll(async () => {
  await initCrypto();
});

describe('hsalsa20', () => {
  it("gives crypto_box_beforenm's key from the X25519 shared secret, for 500 random key pairs", () => {
    const sodium = getSodium();
    for (let i = 0; i < 500; i++) {
      const a = sodium.crypto_box_keypair();
      const b = sodium.crypto_box_keypair();
      const shared = sodium.crypto_scalarmult(a.privateKey, b.publicKey);
      expect(hsalsa20(shared, new Uint8Array(16))).toEqual(
        sodium.crypto_box_beforenm(b.publicKey, a.privateKey),
      );
    }
  });

  it("matches the test vector of the XSalsa20 paper (§9: the first HSalsa20 of NaCl's box example)", () => {
    // Bernstein, "Cryptography in NaCl", §9: the X25519 secret of Alice and Bob, then its HSalsa20.
    const shared = Buffer.from('4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742', 'hex');
    expect(Buffer.from(hsalsa20(shared, new Uint8Array(16))).toString('hex')).toBe(
      '1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389',
    );
  });

  it('depends on every byte of key and input, and refuses other lengths', () => {
    const key = randomBytes(32);
    const input = randomBytes(16);
    const base = hsalsa20(key, input);
    for (const at of [0, 13, 31]) {
      const k = Buffer.from(key);
      k[at]! ^= 1;
      expect(hsalsa20(k, input)).not.toEqual(base);
    }
    const n = Buffer.from(input);
    n[15]! ^= 0x80;
    expect(hsalsa20(key, n)).not.toEqual(base);
    expect(() => hsalsa20(new Uint8Array(31), input)).toThrow(RangeError);
    expect(() => hsalsa20(key, new Uint8Array(24))).toThrow(RangeError);
  });
});
