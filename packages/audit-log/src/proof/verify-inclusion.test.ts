import { describe, expect, it } from 'vitest';
import { inclusionVectors, rootVectors } from '../fixtures/merkle-vectors.ts';
import { leafHash } from '../merkle/leaf-hash.ts';
import { MemoryLeafStore } from '../store/memory-leaf-store.ts';
import { rootAt } from '../store/root-at.ts';
import { inclusionProof } from './inclusion-proof.ts';
import { verifyInclusion } from './verify-inclusion.ts';

const vectors = inclusionVectors();
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('verifyInclusion against transparency-dev/merkle testdata', () => {
  it('has the vectors', () => {
    expect(vectors.length).toBe(98);
    expect(vectors.filter((v) => !v.wantErr)).toHaveLength(6);
  });

  it.each(vectors.map((v) => [v.file, v] as const))('%s', (_file, v) => {
    expect(verifyInclusion(v.leafHash, v.leafIdx, v.treeSize, v.proof, v.root)).toBe(!v.wantErr);
  });

  it('produces the same proofs as the happy-path vectors', () => {
    const store = new MemoryLeafStore();
    for (const input of rootVectors().leafInputsHex) store.append(leafHash(Buffer.from(input, 'hex')));
    const happy = vectors.filter(
      (v) => !v.wantErr && v.treeSize <= store.size && hex(rootAt(v.treeSize, store)) === hex(v.root),
    );
    expect(happy.length).toBeGreaterThanOrEqual(5);
    for (const v of happy)
      expect(inclusionProof(v.leafIdx, v.treeSize, store).map(hex)).toEqual(v.proof.map(hex));
  });
});

describe('verifyInclusion pitfalls', () => {
  const store = new MemoryLeafStore();
  for (let i = 0; i < 4; i += 1) store.append(leafHash(Buffer.from([i])));

  it('fails for index >= size even when the hashes line up', () => {
    const leaf = store.leafHash(0);
    expect(verifyInclusion(leaf, 0, 1, [], leaf)).toBe(true);
    expect(verifyInclusion(leaf, 1, 1, [], leaf)).toBe(false);
    expect(verifyInclusion(leaf, 0, 0, [], leaf)).toBe(false);
  });

  it('cannot tell size 3 from size 4 on its own, so size and root must come from one checkpoint', () => {
    // The reference's self-test finding: leaf 0's path in a 3-leaf tree has the same shape at size 4.
    const proof = inclusionProof(0, 3, store);
    const root3 = rootAt(3, store);
    expect(verifyInclusion(store.leafHash(0), 0, 3, proof, root3)).toBe(true);
    expect(verifyInclusion(store.leafHash(0), 0, 4, proof, root3)).toBe(true);
    expect(verifyInclusion(store.leafHash(0), 0, 4, proof, rootAt(4, store))).toBe(false);
  });

  it('refuses hashes that are not 32 bytes and unsafe numbers', () => {
    const proof = inclusionProof(1, 4, store);
    const root = rootAt(4, store);
    expect(verifyInclusion(store.leafHash(1), 1, 4, proof, root)).toBe(true);
    expect(verifyInclusion(store.leafHash(1).subarray(1), 1, 4, proof, root)).toBe(false);
    expect(verifyInclusion(store.leafHash(1), 1, 4, [proof[0] as Uint8Array, new Uint8Array(33)], root)).toBe(
      false,
    );
    expect(verifyInclusion(store.leafHash(1), 1.5, 4, proof, root)).toBe(false);
    expect(verifyInclusion(store.leafHash(1), 1, 2 ** 53, proof, root)).toBe(false);
  });
});
