import { randomFillSync } from 'node:crypto';

/**
 * Where sealing takes its randomness. Production uses {@link nodeRandomSource}; tests inject fixed
 * bytes to reproduce test vectors. Each method must return a fresh array of exactly the stated size.
 */
export interface RandomSource {
  /** 16 bytes: the message id. */
  messageId(): Uint8Array;
  /** 32 bytes: the content encryption key (CEK). */
  contentKey(): Uint8Array;
  /** 24 bytes: the XChaCha20-Poly1305 nonce. */
  nonce(): Uint8Array;
  /** 32 bytes: the seed of the ephemeral X25519 key of the sealed box for recipient `index`. */
  ephemeralSeed(index: number): Uint8Array;
}

function fresh(length: number): Uint8Array {
  return randomFillSync(new Uint8Array(length));
}

/** Randomness from `node:crypto` (`randomFillSync`) (not libsodium's slow WebAssembly RNG). */
export const nodeRandomSource: RandomSource = {
  messageId: () => fresh(16),
  contentKey: () => fresh(32),
  nonce: () => fresh(24),
  ephemeralSeed: () => fresh(32),
};
