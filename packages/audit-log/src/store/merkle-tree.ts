import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { HASH_SIZE, leafHash as hashLeaf } from '../merkle/leaf-hash.ts';
import { MerkleFrontier } from '../merkle/merkle-frontier.ts';
import { subtreeSizes } from '../merkle/tree-math.ts';
import { consistencyProof } from '../proof/consistency-proof.ts';
import { inclusionProof } from '../proof/inclusion-proof.ts';
import type { AppendableLeafStore } from './leaf-store.ts';
import { MemoryLeafStore } from './memory-leaf-store.ts';
import { rootAt } from './root-at.ts';
import { subtreeHash } from './subtree-hash.ts';

/**
 * The log writer's tree: a {@link LeafStore} for proofs plus a {@link MerkleFrontier} for the
 * current root. Every complete subtree an append finishes is written to the store's node cache,
 * so proofs stay O(log n) lookups without a separate pass.
 *
 * @example
 * ```ts
 * const tree = new MerkleTree();
 * const { index } = tree.appendEntry(entryBytes);
 * const proof = tree.inclusionProof(index);
 * verifyInclusion(leafHash(entryBytes), index, tree.size, proof, tree.root()); // true
 * ```
 */
export class MerkleTree {
  readonly #store: AppendableLeafStore;
  readonly #frontier: MerkleFrontier;

  /** Opens a tree over `store`, rebuilding the frontier from the leaves already in it. */
  constructor(store: AppendableLeafStore = new MemoryLeafStore()) {
    this.#store = store;
    let start = 0;
    const subtrees = subtreeSizes(store.size).map((count) => {
      const hash = subtreeHash(store, start, count);
      start += count;
      return hash;
    });
    this.#frontier = MerkleFrontier.fromSubtrees(store.size, subtrees);
  }

  /** Number of leaves in the tree. */
  get size(): number {
    return this.#frontier.size;
  }

  /** Appends a leaf hash and returns its index. */
  append(leafHash: Uint8Array): number {
    if (leafHash.byteLength !== HASH_SIZE) {
      throw new CwtchError(ErrorCode.BAD_REQUEST, 'a leaf hash must be 32 bytes');
    }
    const index = this.#frontier.size;
    this.#store.append(leafHash);
    this.#frontier.append(leafHash, (level, at, hash) => {
      this.#store.setNode(level, at, hash);
    });
    return index;
  }

  /** Hashes entry bytes as a leaf (`SHA-256(0x00 || entry)`) and appends it. */
  appendEntry(entry: Uint8Array): { readonly index: number; readonly leafHash: Uint8Array } {
    const leafHash = hashLeaf(entry);
    return { index: this.append(leafHash), leafHash };
  }

  /** The current root. */
  root(): Uint8Array {
    return this.#frontier.root();
  }

  /** The root at an earlier (or the current) size. */
  rootAt(size: number): Uint8Array {
    return rootAt(size, this.#store);
  }

  /** Inclusion proof of leaf `index` in the tree of `size` leaves (default: the current size). */
  inclusionProof(index: number, size: number = this.size): Uint8Array[] {
    return inclusionProof(index, size, this.#store);
  }

  /** Consistency proof from size `first` to `second` (default: the current size). */
  consistencyProof(first: number, second: number = this.size): Uint8Array[] {
    return consistencyProof(first, second, this.#store);
  }

  /** The frontier state to persist next to a signed checkpoint. */
  frontier(): Uint8Array {
    return this.#frontier.serialise();
  }
}
