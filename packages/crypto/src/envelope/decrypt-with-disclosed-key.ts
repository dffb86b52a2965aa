import { decryptContent } from './decrypt-content.ts';
import type { VerifiedEnvelope } from './types.ts';

/**
 * Decrypts one message with a content key a recipient disclosed in a dispute (reference §2.9):
 * the CEK must match the signed key commitment `kc` (`KEY_COMMITMENT_MISMATCH`), so neither the
 * sender nor the recipient can later present different content; then `C` is decrypted with `H` as
 * associated data (`DECRYPTION_FAILED`). No private key is involved.
 */
export function decryptWithDisclosedKey(envelope: VerifiedEnvelope, cek: Uint8Array): Uint8Array {
  return decryptContent(envelope, cek);
}
