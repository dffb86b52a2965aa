import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { nodeHash } from '../merkle/node-hash.ts';
import { isPowerOfTwo, isTreeIndex, largestPowerOfTwoBelow, log2Exact } from '../merkle/tree-math.ts';
import type { LeafStore } from './leaf-store.ts';

/**
 * `MTH` of the `count` leaves starting at `start`, read from `store`. Aligned power-of-two ranges
 * are complete subtrees and go through the node cache; the ragged right edge of a tree is split
 * at the largest power of two below its length, so it costs O(log n) cached lookups.
 */
export function subtreeHash(store: LeafStore, start: number, count: number): Uint8Array {
  if (!isTreeIndex(start) || !isTreeIndex(count) || count === 0 || start + count > store.size) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'the range is outside the stored leaves');
  }
  return rangeHash(store, start, count);
}

function rangeHash(store: LeafStore, start: number, count: number): Uint8Array {
  if (isPowerOfTwo(count) && start % count === 0) {
    return completeHash(store, log2Exact(count), start / count);
  }
  const k = largestPowerOfTwoBelow(count);
  return nodeHash(rangeHash(store, start, k), rangeHash(store, start + k, count - k));
}

function completeHash(store: LeafStore, level: number, index: number): Uint8Array {
  if (level === 0) return store.leafHash(index);
  const cached = store.getNode(level, index);
  if (cached !== undefined) return cached;
  const hash = nodeHash(
    completeHash(store, level - 1, 2 * index),
    completeHash(store, level - 1, 2 * index + 1),
  );
  store.setNode(level, index, hash);
  return hash;
}
