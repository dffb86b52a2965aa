import { createHash } from 'node:crypto';

/** SHA-256 of `bytes` (node:crypto), as a fresh 32-byte array. */
export function sha256(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(bytes).digest());
}
