import { getSodium } from '../init-crypto.ts';
import { KEY_COMMITMENT_LABEL } from './constants.ts';

/** `kc = BLAKE2b-256(key = CEK, message = "CWTCH1 key commitment")`. */
export function keyCommitment(cek: Uint8Array): Uint8Array {
  return getSodium().crypto_generichash(32, KEY_COMMITMENT_LABEL, cek);
}
