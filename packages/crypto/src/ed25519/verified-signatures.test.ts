import { randomBytes } from 'node:crypto';
import sodium from 'libsodium-wrappers';
import { beforeAll, describe, expect, it } from 'vitest';
import { ed25519Sign } from './sign-ed25519.ts';
import { VerifiedSignatures } from './verified-signatures.ts';

beforeAll(async () => {
  await sodium.ready;
});

const signed = () => {
  const { publicKey, privateKey } = sodium.crypto_sign_seed_keypair(randomBytes(32));
  const message = new Uint8Array(randomBytes(300));
  return { publicKey, message, signature: ed25519Sign(message, privateKey) };
};

describe('VerifiedSignatures', () => {
  it('answers a signature seen before, over the same bytes with the same key, from memory', () => {
    const memo = new VerifiedSignatures();
    const { publicKey, message, signature } = signed();
    expect(memo.check(signature, message, publicKey)).toBe(true);
    expect(memo.remembered).toBe(0);
    expect(memo.check(new Uint8Array(signature), new Uint8Array(message), new Uint8Array(publicKey))).toBe(
      true,
    );
    expect(memo.remembered).toBe(1);
  });

  it('refuses the remembered signature over other bytes or with another key, checking it in full', () => {
    const memo = new VerifiedSignatures();
    const { publicKey, message, signature } = signed();
    expect(memo.check(signature, message, publicKey)).toBe(true);
    const other = new Uint8Array(message);
    other[0] = (other[0] ?? 0) ^ 1;
    expect(memo.check(signature, other, publicKey)).toBe(false);
    expect(memo.check(signature, message, signed().publicKey)).toBe(false);
    expect(memo.remembered).toBe(0);
  });

  it('never remembers a failure, and keeps its own copy of what verified', () => {
    const memo = new VerifiedSignatures();
    const { publicKey, message, signature } = signed();
    const bad = new Uint8Array(signature);
    bad[10] = (bad[10] ?? 0) ^ 1;
    expect(memo.check(bad, message, publicKey)).toBe(false);
    expect(memo.check(bad, message, publicKey)).toBe(false);
    const mine = new Uint8Array(message);
    expect(memo.check(signature, mine, publicKey)).toBe(true);
    mine[0] = (mine[0] ?? 0) ^ 1; // the caller's array changes after the check
    expect(memo.check(signature, mine, publicKey)).toBe(false);
    expect(memo.remembered).toBe(0);
  });

  it('keeps at most its limit, dropping the oldest', () => {
    const memo = new VerifiedSignatures(2);
    const [a, b, c] = [signed(), signed(), signed()];
    for (const s of [a, b, c]) expect(memo.check(s.signature, s.message, s.publicKey)).toBe(true);
    expect(memo.check(c.signature, c.message, c.publicKey)).toBe(true);
    expect(memo.remembered).toBe(1);
    expect(memo.check(a.signature, a.message, a.publicKey)).toBe(true);
    expect(memo.remembered).toBe(1);
  });
});
