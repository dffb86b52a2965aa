import { describe, expect, it } from 'vitest';
import { leafHash } from '../merkle/leaf-hash.ts';
import { nodeHash } from '../merkle/node-hash.ts';
import type { LeafStore } from '../store/leaf-store.ts';
import { rootAt } from '../store/root-at.ts';
import { consistencyProof } from './consistency-proof.ts';
import { inclusionProof } from './inclusion-proof.ts';
import { verifyConsistency } from './verify-consistency.ts';
import { verifyInclusion } from './verify-inclusion.ts';

/**
 * A log of up to 2^53 - 1 implicit leaves: every leaf hashes to the same filler except a few marked
 * ones. A complete subtree without a mark has a hash that depends on its level only, so proofs in
 * trees above 2^32 leaves cost a few hundred hashes and exercise the real index arithmetic.
 */
class SparseStore implements LeafStore {
  readonly #filler = leafHash(Buffer.from('filler'));
  readonly #uniform: Uint8Array[] = [this.#filler];
  readonly #marks: Map<number, Uint8Array>;
  readonly #cache = new Map<string, Uint8Array>();

  readonly size: number;

  constructor(size: number, marks: readonly number[]) {
    this.size = size;
    this.#marks = new Map(marks.map((i) => [i, leafHash(Buffer.from(`marked ${i}`))]));
    for (let level = 1; level <= 53; level += 1) {
      const below = this.#uniform[level - 1] as Uint8Array;
      this.#uniform.push(nodeHash(below, below));
    }
  }

  leafHash(index: number): Uint8Array {
    if (index >= this.size) throw new Error(`no leaf ${index}`);
    return this.#marks.get(index) ?? this.#filler;
  }

  getNode(level: number, index: number): Uint8Array | undefined {
    const start = index * 2 ** level;
    const end = start + 2 ** level;
    const marked = [...this.#marks.keys()].some((m) => m >= start && m < end);
    return marked ? this.#cache.get(`${level}:${index}`) : this.#uniform[level];
  }

  setNode(level: number, index: number, hash: Uint8Array): void {
    this.#cache.set(`${level}:${index}`, hash);
  }
}

const P31 = 2 ** 31;
const P32 = 2 ** 32;
const marks = [0, P31 - 1, P31, P31 + 1, P32 - 1, P32, P32 + 3, P32 + 4];

describe('proofs in trees beyond 2^31 and 2^32 leaves', () => {
  const store = new SparseStore(P32 + 5, marks);

  it.each([P31 + 2, P32, P32 + 1, P32 + 5])('verifies inclusion of marked leaves at size %d', (size) => {
    const root = rootAt(size, store);
    for (const index of marks.filter((m) => m < size)) {
      const leaf = store.leafHash(index);
      const proof = inclusionProof(index, size, store);
      expect(verifyInclusion(leaf, index, size, proof, root), `${index}/${size}`).toBe(true);
      // A verifier that truncated indices to 32 bits would look at index % 2^32.
      if (index >= P32) expect(verifyInclusion(leaf, index - P32, size, proof, root)).toBe(false);
      if (index + 1 < size) expect(verifyInclusion(leaf, index + 1, size, proof, root)).toBe(false);
      if (size < store.size)
        expect(verifyInclusion(leaf, index, size + 1, proof, rootAt(size + 1, store))).toBe(false);
    }
  });

  it('verifies consistency across 2^31 and 2^32', () => {
    const sizes = [1, 7, P31 - 1, P31, P31 + 1, P32 - 1, P32, P32 + 1, P32 + 4, P32 + 5];
    for (const m of sizes) {
      for (const n of sizes.filter((s) => s > m)) {
        const proof = consistencyProof(m, n, store);
        const rootM = rootAt(m, store);
        const rootN = rootAt(n, store);
        expect(verifyConsistency(m, n, rootM, rootN, proof), `${m}->${n}`).toBe(true);
        if (n - P32 > m) expect(verifyConsistency(m, n - P32, rootM, rootN, proof)).toBe(false);
        expect(verifyConsistency(m, n, rootN, rootM, proof)).toBe(false);
      }
    }
  });

  it('notices a changed leaf past 2^32 through the root', () => {
    const other = new SparseStore(P32 + 5, [...marks.slice(0, -1), P32 + 2]);
    expect(Buffer.from(rootAt(P32 + 5, other)).equals(rootAt(P32 + 5, store))).toBe(false);
    expect(Buffer.from(rootAt(P32, other)).equals(rootAt(P32, store))).toBe(true);
  });
});
