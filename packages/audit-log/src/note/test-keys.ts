// Key helpers for tests: fresh Ed25519 key pairs as raw bytes.
import { generateKeyPairSync } from 'node:crypto';
import { rawPublicKey } from './ed25519-keys.ts';

export interface RawKeyPair {
  readonly seed: Uint8Array;
  readonly publicKey: Uint8Array;
  /** libsodium's 64-byte secret key: seed || public key. */
  readonly sodiumSecretKey: Uint8Array;
}

export function newKeyPair(): RawKeyPair {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  const seed = new Uint8Array(pkcs8.subarray(pkcs8.length - 32));
  const publicKey = rawPublicKey(privateKey);
  return { seed, publicKey, sodiumSecretKey: new Uint8Array(Buffer.concat([seed, publicKey])) };
}
