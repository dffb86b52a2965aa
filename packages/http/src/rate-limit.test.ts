import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier, type Principal } from './auth.ts';
import { connectorAudience, createDevIssuer, DEV_ISSUER } from './dev-issuer.ts';
import { identityKey, rateLimit, TokenBuckets, tokenKey } from './rate-limit.ts';

function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

function appWith(buckets: TokenBuckets): Hono {
  const app = new Hono();
  app.use('*', rateLimit({ buckets }));
  app.get('/ping', (c) => c.text('pong'));
  return app;
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('rateLimit', () => {
  it('allows capacity requests, then refuses with 429 RATE_LIMITED and Retry-After', async () => {
    const t = clock();
    const app = appWith(new TokenBuckets({ capacity: 3, refillPerSecond: 0.5, now: t.now }));
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await app.request('/ping', bearer('tok-a'));
      expect(res.status).toBe(200);
      expect(res.headers.get('RateLimit-Limit')).toBe('3');
      remaining.push(res.headers.get('RateLimit-Remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const refused = await app.request('/ping', bearer('tok-a'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('2');
    expect(refused.headers.get('RateLimit-Remaining')).toBe('0');
    expect(await refused.json()).toEqual({
      error: { code: 'RATE_LIMITED', message: expect.stringContaining('too many requests') },
    });
  });

  it('gives a Retry-After of at least 1 second even when a token is nearly back', async () => {
    const t = clock();
    const app = appWith(new TokenBuckets({ capacity: 1, refillPerSecond: 100, now: t.now }));
    expect((await app.request('/ping', bearer('fast'))).status).toBe(200);
    const refused = await app.request('/ping', bearer('fast'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('1');
  });

  it('refills with the clock', async () => {
    const t = clock();
    const app = appWith(new TokenBuckets({ capacity: 2, refillPerSecond: 1, now: t.now }));
    await app.request('/ping', bearer('tok-a'));
    await app.request('/ping', bearer('tok-a'));
    expect((await app.request('/ping', bearer('tok-a'))).status).toBe(429);
    t.advance(999);
    expect((await app.request('/ping', bearer('tok-a'))).status).toBe(429);
    t.advance(1);
    expect((await app.request('/ping', bearer('tok-a'))).status).toBe(200);
    expect((await app.request('/ping', bearer('tok-a'))).status).toBe(429);
    t.advance(60_000);
    const full = await app.request('/ping', bearer('tok-a'));
    expect(full.headers.get('RateLimit-Remaining')).toBe('1');
  });

  it('keeps a bucket per token, so one token exhausted does not refuse another', async () => {
    const t = clock();
    const app = appWith(new TokenBuckets({ capacity: 1, refillPerSecond: 0.01, now: t.now }));
    expect((await app.request('/ping', bearer('tok-a'))).status).toBe(200);
    expect((await app.request('/ping', bearer('tok-a'))).status).toBe(429);
    expect((await app.request('/ping', bearer('tok-b'))).status).toBe(200);
    expect((await app.request('/ping')).status).toBe(200);
    expect((await app.request('/ping')).status).toBe(429);
  });

  it('keys buckets by a SHA-256 of the token, never the token in clear', async () => {
    const t = clock();
    const buckets = new TokenBuckets({ capacity: 5, refillPerSecond: 1, now: t.now });
    const token = 'eyJhbGciOiJFZDI1NTE5In0.secret-part.sig';
    await appWith(buckets).request('/ping', bearer(token));
    const hashed = `token:${createHash('sha256').update(token).digest('base64url')}`;
    expect(tokenKey(`Bearer ${token}`)).toBe(hashed);
    expect(buckets.has(hashed)).toBe(true);
    expect(buckets.has(token)).toBe(false);
    expect(buckets.size).toBe(1);
  });

  it('limits by keyOf when given, such as the verified subject', async () => {
    const t = clock();
    type Env = { Variables: { subject: string } };
    const app = new Hono<Env>();
    app.use('*', async (c, next) => {
      c.set('subject', c.req.header('x-subject') ?? 'nobody');
      await next();
    });
    app.use(
      '*',
      rateLimit<Env>({ capacity: 1, refillPerSecond: 0.01, now: t.now, keyOf: (c) => c.get('subject') }),
    );
    app.get('/ping', (c) => c.text('pong'));
    const as = (subject: string, token: string) => ({
      headers: { 'x-subject': subject, authorization: `Bearer ${token}` },
    });
    expect((await app.request('/ping', as('alice', 't1'))).status).toBe(200);
    expect((await app.request('/ping', as('alice', 't2'))).status).toBe(429);
    expect((await app.request('/ping', as('bob', 't1'))).status).toBe(200);
  });

  it('keyed by identityKey, every token of one identity shares a bucket, however it is spelt', async () => {
    const issuer = await createDevIssuer();
    const audience = connectorAudience('swansea-cs');
    const verify = createTokenVerifier({ issuer: DEV_ISSUER, audience, jwks: issuer.jwks });
    type Env = { Variables: { principal: Principal } };
    const app = new Hono<Env>();
    app.use('*', async (c, next) => {
      c.set('principal', await verify(c.req.header('authorization')));
      await next();
    });
    app.use(
      '*',
      rateLimit<Env>({ capacity: 1, refillPerSecond: 0.01, keyOf: (c) => identityKey(c.get('principal')) }),
    );
    app.get('/ping', (c) => c.text('pong'));
    const mint = (agency: string, name: string) =>
      issuer.sign({ agency, roles: ['system'], name, sub: 'case-system', audience });
    expect((await app.request('/ping', bearer(await mint('swansea-cs', 'first')))).status).toBe(200);
    expect((await app.request('/ping', bearer(await mint('swansea-cs', 'second')))).status).toBe(429);
    expect(identityKey({ agency: 'npt-cs', subject: 'case-system' })).not.toBe(
      identityKey({ agency: 'swansea-cs', subject: 'case-system' }),
    );
  });

  it('puts the RateLimit headers on error responses too', async () => {
    const app = new Hono();
    app.onError((_e, c) => c.json({ error: { code: 'INTERNAL', message: 'internal error' } }, 500));
    app.use('*', rateLimit({ capacity: 4, refillPerSecond: 1 }));
    app.get('/boom', () => {
      throw new Error('boom');
    });
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    expect(res.headers.get('RateLimit-Remaining')).toBe('3');
  });

  it('refuses nonsense options', () => {
    expect(() => new TokenBuckets({ capacity: 0, refillPerSecond: 1 })).toThrow(/capacity/);
    expect(() => new TokenBuckets({ capacity: 1, refillPerSecond: 0 })).toThrow(/refillPerSecond/);
    expect(() => new TokenBuckets({ capacity: 1, refillPerSecond: 1, maxBuckets: 0 })).toThrow(/maxBuckets/);
    expect(() => new TokenBuckets({ capacity: 1, refillPerSecond: 1 }).take('k', 2)).toThrow(/cost/);
  });
});

describe('TokenBuckets memory', () => {
  it('stays within maxBuckets, dropping the least recently used', () => {
    const t = clock();
    const buckets = new TokenBuckets({ capacity: 1, refillPerSecond: 0.001, maxBuckets: 3, now: t.now });
    for (const key of ['a', 'b', 'c']) buckets.take(key);
    buckets.take('a');
    for (let i = 0; i < 100; i++) buckets.take(`flood-${i}`);
    expect(buckets.size).toBe(3);
    expect(buckets.has('a')).toBe(false);
    expect(buckets.has('flood-99')).toBe(true);
  });

  it('drops the least recently used, not the oldest created', () => {
    const t = clock();
    const buckets = new TokenBuckets({ capacity: 1, refillPerSecond: 0.001, maxBuckets: 3, now: t.now });
    for (const key of ['a', 'b', 'c']) buckets.take(key);
    buckets.take('a');
    buckets.take('d');
    expect(['a', 'b', 'c', 'd'].filter((k) => buckets.has(k))).toEqual(['a', 'c', 'd']);
  });

  it('drops buckets idle long enough to have refilled, without losing any limit', () => {
    const t = clock();
    const buckets = new TokenBuckets({ capacity: 2, refillPerSecond: 1, now: t.now });
    for (let i = 0; i < 50; i++) buckets.take(`idle-${i}`);
    buckets.take('busy');
    buckets.take('busy');
    t.advance(1_000);
    buckets.take('busy');
    expect(buckets.size).toBe(51);
    t.advance(1_999);
    expect(buckets.take('other').allowed).toBe(true);
    expect(buckets.size).toBe(2);
    expect(buckets.has('busy')).toBe(true);
    expect(buckets.take('busy')).toMatchObject({ allowed: true, remaining: 0 });
  });
});
