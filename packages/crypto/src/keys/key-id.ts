import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { b64uEncode } from '../encoding/b64u-encode.ts';
import { sha256 } from '../encoding/sha256.ts';
import { utf8 } from '../internal/utf8.ts';
import type { KeyCurve } from './types.ts';

/** Ids worked out already, by curve and the key's base64url: the directory's keys come back each message. */
const known = new Map<string, string>();
const KNOWN_LIMIT = 4096;

/**
 * Key id of a public key: its RFC 7638 JWK thumbprint (SHA-256, base64url, 43 characters), equal to
 * `jose.calculateJwkThumbprint({ kty: 'OKP', crv, x })`.
 *
 * @example
 * ```ts
 * const kid = keyId(keys.signing.publicKey, 'Ed25519');
 * ```
 */
export function keyId(publicKey: Uint8Array, crv: KeyCurve): string {
  if (publicKey.length !== 32) throw new CwtchError(ErrorCode.BAD_REQUEST, 'public key must be 32 bytes');
  if (crv !== 'Ed25519' && crv !== 'X25519') throw new CwtchError(ErrorCode.BAD_REQUEST, 'unknown curve');
  // Required members in lexicographic order, no whitespace (RFC 7638 §3.2).
  const json = `{"crv":"${crv}","kty":"OKP","x":"${b64uEncode(publicKey)}"}`;
  let kid = known.get(json);
  if (kid === undefined) {
    kid = b64uEncode(sha256(utf8(json)));
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.set(json, kid);
  }
  return kid;
}
