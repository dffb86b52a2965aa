import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { shareSubject } from '@cwtch/bus';
import { initCrypto } from '@cwtch/crypto';
import { connectorAudience, createDevIssuer, type DevIssuer } from '@cwtch/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, example, type RunningRegion, useRegion } from '../support/region.ts';
import { auditGet, clientOf, connectAs, exportAndVerify, publishRaw, sealAs } from './support.ts';

/**
 * Issue 9, items 6, 8, 9 and the JWT leeway of 11: a hostile client with an agency's real tokens
 * attacks the HTTP surface of a running region. Every refusal carries its code, nothing reaches
 * an inbox, and the full export still verifies at the end.
 */
const BURST = 20;
const region = useRegion({
  env: { CWTCH_RATE_LIMIT_BURST: String(BURST), CWTCH_RATE_LIMIT_PER_SECOND: '0.2' },
});
let run: RunningRegion;
let issuer: DevIssuer;

beforeAll(async () => {
  await initCrypto();
  run = region();
  // The region's identity provider, to issue a second token to an identity that already has one.
  issuer = await createDevIssuer(
    JSON.parse(await readFile(join(run.dataDir, 'secrets', 'issuer.jwk.json'), 'utf8')),
  );
});
afterAll(async () => {
  // Everything the attacks left in the log still verifies offline.
  expect((await exportAndVerify(run)).code).toBe(0);
}, 120_000);

const connector = (agency: string) => run.region.agencies[agency]!.connector;
const tokenOf = (agency: string, role: 'system' | 'frontdoor' | 'manager') =>
  run.region.agencies[agency]!.tokens[role]!;
const inboxIds = async () =>
  (await clientOf(run, 'swansea-cs', 'frontdoor').inbox({ limit: 500 })).map((i) => i.id);
const hillsideShares = async () =>
  (await auditGet<{ items: { id: string }[] }>(run, '/v1/shares?agency=hillside&limit=100000')).items.length;

async function refusal(res: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, code: body.error.code, message: body.error.message };
}

describe('strict text (item 6)', () => {
  const send = (body: Uint8Array | string) =>
    fetch(`${connector('hillside')}/v1/notifications`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokenOf('hillside', 'system')}`,
        'content-type': 'application/json',
      },
      body,
    });
  const request = async (payload: unknown) =>
    JSON.stringify({ kind: 'care-home-transition', payload, recipients: ['swansea-cs'] });

  it('refuses invalid UTF-8 and lone surrogates in a request body with 400 TEXT_MALFORMED; nothing is sent', async () => {
    const payload = await example('care-home-transition');
    const inboxBefore = await inboxIds();
    const sharesBefore = await hillsideShares();
    // Invalid UTF-8 bytes inside a free-text field: once silently replaced with U+FFFD and sent.
    const risks = payload.risks as Record<string, unknown>;
    const marked = await request({ ...payload, risks: { ...risks, other: 'MARK' } });
    for (const bad of [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80]]) {
      const [head, tail] = marked.split('MARK') as [string, string];
      const bytes = Buffer.concat([
        Buffer.from(head),
        Buffer.from('Cerys '),
        Buffer.from(bad),
        Buffer.from(tail),
      ]);
      expect(await refusal(await send(bytes))).toMatchObject({ status: 400, code: 'TEXT_MALFORMED' });
    }
    // A lone surrogate, escaped in otherwise valid JSON, in a value and in a key.
    for (const [body, where] of [
      [
        await request({ ...payload, risks: { ...risks, other: 'Cerys \ud800 Evans' } }),
        'payload.risks.other',
      ],
      [await request({ ...payload, risks: { ...risks, 'Cerys \udfff': 'x' } }), 'payload.risks'],
    ] as const) {
      const res = await refusal(await send(body));
      expect(res).toMatchObject({ status: 400, code: 'TEXT_MALFORMED' });
      expect(res.message).toContain(where);
      expect(res.message).not.toContain('Cerys');
    }
    // The same request, well-formed, goes through: the refusals were about the text alone.
    expect((await send(await request(payload))).status).toBe(202);
    const inboxAfter = await eventually(
      async () => {
        const ids = await inboxIds();
        return ids.length > inboxBefore.length ? ids : undefined;
      },
      20_000,
      'the well-formed share in the inbox',
    );
    expect(inboxAfter.length).toBe(inboxBefore.length + 1);
    expect(await hillsideShares()).toBe(sharesBefore + 1);
  });

  it('a lone surrogate sealed straight onto the bus is refused by the recipient with TEXT_MALFORMED', async () => {
    const payload = await example('care-home-transition');
    (payload.risks as Record<string, unknown>).other = 'Cerys \ud800';
    const inboxBefore = await inboxIds();
    const sealed = await sealAs(run, 'hillside', ['swansea-cs'], 'care-home-transition', payload);
    const nc = await connectAs(run, 'hillside');
    try {
      await publishRaw(nc, shareSubject('swansea-cs', 'hillside'), sealed.bytes);
    } finally {
      await nc.close();
    }
    const refused = await eventually(
      async () => {
        const res = await fetch(`${connector('swansea-cs')}/v1/rejections`, {
          headers: { authorization: `Bearer ${tokenOf('swansea-cs', 'system')}` },
        });
        const { items } = (await res.json()) as { items: { messageId: string | null; code: string }[] };
        return items.find((r) => r.messageId === sealed.id);
      },
      20_000,
      'the recipient refusing the envelope',
    );
    expect(refused.code).toBe('TEXT_MALFORMED');
    expect(await inboxIds()).toEqual(inboxBefore);
  });
});

/** Signs in on a connector's pages as its first demo person, as a browser would; returns the cookie. */
async function signIn(base: string): Promise<{ cookie: string; token: string }> {
  const page = await fetch(`${base}/signin`);
  const formCookie = page.headers.get('set-cookie')!.split(';')[0]!;
  const html = await page.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  const user = /name="user" value="([^"]+)"/.exec(html)![1]!;
  const res = await fetch(`${base}/signin`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: formCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, user, next: '/' }),
  });
  expect(res.status).toBe(303);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.includes('cwtch_session_'))!
    .split(';')[0]!;
  return { cookie, token: decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1)) };
}

describe('signing out ends the session (item 8)', () => {
  it('after POST /signout the old cookie opens no page, and the session token is no bearer token anywhere', async () => {
    const base = connector('swansea-cs');
    const { cookie, token } = await signIn(base);
    const open = () => fetch(`${base}/`, { headers: { cookie }, redirect: 'manual' });
    const home = await open();
    expect(home.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await home.text())![1]!;
    // Even while the session lives, its token opens neither the API nor pages as a bearer token.
    const asBearer = (path: string) =>
      fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await refusal(await asBearer('/v1/inbox'))).toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
    const out = await fetch(`${base}/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }),
    });
    expect(out.status).toBe(303);
    const replay = await open();
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toBe('/signin?next=%2F');
    expect((await asBearer('/')).status).toBe(401);
    expect(await refusal(await asBearer('/v1/inbox'))).toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
  });
});

