import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorAudience, DEV_ISSUER } from '../dev-issuer.ts';
import { html } from '../page-security.ts';
import { createPageAuth, type PageEnv } from './page-auth.ts';
import { pageError } from './page-error.ts';
import { PagesConfig } from './pages-config.ts';
import { signInRoutes } from './sign-in-routes.ts';

/** A stand-in for an agency's OpenID provider: discovery, JWKS and a token endpoint (RS256). */
async function startProvider(roles: string[]) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, string>();
  let base = '';
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', base);
    const json = (body: unknown) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration')
      return json({
        issuer: base,
        authorization_endpoint: `${base}/authorize`,
        token_endpoint: `${base}/token`,
        jwks_uri: `${base}/jwks`,
      });
    if (url.pathname === '/jwks') return json({ keys: [jwk] });
    if (url.pathname === '/token') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      const nonce = codes.get(form.get('code') ?? '');
      if (!nonce || !form.get('code_verifier')) {
        res.statusCode = 400;
        return json({ error: 'invalid_grant' });
      }
      const idToken = await new SignJWT({ name: 'Rhian Morgan', roles, nonce })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(base)
        .setAudience('cwtch-swansea')
        .setSubject('rhian@swansea.example')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey);
      return json({ id_token: idToken, token_type: 'Bearer' });
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, codes, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('OIDC sign-in (the production path)', () => {
  let provider: Awaited<ReturnType<typeof startProvider>>;
  let app: Hono;
  beforeAll(async () => {
    provider = await startProvider(['frontdoor']);
    const config = PagesConfig.parse({
      CWTCH_SIGN_IN: 'oidc',
      CWTCH_PUBLIC_URL: 'http://connector.swansea.example',
      CWTCH_OIDC_ISSUER: provider.base,
      CWTCH_OIDC_CLIENT_ID: 'cwtch-swansea',
    });
    const auth = await createPageAuth(config, {
      service: 'swansea-cs',
      audience: connectorAudience('swansea-cs'),
      agency: 'swansea-cs',
      api: { issuer: DEV_ISSUER, jwks: { keys: [] } },
      devUsers: () => false,
    });
    const pages = new Hono<PageEnv>();
    pages.onError((e, c) => pageError(c, e, (title) => html`<h1>${title}</h1>`));
    pages.route(
      '/',
      signInRoutes(auth, (_c, _t, body) => body),
    );
    pages.use('/inbox', auth.middleware);
    pages.get('/inbox', (c) =>
      c.text(`${c.var.principal.name} ${c.var.principal.agency} ${c.var.principal.roles}`),
    );
    app = new Hono();
    app.route('/', pages as unknown as Hono);
  });
  afterAll(() => provider.close());

  it('signs in with the code flow (PKCE, state, nonce) and verifies the ID token against the JWKS', async () => {
    const start = await app.request('http://connector.swansea.example/signin/start?next=/inbox');
    expect(start.status).toBe(302);
    const to = new URL(start.headers.get('location')!);
    expect(to.origin + to.pathname).toBe(`${provider.base}/authorize`);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('redirect_uri')).toBe('http://connector.swansea.example/signin/callback');
    const tx = start.headers.get('set-cookie')!;
    expect(tx).toMatch(/SameSite=Lax/);
    provider.codes.set('the-code', to.searchParams.get('nonce')!);
    const state = to.searchParams.get('state')!;

    const forged = await app.request(`/signin/callback?code=the-code&state=forged`, {
      headers: { cookie: tx.split(';')[0]! },
    });
    expect(forged.status).toBe(401);

    const back = await app.request(`/signin/callback?code=the-code&state=${state}`, {
      headers: { cookie: tx.split(';')[0]! },
    });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/inbox');
    const session = back.headers.getSetCookie().find((c) => c.startsWith('cwtch_session_swansea-cs='))!;
    const inbox = await app.request('/inbox', { headers: { cookie: session.split(';')[0]! } });
    expect(await inbox.text()).toBe('Rhian Morgan swansea-cs frontdoor');
  });

  it('refuses a callback without the transaction cookie', async () => {
    const res = await app.request('/signin/callback?code=the-code&state=x');
    expect(res.status).toBe(401);
  });
});
