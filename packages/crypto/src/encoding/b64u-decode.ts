import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { b64uEncode } from './b64u-encode.ts';

const ALPHABET = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes canonical unpadded base64url: only the URL-safe alphabet, no padding, no whitespace, and
 * the text must be exactly what {@link b64uEncode} gives for the decoded bytes (so unused trailing
 * bits are zero). Anything else throws a `CwtchError` with `code` (default `CONTRACT_INVALID`).
 */
export function b64uDecode(text: string, code: ErrorCode = ErrorCode.CONTRACT_INVALID): Uint8Array {
  if (!ALPHABET.test(text) || text.length % 4 === 1) {
    throw new CwtchError(code, 'not canonical base64url');
  }
  const bytes = new Uint8Array(Buffer.from(text, 'base64url'));
  if (b64uEncode(bytes) !== text) throw new CwtchError(code, 'not canonical base64url');
  return bytes;
}
