import {
  type Checkpoint,
  NoteKeyType,
  noteKeyId,
  parseCheckpoint,
  parseSignedNote,
  verifyCheckpoint,
  verifyCosignature,
} from '@cwtch/audit-log';
import type { BundleHeader } from './bundle-lines.ts';
import { FindingCode, type FindingSink } from './finding.ts';
import type { TrustKeys } from './trust.ts';

/** What the checkpoint checks established. */
export interface CheckpointOutcome {
  /** The checkpoint text parsed, whether or not its signature verified (for the root comparison). */
  readonly checkpoint: Checkpoint | undefined;
  /** True when the log signature verified with the pinned key and origin. */
  readonly logSignatureValid: boolean;
  /** Valid cosignatures from pinned witnesses. */
  readonly cosignaturesValid: number;
  readonly cosignaturesRequired: number;
}

/**
 * Checks the bundle's checkpoint against the pinned keys: origin, the log signature, and the
 * cosignatures of pinned witnesses (lines from unknown signers are ignored, a bad line from a
 * pinned witness is a finding) against the quorum. Findings go to `sink`, all with index null.
 */
export function checkCheckpoint(
  header: BundleHeader,
  trust: TrustKeys,
  now: number,
  skewMs: number,
  sink: FindingSink,
): CheckpointOutcome {
  const required = trust.quorum;
  const none = { checkpoint: undefined, logSignatureValid: false, cosignaturesValid: 0 };
  if (header.origin !== trust.log.name) {
    sink.add(
      null,
      FindingCode.ORIGIN_MISMATCH,
      `bundle is for ${header.origin}, trust pins ${trust.log.name}`,
    );
  }
  const note = parseSignedNote(header.checkpoint);
  if (!note.ok) {
    sink.add(null, FindingCode.CHECKPOINT_INVALID, `checkpoint note: ${note.error.message}`);
    sink.add(null, FindingCode.QUORUM_NOT_MET, `0 valid cosignatures, ${required} required`);
    return { ...none, cosignaturesRequired: required };
  }
  const parsed = parseCheckpoint(note.value.text);
  const checkpoint = parsed.ok ? parsed.value : undefined;
  const verified = verifyCheckpoint(note.value, trust.log, { origin: trust.log.name });
  if (!verified.ok) {
    sink.add(null, FindingCode.CHECKPOINT_INVALID, `log signature: ${verified.error.message}`);
  }
  if (checkpoint !== undefined && checkpoint.size !== header.size) {
    sink.add(
      null,
      FindingCode.SIZE_MISMATCH,
      `bundle header says ${header.size} entries, the checkpoint ${checkpoint.size}`,
    );
  }
  let valid = 0;
  for (const witness of trust.witnesses) {
    const keyId = noteKeyId(witness.name, NoteKeyType.cosignatureV1, witness.publicKey);
    if (!note.value.signatures.some((s) => s.name === witness.name && s.keyId === keyId)) continue;
    const cosigned = verifyCosignature(note.value, witness);
    if (!cosigned.ok) {
      sink.add(null, FindingCode.COSIGNATURE_INVALID, `witness ${witness.name}: ${cosigned.error.message}`);
      continue;
    }
    valid += 1;
    if (cosigned.value.time * 1000 > now + skewMs) {
      sink.add(
        null,
        FindingCode.TIME_IN_FUTURE,
        `witness ${witness.name} dated its cosignature in the future`,
      );
    }
  }
  if (valid < required) {
    sink.add(null, FindingCode.QUORUM_NOT_MET, `${valid} valid cosignatures, ${required} required`);
  }
  return {
    checkpoint,
    logSignatureValid: verified.ok,
    cosignaturesValid: valid,
    cosignaturesRequired: required,
  };
}
