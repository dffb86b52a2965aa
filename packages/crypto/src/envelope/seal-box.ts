import { createHash, diffieHellman, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { getSodium } from '../init-crypto.ts';
import { concatBytes } from '../internal/bytes.ts';
import { x25519PrivateKeyObject, x25519PublicKey, x25519PublicKeyObject } from '../internal/key-objects.ts';
import { hsalsa20 } from './hsalsa20.ts';

const ZERO_INPUT = new Uint8Array(16);

/**
 * `crypto_box_beforenm(pk, sk)`: HSalsa20 keyed with the X25519 shared secret, the scalar
 * multiplication done by node:crypto (OpenSSL, native; libsodium's WebAssembly one costs about
 * three times more), then {@link hsalsa20}. Like libsodium, refuses an all-zero shared secret (a
 * public key of small order). The caller wipes the key.
 */
function boxKey(secret: KeyObject, publicKey: KeyObject): Uint8Array {
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey: secret, publicKey });
  } catch (cause) {
    throw new CwtchError(ErrorCode.DECRYPTION_FAILED, 'the X25519 key agreement failed', { cause });
  }
  try {
    if (shared.every((b) => b === 0))
      throw new CwtchError(ErrorCode.DECRYPTION_FAILED, 'the X25519 key agreement failed');
    return hsalsa20(shared, ZERO_INPUT);
  } finally {
    shared.fill(0);
  }
}

/** BLAKE2b-192(epk || pk): the nonce `crypto_box_seal` derives. */
const sealNonce = (epk: Uint8Array, pk: Uint8Array) =>
  getSodium().crypto_generichash(24, concatBytes([epk, pk]), null);

/**
 * The ephemeral X25519 key pair of one sealed box: from `seed` as `crypto_box_seed_keypair`
 * derives it (esk = SHA-512(seed)[0..32]; a test vector's), else fresh from OpenSSL's generator,
 * which skips importing a secret key: a sealed box in about half the time. Wipes the seed.
 */
function ephemeralKeyPair(seed: Uint8Array | undefined): { secret: KeyObject; publicKey: Uint8Array } {
  if (seed === undefined) {
    const pair = generateKeyPairSync('x25519');
    return { secret: pair.privateKey, publicKey: x25519PublicKey(pair.publicKey) };
  }
  try {
    if (seed.length !== 32) throw new CwtchError(ErrorCode.INTERNAL, 'ephemeral seed must be 32 bytes');
    const hash = createHash('sha512').update(seed).digest();
    try {
      const secret = x25519PrivateKeyObject(hash.subarray(0, 32), false);
      return { secret, publicKey: x25519PublicKey(secret) };
    } finally {
      hash.fill(0);
    }
  } finally {
    getSodium().memzero(seed);
  }
}

/**
 * libsodium's `crypto_box_seal`, rebuilt on node:crypto's X25519 (native) rather than libsodium's
 * WebAssembly: `epk || crypto_box_easy(m, nonce = BLAKE2b-192(epk || pk), pk, esk)`, the ephemeral
 * key pair fresh from OpenSSL's generator, or derived from `ephemeralSeed` as
 * `crypto_box_seed_keypair` derives it (test vectors). Byte-compatible with
 * `crypto_box_seal_open` (interop test beside this file). Wipes the seed.
 */
export function sealBox(
  message: Uint8Array,
  recipientPublicKey: Uint8Array,
  ephemeralSeed?: Uint8Array,
): Uint8Array {
  const sodium = getSodium();
  if (recipientPublicKey.length !== 32) {
    if (ephemeralSeed) sodium.memzero(ephemeralSeed);
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'public key must be 32 bytes');
  }
  const ephemeral = ephemeralKeyPair(ephemeralSeed);
  let key: Uint8Array | undefined;
  try {
    try {
      key = boxKey(ephemeral.secret, x25519PublicKeyObject(recipientPublicKey, true));
    } catch (e) {
      throw new CwtchError(ErrorCode.BAD_REQUEST, 'the recipient public key is not usable', { cause: e });
    }
    return concatBytes([
      ephemeral.publicKey,
      sodium.crypto_box_easy_afternm(message, sealNonce(ephemeral.publicKey, recipientPublicKey), key),
    ]);
  } finally {
    if (key) sodium.memzero(key);
  }
}

/**
 * `crypto_box_seal_open(sealed, pk, sk)` with the key agreement in node:crypto as in
 * {@link sealBox}: byte for byte what libsodium opens, and refusing what it refuses. Throws
 * `DECRYPTION_FAILED`.
 */
export function openBox(
  sealed: Uint8Array,
  me: { publicKey: Uint8Array; secretKey: Uint8Array },
): Uint8Array {
  const sodium = getSodium();
  if (
    sealed.length < 32 + sodium.crypto_box_MACBYTES ||
    me.secretKey.length !== 32 ||
    me.publicKey.length !== 32
  )
    throw new CwtchError(ErrorCode.DECRYPTION_FAILED, 'decryption failed');
  const epk = sealed.subarray(0, 32);
  let key: Uint8Array | undefined;
  try {
    key = boxKey(x25519PrivateKeyObject(me.secretKey, true), x25519PublicKeyObject(epk, false));
    return sodium.crypto_box_open_easy_afternm(sealed.subarray(32), sealNonce(epk, me.publicKey), key);
  } catch (cause) {
    throw new CwtchError(ErrorCode.DECRYPTION_FAILED, 'decryption failed', { cause });
  } finally {
    if (key) sodium.memzero(key);
  }
}
