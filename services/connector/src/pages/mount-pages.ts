import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  type PageAuth,
  type PageEnv,
  pageAssets,
  pageError,
  pageSecurityHeaders,
  pageShell,
  rateLimit,
  signInRoutes,
  tokenKey,
} from '@cwtch/http';
import { ErrorCode } from '@cwtch/runtime';
import { type Env, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AgencyContext } from '../agency-context.ts';
import { composePage } from './compose-page.ts';
import { inboxPage } from './inbox-page.ts';
import { notificationPage } from './notification-page.ts';
import { outboxPage } from './outbox-page.ts';
import { overduePage } from './overdue-page.ts';
import { pageEvents } from './page-events.ts';
import { langOf } from './page-text.ts';

/** What the connector's pages need besides the agency context. */
export interface ConnectorPagesOptions {
  readonly auth: PageAuth;
  readonly maxBodyBytes: number;
  readonly rateLimit: { readonly capacity: number; readonly refillPerSecond: number };
}

/** Every path the pages serve; the API under `/v1` is untouched by their middleware. */
const PAGE_PATHS = ['/', '/inbox/*', '/overdue', '/overdue/*', '/compose', '/outbox/*', '/events'];
const OPEN_PATHS = ['/signin', '/signin/*', '/signout', '/assets/*'];

const require = createRequire(import.meta.url);

/**
 * Mounts the front door's pages on the connector's app (DESIGN §9: `/` inbox, `/inbox/{id}`,
 * `/compose`, `/outbox/{id}`, plus `/overdue` for managers, `/events` for live updates, sign-in
 * and static files). Pages take the session cookie or a bearer token; every page carries the
 * strict CSP, is rate-limited per session and size-limited, and renders its errors as HTML.
 */
export function mountPages<E extends Env>(
  app: Hono<E>,
  ctx: AgencyContext,
  options: ConnectorPagesOptions,
): void {
  const { auth } = options;
  const pages = new Hono<PageEnv>();
  pages.onError((e, c) => {
    const status = (e as { code?: string }).code;
    if (status === undefined || status === ErrorCode.INTERNAL) ctx.logger.error({ err: e }, 'page failed');
    const lang = langOf(c);
    return pageError(c, e, (title, body) =>
      pageShell({
        title,
        service: ctx.directory.view.agency(ctx.agency)?.name ?? ctx.agency,
        lang,
        body,
        principal: (c.var.session as PageEnv['Variables']['session'] | undefined)?.principal,
      }),
    );
  });
  const limiter = rateLimit<PageEnv>({
    ...options.rateLimit,
    keyOf: (c) => {
      const token = auth.cookie.read(c);
      return token === undefined ? undefined : tokenKey(`Bearer ${token}`);
    },
  });
  for (const path of [...PAGE_PATHS, ...OPEN_PATHS]) {
    pages.use(path, pageSecurityHeaders());
    pages.use(path, limiter);
    pages.use(path, bodyLimit({ maxSize: options.maxBodyBytes }));
  }
  pages.route(
    '/',
    pageAssets({
      'htmx.min.js': require.resolve('htmx.org/dist/htmx.min.js'),
      'connector.js': fileURLToPath(new URL('./assets/connector.js', import.meta.url)),
    }),
  );
  pages.route(
    '/',
    signInRoutes(auth, (c, title, body) =>
      pageShell({
        title,
        service: ctx.directory.view.agency(ctx.agency)?.name ?? ctx.agency,
        lang: langOf(c),
        body,
      }),
    ),
  );
  for (const path of PAGE_PATHS) pages.use(path, auth.middleware);
  inboxPage(pages, ctx);
  notificationPage(pages, ctx);
  overduePage(pages, ctx);
  composePage(pages, ctx, { demo: auth.signIn.mode === 'dev' });
  outboxPage(pages, ctx);
  pageEvents(pages, ctx);
  app.route('/', pages as unknown as Hono<E>);
}
