import { describe, expect, it } from 'vitest';
import { leafHash } from '../merkle/leaf-hash.ts';
import { MemoryLeafStore } from './memory-leaf-store.ts';

describe('MemoryLeafStore', () => {
  it('stores leaf hashes across buffer growth and hands out copies', () => {
    const store = new MemoryLeafStore();
    const leaves = Array.from({ length: 3000 }, (_, i) => leafHash(Buffer.from(String(i))));
    for (const leaf of leaves) store.append(leaf);
    expect(store.size).toBe(3000);
    for (const i of [0, 1023, 1024, 2047, 2048, 2999]) {
      expect(Buffer.from(store.leafHash(i)).equals(leaves[i] as Uint8Array)).toBe(true);
    }
    store.leafHash(5).fill(0);
    expect(Buffer.from(store.leafHash(5)).equals(leaves[5] as Uint8Array)).toBe(true);
  });

  it('refuses missing leaves and malformed hashes', () => {
    const store = new MemoryLeafStore();
    store.append(new Uint8Array(32));
    expect(() => store.leafHash(1)).toThrow(/no leaf/);
    expect(() => store.leafHash(-1)).toThrow(/no leaf/);
    expect(() => store.append(new Uint8Array(31))).toThrow(/32 bytes/);
    expect(() => store.setNode(0, 0, new Uint8Array(32))).toThrow(/level >= 1/);
  });

  it('caches nodes by level and index, including sparse ones', () => {
    const store = new MemoryLeafStore();
    const hash = leafHash(Buffer.from('node'));
    expect(store.getNode(3, 5)).toBeUndefined();
    store.setNode(3, 5000, hash);
    expect(store.getNode(3, 4999)).toBeUndefined();
    expect(Buffer.from(store.getNode(3, 5000) as Uint8Array).equals(hash)).toBe(true);
    expect(store.getNode(4, 5000)).toBeUndefined();
  });
});
