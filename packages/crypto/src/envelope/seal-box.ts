import { createHash, diffieHellman, type KeyObject } from 'node:crypto';
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
 * libsodium's `crypto_box_seal`, rebuilt so the ephemeral key comes from a caller-supplied 32-byte
 * seed (node:crypto or a test vector) rather than libsodium's slow WebAssembly RNG:
 * `epk || crypto_box_easy(m, nonce = BLAKE2b-192(epk || pk), pk, esk)`, with the ephemeral key
 * pair derived as `crypto_box_seed_keypair` derives it (esk = SHA-512(seed)[0..32]). Byte-compatible
 * with `crypto_box_seal_open` (interop test beside this file). Wipes the seed.
 */
export function sealBox(
  message: Uint8Array,
  recipientPublicKey: Uint8Array,
  ephemeralSeed: Uint8Array,
): Uint8Array {
  const sodium = getSodium();
  if (ephemeralSeed.length !== 32) {
    throw new CwtchError(ErrorCode.INTERNAL, 'ephemeral seed must be 32 bytes');
  }
  if (recipientPublicKey.length !== 32) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'public key must be 32 bytes');
  }
  const hash = createHash('sha512').update(ephemeralSeed).digest();
  let key: Uint8Array | undefined;
  try {
    const esk = x25519PrivateKeyObject(hash.subarray(0, 32), false);
    const epk = x25519PublicKey(esk);
    try {
      key = boxKey(esk, x25519PublicKeyObject(recipientPublicKey, true));
    } catch (e) {
      throw new CwtchError(ErrorCode.BAD_REQUEST, 'the recipient public key is not usable', { cause: e });
    }
    return concatBytes([
      epk,
      sodium.crypto_box_easy_afternm(message, sealNonce(epk, recipientPublicKey), key),
    ]);
  } finally {
    hash.fill(0);
    if (key) sodium.memzero(key);
    sodium.memzero(ephemeralSeed);
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
