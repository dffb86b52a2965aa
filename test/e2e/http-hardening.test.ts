import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AUDIT_AUDIENCE, connectorAudience, createDevIssuer, type DevIssuer } from '@cwtch/http';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, example, type RunningRegion, useRegion } from '../support/region.ts';

// A small burst so the rate limit can be shown without a flood.
const region = useRegion({ env: { CWTCH_RATE_LIMIT_BURST: '25', CWTCH_RATE_LIMIT_PER_SECOND: '0.5' } });
let run: RunningRegion;
let issuer: DevIssuer;
let url: string;

beforeAll(async () => {
  run = region();
  issuer = await createDevIssuer(
    JSON.parse(await readFile(join(run.dataDir, 'secrets', 'issuer.jwk.json'), 'utf8')),
  );
  url = run.region.agencies['swansea-cs']!.connector;
});

const token = (over: Partial<Parameters<DevIssuer['sign']>[0]> = {}) =>
  issuer.sign({
    agency: 'swansea-cs',
    roles: ['system'],
    name: 'test',
    sub: `test-${Math.random()}`,
    audience: connectorAudience('swansea-cs'),
    ...over,
  });
const get = async (path: string, bearer?: string) => {
  const res = await fetch(`${url}${path}`, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {});
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as { error?: { code: string; message: string } },
  };
};

describe('HTTP hardening', () => {
  it('refuses expired tokens, tokens for another audience or issuer key, and the wrong role, with codes', async () => {
    expect((await get('/v1/inbox', await token())).status).toBe(200);
    const expired = await get('/v1/inbox', await token({ ttlSeconds: -300 }));
    expect(expired).toMatchObject({ status: 401, body: { error: { code: 'TOKEN_INVALID' } } });
    expect(expired.body.error?.message).toMatch(/ERR_JWT_EXPIRED/);
    expect(await get('/v1/inbox', await token({ audience: AUDIT_AUDIENCE }))).toMatchObject({
      status: 401,
      body: { error: { code: 'TOKEN_INVALID' } },
    });
    expect(
      await get('/v1/inbox', await token({ audience: connectorAudience('npt-cs'), agency: 'npt-cs' })),
    ).toMatchObject({ status: 401 });
    const stranger = await createDevIssuer();
    const foreign = await stranger.sign({
      agency: 'swansea-cs',
      roles: ['system'],
      name: 'x',
      sub: 'x',
      audience: connectorAudience('swansea-cs'),
    });
    expect(await get('/v1/inbox', foreign)).toMatchObject({
      status: 401,
      body: { error: { code: 'TOKEN_INVALID' } },
    });
    expect(await get('/v1/inbox', await token({ roles: ['auditor'] }))).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN_ROLE' } },
    });
    expect(await get('/v1/rejections', await token({ roles: ['frontdoor'] }))).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN_ROLE' } },
    });
    const audit = await fetch(`${run.region.audit.url}/v1/shares`, {
      headers: { authorization: `Bearer ${await token({ audience: AUDIT_AUDIENCE })}` },
    });
    expect(audit.status).toBe(403);
    expect(await audit.json()).toMatchObject({ error: { code: 'FORBIDDEN_ROLE' } });
  });

  it('limits request size (413), answers malformed bodies with 400 and never with a stack trace; sets security headers', async () => {
    const bearer = await token();
    const post = (body: string) =>
      fetch(`${url}/v1/notifications`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body,
      });
    const big = await post(
      JSON.stringify({ kind: 'cse-protocol-entry', payload: { pad: 'x'.repeat(300 * 1024) } }),
    );
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'TOO_LARGE' } });
    const malformed = await post('{"kind": "cse-protocol-entry", "payload": ');
    expect(malformed.status).toBe(400);
    const text = await malformed.text();
    expect(text).toContain('"code"');
    expect(text).not.toMatch(/\bat .+\.ts:\d+/);
    const extra = await post(
      JSON.stringify({
        kind: 'cse-protocol-entry',
        payload: await example('cse-protocol-entry'),
        recipients: ['south-wales-police'],
        evil: true,
      }),
    );
    expect(extra.status).toBe(400);
    const res = await fetch(`${url}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBeTruthy();
    expect(res.headers.get('strict-transport-security')).toBeTruthy();
  });

  it('rate-limits each token with 429 and Retry-After, leaving other tokens alone', async () => {
    const busy = await token();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 35; i++) {
      const res = await fetch(`${url}/v1/inbox?limit=1`, { headers: { authorization: `Bearer ${busy}` } });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after');
        expect(await res.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      } else await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(25);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await get('/v1/inbox', await token())).status).toBe(200);
  });

  it('while the bus cannot take a publish the connector answers 503 BUS_UNAVAILABLE, never a 202 it cannot keep', {
    timeout: 90_000,
  }, async () => {
    const bearer = await token();
    const body = JSON.stringify({
      kind: 'care-home-transition',
      payload: await example('care-home-transition'),
      recipients: ['swansea-cs'],
    });
    const hillside = run.region.agencies.hillside!;
    const send = async () =>
      fetch(`${hillside.connector}/v1/notifications`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await hillsideToken}`, 'content-type': 'application/json' },
        body,
      });
    const hillsideToken = issuer.sign({
      agency: 'hillside',
      roles: ['system'],
      name: 'hillside test',
      sub: 'hillside-test',
      audience: connectorAudience('hillside'),
    });
    expect(bearer).toBeTruthy();
    process.kill(run.region.nats.pid, 'SIGSTOP');
    try {
      const res = await send();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: { code: 'BUS_UNAVAILABLE' } });
    } finally {
      process.kill(run.region.nats.pid, 'SIGCONT');
    }
    const ok = await eventually(
      async () => {
        const res = await send();
        return res.status === 202 ? ((await res.json()) as { id: string }) : undefined;
      },
      30_000,
      'the bus back',
    );
    expect(ok.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
