import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { HASH_SIZE } from '../merkle/leaf-hash.ts';
import { isTreeIndex } from '../merkle/tree-math.ts';
import type { AppendableLeafStore } from './leaf-store.ts';

const INITIAL_CAPACITY = 1024;

/** A growable run of 32-byte hashes in one buffer, with a presence flag per slot. */
class HashColumn {
  hashes = Buffer.alloc(0);
  present = new Uint8Array(0);

  ensure(slots: number): void {
    if (slots <= this.present.length) return;
    let capacity = Math.max(INITIAL_CAPACITY, this.present.length);
    while (capacity < slots) capacity *= 2;
    const hashes = Buffer.alloc(capacity * HASH_SIZE);
    this.hashes.copy(hashes);
    const present = new Uint8Array(capacity);
    present.set(this.present);
    this.hashes = hashes;
    this.present = present;
  }

  get(slot: number): Uint8Array | undefined {
    if (slot >= this.present.length || this.present[slot] !== 1) return undefined;
    return Uint8Array.from(this.hashes.subarray(slot * HASH_SIZE, (slot + 1) * HASH_SIZE));
  }

  set(slot: number, hash: Uint8Array): void {
    this.ensure(slot + 1);
    this.hashes.set(hash, slot * HASH_SIZE);
    this.present[slot] = 1;
  }
}

/**
 * In-memory {@link AppendableLeafStore}: leaf hashes in one growable buffer and every cached node
 * in one buffer per level, so about 64 bytes per leaf when all complete subtrees are cached.
 * Rebuild it on start by replaying the log's entries.
 */
export class MemoryLeafStore implements AppendableLeafStore {
  readonly #leaves = new HashColumn();
  readonly #levels: HashColumn[] = [];
  #size = 0;

  /** Number of leaf hashes stored. */
  get size(): number {
    return this.#size;
  }

  /** Stores the next leaf hash. */
  append(leafHash: Uint8Array): void {
    if (leafHash.byteLength !== HASH_SIZE) {
      throw new CwtchError(ErrorCode.BAD_REQUEST, 'a leaf hash must be 32 bytes');
    }
    this.#leaves.set(this.#size, leafHash);
    this.#size += 1;
  }

  /** The leaf hash at `index` (a copy). */
  leafHash(index: number): Uint8Array {
    const hash = isTreeIndex(index) && index < this.#size ? this.#leaves.get(index) : undefined;
    if (hash === undefined) throw new CwtchError(ErrorCode.NOT_FOUND, `no leaf at index ${index}`);
    return hash;
  }

  /** The cached node hash, or `undefined`. */
  getNode(level: number, index: number): Uint8Array | undefined {
    return this.#levels[level]?.get(index);
  }

  /** Caches a complete-subtree hash. */
  setNode(level: number, index: number, hash: Uint8Array): void {
    if (!isTreeIndex(level) || level === 0 || !isTreeIndex(index) || hash.byteLength !== HASH_SIZE) {
      throw new CwtchError(ErrorCode.BAD_REQUEST, 'a cached node needs level >= 1, an index and 32 bytes');
    }
    let column = this.#levels[level];
    if (column === undefined) {
      column = new HashColumn();
      this.#levels[level] = column;
    }
    column.set(index, hash);
  }
}
