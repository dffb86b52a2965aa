import { randomFillSync } from 'node:crypto';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { getSodium } from '../init-crypto.ts';
import { keyId } from './key-id.ts';
import type { AgencyKeys } from './types.ts';

/** Optional 32-byte seeds, for reproducible keys in tests; omitted seeds come from node:crypto. */
export interface AgencyKeySeeds {
  readonly signingSeed?: Uint8Array;
  readonly encryptionSeed?: Uint8Array;
}

/**
 * Makes an agency's Ed25519 signing pair and X25519 encryption pair, each with its key id.
 *
 * @example
 * ```ts
 * await initCrypto();
 * const keys = generateAgencyKeys();
 * console.log(keys.signing.kid, keys.encryption.kid);
 * ```
 */
export function generateAgencyKeys(seeds: AgencyKeySeeds = {}): AgencyKeys {
  const sodium = getSodium();
  const signingSeed = seeds.signingSeed ?? randomFillSync(new Uint8Array(32));
  const encryptionSeed = seeds.encryptionSeed ?? randomFillSync(new Uint8Array(32));
  if (signingSeed.length !== 32 || encryptionSeed.length !== 32) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'key seeds must be 32 bytes');
  }
  const sig = sodium.crypto_sign_seed_keypair(signingSeed);
  const enc = sodium.crypto_box_seed_keypair(encryptionSeed);
  if (seeds.signingSeed === undefined) sodium.memzero(signingSeed);
  if (seeds.encryptionSeed === undefined) sodium.memzero(encryptionSeed);
  return {
    signing: { kid: keyId(sig.publicKey, 'Ed25519'), publicKey: sig.publicKey, secretKey: sig.privateKey },
    encryption: { kid: keyId(enc.publicKey, 'X25519'), publicKey: enc.publicKey, secretKey: enc.privateKey },
  };
}
