import { sign } from 'node:crypto';
import { privateKeyObject } from '../internal/key-objects.ts';

/**
 * Ed25519 detached signature (RFC 8032) through `node:crypto`, byte for byte what libsodium's
 * `crypto_sign_detached` gives for the same 64-byte secret key (`seed || publicKey`).
 * Throws `BAD_REQUEST` when the key is not 64 bytes or its halves do not match.
 */
export function ed25519Sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  const signature = sign(null, message, privateKeyObject(secretKey));
  return new Uint8Array(signature.buffer, signature.byteOffset, signature.byteLength);
}
