import { equalBytes } from '../encoding/equal-bytes.ts';
import { HASH_SIZE } from '../merkle/leaf-hash.ts';
import { nodeHash } from '../merkle/node-hash.ts';
import { inclusionPathSteps } from './path-steps.ts';

/**
 * Verifies an inclusion proof (RFC 9162 section 2.1.3.2): the leaf with hash `leafHash` sits at
 * `index` in the tree of `size` leaves whose root is `root`. False for `index >= size`, a proof of
 * the wrong length, or any hash that is not 32 bytes.
 *
 * Take `size` and `root` from the same verified checkpoint, never from the proof's sender.
 *
 * @example
 * ```ts
 * const verified = verifyCheckpoint(note, logKey);
 * if (!verified.ok) throw verified.error;
 * const { size, root } = verified.value.checkpoint;
 * verifyInclusion(leafHash(entryBytes), index, size, proof, root);
 * ```
 */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  const steps = inclusionPathSteps(index, size);
  if (steps === undefined || proof.length !== steps.length) return false;
  if (leafHash.byteLength !== HASH_SIZE || proof.some((p) => p.byteLength !== HASH_SIZE)) return false;
  let r = leafHash;
  steps.forEach((side, i) => {
    const p = proof[i] as Uint8Array;
    r = side === 'left' ? nodeHash(p, r) : nodeHash(r, p);
  });
  return equalBytes(r, root);
}
