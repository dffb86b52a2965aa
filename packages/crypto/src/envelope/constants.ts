import { utf8 } from '../internal/utf8.ts';

/** Domain label of envelope signatures: "CWTCH1-SIG" followed by a 0x00 byte. */
export const SIGNATURE_LABEL = utf8('CWTCH1-SIG\0');
/** Message hashed under the CEK to give the key commitment `kc`. */
export const KEY_COMMITMENT_LABEL = utf8('CWTCH1 key commitment');
/** Sizes in bytes. */
export const SIZES = {
  id: 16,
  cek: 32,
  nonce: 24,
  keyCommitment: 32,
  wrappedKey: 80,
  signature: 64,
  tag: 16,
  ephemeralSeed: 32,
} as const;

/** Default size limit of an envelope (NATS' default max_payload). */
export const DEFAULT_MAX_ENVELOPE_BYTES = 1_048_576;
/** Default longest lifetime `exp - iat` accepted (7 days, DESIGN §5). */
export const DEFAULT_MAX_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Default tolerated sender clock skew (2 minutes). */
export const DEFAULT_SKEW_MS = 2 * 60 * 1000;
