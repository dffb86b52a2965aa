import { describe, expect, it } from 'vitest';
import {
  countOnes,
  half,
  isOdd,
  isPowerOfTwo,
  isTreeIndex,
  largestPowerOfTwoBelow,
  log2Exact,
  subtreeSizes,
} from './tree-math.ts';

// BigInt references with real bit operations, which never truncate.
const refLargestPowerBelow = (n: bigint): bigint => {
  let k = 1n;
  while (k << 1n < n) k <<= 1n;
  return k;
};
const refCountOnes = (n: bigint): number => n.toString(2).replaceAll('0', '').length;
const refSubtrees = (n: bigint): bigint[] =>
  [...n.toString(2)]
    .map((bit, i, all) => (bit === '1' ? 1n << BigInt(all.length - 1 - i) : 0n))
    .filter((s) => s > 0n);

const around = (centre: number): number[] => [-3, -2, -1, 0, 1, 2, 3].map((d) => centre + d);
const samples = [
  ...[2, 3, 4, 5, 6, 7, 8, 9, 1000, 1024, 1025],
  ...around(2 ** 31),
  ...around(2 ** 32),
  ...around(2 ** 32 + 5),
  ...around(2 ** 40),
  ...[2 ** 53 - 1, 2 ** 52 + 1, 6_004_799_503_160_661],
];

describe('tree-math beyond 32 bits', () => {
  it.each(samples)('agrees with BigInt bit operations for %d', (n) => {
    const big = BigInt(n);
    expect(isOdd(n)).toBe((big & 1n) === 1n);
    expect(BigInt(half(n))).toBe(big >> 1n);
    expect(isPowerOfTwo(n)).toBe((big & (big - 1n)) === 0n);
    expect(BigInt(largestPowerOfTwoBelow(n))).toBe(refLargestPowerBelow(big));
    expect(countOnes(n)).toBe(refCountOnes(big));
    expect(subtreeSizes(n).map(BigInt)).toEqual(refSubtrees(big));
  });

  it('halves sizes above 2^32 exactly', () => {
    expect(half(2 ** 32 + 5)).toBe(2 ** 31 + 2);
    expect(half(2 ** 53 - 1)).toBe(2 ** 52 - 1);
  });

  it('handles exact powers of two up to 2^52', () => {
    for (let level = 0; level <= 52; level += 1) {
      expect(isPowerOfTwo(2 ** level)).toBe(true);
      expect(log2Exact(2 ** level)).toBe(level);
      if (level >= 2) expect(isPowerOfTwo(2 ** level + 1)).toBe(false);
    }
  });

  it('accepts only safe whole numbers as sizes and indices', () => {
    expect(isTreeIndex(0)).toBe(true);
    expect(isTreeIndex(2 ** 53 - 1)).toBe(true);
    for (const bad of [-1, 0.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY])
      expect(isTreeIndex(bad)).toBe(false);
  });
});
