import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { getSodium } from '../init-crypto.ts';
import { concatBytes } from '../internal/bytes.ts';

/**
 * libsodium's `crypto_box_seal`, rebuilt so the ephemeral key comes from a caller-supplied 32-byte
 * seed (node:crypto or a test vector) rather than libsodium's slow WebAssembly RNG:
 * `epk || crypto_box_easy(m, nonce = BLAKE2b-192(epk || pk), pk, esk)`. Byte-compatible with
 * `crypto_box_seal_open` (interop test beside this file).
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
  const ephemeral = sodium.crypto_box_seed_keypair(ephemeralSeed);
  try {
    const nonce = sodium.crypto_generichash(24, concatBytes([ephemeral.publicKey, recipientPublicKey]), null);
    const boxed = sodium.crypto_box_easy(message, nonce, recipientPublicKey, ephemeral.privateKey);
    return concatBytes([ephemeral.publicKey, boxed]);
  } finally {
    sodium.memzero(ephemeral.privateKey);
    sodium.memzero(ephemeralSeed);
  }
}
