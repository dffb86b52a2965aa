export type { Checkpoint } from './checkpoint/checkpoint.ts';
export { cosignCheckpoint } from './checkpoint/cosign-checkpoint.ts';
export { formatCheckpoint } from './checkpoint/format-checkpoint.ts';
export { parseCheckpoint } from './checkpoint/parse-checkpoint.ts';
export { signCheckpoint } from './checkpoint/sign-checkpoint.ts';
export { type VerifiedCheckpoint, verifyCheckpoint } from './checkpoint/verify-checkpoint.ts';
export { type VerifiedCosignature, verifyCosignature } from './checkpoint/verify-cosignature.ts';
export { decodeStrictBase64, encodeBase64 } from './encoding/strict-base64.ts';
export { emptyRoot } from './merkle/empty-root.ts';
export { HASH_SIZE, leafHash } from './merkle/leaf-hash.ts';
export { MerkleFrontier, type SubtreeListener } from './merkle/merkle-frontier.ts';
export { nodeHash } from './merkle/node-hash.ts';
export { rootOf } from './merkle/root-of.ts';
export { NoteKeyType, noteKeyId } from './note/note-key-id.ts';
export { signNote } from './note/sign-note.ts';
export {
  formatSignatureLine,
  formatSignedNote,
  MAX_NOTE_LENGTH,
  MAX_NOTE_SIGNATURES,
  type NoteSignature,
  parseSignedNote,
  type SignedNote,
} from './note/signed-note.ts';
export { formatVerifierKey, parseVerifierKey, type VerifierKey } from './note/verifier-key.ts';
export { type NoteVerifierKey, verifyNote } from './note/verify-note.ts';
export { consistencyProof } from './proof/consistency-proof.ts';
export { inclusionProof } from './proof/inclusion-proof.ts';
export {
  type ConsistencyStep,
  consistencyPathSteps,
  inclusionPathSteps,
  type PathSide,
} from './proof/path-steps.ts';
export { verifyConsistency } from './proof/verify-consistency.ts';
export { verifyInclusion } from './proof/verify-inclusion.ts';
export type { Result } from './result.ts';
export type { AppendableLeafStore, LeafStore } from './store/leaf-store.ts';
export { MemoryLeafStore } from './store/memory-leaf-store.ts';
export { MerkleTree } from './store/merkle-tree.ts';
export { rootAt } from './store/root-at.ts';
export { subtreeHash } from './store/subtree-hash.ts';
