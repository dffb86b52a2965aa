import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../auth.ts';
import { respellings } from '../canonical-jwt.test-support.ts';
import { connectorAudience, createDevIssuer, DEV_ISSUER, type DevIssuer } from '../dev-issuer.ts';
import { html } from '../page-security.ts';
import { createPageAuth, type PageAuth, type PageEnv } from './page-auth.ts';
import { pageError } from './page-error.ts';
import { PagesConfig } from './pages-config.ts';
import { safeNext, signInRoutes } from './sign-in-routes.ts';

const users = [
  { sub: 'swansea-cs/sian', name: 'Siân Hughes', agency: 'swansea-cs', roles: ['frontdoor'] },
  { sub: 'npt-cs/megan', name: 'Megan Rees', agency: 'npt-cs', roles: ['frontdoor'] },
];

async function consoleFor(
  agency: string,
  dir: string,
  jwks: object,
  now?: () => number,
): Promise<{ app: Hono; auth: PageAuth }> {
  const config = PagesConfig.parse({
    CWTCH_SIGN_IN: 'dev',
    CWTCH_DEV_ISSUER_KEY_FILE: join(dir, 'issuer.jwk.json'),
    CWTCH_DEV_USERS_FILE: join(dir, 'users.json'),
    CWTCH_SESSION_IDLE_SECONDS: '900',
  });
  const auth = await createPageAuth(config, {
    service: agency,
    audience: connectorAudience(agency),
    agency,
    api: { issuer: DEV_ISSUER, jwks: jwks as never },
    devUsers: (u) => u.agency === agency,
    ...(now ? { now } : {}),
  });
  const pages = new Hono<PageEnv>();
  pages.onError((e, c) => pageError(c, e, (title, body) => html`<h1>${title}</h1>${body}`));
  pages.route(
    '/',
    signInRoutes(auth, (_c, _t, body) => body),
  );
  pages.use('/inbox', auth.middleware);
  pages.get('/inbox', (c) => c.text(`hello ${c.var.principal.name}`));
  pages.post('/inbox', (c) => c.text('changed'));
  const app = new Hono();
  app.route('/', pages as unknown as Hono);
  return { app, auth };
}

/** Signs in through the dev form the way a browser does; returns the session cookie pair. */
async function signIn(app: Hono, sub: string): Promise<string> {
  const page = await app.request('/signin');
  const formCookie = page.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await app.request('/signin', {
    method: 'POST',
    headers: { cookie: formCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, user: sub, next: '/inbox' }),
  });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/inbox');
  const session = res.headers.getSetCookie().find((c) => c.startsWith('cwtch_session_'))!;
  expect(session).toMatch(/HttpOnly/);
  expect(session).toMatch(/SameSite=Strict/);
  return session.split(';')[0]!;
}

