import { equalBytes } from '../encoding/equal-bytes.ts';
import { HASH_SIZE } from '../merkle/leaf-hash.ts';
import { nodeHash } from '../merkle/node-hash.ts';
import { isPowerOfTwo, isTreeIndex } from '../merkle/tree-math.ts';
import { consistencyPathSteps } from './path-steps.ts';

/**
 * Verifies a consistency proof (RFC 9162 section 2.1.4.2): the tree of `first` leaves with root
 * `firstRoot` is a prefix of the tree of `second` leaves with root `secondRoot`.
 *
 * Edge cases follow transparency-dev/merkle: `first > second` fails; `first === 0` fails (a proof
 * from the empty tree is meaningless, so callers treat "nothing seen yet" themselves);
 * `first === second` succeeds only with an empty proof and equal roots; otherwise an empty proof fails.
 */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isTreeIndex(first) || !isTreeIndex(second) || first > second || first === 0) return false;
  if (first === second) return proof.length === 0 && equalBytes(firstRoot, secondRoot);
  if (proof.length === 0) return false;
  const steps = consistencyPathSteps(first, second);
  if (steps === undefined) return false;
  if (firstRoot.byteLength !== HASH_SIZE || secondRoot.byteLength !== HASH_SIZE) return false;
  if (proof.some((c) => c.byteLength !== HASH_SIZE)) return false;
  // A tree whose size is a power of two is itself the seed subtree, so its root opens the path.
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : proof;
  if (path.length !== steps.length + 1) return false;
  let fr = path[0] as Uint8Array;
  let sr = fr;
  steps.forEach((step, i) => {
    const c = path[i + 1] as Uint8Array;
    if (step === 'both') {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
    } else {
      sr = nodeHash(sr, c);
    }
  });
  return equalBytes(fr, firstRoot) && equalBytes(sr, secondRoot);
}
