/**
 * Read access to a log's leaf hashes plus a cache of complete-subtree hashes, from which proofs
 * and past roots are computed. Synchronous so that an in-memory array, a single big Buffer or a
 * SQLite table (node:sqlite and better-sqlite3 are synchronous) can all implement it.
 *
 * A node at `(level, index)` is the root of the complete subtree of `2^level` leaves starting at
 * leaf `index * 2^level`. Once that subtree is full its hash never changes, so a cache entry never
 * goes stale; a store may keep all of them, some levels only (tiles), or none.
 */
export interface LeafStore {
  /** Number of leaf hashes stored. */
  readonly size: number;
  /** The 32-byte leaf hash at `index`; throws `NOT_FOUND` when `index >= size`. */
  leafHash(index: number): Uint8Array;
  /** The cached hash of node `(level, index)` (`level >= 1`), or `undefined`. */
  getNode(level: number, index: number): Uint8Array | undefined;
  /** Caches the hash of the complete subtree `(level, index)`; a store may ignore it. */
  setNode(level: number, index: number, hash: Uint8Array): void;
}

/** A {@link LeafStore} that the single log writer can append to. */
export interface AppendableLeafStore extends LeafStore {
  /** Stores the next leaf hash, at index `size`. */
  append(leafHash: Uint8Array): void;
}
