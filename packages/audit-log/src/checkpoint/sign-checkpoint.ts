import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { signNote } from '../note/sign-note.ts';
import { formatSignedNote } from '../note/signed-note.ts';
import { parseCheckpoint } from './parse-checkpoint.ts';

/**
 * Signs checkpoint text as the log and returns the signed note
 * (`<text>\n— <name> base64(keyId || signature)\n`). `name` should be the checkpoint's origin;
 * `secretKey` is a raw 32-byte Ed25519 seed or a libsodium 64-byte secret key.
 * The log must never sign two checkpoints that are not consistent with each other.
 *
 * @example
 * ```ts
 * const note = signCheckpoint(formatCheckpoint({ origin, size, root }), origin, logSecretKey);
 * ```
 */
export function signCheckpoint(text: string, name: string, secretKey: Uint8Array): string {
  const parsed = parseCheckpoint(text);
  if (!parsed.ok) throw new CwtchError(ErrorCode.BAD_REQUEST, parsed.error.message, { cause: parsed.error });
  return formatSignedNote({ text, signatures: [signNote(text, name, secretKey)] });
}
