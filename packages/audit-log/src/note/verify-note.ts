import { verify } from 'node:crypto';
import { ErrorCode } from '@cwtch/runtime';
import { ok, type Result, refuse } from '../result.ts';
import { ed25519PublicKey } from './ed25519-keys.ts';
import { NoteKeyType, noteKeyId } from './note-key-id.ts';
import { type NoteSignature, parseSignedNote, type SignedNote } from './signed-note.ts';

/** A trusted signer: its key name and raw 32-byte Ed25519 public key. */
export interface NoteVerifierKey {
  readonly name: string;
  readonly publicKey: Uint8Array;
}

/**
 * The signatures of `note` made by `key` under signature `type`, matched by name and key id as
 * C2SP signed-note requires: lines that share only the name or only the id are someone else's.
 */
export function signaturesBy(note: SignedNote, key: NoteVerifierKey, type: NoteKeyType): NoteSignature[] {
  const keyId = noteKeyId(key.name, type, key.publicKey);
  return note.signatures.filter((s) => s.name === key.name && s.keyId === keyId);
}

/**
 * Verifies a signed note against one trusted Ed25519 key (signature type 0x01). Refused with
 * `SIGNATURE_INVALID` when no line is from that key or when any line from it fails; signatures
 * from other keys are ignored. Returns the parsed note, whose text is now trusted.
 */
export function verifyNote(note: string | Uint8Array | SignedNote, key: NoteVerifierKey): Result<SignedNote> {
  const parsed = typeof note === 'string' || note instanceof Uint8Array ? parseSignedNote(note) : ok(note);
  if (!parsed.ok) return parsed;
  const publicKey = ed25519PublicKey(key.publicKey);
  if (publicKey === undefined)
    return refuse(ErrorCode.BAD_REQUEST, 'the verifier key is not a 32-byte Ed25519 key');
  const mine = signaturesBy(parsed.value, key, NoteKeyType.ed25519);
  if (mine.length === 0) return refuse(ErrorCode.SIGNATURE_INVALID, `the note is not signed by ${key.name}`);
  const message = Buffer.from(parsed.value.text, 'utf8');
  for (const { signature } of mine) {
    if (signature.byteLength !== 64 || !verify(null, message, publicKey, signature)) {
      return refuse(ErrorCode.SIGNATURE_INVALID, `a signature by ${key.name} does not verify`);
    }
  }
  return ok(parsed.value);
}
