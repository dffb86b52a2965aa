import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { describe, expect, it } from 'vitest';
import { html, PAGE_CONTENT_SECURITY_POLICY } from '../page-security.ts';
import { pageFallbacks } from './page-error.ts';

describe('pageFallbacks', () => {
  // An app as the services build one: their own 404 and error handlers, outside the page routes.
  const forBrowsers = pageFallbacks((_c, title, body) => html`<title>${title}</title>${body}`);
  const app = new Hono();
  app.onError((e, c) => forBrowsers.error(c, e) ?? c.json({ error: 'failed' }, 500));
  app.notFound((c) => forBrowsers.notFound(c) ?? c.json({ error: 'no such route' }, 404));
  app.use('*', secureHeaders());
  app.get('/broken', () => {
    throw new CwtchError(ErrorCode.CONFLICT, 'already done');
  });
  const browser = { headers: { accept: 'text/html' } };

  it('gives a browser an unknown address as a page under the strict CSP, never inline script or style', async () => {
    const res = await app.request('/no-such-page', browser);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('Content-Security-Policy')).toBe(PAGE_CONTENT_SECURITY_POLICY);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.text()).toContain('<h1>Page not found</h1>');
  });

  it('gives a browser an error no page handled under the same CSP', async () => {
    const res = await app.request('/broken', browser);
    expect(res.status).toBe(409);
    expect(res.headers.get('Content-Security-Policy')).toBe(PAGE_CONTENT_SECURITY_POLICY);
  });

  it('leaves an API client its JSON', async () => {
    const res = await app.request('/no-such-page', { headers: { accept: 'application/json' } });
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('Content-Security-Policy')).toBeNull();
  });
});
