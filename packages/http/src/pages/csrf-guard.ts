import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import type { Context } from 'hono';

/** The header htmx sends the token in (`hx-headers` on the page body). */
export const CSRF_HEADER = 'x-csrf-token';
/** The hidden form field plain forms send the token in. */
export const CSRF_FIELD = '_csrf';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Synchronizer tokens bound to a session: HMAC(secret, SHA-256(session token)). A page embeds
 * the token; every state change made with the session cookie must echo it, in the
 * `X-CSRF-Token` header or the `_csrf` field, from a same-origin page. Requests that carry a
 * bearer token are exempt: a browser never attaches one by itself.
 */
export class CsrfGuard {
  readonly #secret: Uint8Array;
  readonly #origin: string | undefined;

  /**
   * `origin`: the public origin behind a proxy (default: the request's own). The secret is per
   * process by default: after a restart, open pages must reload before they post again.
   */
  constructor(options: { secret?: Uint8Array; origin?: string | undefined } = {}) {
    this.#secret = options.secret ?? randomBytes(32);
    this.#origin = options.origin;
  }

  /** The token for pages of the session whose cookie holds `sessionToken`. */
  tokenFor(sessionToken: string): string {
    const digest = createHash('sha256').update(sessionToken).digest();
    return createHmac('sha256', this.#secret).update(digest).digest('base64url');
  }

  /**
   * Throws FORBIDDEN_ROLE (403) unless the request came from a same-origin page and echoes the
   * token of `sessionToken`. Reads the form body when the header is absent (Hono caches it).
   */
  async check(c: Context, sessionToken: string): Promise<void> {
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') refuse('came from another site');
    // Pages send `Referrer-Policy: no-referrer`, so their own forms say `Origin: null`.
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== 'null' && origin !== (this.#origin ?? new URL(c.req.url).origin))
      refuse('came from another origin');
    let sent = c.req.header(CSRF_HEADER);
    if (
      sent === undefined &&
      /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(c.req.header('content-type') ?? '')
    ) {
      const field = (await c.req.parseBody({ all: true }))[CSRF_FIELD];
      sent = typeof field === 'string' ? field : undefined;
    }
    if (sent === undefined || !same(sent, this.tokenFor(sessionToken))) refuse('is out of date or forged');
  }

  /** Double-submit check for the sign-in form, before any session exists. */
  static matches(cookie: string | undefined, field: unknown): boolean {
    return (
      typeof cookie === 'string' && cookie.length >= 16 && typeof field === 'string' && same(cookie, field)
    );
  }
}

function refuse(why: string): never {
  throw new CwtchError(
    ErrorCode.FORBIDDEN_ROLE,
    `this form ${why} (CSRF check failed): reload the page and try again`,
  );
}
