import { readFile } from 'node:fs/promises';
import { CwtchError, ErrorCode, isCwtchError } from '@cwtch/runtime';
import type { Context, MiddlewareHandler } from 'hono';
import { decodeJwt, type JSONWebKeySet } from 'jose';
import type { Principal } from '../auth.ts';
import { CsrfGuard } from './csrf-guard.ts';
import { type DevSignIn, type DevUser, loadDevSignIn } from './dev-users.ts';
import { OidcClient } from './oidc-client.ts';
import {
  createPageTokenVerifier,
  type PageTokenSource,
  type PageTokenVerifier,
  sessionAudience,
} from './page-token-verifier.ts';
import type { PagesConfig } from './pages-config.ts';
import { SessionCookie } from './session-cookie.ts';
import { SessionStore } from './session-store.ts';

/** Who is using a page, and how they proved it. */
export interface PageSession {
  readonly principal: Principal;
  /** `cookie`: a signed-in person (state changes need the CSRF token); `bearer`: a script. */
  readonly via: 'cookie' | 'bearer';
  /** The CSRF token for this session's pages (null for bearer requests). */
  readonly csrf: string | null;
}

/** Hono variables the page middleware sets. */
export type PageEnv = { Variables: { principal: Principal; session: PageSession } };

/** The sign-in a service offers. */
export type SignInMethod =
  | { readonly mode: 'none' }
  | ({ readonly mode: 'dev' } & DevSignIn)
  | { readonly mode: 'oidc'; readonly client: OidcClient };

/** Everything pages need to know who is asking: verifier, cookie, CSRF guard and sign-in. */
export interface PageAuth {
  readonly cookie: SessionCookie;
  readonly csrf: CsrfGuard;
  readonly verify: PageTokenVerifier;
  readonly signIn: SignInMethod;
  readonly sessionTtlSeconds: number;
  /** The live sessions: a cookie opens pages only while its session is held here. */
  readonly sessions: SessionStore;
  /** The principal of the request's live cookie session, if any (marks the session used). */
  signedIn(c: Context): Principal | undefined;
  /** Middleware for page routes: sets `session` and `principal`, or throws 401/403. */
  readonly middleware: MiddlewareHandler<PageEnv>;
}

/** What a service tells {@link createPageAuth} about itself. */
export interface PageAuthOptions {
  /** Names the session cookie: the agency id, or `audit`. */
  readonly service: string;
  /** The API audience (bearer tokens of scripts, and dev sessions, are minted for it). */
  readonly audience: string;
  /** The agency every principal must belong to (a connector's own), if any. */
  readonly agency?: string;
  /** The API's trusted issuer and key set (`CWTCH_JWT_ISSUER`, `CWTCH_JWKS_FILE`). */
  readonly api: { readonly issuer: string; readonly jwks: JSONWebKeySet };
  /** Which demo users may sign in here (dev sign-in). */
  readonly devUsers: (user: DevUser) => boolean;
  /** Wall clock in milliseconds for session expiry (default `Date.now`; tests inject their own). */
  readonly now?: () => number;
}

const OIDC_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA', 'Ed25519'] as const;

/**
 * Builds page authentication from the parsed {@link PagesConfig}: bearer tokens from the API's
 * issuer always; sessions from the dev issuer (`dev`) or the agency's OIDC provider (`oidc`).
 */
