import { verify } from 'node:crypto';
import { ErrorCode } from '@cwtch/runtime';
import { ed25519PublicKey } from '../note/ed25519-keys.ts';
import { NoteKeyType } from '../note/note-key-id.ts';
import { parseSignedNote, type SignedNote } from '../note/signed-note.ts';
import { type NoteVerifierKey, signaturesBy } from '../note/verify-note.ts';
import { ok, type Result, refuse } from '../result.ts';
import type { Checkpoint } from './checkpoint.ts';
import { cosignedMessage, TIME_SIZE } from './cosigned-message.ts';
import { parseCheckpoint } from './parse-checkpoint.ts';

/** A witness cosignature that verified: the checkpoint and the witness's timestamp (Unix seconds). */
export interface VerifiedCosignature {
  readonly checkpoint: Checkpoint;
  readonly time: number;
}

/**
 * Verifies the cosignature of one trusted witness on a checkpoint note (C2SP tlog-cosignature v1).
 * Lines are matched by witness name and type-0x04 key id; refused with `SIGNATURE_INVALID` when
 * there is none or when any matching line fails. The log's own signature is checked separately
 * with {@link verifyCheckpoint}. Returns the latest valid timestamp; whether it is too far in the
 * future or the past is the caller's policy.
 */
export function verifyCosignature(
  note: string | Uint8Array | SignedNote,
  witness: NoteVerifierKey,
): Result<VerifiedCosignature> {
  const parsed = typeof note === 'string' || note instanceof Uint8Array ? parseSignedNote(note) : ok(note);
  if (!parsed.ok) return parsed;
  const checkpoint = parseCheckpoint(parsed.value.text);
  if (!checkpoint.ok) return checkpoint;
  const publicKey = ed25519PublicKey(witness.publicKey);
  if (publicKey === undefined)
    return refuse(ErrorCode.BAD_REQUEST, 'the witness key is not a 32-byte Ed25519 key');
  const mine = signaturesBy(parsed.value, witness, NoteKeyType.cosignatureV1);
  if (mine.length === 0)
    return refuse(ErrorCode.SIGNATURE_INVALID, `the note has no cosignature by ${witness.name}`);
  let latest = -1;
  for (const { signature } of mine) {
    const bytes = Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
    const time = bytes.byteLength === TIME_SIZE + 64 ? bytes.readBigUInt64BE(0) : undefined;
    const valid =
      time !== undefined &&
      time <= BigInt(Number.MAX_SAFE_INTEGER) &&
      verify(null, cosignedMessage(parsed.value.text, Number(time)), publicKey, bytes.subarray(TIME_SIZE));
    if (!valid)
      return refuse(ErrorCode.SIGNATURE_INVALID, `a cosignature by ${witness.name} does not verify`);
    latest = Math.max(latest, Number(time));
  }
  return ok({ checkpoint: checkpoint.value, time: latest });
}
