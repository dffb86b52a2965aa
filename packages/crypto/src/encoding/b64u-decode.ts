import { CwtchError, ErrorCode, unusedBitsZero } from '@cwtch/runtime';

const ALPHABET = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes canonical unpadded base64url: only the URL-safe alphabet, no padding, no whitespace, and
 * the text must be exactly what `b64uEncode` gives for the decoded bytes (so unused trailing
 * bits are zero). Anything else throws a `CwtchError` with `code` (default `CONTRACT_INVALID`).
 */
export function b64uDecode(text: string, code: ErrorCode = ErrorCode.CONTRACT_INVALID): Uint8Array {
  if (!ALPHABET.test(text) || !unusedBitsZero(text, text.length)) {
    throw new CwtchError(code, 'not canonical base64url');
  }
  return new Uint8Array(Buffer.from(text, 'base64url'));
}
