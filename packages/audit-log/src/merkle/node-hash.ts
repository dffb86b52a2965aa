import { hash } from 'node:crypto';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { HASH_SIZE } from './leaf-hash.ts';

// One reused input buffer: hashing is synchronous, so no caller can observe it half-written.
const scratch = Buffer.alloc(1 + 2 * HASH_SIZE);
scratch[0] = 0x01;

/**
 * RFC 9162 interior node hash: `SHA-256(0x01 || left || right)`.
 * Both children must be 32-byte hashes; anything else is a programming error and throws.
 */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.byteLength !== HASH_SIZE || right.byteLength !== HASH_SIZE) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'a Merkle node needs two 32-byte child hashes');
  }
  scratch.set(left, 1);
  scratch.set(right, 1 + HASH_SIZE);
  return hash('sha256', scratch, 'buffer');
}
