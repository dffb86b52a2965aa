import { describe, expect, it } from 'vitest';
import {
  type ConsistencyStep,
  consistencyPathSteps,
  inclusionPathSteps,
  type PathSide,
} from './path-steps.ts';

// The RFC 9162 pseudo-code, literally, with BigInt so that >> and & never truncate.
function refInclusion(index: bigint, size: bigint): PathSide[] | undefined {
  if (index >= size) return undefined;
  let fn = index;
  let sn = size - 1n;
  const steps: PathSide[] = [];
  while (sn !== 0n) {
    if ((fn & 1n) === 1n || fn === sn) {
      steps.push('left');
      if ((fn & 1n) === 0n) {
        do {
          fn >>= 1n;
          sn >>= 1n;
        } while ((fn & 1n) === 0n && fn !== 0n);
      }
    } else {
      steps.push('right');
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return steps;
}

function refConsistency(first: bigint, second: bigint): ConsistencyStep[] | undefined {
  if (first === 0n || first >= second) return undefined;
  let fn = first - 1n;
  let sn = second - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  const steps: ConsistencyStep[] = [];
  while (sn !== 0n) {
    if ((fn & 1n) === 1n || fn === sn) {
      steps.push('both');
      if ((fn & 1n) === 0n) {
        do {
          fn >>= 1n;
          sn >>= 1n;
        } while ((fn & 1n) === 0n && fn !== 0n);
      }
    } else {
      steps.push('second');
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return steps;
}

const near = (centre: number): number[] => [-3, -2, -1, 0, 1, 2, 3, 5].map((d) => centre + d);
const bigSizes = [
  ...near(2 ** 31),
  ...near(2 ** 32),
  2 ** 32 + 5,
  ...near(2 ** 33),
  2 ** 40 + 12_345,
  2 ** 53 - 1,
];
const indicesFor = (size: number): number[] =>
  [
    0,
    1,
    2,
    3,
    2 ** 31 - 1,
    2 ** 31,
    2 ** 31 + 1,
    2 ** 32 - 1,
    2 ** 32,
    2 ** 32 + 1,
    size - 3,
    size - 2,
    size - 1,
  ]
    .filter((i) => i >= 0 && i < size)
    .concat(size, size + 1);

describe('index walks', () => {
  it('match the BigInt reference for every small tree', () => {
    for (let size = 0; size <= 130; size += 1) {
      for (let index = 0; index <= size + 1; index += 1) {
        expect(inclusionPathSteps(index, size)).toEqual(refInclusion(BigInt(index), BigInt(size)));
        expect(consistencyPathSteps(index, size)).toEqual(refConsistency(BigInt(index), BigInt(size)));
      }
    }
  });

  it.each(bigSizes)('match the BigInt reference near 2^31 and 2^32 (size %d)', (size) => {
    for (const index of indicesFor(size)) {
      const want = refInclusion(BigInt(index), BigInt(size));
      expect(inclusionPathSteps(index, size), `inclusion ${index}/${size}`).toEqual(want);
      if (index <= 2 ** 53 - 1) {
        const wantC = refConsistency(BigInt(index), BigInt(size));
        expect(consistencyPathSteps(index, size), `consistency ${index}->${size}`).toEqual(wantC);
      }
    }
  });

  it('gives proofs about log2(size) long above 2^32', () => {
    expect(inclusionPathSteps(0, 2 ** 32 + 5)).toHaveLength(33);
    expect(inclusionPathSteps(2 ** 32 + 4, 2 ** 32 + 5)).toEqual(['left', 'left']); // siblings D[2^32:2^32+4], D[0:2^32]
    expect(inclusionPathSteps(2 ** 32, 2 ** 32)).toBeUndefined();
  });

  it('rejects index >= size and non-integers', () => {
    expect(inclusionPathSteps(5, 5)).toBeUndefined();
    expect(inclusionPathSteps(0, 0)).toBeUndefined();
    expect(inclusionPathSteps(-1, 5)).toBeUndefined();
    expect(inclusionPathSteps(1.5, 5)).toBeUndefined();
    expect(inclusionPathSteps(0, 2 ** 53)).toBeUndefined();
    expect(consistencyPathSteps(0, 5)).toBeUndefined();
    expect(consistencyPathSteps(5, 5)).toBeUndefined();
  });
});
