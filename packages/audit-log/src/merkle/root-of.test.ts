import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rootVectors } from '../fixtures/merkle-vectors.ts';
import { emptyRoot } from './empty-root.ts';
import { leafHash } from './leaf-hash.ts';
import { nodeHash } from './node-hash.ts';
import { rootOf } from './root-of.ts';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const sha256 = (...parts: Uint8Array[]): string =>
  createHash('sha256').update(Buffer.concat(parts)).digest('hex');

describe('RFC 9162 hashing', () => {
  it('hashes leaves with the 0x00 prefix and nodes with the 0x01 prefix', () => {
    const entry = Buffer.from('entry');
    expect(hex(leafHash(entry))).toBe(sha256(Buffer.from([0]), entry));
    const l = leafHash(Buffer.from('l'));
    const r = leafHash(Buffer.from('r'));
    expect(hex(nodeHash(l, r))).toBe(sha256(Buffer.from([1]), l, r));
    expect(hex(nodeHash(l, r))).not.toBe(hex(nodeHash(r, l)));
  });

  it('has SHA-256("") as the empty root', () => {
    expect(hex(emptyRoot())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(rootOf([]))).toBe(hex(emptyRoot()));
  });

  it('refuses node children that are not 32 bytes', () => {
    expect(() => nodeHash(new Uint8Array(31), new Uint8Array(32))).toThrow(/32-byte/);
    expect(() => rootOf([new Uint8Array(32), new Uint8Array(33)])).toThrow(/32 bytes/);
  });

  it('reproduces the transparency-dev roots for 0..8 leaves', () => {
    const vectors = rootVectors();
    const leaves = vectors.leafInputsHex.map((h) => leafHash(Buffer.from(h, 'hex')));
    expect(vectors.rootHashesHexBySize).toHaveLength(9);
    vectors.rootHashesHexBySize.forEach((want, size) => {
      expect(hex(rootOf(leaves.slice(0, size))), `size ${size}`).toBe(want);
    });
  });

  it('promotes an odd last node instead of duplicating it', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((s) => leafHash(Buffer.from(s))) as [
      Uint8Array,
      Uint8Array,
      Uint8Array,
    ];
    expect(hex(rootOf([a, b, c]))).toBe(hex(nodeHash(nodeHash(a, b), c)));
    expect(hex(rootOf([a, b, c]))).not.toBe(hex(rootOf([a, b, c, c])));
  });
});
