import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  createPageApp,
  type ErrorPageRender,
  type PageAuth,
  type PageEnv,
  type PageFallbacks,
  pageFallbacks,
  pageShell,
} from '@cwtch/http';
import type { Env, Hono } from 'hono';
import type { AgencyContext } from '../agency-context.ts';
import { boardPage } from './board-page.ts';
import { composePage } from './compose-page.ts';
import { inboxPage } from './inbox-page.ts';
import { notificationPage } from './notification-page.ts';
import { outboxListPage } from './outbox-list-page.ts';
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
const PAGE_PATHS = [
  '/',
  '/inbox/*',
  '/overdue',
  '/overdue/*',
  '/compose',
  '/outbox',
  '/outbox/*',
  '/board',
  '/board.csv',
  '/events',
];

const require = createRequire(import.meta.url);

/**
 * Mounts the front door's pages on the connector's app (DESIGN §9: `/` inbox, `/inbox/{id}`,
 * `/compose`, `/outbox/{id}`, plus `/overdue` for managers, `/events` for live updates, sign-in
 * and static files). Pages take the session cookie or a bearer token; every page carries the
 * strict CSP, is rate-limited per session and size-limited, and renders its errors as HTML.
 * Returns the HTML answers for browsers outside the pages (unknown addresses, unhandled errors).
 */
export function mountPages<E extends Env>(
  app: Hono<E>,
  ctx: AgencyContext,
  options: ConnectorPagesOptions,
): PageFallbacks {
  const { auth } = options;
  const service = () => ctx.directory.view.agency(ctx.agency)?.name ?? ctx.agency;
  const render: ErrorPageRender = (c, title, body) =>
    pageShell({
      title,
      service: service(),
      lang: langOf(c),
      body,
      principal: (c.var.session as PageEnv['Variables']['session'] | undefined)?.principal,
    });
  const pages = createPageApp({
    auth,
    logger: ctx.logger,
    rateLimit: options.rateLimit,
    maxBodyBytes: options.maxBodyBytes,
    pagePaths: PAGE_PATHS,
    assets: {
      'htmx.min.js': require.resolve('htmx.org/dist/htmx.min.js'),
      'connector.js': fileURLToPath(new URL('./assets/connector.js', import.meta.url)),
    },
    render,
  });
  inboxPage(pages, ctx);
  notificationPage(pages, ctx);
  overduePage(pages, ctx);
  composePage(pages, ctx, { demo: auth.signIn.mode === 'dev' });
  outboxListPage(pages, ctx);
  outboxPage(pages, ctx);
  boardPage(pages, ctx);
  pageEvents(pages, ctx);
  app.route('/', pages as unknown as Hono<E>);
  return pageFallbacks(render);
}
