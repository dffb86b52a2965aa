import { CwtchError, ErrorCode } from '@cwtch/runtime';
import type { Context } from 'hono';
import { toErrorResponse } from '../http-error.ts';
import { html, type SafeHtml } from '../page-security.ts';
import { safeNext } from './sign-in-routes.ts';

const HEADINGS: Readonly<Record<number, string>> = {
  400: 'That request was not valid',
  401: 'Please sign in',
  403: 'You cannot open this page',
  404: 'Not found',
  409: 'Already done',
  413: 'Too large',
  429: 'Too many requests',
};

/**
 * The response for an error thrown by a page: a person who is not signed in is sent to sign in
 * (htmx requests through `HX-Redirect`); anything else gets an HTML page with its status and
 * the error's safe message, never a stack trace.
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
  const title = HEADINGS[status] ?? 'Something went wrong';
  const message = body.error.message.charAt(0).toUpperCase() + body.error.message.slice(1);
  const page = render(
    title,
    html`<h1>${title}</h1><p class="error-message" role="alert">${message}.</p>
${status === 403 || status === 401 ? html`<p><a href="/signin">Sign in as someone else</a></p>` : ''}
${status < 500 ? html`<p><a href="/">Back to the start</a></p>` : ''}`,
  );
  return c.html(String(page), status as 403);
}
