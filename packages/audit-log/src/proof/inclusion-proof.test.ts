import { describe, expect, it } from 'vitest';
import { leafHash } from '../merkle/leaf-hash.ts';
import { rootOf } from '../merkle/root-of.ts';
import { MemoryLeafStore } from '../store/memory-leaf-store.ts';
import { inclusionProof } from './inclusion-proof.ts';
import { verifyInclusion } from './verify-inclusion.ts';

const MAX = 64;
const leaves = Array.from({ length: MAX }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));
const store = new MemoryLeafStore();
for (const leaf of leaves) store.append(leaf);
const roots = Array.from({ length: MAX + 1 }, (_, n) => rootOf(leaves.slice(0, n)));

const flip = (proof: Uint8Array[], at: number): Uint8Array[] =>
  proof.map((p, i) => {
    if (i !== at) return p;
    const copy = Uint8Array.from(p);
    copy[0] = ((copy[0] as number) + 8) % 256; // changes bit 3 or a higher one
    return copy;
  });

describe('inclusionProof', () => {
  it('round-trips for every leaf of every tree up to 64 leaves', () => {
    let checked = 0;
    for (let n = 1; n <= MAX; n += 1) {
      const root = roots[n] as Uint8Array;
      for (let i = 0; i < n; i += 1) {
        const proof = inclusionProof(i, n, store);
        expect(verifyInclusion(leaves[i] as Uint8Array, i, n, proof, root), `${i}/${n}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBe((MAX * (MAX + 1)) / 2);
  });

  it('fails for every tampering of every proof up to 64 leaves', () => {
    for (let n = 1; n <= MAX; n += 1) {
      const root = roots[n] as Uint8Array;
      for (let i = 0; i < n; i += 1) {
        const leaf = leaves[i] as Uint8Array;
        const proof = inclusionProof(i, n, store);
        const bad = (p: Uint8Array[], index = i, size = n, r = root, l = leaf): void => {
          expect(verifyInclusion(l, index, size, p, r), `${i}/${n}`).toBe(false);
        };
        proof.forEach((_, at) => {
          bad(flip(proof, at));
        });
        if (proof.length > 0) bad(proof.slice(0, -1));
        bad([...proof, root]);
        bad([root, ...proof]);
        if (i + 1 < n) bad(proof, i + 1);
        if (i > 0) bad(proof, i - 1);
        bad(proof, i, n + 1, roots[n + 1] ?? root);
        bad(proof, i, n, root, leaves[(i + 1) % MAX] as Uint8Array);
        if (n > 1) bad(proof, i, n, roots[n - 1] as Uint8Array);
      }
    }
  });

  it('is empty for a single leaf and refuses indices outside the tree', () => {
    expect(inclusionProof(0, 1, store)).toEqual([]);
    expect(() => inclusionProof(3, 3, store)).toThrow();
    expect(() => inclusionProof(0, MAX + 1, store)).toThrow();
    expect(() => inclusionProof(-1, 3, store)).toThrow();
  });
});
