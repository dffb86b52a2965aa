import { describe, expect, it } from 'vitest';
import { consistencyVectors, rootVectors } from '../fixtures/merkle-vectors.ts';
import { leafHash } from '../merkle/leaf-hash.ts';
import { MemoryLeafStore } from '../store/memory-leaf-store.ts';
import { rootAt } from '../store/root-at.ts';
import { consistencyProof } from './consistency-proof.ts';
import { verifyConsistency } from './verify-consistency.ts';

const vectors = consistencyVectors();
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('verifyConsistency against transparency-dev/merkle testdata', () => {
  it('has the vectors', () => {
    expect(vectors.length).toBe(98);
    expect(vectors.filter((v) => !v.wantErr)).toHaveLength(6);
  });

  it.each(vectors.map((v) => [v.file, v] as const))('%s', (_file, v) => {
    expect(verifyConsistency(v.size1, v.size2, v.root1, v.root2, v.proof)).toBe(!v.wantErr);
  });

  it('produces the same proofs as the happy-path vectors', () => {
    const store = new MemoryLeafStore();
    for (const input of rootVectors().leafInputsHex) store.append(leafHash(Buffer.from(input, 'hex')));
    const happy = vectors.filter(
      (v) =>
        !v.wantErr &&
        v.size1 > 0 &&
        v.size2 <= store.size &&
        hex(rootAt(v.size1, store)) === hex(v.root1) &&
        hex(rootAt(v.size2, store)) === hex(v.root2),
    );
    expect(happy.length).toBeGreaterThanOrEqual(5);
    for (const v of happy)
      expect(consistencyProof(v.size1, v.size2, store).map(hex)).toEqual(v.proof.map(hex));
  });
});

describe('verifyConsistency edge cases', () => {
  const root = leafHash(Buffer.from('x'));

  it('follows transparency-dev for equal sizes and the empty tree', () => {
    expect(verifyConsistency(1, 1, root, root, [])).toBe(true);
    expect(verifyConsistency(1, 1, root, leafHash(Buffer.from('y')), [])).toBe(false);
    expect(verifyConsistency(1, 1, root, root, [root])).toBe(false);
    expect(verifyConsistency(0, 0, root, root, [])).toBe(false);
    expect(verifyConsistency(0, 5, root, root, [])).toBe(false);
    expect(verifyConsistency(2, 1, root, root, [])).toBe(false);
    expect(verifyConsistency(1, 2, root, root, [])).toBe(false);
  });
});
