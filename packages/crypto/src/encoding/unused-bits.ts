/**
 * Whether the bits a base64 or base64url text leaves unused in its last character are zero
 * (RFC 4648 §3.5), given `chars` data characters (padding excluded) already checked to be of the
 * alphabet: two characters after the last full group of four carry one byte and leave 4 bits
 * unused, three carry two bytes and leave 2. With the alphabet and the length, this makes the text
 * the one encoding of its bytes, so no second text carries the same bytes, without decoding and
 * encoding again to compare (for base64url, Node's encoder is slower than this check; for standard
 * base64 it is faster, and the alphabet's pattern is slow, so `decodeStrictBase64` in audit-log
 * compares).
 */
export function unusedBitsZero(text: string, chars: number): boolean {
  const rest = chars % 4;
  if (rest === 0) return true;
  if (rest === 1) return false;
  const value = sextet(text.charCodeAt(chars - 1));
  return (value & (rest === 2 ? 0b1111 : 0b11)) === 0;
}

/** The 6-bit value of a character of either alphabet ('+' and '-' are 62, '/' and '_' 63). */
function sextet(code: number): number {
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 97 && code <= 122) return code - 71;
  if (code >= 48 && code <= 57) return code + 4;
  return code === 43 || code === 45 ? 62 : 63;
}
