// Integer helpers for tree sizes and indices. JavaScript's bitwise operators truncate to 32 bits,
// so everything here uses division and remainder and stays exact up to Number.MAX_SAFE_INTEGER.

/** True for a whole number usable as a tree size or leaf index (0 to 2^53 - 1). */
export function isTreeIndex(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** True when `n` is odd (`n & 1` without the 32-bit truncation). */
export function isOdd(n: number): boolean {
  return n % 2 === 1;
}

/** `n >> 1` without the 32-bit truncation. */
export function half(n: number): number {
  return Math.floor(n / 2);
}

/** True when `n` is 1, 2, 4, 8, ... */
export function isPowerOfTwo(n: number): boolean {
  if (!isTreeIndex(n) || n === 0) return false;
  let m = n;
  while (m % 2 === 0) m /= 2;
  return m === 1;
}

/** The largest power of two strictly smaller than `n` (RFC 9162's `k`); `n` must be at least 2. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** log2 of a power of two. */
export function log2Exact(powerOfTwo: number): number {
  let level = 0;
  let m = powerOfTwo;
  while (m > 1) {
    m /= 2;
    level += 1;
  }
  return level;
}

/** The number of set bits of `n`, i.e. of complete subtrees in a tree of `n` leaves. */
export function countOnes(n: number): number {
  let count = 0;
  let m = n;
  while (m > 0) {
    if (isOdd(m)) count += 1;
    m = half(m);
  }
  return count;
}

/** The sizes of the complete subtrees a tree of `n` leaves splits into, largest (leftmost) first. */
export function subtreeSizes(n: number): number[] {
  const sizes: number[] = [];
  let bit = 1;
  let m = n;
  while (m > 0) {
    if (isOdd(m)) sizes.unshift(bit);
    m = half(m);
    bit *= 2;
  }
  return sizes;
}
