import { NOTE_MAX_LENGTH } from '@cwtch/contracts';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { b64uDecode } from '../encoding/b64u-decode.ts';
import { b64uEncode } from '../encoding/b64u-encode.ts';
import { openBox, sealBox } from '../envelope/seal-box.ts';

/**
 * Seals a statement's free-text note to its addressee's X25519 public key (`crypto_box_seal`), for
 * a receipt's `note`: only the addressee can read it; the share log keeps the ciphertext.
 * Throws `BAD_REQUEST` for an empty note or one over {@link NOTE_MAX_LENGTH} characters.
 *
 * @example
 * const note = sealNote('Referred to the Dudley MASH by phone', hillsideEncryptionKey);
 */
export function sealNote(text: string, addresseePublicKey: Uint8Array): string {
  if (text.length === 0 || [...text].length > NOTE_MAX_LENGTH || /\p{Cs}/u.test(text)) {
    throw new CwtchError(
      ErrorCode.BAD_REQUEST,
      `a note is 1 to ${NOTE_MAX_LENGTH} characters of well-formed text`,
    );
  }
  return b64uEncode(sealBox(new TextEncoder().encode(text), addresseePublicKey));
}

/** Opens a note sealed to this agency with its X25519 key pair; `DECRYPTION_FAILED` if it cannot. */
export function openNote(note: string, me: { publicKey: Uint8Array; secretKey: Uint8Array }): string {
  try {
    const bytes = openBox(b64uDecode(note), me);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    throw new CwtchError(ErrorCode.DECRYPTION_FAILED, 'the note cannot be opened with this key', {
      cause: e,
    });
  }
}
