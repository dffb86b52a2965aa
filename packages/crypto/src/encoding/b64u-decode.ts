import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { unusedBitsZero } from './unused-bits.ts';

const ALPHABET = /^[A-Za-z0-9_-]*$/;
/** Up to this many bytes V8 keeps a typed array's bytes in its own heap, where a copy is cheap. */
const SMALL = 64;

/**
 * Decodes canonical unpadded base64url: only the URL-safe alphabet, no padding, no whitespace, and
 * the text must be exactly what `b64uEncode` gives for the decoded bytes (so unused trailing
 * bits are zero). Anything else throws a `CwtchError` with `code` (default `CONTRACT_INVALID`).
 *
 * Keys, hashes and signatures (up to 64 bytes) come back as a copy of their own, and the decoder's
 * scratch bytes are zeroed, so a secret key is never left in Node's shared buffer pool. Longer
 * values (headers, receipt bodies) come back as a view of the decoder's output without a copy,
 * which costs more than the decoding.
 */
export function b64uDecode(text: string, code: ErrorCode = ErrorCode.CONTRACT_INVALID): Uint8Array {
  if (!ALPHABET.test(text) || !unusedBitsZero(text, text.length)) {
    throw new CwtchError(code, 'not canonical base64url');
  }
  const decoded = Buffer.from(text, 'base64url');
  if (decoded.length > SMALL) return new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.length);
  const bytes = new Uint8Array(decoded);
  decoded.fill(0);
  return bytes;
}
