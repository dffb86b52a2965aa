import { verify } from 'node:crypto';
import { publicKeyObject } from '../internal/key-objects.ts';

/** An Ed25519 check with {@link ed25519Verify}'s signature: `(signature, message, publicKey) => valid`. */
export type SignatureCheck = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

/**
 * Checks an Ed25519 detached signature (RFC 8032) through `node:crypto` (OpenSSL), which refuses
 * what libsodium's `crypto_sign_verify_detached` refuses (S beyond the group order, keys and R of
 * small order, non-canonical keys; `ed25519.test.ts` holds the two side by side). False on any
 * failure, never throws.
 */
export function ed25519Verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  const key = publicKeyObject(publicKey);
  if (key === undefined) return false;
  try {
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}
