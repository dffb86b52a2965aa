import { sign } from 'node:crypto';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { ed25519PrivateKey, rawPublicKey } from './ed25519-keys.ts';
import { NoteKeyType, noteKeyId } from './note-key-id.ts';
import { isValidKeyName, isValidNoteText } from './note-text.ts';
import type { NoteSignature } from './signed-note.ts';

/**
 * Signs note text with Ed25519 (C2SP signed-note, signature type 0x01). `secretKey` is a raw
 * 32-byte seed or a libsodium 64-byte secret key. Combine the result with
 * {@link formatSignedNote} or use {@link signCheckpoint} for checkpoints.
 */
export function signNote(text: string, name: string, secretKey: Uint8Array): NoteSignature {
  if (!isValidNoteText(text)) {
    throw new CwtchError(
      ErrorCode.BAD_REQUEST,
      'note text must end in a newline and hold no control characters',
    );
  }
  if (!isValidKeyName(name)) throw new CwtchError(ErrorCode.BAD_REQUEST, 'invalid key name');
  const privateKey = ed25519PrivateKey(secretKey);
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
  return { name, keyId: noteKeyId(name, NoteKeyType.ed25519, rawPublicKey(privateKey)), signature };
}
