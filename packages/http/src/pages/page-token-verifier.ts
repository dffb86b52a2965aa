import { CwtchError, ErrorCode } from '@cwtch/runtime';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import { JWT_CLOCK_TOLERANCE_SECONDS, type Principal, Role } from '../auth.ts';
import { assertCanonicalJwt } from '../canonical-jwt.ts';

/** An issuer whose tokens a page may accept, with the audience this service is to it. */
export interface PageTokenSource {
  readonly issuer: string;
  /** A key set, or the URL of the issuer's JWKS (fetched and cached by jose). */
  readonly jwks: JSONWebKeySet | URL;
  /** The `aud` a bearer token must name (the API audience); none: never a bearer token. */
  readonly audience?: string;
  /** The `aud` a session token must name (the dev session audience, or an OIDC client id). */
  readonly sessionAudience?: string;
  /** Algorithms accepted (default Ed25519 only, as the dev issuer signs). */
  readonly algorithms?: readonly string[];
  /** Claim holding the roles (default `roles`). */
  readonly rolesClaim?: string;
  /** Agency for tokens without an `agency` claim (an agency's own OIDC provider). */
  readonly defaultAgency?: string;
}

/**
 * Verifies a token for pages, as a script's `bearer` token (the default) or as a `session` token
 * (with `nonce`, an ID token fresh from sign-in); throws TOKEN_INVALID (401) or FORBIDDEN_ROLE
 * (403: signed in elsewhere, or no role).
 */
export type PageTokenVerifier = (
  token: string,
  options?: { nonce?: string; as?: 'bearer' | 'session' },
) => Promise<Principal>;

/** The audience of the session tokens dev sign-in mints for a service of API audience `audience`. */
export function sessionAudience(audience: string): string {
  return `${audience}:session`;
}

const roleValues: readonly string[] = Object.values(Role);

function rolesOf(payload: JWTPayload, claim: string): Role[] {
  const raw = payload[claim];
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
  return list.filter((r): r is Role => typeof r === 'string' && roleValues.includes(r));
}

/**
 * Builds the verifier pages use for bearer tokens and session tokens. The issuer picks the
 * source; canonical encoding, signature, issuer and expiry must hold (else 401), and the audience
 * of the use (a session token is never a bearer token: 401). A valid token for another audience
 * or another agency is a person signed in elsewhere: refused with 403, never accepted.
 *
 * @example
 * const verify = createPageTokenVerifier([{ issuer, jwks, audience: connectorAudience('swansea-cs') }], 'swansea-cs');
 * const principal = await verify(token);
 */
export function createPageTokenVerifier(
  sources: readonly PageTokenSource[],
  agency?: string,
): PageTokenVerifier {
  const keys = new Map<PageTokenSource, JWTVerifyGetKey>(
    sources.map((s) => [s, s.jwks instanceof URL ? createRemoteJWKSet(s.jwks) : createLocalJWKSet(s.jwks)]),
  );
  return async (token, options = {}) => {
    assertCanonicalJwt(token);
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch (cause) {
      throw new CwtchError(ErrorCode.TOKEN_INVALID, 'token refused (not a JWT)', { cause });
    }
    const source = sources.find((s) => s.issuer === issuer);
    if (!source) throw new CwtchError(ErrorCode.TOKEN_INVALID, 'token refused (unknown issuer)');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys.get(source)!, {
        issuer: source.issuer,
        algorithms: [...(source.algorithms ?? ['Ed25519', 'EdDSA'])],
        clockTolerance: JWT_CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (cause) {
      const reason = (cause as { code?: string }).code ?? 'ERR_JWT_INVALID';
      throw new CwtchError(ErrorCode.TOKEN_INVALID, `token refused (${reason})`, { cause });
    }
    if (options.nonce !== undefined && payload.nonce !== options.nonce)
      throw new CwtchError(ErrorCode.TOKEN_INVALID, 'token refused (nonce mismatch)');
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    const expected = options.as === 'session' ? source.sessionAudience : source.audience;
    // A session token is no bearer token: once its session ends it must open nothing.
    if (expected === undefined || (options.as !== 'session' && audiences.includes(source.sessionAudience)))
      throw new CwtchError(ErrorCode.TOKEN_INVALID, `token refused (not a ${options.as ?? 'bearer'} token)`);
    if (!audiences.includes(expected))
      throw new CwtchError(ErrorCode.FORBIDDEN_ROLE, 'you are signed in for another service, not this one');
    const tokenAgency = typeof payload.agency === 'string' ? payload.agency : source.defaultAgency;
    if (tokenAgency === undefined) throw new CwtchError(ErrorCode.TOKEN_INVALID, 'token lacks an agency');
    if (agency !== undefined && tokenAgency !== agency)
      throw new CwtchError(ErrorCode.FORBIDDEN_ROLE, `you are signed in for ${tokenAgency}, not ${agency}`);
    const roles = rolesOf(payload, source.rolesClaim ?? 'roles');
    if (roles.length === 0) throw new CwtchError(ErrorCode.FORBIDDEN_ROLE, 'you hold no Cwtch role');
    return {
      subject: String(payload.sub),
      agency: tokenAgency,
      roles,
      name: typeof payload.name === 'string' ? payload.name : String(payload.sub),
    };
  };
}
