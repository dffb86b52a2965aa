import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

const PREFIX = 'cwtch_session_';
const HOST_PREFIX = '__Host-';

/**
 * The session cookie of one service: HttpOnly, SameSite=Strict, path `/`, and over https
 * `Secure` with the `__Host-` prefix (no Domain, so no other host can set or read it).
 */
export class SessionCookie {
  readonly name: string;

  /** `service` names the cookie (an agency id, or `audit`); `secure` when served over https. */
  readonly secure: boolean;

  constructor(service: string, secure: boolean) {
    this.secure = secure;
    this.name = `${secure ? HOST_PREFIX : ''}${PREFIX}${service}`;
  }

  /** The session token the request carries, if any. */
  read(c: Context): string | undefined {
    return getCookie(c, this.name) || undefined;
  }

  /** Sets the session to `token` for `maxAgeSeconds`. */
  write(c: Context, token: string, maxAgeSeconds: number): void {
    setCookie(c, this.name, token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: this.secure,
      path: '/',
      maxAge: Math.max(0, Math.floor(maxAgeSeconds)),
    });
  }

  /** Ends the session. */
  clear(c: Context): void {
    deleteCookie(c, this.name, { path: '/', secure: this.secure, httpOnly: true, sameSite: 'Strict' });
  }

  /**
   * Session tokens of other Cwtch services on the same host (in the demo region every service
   * is 127.0.0.1 on its own port): they tell "signed in elsewhere" (403) from "not signed in".
   */
  others(c: Context): string[] {
    return Object.entries(getCookie(c))
      .filter(([name]) => name !== this.name && name.replace(HOST_PREFIX, '').startsWith(PREFIX))
      .map(([, value]) => value)
      .filter((value) => value.length > 0);
  }
}
