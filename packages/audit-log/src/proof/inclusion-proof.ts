import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { isTreeIndex, largestPowerOfTwoBelow } from '../merkle/tree-math.ts';
import type { LeafStore } from '../store/leaf-store.ts';
import { subtreeHash } from '../store/subtree-hash.ts';

/**
 * The inclusion proof `PATH(index, D[size])` of RFC 9162 section 2.1.3.1, computed from the stored
 * leaf hashes: sibling hashes from the leaf up to the root. Throws `BAD_REQUEST` unless
 * `0 <= index < size <= store.size`.
 */
export function inclusionProof(index: number, size: number, store: LeafStore): Uint8Array[] {
  if (!isTreeIndex(index) || !isTreeIndex(size) || index >= size || size > store.size) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, `no inclusion proof for leaf ${index} in a tree of ${size}`);
  }
  const proof: Uint8Array[] = [];
  path(index, 0, size, store, proof);
  return proof;
}

function path(m: number, start: number, n: number, store: LeafStore, out: Uint8Array[]): void {
  if (n === 1) return;
  const k = largestPowerOfTwoBelow(n);
  if (m < k) {
    path(m, start, k, store, out);
    out.push(subtreeHash(store, start + k, n - k));
  } else {
    path(m - k, start + k, n - k, store, out);
    out.push(subtreeHash(store, start, k));
  }
}
