import { CwtchError, ErrorCode } from '@cwtch/runtime';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { toErrorResponse } from '../http-error.ts';
import { html, type SafeHtml, withPageSecurityHeaders } from '../page-security.ts';
import type { Lang } from './page-shell.ts';
import { safeNext } from './sign-in-routes.ts';

/** The cookie a console keeps the person's language in (set by `?lang=`). */
const LANG_COOKIE = 'cwtch_lang';

const HEADINGS: Readonly<Record<number, { en: string; cy: string }>> = {
  400: { en: 'That request was not valid', cy: "Nid oedd y cais hwnnw'n ddilys" },
  401: { en: 'Please sign in', cy: 'Mewngofnodwch' },
  403: { en: 'You cannot open this page', cy: 'Ni allwch agor y dudalen hon' },
  404: { en: 'Page not found', cy: "Heb ddod o hyd i'r dudalen" },
  409: { en: 'Already done', cy: "Wedi'i wneud yn barod" },
  413: { en: 'Too large', cy: 'Rhy fawr' },
  429: { en: 'Too many requests', cy: 'Gormod o geisiadau' },
};
const WORDS = {
  failed: { en: 'Something went wrong', cy: "Aeth rhywbeth o'i le" },
  noSuchPage: {
    en: 'There is no page at this address. Check the address, or start again from the front page',
    cy: "Nid oes tudalen yn y cyfeiriad hwn. Gwiriwch y cyfeiriad, neu dechreuwch eto o'r dudalen flaen",
  },
  signInAgain: { en: 'Sign in as someone else', cy: 'Mewngofnodi fel rhywun arall' },
  back: { en: 'Back to the start', cy: "Yn ôl i'r dechrau" },
} as const;

/** The page language a request asks for: `?lang=` first, then the language cookie, else English. */
export function requestLang(c: Context): Lang {
  const asked = c.req.query('lang');
  if (asked === 'en' || asked === 'cy') return asked;
  return getCookie(c, LANG_COOKIE) === 'cy' ? 'cy' : 'en';
}

/**
 * Whether a request comes from a person's browser rather than an API client: it asks for HTML
 * and is not for the API (`/v1`), the OpenAPI document, health or metrics, which keep JSON.
 */
export function wantsPage(c: Context): boolean {
  const path = c.req.path;
  if (path === '/v1' || path.startsWith('/v1/') || /^\/(openapi\.json|healthz|metrics)$/.test(path))
    return false;
  return (c.req.header('accept') ?? '').includes('text/html');
}

/** Draws a console page around an error's title and body (the service's own shell). */
export type ErrorPageRender = (c: Context, title: string, body: SafeHtml) => SafeHtml;

/**
 * The HTML answers a service gives browsers outside its page routes: an unknown address (404)
 * and an error no page handled. Each returns `null` for an API client, which keeps its JSON.
 */
export interface PageFallbacks {
  notFound(c: Context): Response | null;
  error(c: Context, e: unknown): Response | null;
}

/** Fallbacks that draw with `render` (see {@link PageFallbacks}). */
export function pageFallbacks(render: ErrorPageRender): PageFallbacks {
  // Outside the page routes, so the page headers (the strict CSP) are set here.
  const page = (c: Context, e: unknown) =>
    withPageSecurityHeaders(pageError(c, e, (t, b) => render(c, t, b)));
  return {
    notFound: (c) =>
      wantsPage(c) ? page(c, new CwtchError(ErrorCode.NOT_FOUND, WORDS.noSuchPage[requestLang(c)])) : null,
    error: (c, e) => (wantsPage(c) ? page(c, e) : null),
  };
}

/**
 * The response for an error thrown by a page: a person who is not signed in is sent to sign in
 * (htmx requests through `HX-Redirect`); anything else gets an HTML page (English or Welsh
 * heading) with its status and the error's safe message, never a stack trace.
 */
export function pageError(
  c: Context,
  e: unknown,
  render: (title: string, body: SafeHtml) => SafeHtml,
): Response {
  const { status, body } = toErrorResponse(e);
  const unauthenticated = e instanceof CwtchError && e.code === ErrorCode.UNAUTHENTICATED;
  if (status === 401 && unauthenticated && c.req.header('authorization') === undefined) {
    const url = new URL(c.req.url);
    const signIn = `/signin?next=${encodeURIComponent(safeNext(url.pathname + url.search))}`;
    if (c.req.header('hx-request')) return c.body(null, 401, { 'HX-Redirect': signIn });
    if (c.req.method === 'GET') return c.redirect(signIn, 303);
  }
  const lang = requestLang(c);
  const title = (HEADINGS[status] ?? WORDS.failed)[lang];
  const message = body.error.message.charAt(0).toUpperCase() + body.error.message.slice(1);
  const page = render(
    title,
    html`<h1>${title}</h1><p class="error-message" role="alert">${message}.</p>
${status === 403 || status === 401 ? html`<p><a href="/signin">${WORDS.signInAgain[lang]}</a></p>` : ''}
${status < 500 ? html`<p><a href="/">${WORDS.back[lang]}</a></p>` : ''}`,
  );
  return c.html(String(page), status as 403);
}
