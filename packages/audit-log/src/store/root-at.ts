import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { emptyRoot } from '../merkle/empty-root.ts';
import { isTreeIndex } from '../merkle/tree-math.ts';
import type { LeafStore } from './leaf-store.ts';
import { subtreeHash } from './subtree-hash.ts';

/** The root of the tree formed by the first `size` stored leaves (any past size of the log). */
export function rootAt(size: number, store: LeafStore): Uint8Array {
  if (!isTreeIndex(size) || size > store.size) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, `no tree of size ${size} in a store of ${store.size} leaves`);
  }
  return size === 0 ? emptyRoot() : subtreeHash(store, 0, size);
}
