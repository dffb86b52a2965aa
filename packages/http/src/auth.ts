import { createHash } from 'node:crypto';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { type CryptoKey, createLocalJWKSet, type JSONWebKeySet, type JWTPayload, jwtVerify } from 'jose';
import { assertCanonicalJwt } from './canonical-jwt.ts';

/** Roles of DESIGN §5. */
export const Role = {
  system: 'system',
  frontdoor: 'frontdoor',
  manager: 'manager',
  auditor: 'auditor',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Who a verified token speaks for. */
export interface Principal {
  readonly subject: string;
  readonly agency: string;
  readonly roles: readonly Role[];
  readonly name: string;
}

/** What a service trusts: issuer, its keys, and the audience it is. */
export interface AuthConfig {
  readonly issuer: string;
  readonly audience: string;
  readonly jwks: JSONWebKeySet;
}

/**
 * How far, in seconds, a token's `exp`, `nbf` and `iat` may be off the verifier's clock: enough
 * for hosts kept in step by NTP, too little to stretch a token's life (RFC 8725 §3.10).
 */
export const JWT_CLOCK_TOLERANCE_SECONDS = 5;

/** Verifies bearer tokens for one service. */
export type TokenVerifier = (authorization: string | undefined) => Promise<Principal>;

/**
 * Builds a verifier: canonical base64url, signature against the issuer's JWKS (Ed25519 only),
 * issuer, audience, expiry ({@link JWT_CLOCK_TOLERANCE_SECONDS} leeway), and the `agency`/`roles`
 * claims. Throws UNAUTHENTICATED or TOKEN_INVALID.
 */
export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const keys: (protectedHeader: unknown) => Promise<CryptoKey> = createLocalJWKSet(config.jwks) as never;
  // A token already verified is not verified again until it expires (a case system sends many
  // requests with one token); keyed by the token's hash, bounded, and never past its `exp`.
  const verified = new Map<string, { principal: Principal; exp: number }>();
  return async (authorization) => {
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '');
    if (!match?.[1]) throw new CwtchError(ErrorCode.UNAUTHENTICATED, 'a bearer token is required');
    assertCanonicalJwt(match[1]);
    const key = createHash('sha256').update(match[1]).digest('base64url');
    const hit = verified.get(key);
    if (hit && hit.exp > Date.now()) return hit.principal;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ['Ed25519', 'EdDSA'],
        clockTolerance: JWT_CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (cause) {
      const reason = (cause as { code?: string }).code ?? 'ERR_JWT_INVALID';
      throw new CwtchError(ErrorCode.TOKEN_INVALID, `token refused (${reason})`, { cause });
    }
    const roles = Array.isArray(payload.roles)
      ? payload.roles.filter((r): r is Role => Object.values(Role).includes(r))
      : [];
    if (typeof payload.agency !== 'string' || roles.length === 0) {
      throw new CwtchError(ErrorCode.TOKEN_INVALID, 'token lacks agency or roles');
    }
    const principal: Principal = {
      subject: String(payload.sub),
      agency: payload.agency,
      roles,
      name: typeof payload.name === 'string' ? payload.name : String(payload.sub),
    };
    if (verified.size >= 10_000) verified.delete(verified.keys().next().value as string);
    verified.set(key, { principal, exp: (payload.exp ?? 0) * 1000 });
    return principal;
  };
}

/** Throws FORBIDDEN_ROLE unless the principal holds one of `roles`. */
export function requireRole(principal: Principal, roles: readonly Role[]): void {
  if (!principal.roles.some((r) => roles.includes(r))) {
    throw new CwtchError(ErrorCode.FORBIDDEN_ROLE, `this needs one of the roles: ${roles.join(', ')}`);
  }
}
