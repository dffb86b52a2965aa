import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { isTreeIndex, largestPowerOfTwoBelow } from '../merkle/tree-math.ts';
import type { LeafStore } from '../store/leaf-store.ts';
import { subtreeHash } from '../store/subtree-hash.ts';

/**
 * The consistency proof `PROOF(first, D[second])` of RFC 9162 section 2.1.4.1, computed from the
 * stored leaf hashes. Empty when `first === second`. Throws `BAD_REQUEST` unless
 * `0 < first <= second <= store.size` (a proof from the empty tree does not exist).
 */
export function consistencyProof(first: number, second: number, store: LeafStore): Uint8Array[] {
  if (!isTreeIndex(first) || !isTreeIndex(second) || first === 0 || first > second || second > store.size) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, `no consistency proof from size ${first} to ${second}`);
  }
  const proof: Uint8Array[] = [];
  subproof(first, 0, second, true, store, proof);
  return proof;
}

function subproof(
  m: number,
  start: number,
  n: number,
  whole: boolean,
  store: LeafStore,
  out: Uint8Array[],
): void {
  if (m === n) {
    if (!whole) out.push(subtreeHash(store, start, n));
    return;
  }
  const k = largestPowerOfTwoBelow(n);
  if (m <= k) {
    subproof(m, start, k, whole, store, out);
    out.push(subtreeHash(store, start + k, n - k));
  } else {
    subproof(m - k, start + k, n - k, false, store, out);
    out.push(subtreeHash(store, start, k));
  }
}
