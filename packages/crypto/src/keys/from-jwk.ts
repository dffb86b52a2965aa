import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { b64uDecode } from '../encoding/b64u-decode.ts';
import { keyId } from './key-id.ts';
import type { KeyCurve } from './types.ts';

/** A public key read from a JWK, its thumbprint checked. */
export interface PublicKeyFromJwk {
  readonly kid: string;
  readonly crv: KeyCurve;
  readonly publicKey: Uint8Array;
}

function invalid(message: string): CwtchError {
  return new CwtchError(ErrorCode.CONTRACT_INVALID, message);
}

/**
 * Reads a public OKP JWK (`kty`, `crv`, `x`, `kid`, `use`; other members such as directory metadata
 * are ignored). Refuses a JWK that carries a private part `d`, a `use` that does not fit the curve,
 * non-canonical `x`, or a `kid` that is not the RFC 7638 thumbprint. Throws `CONTRACT_INVALID`.
 */
export function fromJwk(jwk: unknown): PublicKeyFromJwk {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) throw invalid('JWK must be an object');
  const { kty, crv, x, kid, use } = jwk as Record<string, unknown>;
  if ('d' in jwk) throw invalid('a public JWK must not carry a private key');
  if (kty !== 'OKP') throw invalid('JWK kty must be OKP');
  if (crv !== 'Ed25519' && crv !== 'X25519') throw invalid('JWK crv must be Ed25519 or X25519');
  if (use !== (crv === 'Ed25519' ? 'sig' : 'enc')) throw invalid('JWK use does not fit its curve');
  if (typeof x !== 'string' || typeof kid !== 'string') throw invalid('JWK x and kid must be strings');
  const publicKey = b64uDecode(x, ErrorCode.CONTRACT_INVALID);
  if (publicKey.length !== 32) throw invalid('JWK x must be 32 bytes');
  if (keyId(publicKey, crv) !== kid) throw invalid('JWK kid is not the thumbprint of its key');
  return { kid, crv, publicKey };
}
