import type { EnvelopeHeader } from '@cwtch/contracts';

/** An envelope that passed every structural check of `parseEnvelope` (signature not yet checked). */
export interface ParsedEnvelope {
  /** The envelope bytes as received. */
  readonly bytes: Uint8Array;
  /** The header, parsed strictly. */
  readonly header: EnvelopeHeader;
  /** `H`: the exact header bytes that were signed and used as associated data. */
  readonly headerBytes: Uint8Array;
  /** `W_1..W_k`, 80 bytes each, in the order of `header.to`. */
  readonly wrappedKeys: readonly Uint8Array[];
  /** `C`: XChaCha20-Poly1305 ciphertext and tag. */
  readonly ciphertext: Uint8Array;
  /** `S`: 64-byte Ed25519 signature. */
  readonly signature: Uint8Array;
  /** 24-byte nonce decoded from `header.n`. */
  readonly nonce: Uint8Array;
  /** 32-byte key commitment decoded from `header.kc`. */
  readonly keyCommitment: Uint8Array;
  /** `B = SHA-256(W_1 || ... || W_k || C)`. */
  readonly bodyHash: Uint8Array;
}

declare const verifiedEnvelope: unique symbol;

/** A parsed envelope whose sender signature `verifyEnvelope` checked; only these can be opened. */
export interface VerifiedEnvelope extends ParsedEnvelope {
  readonly [verifiedEnvelope]: true;
}

/** A public signing key the key directory holds for a given agency and key id. */
export interface SigningKey {
  /** 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
}

/**
 * Looks up the signing key `kid` of `agency`, valid for the message at hand. Throws a `CwtchError`
 * with `SENDER_KEY_UNKNOWN`, `SENDER_KEY_REVOKED` or `SENDER_KEY_EXPIRED` when it is not.
 */
export type SigningKeyResolver = (agency: string, kid: string) => SigningKey;
