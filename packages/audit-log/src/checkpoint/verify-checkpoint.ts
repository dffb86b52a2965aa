import { ErrorCode } from '@cwtch/runtime';
import type { SignedNote } from '../note/signed-note.ts';
import { type NoteVerifierKey, verifyNote } from '../note/verify-note.ts';
import { ok, type Result, refuse } from '../result.ts';
import type { Checkpoint } from './checkpoint.ts';
import { parseCheckpoint } from './parse-checkpoint.ts';

/** A checkpoint whose log signature verified, with the note it came in (for cosignatures). */
export interface VerifiedCheckpoint {
  readonly checkpoint: Checkpoint;
  readonly note: SignedNote;
}

/**
 * Verifies a signed checkpoint against the log's key and returns the checkpoint. The origin line
 * must equal `options.origin` (default: the key name), so one log's checkpoint cannot pass as
 * another's. Read the tree size and root for proof checks from the result, never from elsewhere.
 *
 * @example
 * ```ts
 * const result = verifyCheckpoint(noteText, { name: 'cwtch.example/audit/v1', publicKey });
 * if (!result.ok) throw result.error;
 * const { size, root } = result.value.checkpoint;
 * ```
 */
export function verifyCheckpoint(
  note: string | Uint8Array | SignedNote,
  key: NoteVerifierKey,
  options: { readonly origin?: string } = {},
): Result<VerifiedCheckpoint> {
  const verified = verifyNote(note, key);
  if (!verified.ok) return verified;
  const checkpoint = parseCheckpoint(verified.value.text);
  if (!checkpoint.ok) return checkpoint;
  const origin = options.origin ?? key.name;
  if (checkpoint.value.origin !== origin) {
    return refuse(
      ErrorCode.CONTRACT_INVALID,
      `the checkpoint is for ${checkpoint.value.origin}, not ${origin}`,
    );
  }
  return ok({ checkpoint: checkpoint.value, note: verified.value });
}
