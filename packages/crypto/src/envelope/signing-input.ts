import { sha256 } from '../encoding/sha256.ts';
import { concatBytes, u32be } from '../internal/bytes.ts';
import { SIGNATURE_LABEL } from './constants.ts';

/** `B = SHA-256(W_1 || ... || W_k || C)`. */
export function computeBodyHash(wrappedKeys: readonly Uint8Array[], ciphertext: Uint8Array): Uint8Array {
  return sha256(concatBytes([...wrappedKeys, ciphertext]));
}

/** The bytes Ed25519 signs: `"CWTCH1-SIG" || 0x00 || u32be(|H|) || H || B`. */
export function envelopeSigningInput(headerBytes: Uint8Array, bodyHash: Uint8Array): Uint8Array {
  return concatBytes([SIGNATURE_LABEL, u32be(headerBytes.length), headerBytes, bodyHash]);
}
