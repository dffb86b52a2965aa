import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { getSodium } from '../init-crypto.ts';
import { SIZES } from './constants.ts';
import { keyCommitment } from './key-commitment.ts';
import type { VerifiedEnvelope } from './types.ts';

/** Checks `kc` against the CEK in constant time, then decrypts `C` with `H` as associated data. */
export function decryptContent(envelope: VerifiedEnvelope, cek: Uint8Array): Uint8Array {
  const sodium = getSodium();
  if (cek.length !== SIZES.cek || !sodium.memcmp(keyCommitment(cek), envelope.keyCommitment)) {
    throw new CwtchError(ErrorCode.KEY_COMMITMENT_MISMATCH, 'content key does not match the key commitment');
  }
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      envelope.ciphertext,
      envelope.headerBytes,
      envelope.nonce,
      cek,
    );
  } catch {
    throw new CwtchError(ErrorCode.DECRYPTION_FAILED, 'decryption failed');
  }
}
