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
import { type Principal, Role } from '../auth.ts';

/** An issuer whose tokens a page may accept, with the audience this service is to it. */
export interface PageTokenSource {
  readonly issuer: string;
  /** A key set, or the URL of the issuer's JWKS (fetched and cached by jose). */
  readonly jwks: JSONWebKeySet | URL;
  /** The `aud` this service must be named in (the API audience, or an OIDC client id). */
  readonly audience: string;
  /** Algorithms accepted (default Ed25519 only, as the dev issuer signs). */
  readonly algorithms?: readonly string[];
  /** Claim holding the roles (default `roles`). */
  readonly rolesClaim?: string;
  /** Agency for tokens without an `agency` claim (an agency's own OIDC provider). */
  readonly defaultAgency?: string;
}

/**
 * Verifies a token for pages (with `nonce`, an ID token fresh from sign-in); throws TOKEN_INVALID
 * (401) or FORBIDDEN_ROLE (403: signed in elsewhere, or no role).
 */
export type PageTokenVerifier = (token: string, options?: { nonce?: string }) => Promise<Principal>;

const roleValues: readonly string[] = Object.values(Role);

function rolesOf(payload: JWTPayload, claim: string): Role[] {
  const raw = payload[claim];
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
  return list.filter((r): r is Role => typeof r === 'string' && roleValues.includes(r));
}

/**
 * Builds the verifier pages use for bearer tokens and session cookies. The issuer picks the
 * source; signature, issuer and expiry must hold (else 401). A valid token for another audience
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
        clockTolerance: 30,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (cause) {
      const reason = (cause as { code?: string }).code ?? 'ERR_JWT_INVALID';
      throw new CwtchError(ErrorCode.TOKEN_INVALID, `token refused (${reason})`, { cause });
    }
    if (options.nonce !== undefined && payload.nonce !== options.nonce)
      throw new CwtchError(ErrorCode.TOKEN_INVALID, 'token refused (nonce mismatch)');
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.includes(source.audience))
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
