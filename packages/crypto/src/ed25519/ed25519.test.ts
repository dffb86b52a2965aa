import { randomBytes } from 'node:crypto';
import sodium from 'libsodium-wrappers';
import { beforeAll, describe, expect, it } from 'vitest';
import { ed25519Sign } from './sign-ed25519.ts';
import { ed25519Verify } from './verify-ed25519.ts';

beforeAll(async () => {
  await sodium.ready;
});

const keyPair = () => sodium.crypto_sign_seed_keypair(randomBytes(32));
const message = (n: number) => new Uint8Array(randomBytes(n));

describe('Ed25519 through node:crypto against libsodium', () => {
  it('signs byte for byte as libsodium does, and each verifies the other', () => {
    for (let n = 0; n < 200; n += 1) {
      const { publicKey, privateKey } = keyPair();
      const m = message(n * 7);
      const native = ed25519Sign(m, privateKey);
      const wasm = sodium.crypto_sign_detached(m, privateKey);
      expect(Buffer.from(native).equals(Buffer.from(wasm))).toBe(true);
      expect(sodium.crypto_sign_verify_detached(native, m, publicKey)).toBe(true);
      expect(ed25519Verify(wasm, m, publicKey)).toBe(true);
    }
  });

  it('matches RFC 8032 test 2 (one-byte message)', () => {
    const seed = Buffer.from('4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb', 'hex');
    const { publicKey, privateKey } = sodium.crypto_sign_seed_keypair(seed);
    expect(Buffer.from(publicKey).toString('hex')).toBe(
      '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    );
    const s = ed25519Sign(new Uint8Array([0x72]), privateKey);
    expect(Buffer.from(s).toString('hex')).toBe(
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da' +
        '085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
    );
  });

  it('refuses a changed signature, message or key, and truncated inputs, as libsodium does', () => {
    const { publicKey, privateKey } = keyPair();
    const other = keyPair().publicKey;
    const m = message(100);
    const s = ed25519Sign(m, privateKey);
    const cases: [Uint8Array, Uint8Array, Uint8Array][] = [
      [s.map((b, i) => (i === 10 ? b ^ 1 : b)), m, publicKey],
      [s.map((b, i) => (i === 40 ? b ^ 1 : b)), m, publicKey],
      [s, m.map((b, i) => (i === 0 ? b ^ 1 : b)), publicKey],
      [s, m, other],
      [s, m.subarray(1), publicKey],
    ];
    for (const [sig, msg, pk] of cases) {
      expect(sodium.crypto_sign_verify_detached(sig, msg, pk)).toBe(false);
      expect(ed25519Verify(sig, msg, pk)).toBe(false);
    }
    expect(ed25519Verify(s.subarray(0, 63), m, publicKey)).toBe(false);
    expect(ed25519Verify(s, m, publicKey.subarray(0, 31))).toBe(false);
    expect(ed25519Verify(new Uint8Array(0), m, publicKey)).toBe(false);
    expect(ed25519Verify(s, m, publicKey)).toBe(true);
  });

  it('refuses an S beyond the group order (a second signature from a valid one)', () => {
    const { publicKey, privateKey } = keyPair();
    const m = message(32);
    const s = ed25519Sign(m, privateKey);
    // S + L is the same scalar mod L; both libraries insist on S < L.
    const L = (1n << 252n) + 27742317777372353535851937790883648493n;
    let S = 0n;
    for (let i = 31; i >= 0; i -= 1) S = (S << 8n) | BigInt(s[32 + i] ?? 0);
    const big = S + L;
    const forged = new Uint8Array(s);
    for (let i = 0; i < 32; i += 1) forged[32 + i] = Number((big >> BigInt(8 * i)) & 0xffn);
    expect(sodium.crypto_sign_verify_detached(forged, m, publicKey)).toBe(false);
    expect(ed25519Verify(forged, m, publicKey)).toBe(false);
  });

  it('refuses public keys and R of small order and non-canonical keys, as libsodium does', () => {
    const m = message(16);
    const smallOrder = [
      '0000000000000000000000000000000000000000000000000000000000000000',
      '0100000000000000000000000000000000000000000000000000000000000000',
      '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
      'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
      'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
      'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa',
    ].map((h) => new Uint8Array(Buffer.from(h, 'hex')));
    // With the identity as key, R = B and S = 1 satisfy the equation for any message.
    const base = Buffer.from('5866666666666666666666666666666666666666666666666666666666666666', 'hex');
    const forged = new Uint8Array(Buffer.concat([base, Buffer.from([1]), Buffer.alloc(31)]));
    for (const pk of smallOrder) {
      expect(sodium.crypto_sign_verify_detached(forged, m, pk)).toBe(false);
      expect(ed25519Verify(forged, m, pk)).toBe(false);
    }
    const { privateKey, publicKey } = keyPair();
    const valid = ed25519Sign(m, privateKey);
    for (const r of smallOrder) {
      const sig = new Uint8Array(Buffer.concat([r, valid.subarray(32)]));
      expect(sodium.crypto_sign_verify_detached(sig, m, publicKey)).toBe(false);
      expect(ed25519Verify(sig, m, publicKey)).toBe(false);
    }
    const nonCanonical = new Uint8Array(Buffer.from(`f0${'ff'.repeat(30)}7f`, 'hex'));
    expect(sodium.crypto_sign_verify_detached(forged, m, nonCanonical)).toBe(false);
    expect(ed25519Verify(forged, m, nonCanonical)).toBe(false);
  });

  it('refuses a secret key of the wrong length or with halves that do not match', () => {
    const a = keyPair().privateKey;
    const b = keyPair().privateKey;
    expect(() => ed25519Sign(message(8), a.subarray(0, 32))).toThrow(/64 bytes/);
    const mixed = new Uint8Array([...a.subarray(0, 32), ...b.subarray(32)]);
    expect(() => ed25519Sign(message(8), mixed)).toThrow(/does not match/);
  });

  it('signs with the key the array holds now, not the one it held when first used', () => {
    const a = keyPair();
    const b = keyPair();
    const key = new Uint8Array(a.privateKey);
    const m = message(40);
    expect(ed25519Verify(ed25519Sign(m, key), m, a.publicKey)).toBe(true);
    key.set(b.privateKey);
    const s = ed25519Sign(m, key);
    expect(ed25519Verify(s, m, b.publicKey)).toBe(true);
    expect(Buffer.from(s).equals(Buffer.from(sodium.crypto_sign_detached(m, b.privateKey)))).toBe(true);
  });
});
