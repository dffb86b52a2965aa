import { ErrorCode, type Logger } from '@cwtch/runtime';
import { type Context, Hono } from 'hono';
import { limitBody } from '../limit-body.ts';
import type { SafeHtml } from '../page-security.ts';
import { pageSecurityHeaders } from '../page-security.ts';
import { identityKey, rateLimit, TokenBuckets } from '../rate-limit.ts';
import { strictBody } from '../strict-body.ts';
import { pageAssets } from './page-assets.ts';
import type { PageAuth, PageEnv } from './page-auth.ts';
import { pageError } from './page-error.ts';
import { signInRoutes } from './sign-in-routes.ts';

/** How a service's pages are set up: who signs in, which paths, how a bare page is drawn. */
export interface PageAppOptions {
  readonly auth: PageAuth;
  readonly logger: Logger;
  readonly rateLimit: { readonly capacity: number; readonly refillPerSecond: number };
  readonly maxBodyBytes: number;
  /** Paths that need a signed-in person. */
  readonly pagePaths: readonly string[];
  /** Static files served under `/assets/` (name → file). */
  readonly assets: Readonly<Record<string, string>>;
  /** Draws a page around `body` (errors and sign-in); the session, if any, is on `c`. */
  readonly render: (c: Context<PageEnv>, title: string, body: SafeHtml) => SafeHtml;
}

const OPEN_PATHS = ['/signin', '/signin/*', '/signout', '/assets/*'];

/**
 * The part every service's pages share: errors rendered as HTML (logged when unexpected), the
 * strict CSP, a rate limit per person, a body limit, strict UTF-8 bodies, static assets, sign-in routes, and
 * sign-in required on the page paths. The service adds its own pages to what this returns.
 */
export function createPageApp(o: PageAppOptions): Hono<PageEnv> {
  const pages = new Hono<PageEnv>();
  pages.onError((e, c) => {
    const code = (e as { code?: string }).code;
    if (code === undefined || code === ErrorCode.INTERNAL) o.logger.error({ err: e }, 'page failed');
    return pageError(c, e, (title, body) => o.render(c, title, body));
  });
  // One budget per person: by the verified identity on pages, by the live session (if any) on
  // the open paths; never by a token string.
  const buckets = new TokenBuckets(o.rateLimit);
  const openLimiter = rateLimit<PageEnv>({
    buckets,
    keyOf: (c) => {
      const principal = o.auth.signedIn(c);
      return principal ? identityKey(principal) : 'anonymous';
    },
  });
  const pageLimiter = rateLimit<PageEnv>({ buckets, keyOf: (c) => identityKey(c.get('principal')) });
  for (const path of [...o.pagePaths, ...OPEN_PATHS]) {
    pages.use(path, pageSecurityHeaders());
    if (OPEN_PATHS.includes(path)) pages.use(path, openLimiter);
    pages.use(path, limitBody({ maxSize: o.maxBodyBytes }));
    pages.use(path, strictBody());
  }
  pages.route('/', pageAssets(o.assets));
  pages.route(
    '/',
    signInRoutes(o.auth, (c, title, body) => o.render(c as Context<PageEnv>, title, body)),
  );
  for (const path of o.pagePaths) {
    pages.use(path, o.auth.middleware);
    pages.use(path, pageLimiter);
  }
  return pages;
}