/** Every other base64url spelling of `token`: the unused low bits of each segment's last character. */
function respellings(token: string): string[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const segments = token.split('.');
  return segments.flatMap((segment, i) => {
    const unused = segment.length % 4 === 2 ? 4 : segment.length % 4 === 3 ? 2 : 0;
    const last = alphabet.indexOf(segment.at(-1)!);
    return Array.from({ length: (1 << unused) - 1 }, (_, low) =>
      segments.map((s, j) => (j === i ? s.slice(0, -1) + alphabet[last ^ (low + 1)] : s)).join('.'),
    );
  });
}

describe('rate limits per identity (item 9) and the JWT leeway (item 11)', () => {
  const inbox = (token: string) =>
    fetch(`${connector('swansea-cs')}/v1/inbox?limit=1`, { headers: { authorization: `Bearer ${token}` } });

  it('refuses every non-canonical spelling of a real token with 401 TOKEN_INVALID', async () => {
    const token = tokenOf('swansea-cs', 'manager');
    const spellings = respellings(token);
    expect(spellings.length).toBeGreaterThanOrEqual(15);
    for (const spelling of spellings)
      expect(await refusal(await inbox(spelling))).toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
    expect((await inbox(token)).status).toBe(200);
  });

  it('one identity has one budget, whichever of its tokens it uses', async () => {
    const first = tokenOf('swansea-cs', 'manager');
    // The identity provider issues the same person a second token (a new sign-in, a refresh).
    const second = await issuer.sign({
      agency: 'swansea-cs',
      roles: ['manager'],
      name: 'a second token',
      sub: 'swansea-cs/manager',
      audience: connectorAudience('swansea-cs'),
    });
    expect(second).not.toBe(first);
    const statuses: number[] = [];
    for (let i = 0; i < BURST + 5; i++) {
      const res = await inbox(first);
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses).toContain(429);
    expect(await refusal(await inbox(second))).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    // Another identity of the same agency keeps its own budget.
    expect((await inbox(tokenOf('swansea-cs', 'frontdoor'))).status).toBe(200);
  });

  it('allows a clock skew of seconds, not half a minute', async () => {
    const stale = await issuer.sign({
      agency: 'swansea-cs',
      roles: ['system'],
      name: 'expired ten seconds ago',
      sub: 'swansea-cs/stale',
      audience: connectorAudience('swansea-cs'),
      ttlSeconds: -10,
    });
    const res = await refusal(await inbox(stale));
    expect(res).toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
    expect(res.message).toMatch(/ERR_JWT_EXPIRED/);
  });
});
