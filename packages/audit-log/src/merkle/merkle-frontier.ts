import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { emptyRoot } from './empty-root.ts';
import { HASH_SIZE } from './leaf-hash.ts';
import { nodeHash } from './node-hash.ts';
import { countOnes, half, isOdd, isTreeIndex, log2Exact, subtreeSizes } from './tree-math.ts';

/** Called for every complete subtree an append finishes: `2^level` leaves from `index * 2^level`. */
export type SubtreeListener = (level: number, index: number, hash: Uint8Array) => void;

const SIZE_BYTES = 8;

/**
 * Incremental Merkle tree hash with O(log n) state: the roots of the complete subtrees the tree
 * splits into. This is what the audit service keeps to sign checkpoints without rereading the log.
 *
 * @example
 * ```ts
 * const frontier = new MerkleFrontier();
 * frontier.append(leafHash(entryBytes));
 * const checkpoint = formatCheckpoint({ origin, size: frontier.size, root: frontier.root() });
 * ```
 */
export class MerkleFrontier {
  // #nodes[h] is the root of the complete subtree of 2^h leaves, present when bit h of size is set.
  readonly #nodes: (Uint8Array | undefined)[] = [];
  #size = 0;

  /** Number of leaves appended so far. */
  get size(): number {
    return this.#size;
  }

  /** Appends one leaf hash; `onSubtree` hears about each complete subtree this finishes. */
  append(leafHash: Uint8Array, onSubtree?: SubtreeListener): void {
    if (leafHash.byteLength !== HASH_SIZE) {
      throw new CwtchError(ErrorCode.BAD_REQUEST, 'a leaf hash must be 32 bytes');
    }
    if (!Number.isSafeInteger(this.#size + 1)) {
      throw new CwtchError(ErrorCode.TOO_LARGE, 'the tree has reached the largest supported size');
    }
    let node: Uint8Array = Uint8Array.from(leafHash);
    let level = 0;
    let remaining = this.#size;
    let index = this.#size;
    while (isOdd(remaining)) {
      node = nodeHash(this.#nodes[level] as Uint8Array, node);
      this.#nodes[level] = undefined;
      remaining = half(remaining);
      index = half(index);
      level += 1;
      onSubtree?.(level, index, node);
    }
    this.#nodes[level] = node;
    this.#size += 1;
  }

  /** The current root: `SHA-256("")` for the empty tree. */
  root(): Uint8Array {
    let root: Uint8Array | undefined;
    for (const node of this.#nodes) {
      if (node === undefined) continue;
      root = root === undefined ? node : nodeHash(node, root);
    }
    return root === undefined ? emptyRoot() : Uint8Array.from(root);
  }

  /** The roots of the complete subtrees, leftmost (largest) first. */
  subtrees(): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (const node of this.#nodes) if (node !== undefined) out.unshift(Uint8Array.from(node));
    return out;
  }

  /** Binary state for storage: `u64be(size)` followed by {@link subtrees}. */
  serialise(): Uint8Array {
    const subtrees = this.subtrees();
    const out = new Uint8Array(SIZE_BYTES + subtrees.length * HASH_SIZE);
    new DataView(out.buffer).setBigUint64(0, BigInt(this.#size));
    subtrees.forEach((hash, i) => {
      out.set(hash, SIZE_BYTES + i * HASH_SIZE);
    });
    return out;
  }

  /** Rebuilds a frontier from {@link serialise} output; throws on malformed state. */
  static restore(state: Uint8Array): MerkleFrontier {
    if (state.byteLength < SIZE_BYTES || (state.byteLength - SIZE_BYTES) % HASH_SIZE !== 0) {
      throw new CwtchError(ErrorCode.BAD_REQUEST, 'frontier state has the wrong length');
    }
    const size = new DataView(state.buffer, state.byteOffset, state.byteLength).getBigUint64(0);
    if (size > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new CwtchError(ErrorCode.BAD_REQUEST, 'frontier state has an unsupported tree size');
    }
    const subtrees: Uint8Array[] = [];
    for (let at = SIZE_BYTES; at < state.byteLength; at += HASH_SIZE) {
      subtrees.push(state.slice(at, at + HASH_SIZE));
    }
    return MerkleFrontier.fromSubtrees(Number(size), subtrees);
  }

  /** A frontier from a tree size and its complete-subtree roots, leftmost (largest) first. */
  static fromSubtrees(size: number, subtrees: readonly Uint8Array[]): MerkleFrontier {
    if (!isTreeIndex(size) || subtrees.length !== countOnes(size)) {
      throw new CwtchError(ErrorCode.BAD_REQUEST, 'subtree count does not match the tree size');
    }
    if (subtrees.some((h) => h.byteLength !== HASH_SIZE)) {
      throw new CwtchError(ErrorCode.BAD_REQUEST, 'every subtree root must be 32 bytes');
    }
    const frontier = new MerkleFrontier();
    const sizes = subtreeSizes(size);
    sizes.forEach((leaves, i) => {
      frontier.#nodes[log2Exact(leaves)] = Uint8Array.from(subtrees[i] as Uint8Array);
    });
    frontier.#size = size;
    return frontier;
  }
}
