import { describe, expect, it } from 'vitest';
import { leafHash } from '../merkle/leaf-hash.ts';
import { MerkleFrontier } from '../merkle/merkle-frontier.ts';
import { rootOf } from '../merkle/root-of.ts';
import { verifyConsistency } from '../proof/verify-consistency.ts';
import { verifyInclusion } from '../proof/verify-inclusion.ts';
import type { AppendableLeafStore } from './leaf-store.ts';
import { MemoryLeafStore } from './memory-leaf-store.ts';
import { MerkleTree } from './merkle-tree.ts';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const entries = Array.from({ length: 100 }, (_, i) => Buffer.from(`{"v":1,"t":"msg","i":${i}}`));

describe('MerkleTree', () => {
  it('appends entries, serves roots at every size and proofs that verify', () => {
    const tree = new MerkleTree();
    const leaves: Uint8Array[] = [];
    for (const entry of entries) {
      const { index, leafHash: leaf } = tree.appendEntry(entry);
      expect(index).toBe(leaves.length);
      leaves.push(leaf);
      expect(hex(tree.root())).toBe(hex(rootOf(leaves)));
    }
    for (const size of [1, 2, 3, 31, 64, 99, 100]) {
      expect(hex(tree.rootAt(size))).toBe(hex(rootOf(leaves.slice(0, size))));
    }
    const proof = tree.inclusionProof(42);
    expect(verifyInclusion(leafHash(entries[42] as Buffer), 42, 100, proof, tree.root())).toBe(true);
    const old = tree.rootAt(37);
    expect(verifyConsistency(37, 100, old, tree.root(), tree.consistencyProof(37))).toBe(true);
  });

  it('fills the node cache while appending, so proofs need no rehashing of old leaves', () => {
    const store = new MemoryLeafStore();
    const tree = new MerkleTree(store);
    for (const entry of entries.slice(0, 64)) tree.appendEntry(entry);
    expect(store.getNode(6, 0)).toBeDefined();
    expect(hex(store.getNode(6, 0) as Uint8Array)).toBe(hex(tree.root()));
    expect(store.getNode(1, 31)).toBeDefined();
  });

  it('reopens over a store that already holds leaves and keeps the same roots', () => {
    const store = new MemoryLeafStore();
    const first = new MerkleTree(store);
    for (const entry of entries.slice(0, 77)) first.appendEntry(entry);
    const replayed: AppendableLeafStore = new MemoryLeafStore();
    for (let i = 0; i < store.size; i += 1) replayed.append(store.leafHash(i));
    const reopened = new MerkleTree(replayed);
    expect(reopened.size).toBe(77);
    expect(hex(reopened.root())).toBe(hex(first.root()));
    expect(hex(MerkleFrontier.restore(first.frontier()).root())).toBe(hex(first.root()));
    for (const entry of entries.slice(77)) {
      first.appendEntry(entry);
      reopened.appendEntry(entry);
    }
    expect(hex(reopened.root())).toBe(hex(first.root()));
  });

  it('leaves the tree unchanged when a leaf hash is malformed', () => {
    const tree = new MerkleTree();
    tree.appendEntry(entries[0] as Buffer);
    expect(() => tree.append(new Uint8Array(16))).toThrow(/32 bytes/);
    expect(tree.size).toBe(1);
  });
});
