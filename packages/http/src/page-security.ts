import type { MiddlewareHandler } from 'hono';

/** The Content-Security-Policy of server-rendered pages: same-origin scripts and styles, no framing. */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': PAGE_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * Hono middleware for server-rendered pages: a strict Content-Security-Policy, `nosniff`,
 * `no-referrer`, `same-origin` opener policy, and `Cache-Control: no-store` on HTML, since pages
 * may show case details. It overwrites what a handler set, so a route cannot weaken it by accident.
 *
 * @example
 * app.use('/ui/*', pageSecurityHeaders());
 */
export function pageSecurityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    withPageSecurityHeaders(c.res);
  };
}

/**
 * Sets the page headers of {@link pageSecurityHeaders} on a response made outside the page
 * routes (an app's own 404 or error page for a browser), and returns it.
 */
export function withPageSecurityHeaders(res: Response): Response {
  const headers = res.headers;
  for (const [name, value] of Object.entries(PAGE_HEADERS)) headers.set(name, value);
  if (/^\s*text\/html\b/i.test(headers.get('content-type') ?? '')) headers.set('Cache-Control', 'no-store');
  return res;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes `& < > " '` for HTML text and quoted attribute values; `null` and `undefined` give ''. */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** Markup trusted as is: made only by {@link raw} or the {@link html} template. */
export class SafeHtml {
  readonly #markup: string;
  /** @internal Use {@link raw} or {@link html}. */
  constructor(markup: string) {
    this.#markup = markup;
  }
  /** The markup, for `c.html(String(page))`. */
  toString(): string {
    return this.#markup;
  }
}

/** Marks `markup` as trusted so {@link html} leaves it unescaped; never pass it user input. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === false) return '';
  return escapeHtml(value);
}

/**
 * Tagged template for pages: every interpolated value is escaped unless it is {@link SafeHtml};
 * arrays (nested too) are joined, and `null`, `undefined` and `false` render as nothing.
 * Escaping covers text and quoted attributes only: check URLs (`href`, `src`) separately.
 *
 * @example
 * const page = html`<ul>${items.map((i) => html`<li>${i.name}</li>`)}</ul>`;
 * return c.html(String(page));
 */
export function html(strings: TemplateStringsArray, ...values: readonly unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}
