import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, PAGE_CONTENT_SECURITY_POLICY, pageSecurityHeaders, raw } from './page-security.ts';

describe('pageSecurityHeaders', () => {
  const app = new Hono();
  app.use('*', pageSecurityHeaders());
  app.get('/page', (c) => c.html('<p>hello</p>', 200, { 'Cache-Control': 'public, max-age=3600' }));
  app.get('/app.js', (c) =>
    c.body('1', 200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=60' }),
  );

  it('sets a strict policy and no-store on an HTML page', async () => {
    const res = await app.request('/page');
    const csp = res.headers.get('Content-Security-Policy');
    expect(csp).toBe(PAGE_CONTENT_SECURITY_POLICY);
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ]) {
      expect(csp?.split('; ')).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(res.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });

  it('leaves caching of non-HTML assets alone but still sets the other headers', async () => {
    const res = await app.request('/app.js');
    expect(res.headers.get('Cache-Control')).toBe('max-age=60');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Content-Security-Policy')).toBe(PAGE_CONTENT_SECURITY_POLICY);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
  it('renders null and undefined as nothing and other values as text', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });
});

describe('html', () => {
  it('escapes a script tag', () => {
    expect(String(html`<p>${'<script>alert(1)</script>'}</p>`)).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });

  it('keeps an attribute breakout inside its attribute', () => {
    const out = String(html`<input value="${'"><img src=x onerror=alert(1)>'}">`);
    expect(out).toBe('<input value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">');
    expect(out).not.toContain('<img');
  });

  it('escapes single quotes and ampersands, and does not trust a look-alike object', () => {
    expect(String(html`<b title='${"it's"}'>${'Tom & Jerry &amp;'}</b>`)).toBe(
      "<b title='it&#39;s'>Tom &amp; Jerry &amp;amp;</b>",
    );
    const forged = { toString: () => '<script>x</script>' };
    expect(String(html`${forged}`)).toBe('&lt;script&gt;x&lt;/script&gt;');
  });

  it('does not double-escape nested SafeHtml, in arrays nested to any depth', () => {
    const names = ['<Ann>', 'B&B'];
    const items = names.map((n) => html`<li>${n}</li>`);
    const page = html`<ul>${[items, [[raw('<li class="x">ok</li>')]]]}</ul>`;
    expect(String(page)).toBe('<ul><li>&lt;Ann&gt;</li><li>B&amp;B</li><li class="x">ok</li></ul>');
    expect(String(html`<div>${page}</div>`)).toBe(`<div>${page}</div>`);
  });

  it('renders null, undefined and false as nothing, for conditional fragments', () => {
    const shown = false;
    expect(String(html`<p>${null}${undefined}${shown && html`<i>hidden</i>`}${0}</p>`)).toBe('<p>0</p>');
  });
});
