import { describe, expect, it } from 'vitest';
import { leafHash } from '../merkle/leaf-hash.ts';
import { rootOf } from '../merkle/root-of.ts';
import { MemoryLeafStore } from '../store/memory-leaf-store.ts';
import { consistencyProof } from './consistency-proof.ts';
import { verifyConsistency } from './verify-consistency.ts';

const MAX = 64;
const leaves = Array.from({ length: MAX }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));
const store = new MemoryLeafStore();
for (const leaf of leaves) store.append(leaf);
const roots = Array.from({ length: MAX + 1 }, (_, n) => rootOf(leaves.slice(0, n)));
const rootOfSize = (n: number): Uint8Array => roots[n] as Uint8Array;

describe('consistencyProof', () => {
  it('round-trips for every pair 1 <= m <= n <= 64', () => {
    let checked = 0;
    for (let n = 1; n <= MAX; n += 1) {
      for (let m = 1; m <= n; m += 1) {
        const proof = consistencyProof(m, n, store);
        expect(verifyConsistency(m, n, rootOfSize(m), rootOfSize(n), proof), `${m}->${n}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBe((MAX * (MAX + 1)) / 2);
  });

  it('fails for every tampering of every proof with m < n <= 64', () => {
    for (let n = 2; n <= MAX; n += 1) {
      for (let m = 1; m < n; m += 1) {
        const proof = consistencyProof(m, n, store);
        const bad = (
          p: Uint8Array[],
          first = m,
          second = n,
          r1 = rootOfSize(m),
          r2 = rootOfSize(n),
        ): void => {
          expect(verifyConsistency(first, second, r1, r2, p), `${m}->${n}`).toBe(false);
        };
        proof.forEach((_, at) => {
          const tampered = proof.map((p, i) =>
            i === at ? Uint8Array.from(p, (b, j) => (j === 0 ? (b + 16) % 256 : b)) : p,
          );
          bad(tampered);
        });
        bad(proof.slice(0, -1));
        bad([...proof, rootOfSize(n)]);
        bad([rootOfSize(m), ...proof]);
        bad([]);
        bad(proof, m, n, rootOfSize(n), rootOfSize(m));
        bad(proof, m, n, rootOfSize(m - 1 === 0 ? n : m - 1));
        bad(proof, m, n, rootOfSize(m), rootOfSize(n - 1));
        if (m + 1 < n) bad(proof, m + 1);
        if (m > 1) bad(proof, m - 1);
        if (n < MAX) bad(proof, m, n + 1, rootOfSize(m), rootOfSize(n + 1));
      }
    }
  });

  it('is empty for equal sizes and refuses the empty tree and shrinking', () => {
    expect(consistencyProof(7, 7, store)).toEqual([]);
    expect(() => consistencyProof(0, 7, store)).toThrow();
    expect(() => consistencyProof(8, 7, store)).toThrow();
    expect(() => consistencyProof(1, MAX + 1, store)).toThrow();
  });
});
