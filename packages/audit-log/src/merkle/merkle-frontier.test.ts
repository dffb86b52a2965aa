import { describe, expect, it } from 'vitest';
import { MemoryLeafStore } from '../store/memory-leaf-store.ts';
import { rootAt } from '../store/root-at.ts';
import { subtreeHash } from '../store/subtree-hash.ts';
import { leafHash } from './leaf-hash.ts';
import { MerkleFrontier } from './merkle-frontier.ts';
import { rootOf } from './root-of.ts';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const leaves = Array.from({ length: 200 }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));

describe('MerkleFrontier', () => {
  it('gives the same root as the recursive definition and the store for 1..200 leaves', () => {
    const frontier = new MerkleFrontier();
    const store = new MemoryLeafStore();
    expect(hex(frontier.root())).toBe(hex(rootOf([])));
    leaves.forEach((leaf, i) => {
      frontier.append(leaf);
      store.append(leaf);
      const size = i + 1;
      const recursive = hex(rootOf(leaves.slice(0, size)));
      expect(frontier.size).toBe(size);
      expect(hex(frontier.root()), `frontier at ${size}`).toBe(recursive);
      expect(hex(rootAt(size, store)), `store at ${size}`).toBe(recursive);
    });
  });

  it('holds one hash per set bit of the size', () => {
    const frontier = new MerkleFrontier();
    for (const leaf of leaves.slice(0, 13)) frontier.append(leaf);
    expect(frontier.subtrees()).toHaveLength(3); // 13 = 8 + 4 + 1
    expect(frontier.serialise()).toHaveLength(8 + 3 * 32);
  });

  it('reports every complete subtree an append finishes', () => {
    const frontier = new MerkleFrontier();
    const store = new MemoryLeafStore();
    const seen: string[] = [];
    for (const leaf of leaves.slice(0, 64)) {
      store.append(leaf);
      frontier.append(leaf, (level, index, hash) => {
        expect(hex(hash)).toBe(hex(subtreeHash(store, index * 2 ** level, 2 ** level)));
        seen.push(`${level}:${index}`);
      });
    }
    expect(seen).toHaveLength(63); // every interior node of a perfect 64-leaf tree
    expect(seen.at(-1)).toBe('6:0');
  });

  it('serialises and restores at every size, then keeps growing identically', () => {
    const frontier = new MerkleFrontier();
    for (let size = 0; size < 70; size += 1) {
      const restored = MerkleFrontier.restore(frontier.serialise());
      expect(restored.size).toBe(size);
      expect(hex(restored.root())).toBe(hex(frontier.root()));
      restored.append(leaves[size] as Uint8Array);
      frontier.append(leaves[size] as Uint8Array);
      expect(hex(restored.root())).toBe(hex(frontier.root()));
    }
  });

  it('refuses malformed state', () => {
    const frontier = new MerkleFrontier();
    for (const leaf of leaves.slice(0, 5)) frontier.append(leaf);
    const state = frontier.serialise();
    expect(() => MerkleFrontier.restore(state.slice(0, -1))).toThrow();
    expect(() => MerkleFrontier.restore(state.slice(0, -32))).toThrow(/does not match/);
    const tooBig = Uint8Array.from(state);
    tooBig.fill(0xff, 0, 8);
    expect(() => MerkleFrontier.restore(tooBig)).toThrow(/unsupported/);
    expect(() => frontier.append(new Uint8Array(31))).toThrow(/32 bytes/);
  });
});