export async function createPageAuth(config: PagesConfig, options: PageAuthOptions): Promise<PageAuth> {
  const publicUrl = config.CWTCH_PUBLIC_URL?.replace(/\/$/, '');
  const cookie = new SessionCookie(options.service, publicUrl?.startsWith('https:') ?? false);
  const csrf = new CsrfGuard({ origin: publicUrl === undefined ? undefined : new URL(publicUrl).origin });
  const sources: PageTokenSource[] = [
    {
      issuer: options.api.issuer,
      jwks: options.api.jwks,
      audience: options.audience,
      sessionAudience: sessionAudience(options.audience),
    },
  ];
  let signIn: SignInMethod = { mode: 'none' };
  if (config.CWTCH_SIGN_IN === 'dev') {
    const dev = await loadDevSignIn({
      issuerKeyFile: config.CWTCH_DEV_ISSUER_KEY_FILE!,
      usersFile: config.CWTCH_DEV_USERS_FILE!,
      audience: sessionAudience(options.audience),
      accept: options.devUsers,
    });
    signIn = { mode: 'dev', ...dev };
  } else if (config.CWTCH_SIGN_IN === 'oidc') {
    const secretFile = config.CWTCH_OIDC_CLIENT_SECRET_FILE;
    const client = await OidcClient.discover({
      issuer: config.CWTCH_OIDC_ISSUER!,
      clientId: config.CWTCH_OIDC_CLIENT_ID!,
      clientSecret: secretFile ? (await readFile(secretFile, 'utf8')).trim() : undefined,
      redirectUri: `${publicUrl}/signin/callback`,
      scopes: config.CWTCH_OIDC_SCOPES,
    });
    sources.push({
      issuer: client.metadata.issuer,
      jwks: client.jwksUrl,
      sessionAudience: config.CWTCH_OIDC_CLIENT_ID!,
      algorithms: OIDC_ALGORITHMS,
      rolesClaim: config.CWTCH_OIDC_ROLES_CLAIM,
      ...(options.agency ? { defaultAgency: options.agency } : {}),
    });
    signIn = { mode: 'oidc', client };
  }
  const verify = createPageTokenVerifier(sources, options.agency);
  const sessions = new SessionStore({
    idleSeconds: config.CWTCH_SESSION_IDLE_SECONDS,
    ...(options.now ? { now: options.now } : {}),
  });
  const auth: PageAuth = {
    cookie,
    csrf,
    verify,
    signIn,
    sessionTtlSeconds: config.CWTCH_SESSION_TTL_SECONDS,
    sessions,
    signedIn: (c) => {
      const token = cookie.read(c);
      return token === undefined ? undefined : sessions.use(token);
    },
    middleware: async (c, next) => {
      const session = await sessionOf(auth, c.req.header('authorization'), c);
      c.set('session', session);
      c.set('principal', session.principal);
      const method = c.req.method;
      if (session.via === 'cookie' && method !== 'GET' && method !== 'HEAD')
        await csrf.check(c, cookie.read(c) ?? '');
      await next();
    },
  };
  return auth;
}

async function sessionOf(
  auth: PageAuth,
  authorization: string | undefined,
  c: Context,
): Promise<PageSession> {
  if (authorization !== undefined) {
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization);
    if (!match?.[1]) throw new CwtchError(ErrorCode.UNAUTHENTICATED, 'a bearer token is required');
    return { principal: await auth.verify(match[1]), via: 'bearer', csrf: null };
  }
  const token = auth.cookie.read(c);
  if (token !== undefined) {
    const principal = auth.signedIn(c);
    if (principal) return { principal, via: 'cookie', csrf: auth.csrf.tokenFor(token) };
    // Signed out, idle too long, expired, or from before a restart.
    auth.cookie.clear(c);
  }
  for (const other of auth.cookie.others(c)) {
    try {
      await auth.verify(other, { as: 'session' });
    } catch (e) {
      // Signed in, validly, for another service of the region: forbidden here, not "please sign in".
      if (isCwtchError(e, ErrorCode.FORBIDDEN_ROLE)) {
        const claims = decodeJwt(other);
        const who = typeof claims.name === 'string' ? claims.name : 'someone';
        const where = typeof claims.agency === 'string' ? claims.agency : 'another service';
        throw new CwtchError(
          ErrorCode.FORBIDDEN_ROLE,
          `you are signed in as ${who} of ${where}, who may not open this page`,
        );
      }
    }
  }
  throw new CwtchError(ErrorCode.UNAUTHENTICATED, 'please sign in');
}
