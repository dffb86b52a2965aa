import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { emptyRoot } from './empty-root.ts';
import { HASH_SIZE } from './leaf-hash.ts';
import { nodeHash } from './node-hash.ts';
import { largestPowerOfTwoBelow } from './tree-math.ts';

/**
 * Merkle tree hash `MTH` of a list of leaf hashes, by RFC 9162's recursive definition
 * (split at the largest power of two below n; an odd last node is promoted, never duplicated).
 * O(n) hashes; use {@link MerkleFrontier} or a {@link MerkleTree} for a growing log.
 */
export function rootOf(leafHashes: readonly Uint8Array[]): Uint8Array {
  if (leafHashes.length === 0) return emptyRoot();
  if (leafHashes.some((h) => h.byteLength !== HASH_SIZE)) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'every leaf hash must be 32 bytes');
  }
  return mth(leafHashes, 0, leafHashes.length);
}

function mth(leaves: readonly Uint8Array[], start: number, count: number): Uint8Array {
  if (count === 1) return Uint8Array.from(leaves[start] as Uint8Array);
  const k = largestPowerOfTwoBelow(count);
  return nodeHash(mth(leaves, start, k), mth(leaves, start + k, count - k));
}
