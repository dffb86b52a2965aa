import { randomBytes } from 'node:crypto';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { decodeJwt } from 'jose';
import { html, type SafeHtml } from '../page-security.ts';
import { CSRF_FIELD, CsrfGuard } from './csrf-guard.ts';
import type { DevUser } from './dev-users.ts';
import type { OidcTransaction } from './oidc-client.ts';
import type { PageAuth } from './page-auth.ts';
import { requestLang } from './page-error.ts';
import type { Lang } from './page-shell.ts';

/**
 * Verifies a session token fresh from sign-in, holds its session server-side until the sooner of
 * the session lifetime and the token's expiry, and sets the cookie to it.
 */
async function startSession(c: Context, auth: PageAuth, token: string, options: { nonce?: string } = {}) {
  const principal = await auth.verify(token, { ...options, as: 'session' });
  const seconds = Math.min(auth.sessionTtlSeconds, Number(decodeJwt(token).exp) - Date.now() / 1000);
  auth.sessions.open(token, principal, seconds);
  auth.cookie.write(c, token, seconds);
}

/** Renders a page body inside the service's shell (no one is signed in yet). */
export type RenderSignIn = (c: Context, title: string, body: SafeHtml) => SafeHtml;

/**
 * A same-site path to return to after sign-in, or `/`. Paths carry ids only (never child data),
 * and anything that could leave the site (`//host`, schemes, odd characters) is refused.
 */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[A-Za-z0-9/_-]*(\?[A-Za-z0-9=&_.-]*)?$/.test(value)
    ? value
    : '/';
}

/** The words of the sign-in page, in English and Welsh. */
const WORDS = {
  signIn: { en: 'Sign in', cy: 'Mewngofnodi' },
  frontdoor: { en: 'Front door', cy: 'Drws ffrynt' },
  manager: { en: 'Managers', cy: 'Rheolwyr' },
  auditor: { en: 'Auditors', cy: 'Archwilwyr' },
  demoNotice: {
    en: html`This is the <strong>demo region</strong>: choose a person to sign in as. In production
you sign in with your organisation's own account (OpenID Connect), and this list does not exist.`,
    cy: html`Dyma'r <strong>rhanbarth arddangos</strong>: dewiswch berson i fewngofnodi fel ef neu hi. Wrth
ei ddefnyddio go iawn rydych yn mewngofnodi gyda chyfrif eich sefydliad eich hun (OpenID Connect), ac nid
yw'r rhestr hon yn bodoli.`,
  },
  signInAs: { en: 'Sign in as', cy: 'Mewngofnodi fel' },
  withOrganisation: {
    en: "Sign in with your organisation's account",
    cy: 'Mewngofnodi gyda chyfrif eich sefydliad',
  },
  notConfigured: {
    en: 'Sign-in is not configured for this service: scripts use a bearer token.',
    cy: "Nid yw mewngofnodi wedi'i osod ar gyfer y gwasanaeth hwn: mae sgriptiau'n defnyddio tocyn cludwr.",
  },
} as const;

const ROLES = ['frontdoor', 'manager', 'auditor'] as const;

/** The other language's link, kept on the sign-in page with where to go next. */
function otherLanguage(lang: Lang, next: string): SafeHtml {
  const other = lang === 'cy' ? 'en' : 'cy';
  return html`<p class="lang-switch"><a href="/signin?lang=${other}&amp;next=${encodeURIComponent(next)}" lang="${other}" hreflang="${other}">${other === 'cy' ? 'Cymraeg' : 'English'}</a></p>`;
}

function devSignInBody(users: readonly DevUser[], csrf: string, next: string, lang: Lang): SafeHtml {
  const byRole = ROLES.map((role) => [role, users.filter((u) => u.roles[0] === role)] as const).filter(
    ([, list]) => list.length > 0,
  );
  return html`<h1>${WORDS.signIn[lang]}</h1>
${otherLanguage(lang, next)}
<p class="notice">${WORDS.demoNotice[lang]}</p>
${byRole.map(
  ([
    role,
    list,
  ]) => html`<section aria-labelledby="role-${role}"><h2 id="role-${role}">${WORDS[role][lang]}</h2>
<ul class="people">${list.map(
    (u) => html`<li><form method="post" action="/signin">
<input type="hidden" name="${CSRF_FIELD}" value="${csrf}"><input type="hidden" name="user" value="${u.sub}">
<input type="hidden" name="next" value="${next}">
<button type="submit">${WORDS.signInAs[lang]} ${u.name}</button> <span class="hint">${u.title ?? ''}</span></form></li>`,
  )}</ul></section>`,
)}`;
}

