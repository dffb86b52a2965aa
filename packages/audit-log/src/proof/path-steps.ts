import { half, isOdd, isTreeIndex } from '../merkle/tree-math.ts';

/**
 * Where one proof hash `p` goes when folding a path into the running hash `r`:
 * `'left'` is `r = H(0x01 || p || r)`, `'right'` is `r = H(0x01 || r || p)`.
 */
export type PathSide = 'left' | 'right';

/**
 * One consistency-proof step: `'both'` folds `c` on the left into both running hashes
 * (`fr = H(c || fr)`, `sr = H(c || sr)`), `'second'` folds it on the right into `sr` only.
 */
export type ConsistencyStep = 'both' | 'second';

/**
 * The index walk of RFC 9162 section 2.1.3.2 for leaf `index` in a tree of `size` leaves: one side
 * per proof hash, so its length is the only valid proof length. `undefined` when `index >= size`.
 * The walk depends on the two numbers only, never on the hashes, so verifying is walk then fold.
 */
export function inclusionPathSteps(index: number, size: number): PathSide[] | undefined {
  if (!isTreeIndex(index) || !isTreeIndex(size) || index >= size) return undefined;
  const steps: PathSide[] = [];
  let fn = index;
  let sn = size - 1;
  while (sn > 0) {
    if (isOdd(fn) || fn === sn) {
      steps.push('left');
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      steps.push('right');
    }
    fn = half(fn);
    sn = half(sn);
  }
  return steps;
}

/**
 * The index walk of RFC 9162 section 2.1.4.2 from tree size `first` to `second`, one step per proof
 * hash after the first (the seed). Defined only for `0 < first < second`, otherwise `undefined`.
 */
export function consistencyPathSteps(first: number, second: number): ConsistencyStep[] | undefined {
  if (!isTreeIndex(first) || !isTreeIndex(second) || first === 0 || first >= second) return undefined;
  let fn = first - 1;
  let sn = second - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  const steps: ConsistencyStep[] = [];
  while (sn > 0) {
    if (isOdd(fn) || fn === sn) {
      steps.push('both');
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      steps.push('second');
    }
    fn = half(fn);
    sn = half(sn);
  }
  return steps;
}
