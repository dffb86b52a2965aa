import { describe, expect, it } from 'vitest';
import { createTokenVerifier, JWT_CLOCK_TOLERANCE_SECONDS, requireRole } from './auth.ts';
import { respellings } from './canonical-jwt.test-support.ts';
import { connectorAudience, createDevIssuer, DEV_ISSUER } from './dev-issuer.ts';

describe('token verification', async () => {
  const issuer = await createDevIssuer();
  const other = await createDevIssuer();
  const verify = createTokenVerifier({
    issuer: DEV_ISSUER,
    audience: connectorAudience('swansea-cs'),
    jwks: issuer.jwks,
  });
  const claims = {
    agency: 'swansea-cs',
    roles: ['system'] as const,
    name: 'case system',
    sub: 'swansea-cs/system',
  };

  it('accepts a valid token and names its principal', async () => {
    const token = await issuer.sign({ ...claims, audience: connectorAudience('swansea-cs') });
    await expect(verify(`Bearer ${token}`)).resolves.toMatchObject({
      agency: 'swansea-cs',
      roles: ['system'],
    });
  });
  it('refuses a missing token with UNAUTHENTICATED', async () => {
    await expect(verify(undefined)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
  it('refuses a token for another audience', async () => {
    const token = await issuer.sign({ ...claims, audience: connectorAudience('npt-cs') });
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });
  it('refuses an expired token', async () => {
    const token = await issuer.sign({
      ...claims,
      audience: connectorAudience('swansea-cs'),
      ttlSeconds: -120,
    });
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });
  it('refuses a token signed by another key', async () => {
    const token = await other.sign({ ...claims, audience: connectorAudience('swansea-cs') });
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });
  it('refuses an unsigned (alg none) token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({
        agency: 'swansea-cs',
        roles: ['system'],
        iss: DEV_ISSUER,
        aud: connectorAudience('swansea-cs'),
        sub: 'x',
        exp: 9e9,
      }),
    ).toString('base64url');
    await expect(verify(`Bearer ${header}.${body}.`)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });
  it('refuses every non-canonical base64url spelling of a valid token, in any segment', async () => {
    const token = await issuer.sign({ ...claims, audience: connectorAudience('swansea-cs') });
    await expect(verify(`Bearer ${token}`)).resolves.toBeDefined();
    const spellings = respellings(token);
    // An Ed25519 signature is 64 bytes: its last base64url character carries 4 unused bits.
    expect(spellings.length).toBeGreaterThanOrEqual(15);
    for (const spelling of spellings)
      await expect(verify(`Bearer ${spelling}`)).rejects.toMatchObject({
        code: 'TOKEN_INVALID',
        message: expect.stringMatching(/not canonical/),
      });
  });
  it('allows a clock skew of a few seconds, no more', async () => {
    expect(JWT_CLOCK_TOLERANCE_SECONDS).toBeLessThanOrEqual(5);
    const lately = await issuer.sign({
      ...claims,
      audience: connectorAudience('swansea-cs'),
      ttlSeconds: -2,
    });
    await expect(verify(`Bearer ${lately}`)).resolves.toBeDefined();
    const stale = await issuer.sign({
      ...claims,
      audience: connectorAudience('swansea-cs'),
      ttlSeconds: -10,
    });
    await expect(verify(`Bearer ${stale}`)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });
  it('refuses a role the route does not allow', async () => {
    const token = await issuer.sign({
      ...claims,
      roles: ['auditor'],
      audience: connectorAudience('swansea-cs'),
    });
    const principal = await verify(`Bearer ${token}`);
    expect(() => requireRole(principal, ['system', 'frontdoor'])).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN_ROLE' }),
    );
  });
});

describe('error responses', () => {
  it("turn Hono's malformed-JSON refusal into a coded 400, and anything unexpected into a bare 500", async () => {
    const { Hono } = await import('hono');
    const { toErrorResponse } = await import('./http-error.ts');
    const app = new Hono();
    app.onError((e, c) => {
      const { status, body } = toErrorResponse(e);
      return c.json(body, status as 400);
    });
    const { validator } = await import('hono/validator');
    app.post(
      '/j',
      validator('json', (v) => v),
      (c) => c.json(c.req.valid('json')),
    );
    app.get('/boom', () => {
      throw new Error('secret detail at /src/thing.ts:12');
    });
    const bad = await app.request('/j', {
      method: 'POST',
      body: '{',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    const boom = await app.request('/boom');
    expect(boom.status).toBe(500);
    expect(await boom.text()).not.toContain('secret detail');
  });
});