describe('page sessions (dev sign-in)', () => {
  let swansea: { app: Hono; auth: PageAuth };
  let npt: { app: Hono; auth: PageAuth };
  let dir: string;
  let issuer: DevIssuer;
  const apiToken = (agency = 'swansea-cs') =>
    issuer.sign({
      agency,
      roles: ['frontdoor'],
      name: 'Siân Hughes',
      sub: `${agency}/sian`,
      audience: connectorAudience(agency),
    });
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cwtch-pages-'));
    issuer = await createDevIssuer();
    await writeFile(join(dir, 'issuer.jwk.json'), JSON.stringify(issuer.privateJwk));
    await writeFile(join(dir, 'users.json'), JSON.stringify({ users }));
    swansea = await consoleFor('swansea-cs', dir, issuer.jwks);
    npt = await consoleFor('npt-cs', dir, issuer.jwks);
  });

  it('lists only the agency’s own people and signs one in with a short-lived HttpOnly, SameSite=Strict cookie', async () => {
    const page = await (await swansea.app.request('/signin')).text();
    expect(page).toContain('Sign in as Siân Hughes');
    expect(page).not.toContain('Megan Rees');
    const cookie = await signIn(swansea.app, 'swansea-cs/sian');
    const res = await swansea.app.request('/inbox', { headers: { cookie } });
    expect(await res.text()).toBe('hello Siân Hughes');
  });

  it('serves the sign-in page in Welsh for ?lang=cy (or the language cookie), with a link back to English', async () => {
    const cy = await (await swansea.app.request('/signin?lang=cy&next=/inbox')).text();
    expect(cy).toContain('<h1>Mewngofnodi</h1>');
    expect(cy).toContain('Mewngofnodi fel Siân Hughes');
    expect(cy).toContain('rhanbarth arddangos');
    expect(cy).not.toContain('Sign in as');
    expect(cy).toContain('href="/signin?lang=en&amp;next=%2Finbox"');
    const remembered = await (
      await swansea.app.request('/signin', { headers: { cookie: 'cwtch_lang=cy' } })
    ).text();
    expect(remembered).toContain('Mewngofnodi fel Siân Hughes');
  });

  it('refuses a sign-in form without its double-submit token, and a person of another agency', async () => {
    const noToken = await swansea.app.request('/signin', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user: 'swansea-cs/sian' }),
    });
    expect(noToken.status).toBe(403);
    const page = await swansea.app.request('/signin');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const other = await swansea.app.request('/signin', {
      method: 'POST',
      headers: {
        cookie: page.headers.get('set-cookie')!.split(';')[0]!,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: csrf, user: 'npt-cs/megan' }),
    });
    expect(other.status).toBe(403);
  });

  it('sends a person who is not signed in to sign in, keeping where they were going', async () => {
    const res = await swansea.app.request('/inbox');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/signin?next=%2Finbox');
  });

  it('checks the CSRF token on every state change made with the cookie, not with a bearer token', async () => {
    const cookie = await signIn(swansea.app, 'swansea-cs/sian');
    const token = decodeURIComponent(cookie.split('=')[1]!);
    const post = (headers: Record<string, string>) =>
      swansea.app.request('/inbox', { method: 'POST', headers });
    expect((await post({ cookie })).status).toBe(403);
    expect((await post({ cookie, 'x-csrf-token': 'forged' })).status).toBe(403);
    expect((await post({ cookie, 'x-csrf-token': swansea.auth.csrf.tokenFor(token) })).status).toBe(200);
    const crossSite = {
      cookie,
      'x-csrf-token': swansea.auth.csrf.tokenFor(token),
      'sec-fetch-site': 'cross-site',
    };
    expect((await post(crossSite)).status).toBe(403);
    expect((await post({ authorization: `Bearer ${await apiToken()}` })).status).toBe(200);
  });

  it('ends the session when its person signs out: the old cookie opens nothing, and never was a bearer token', async () => {
    const cookie = await signIn(swansea.app, 'swansea-cs/sian');
    const token = decodeURIComponent(cookie.split('=')[1]!);
    expect((await swansea.app.request('/inbox', { headers: { cookie } })).status).toBe(200);
    const out = await swansea.app.request('/signout', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': swansea.auth.csrf.tokenFor(token) },
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    const replay = await swansea.app.request('/inbox', { headers: { cookie } });
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toBe('/signin?next=%2Finbox');
    const bearer = await swansea.app.request('/inbox', { headers: { authorization: `Bearer ${token}` } });
    expect(bearer.status).toBe(401);
    const api = createTokenVerifier({
      issuer: DEV_ISSUER,
      audience: connectorAudience('swansea-cs'),
      jwks: issuer.jwks,
    });
    await expect(api(`Bearer ${token}`)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    await expect(api(`Bearer ${await apiToken()}`)).resolves.toMatchObject({ subject: 'swansea-cs/sian' });
  });

  it('ends a session left unused for the idle timeout; each request keeps it alive until then', async () => {
    let now = Date.now();
    const idle = await consoleFor('swansea-cs', dir, issuer.jwks, () => now);
    const cookie = await signIn(idle.app, 'swansea-cs/sian');
    const open = async () => (await idle.app.request('/inbox', { headers: { cookie } })).status;
    for (let i = 0; i < 3; i++) {
      now += 14 * 60_000;
      expect(await open()).toBe(200);
    }
    now += 15 * 60_000;
    expect(await open()).toBe(303);
    now -= 15 * 60_000;
    expect(await open(), 'an ended session stays ended').toBe(303);
  });

  it('refuses every other base64url spelling of a valid bearer token (401)', async () => {
    const token = await apiToken();
    expect(
      (await swansea.app.request('/inbox', { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    for (const spelling of respellings(token)) {
      const res = await swansea.app.request('/inbox', { headers: { authorization: `Bearer ${spelling}` } });
      expect(res.status).toBe(401);
    }
  });

  it('answers 403, not "sign in", to someone signed in for another agency (cookie or bearer)', async () => {
    const cookie = await signIn(swansea.app, 'swansea-cs/sian');
    const res = await npt.app.request('/inbox', { headers: { cookie } });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Siân Hughes of swansea-cs');
    const token = decodeURIComponent(cookie.split('=')[1]!);
    const bearer = await npt.app.request('/inbox', { headers: { authorization: `Bearer ${token}` } });
    expect(bearer.status).toBe(403);
  });

  it('returns only to same-site paths after sign-in', () => {
    expect(safeNext('/inbox/abc?lang=cy')).toBe('/inbox/abc?lang=cy');
    for (const bad of ['//evil.example', 'https://evil.example/', '/\\evil', 'javascript:alert(1)', 42])
      expect(safeNext(bad)).toBe('/');
  });
});
