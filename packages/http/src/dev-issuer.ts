import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  SignJWT,
} from 'jose';
import type { Role } from './auth.ts';

/** The demo region's token issuer: one Ed25519 key kept in the data folder. */
export interface DevIssuer {
  readonly issuer: string;
  readonly jwks: JSONWebKeySet;
  /** Signs a token for `agency` with `roles`, valid `ttlSeconds` (default 30 days in the demo). */
  sign(claims: {
    agency: string;
    roles: readonly Role[];
    name: string;
    sub: string;
    audience: string;
    ttlSeconds?: number;
  }): Promise<string>;
  /** The private JWK, for the data folder (0600). */
  readonly privateJwk: JWK;
}

export const DEV_ISSUER = 'https://dev-issuer.cwtch.invalid';

/** Creates a new dev issuer key, or loads one from its private JWK. */
export async function createDevIssuer(privateJwk?: JWK): Promise<DevIssuer> {
  let jwk = privateJwk;
  if (!jwk) {
    const { privateKey } = await generateKeyPair('Ed25519', { extractable: true });
    jwk = await exportJWK(privateKey);
  }
  const kid = await calculateJwkThumbprint({
    kty: jwk.kty ?? 'OKP',
    crv: jwk.crv ?? 'Ed25519',
    x: jwk.x ?? '',
  });
  const key = await importJWK({ ...jwk, alg: 'Ed25519' }, 'Ed25519');
  const { d: _d, ...pub } = jwk;
  const jwks: JSONWebKeySet = { keys: [{ ...pub, kid, alg: 'Ed25519', use: 'sig' }] };
  const fullJwk = jwk;
  return {
    issuer: DEV_ISSUER,
    jwks,
    privateJwk: fullJwk,
    async sign(c) {
      return new SignJWT({ agency: c.agency, roles: [...c.roles], name: c.name })
        .setProtectedHeader({ alg: 'Ed25519', kid, typ: 'JWT' })
        .setIssuer(DEV_ISSUER)
        .setAudience(c.audience)
        .setSubject(c.sub)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + (c.ttlSeconds ?? 30 * 86_400))
        .sign(key);
    },
  };
}

/** Audience a connector expects. */
export function connectorAudience(agency: string): string {
  return `cwtch:connector:${agency}`;
}

/** Audience the audit service expects. */
export const AUDIT_AUDIENCE = 'cwtch:audit';