/**
 * The sign-in routes of a console: `GET /signin`, `POST /signin` (dev users), `GET /signin/start`
 * and `GET /signin/callback` (OIDC), and `POST /signout`. A session is the cookie of
 * {@link PageAuth} and its entry in the session store, which sign-out ends at once; the dev form
 * is protected by a double-submit token, sign-out by the session's.
 */
export function signInRoutes(auth: PageAuth, render: RenderSignIn): Hono {
  const app = new Hono();
  const secure = auth.cookie.secure;
  const formCookie = `cwtch_signin_${auth.cookie.name.replace(/^.*cwtch_session_/, '')}`;
  const oidcCookie = `cwtch_oidc_${auth.cookie.name.replace(/^.*cwtch_session_/, '')}`;
  const shortCookie = { httpOnly: true, secure, path: '/signin', maxAge: 1800 } as const;

  app.get('/signin', (c) => {
    const next = safeNext(c.req.query('next'));
    const lang = requestLang(c);
    const title = WORDS.signIn[lang];
    const m = auth.signIn;
    if (m.mode === 'dev') {
      const csrf = randomBytes(24).toString('base64url');
      setCookie(c, formCookie, csrf, { ...shortCookie, sameSite: 'Strict' });
      return c.html(String(render(c, title, devSignInBody(m.users, csrf, next, lang))));
    }
    if (m.mode === 'oidc')
      return c.html(
        String(
          render(
            c,
            title,
            html`<h1>${title}</h1>${otherLanguage(lang, next)}<p><a class="button" href="/signin/start?next=${encodeURIComponent(next)}">${WORDS.withOrganisation[lang]}</a></p>`,
          ),
        ),
      );
    return c.html(String(render(c, title, html`<h1>${title}</h1><p>${WORDS.notConfigured[lang]}</p>`)));
  });

  app.post('/signin', async (c) => {
    const m = auth.signIn;
    if (m.mode !== 'dev') throw new CwtchError(ErrorCode.NOT_FOUND, 'no such route');
    const form = await c.req.parseBody();
    if (!CsrfGuard.matches(getCookie(c, formCookie), form[CSRF_FIELD]))
      throw new CwtchError(
        ErrorCode.FORBIDDEN_ROLE,
        'the sign-in form is out of date: reload it and try again',
      );
    const user = m.users.find((u) => u.sub === form.user);
    if (!user) throw new CwtchError(ErrorCode.FORBIDDEN_ROLE, 'no such person may sign in here');
    await startSession(c, auth, await m.mint(user, auth.sessionTtlSeconds));
    deleteCookie(c, formCookie, { path: '/signin', secure });
    return c.redirect(safeNext(form.next), 303);
  });

  app.get('/signin/start', (c) => {
    const m = auth.signIn;
    if (m.mode !== 'oidc') throw new CwtchError(ErrorCode.NOT_FOUND, 'no such route');
    const { transaction, url } = m.client.begin();
    const value = Buffer.from(JSON.stringify({ ...transaction, next: safeNext(c.req.query('next')) }));
    // Lax, not Strict: the provider sends the person back with a cross-site top-level redirect.
    setCookie(c, oidcCookie, value.toString('base64url'), { ...shortCookie, maxAge: 600, sameSite: 'Lax' });
    return c.redirect(url, 302);
  });

  app.get('/signin/callback', async (c) => {
    const m = auth.signIn;
    if (m.mode !== 'oidc') throw new CwtchError(ErrorCode.NOT_FOUND, 'no such route');
    const raw = getCookie(c, oidcCookie);
    deleteCookie(c, oidcCookie, { path: '/signin', secure });
    const tx = raw
      ? (JSON.parse(Buffer.from(raw, 'base64url').toString()) as OidcTransaction & { next: string })
      : undefined;
    const code = c.req.query('code');
    if (!tx || !code || !CsrfGuard.matches(tx.state, c.req.query('state')))
      throw new CwtchError(ErrorCode.TOKEN_INVALID, 'the sign-in did not complete: please try again');
    const idToken = await m.client.exchange(code, tx);
    await startSession(c, auth, idToken, { nonce: tx.nonce });
    return c.redirect(safeNext(tx.next), 303);
  });

  app.post('/signout', async (c) => {
    const token = auth.cookie.read(c);
    if (token !== undefined) {
      await auth.csrf.check(c, token);
      auth.sessions.end(token);
    }
    auth.cookie.clear(c);
    return c.redirect('/signin', 303);
  });
  return app;
}
