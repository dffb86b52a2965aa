import { b64uEncode } from '../encoding/b64u-encode.ts';
import { keyId } from './key-id.ts';
import type { KeyCurve } from './types.ts';

/** A public OKP JWK as the key directory publishes it. */
export interface PublicJwk {
  readonly kid: string;
  readonly kty: 'OKP';
  readonly crv: KeyCurve;
  readonly x: string;
  /** `sig` for Ed25519, `enc` for X25519. */
  readonly use: 'sig' | 'enc';
}

/**
 * The public OKP JWK of a 32-byte public key, with its RFC 7638 `kid`.
 *
 * @example
 * ```ts
 * const jwk = toJwk(keys.encryption.publicKey, 'X25519'); // { kid, kty: 'OKP', crv: 'X25519', x, use: 'enc' }
 * ```
 */
export function toJwk(publicKey: Uint8Array, crv: KeyCurve): PublicJwk {
  const kid = keyId(publicKey, crv);
  return { kid, kty: 'OKP', crv, x: b64uEncode(publicKey), use: crv === 'Ed25519' ? 'sig' : 'enc' };
}
