import { CwtchError, ErrorCode } from '@cwtch/runtime';

/**
 * Throws TOKEN_INVALID unless every segment of the compact JWS `token` is canonical base64url:
 * no padding, no character outside the alphabet, and no set bit among the unused low bits of
 * the last character (RFC 4648 §3.5; RFC 7515 §2). Decoders ignore those bits, so without this
 * one signed token has up to 16 spellings that all verify.
 */
export function assertCanonicalJwt(token: string): void {
  const segments = token.split('.');
  if (segments.length !== 3) throw new CwtchError(ErrorCode.TOKEN_INVALID, 'token refused (not a JWT)');
  for (const segment of segments) {
    if (
      !/^[A-Za-z0-9_-]*$/.test(segment) ||
      Buffer.from(segment, 'base64url').toString('base64url') !== segment
    )
      throw new CwtchError(ErrorCode.TOKEN_INVALID, 'token refused (base64url encoding is not canonical)');
  }
}
