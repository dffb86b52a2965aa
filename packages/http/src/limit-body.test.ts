import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { validator } from 'hono/validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toErrorResponse } from './http-error.ts';
import { limitBody } from './limit-body.ts';
import { strictBody } from './strict-body.ts';

const LIMIT = 1024;

/** The connector's order of body middleware, served by Node's HTTP server as in production. */
function app() {
  const a = new Hono();
  a.onError((e, c) => {
    const { status, body } = toErrorResponse(e);
    return c.json(body, status as 400);
  });
  a.use('*', limitBody({ maxSize: LIMIT, onError: (c) => c.json({ error: { code: 'TOO_LARGE' } }, 413) }));
  a.use('*', strictBody());
  a.post(
    '/json',
    validator('json', (v) => v),
    (c) => c.json({ got: c.req.valid('json') }),
  );
  a.post('/form', async (c) => c.json({ got: await c.req.parseBody() }));
  a.get('/', (c) => c.json({ ok: true }));
  return a;
}

let server: ServerType;
let url: string;
beforeAll(async () => {
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app().fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A body sent in chunks (Transfer-Encoding: chunked, no Content-Length). */
function chunked(...parts: (string | Uint8Array)[]): { body: ReadableStream<Uint8Array>; duplex: 'half' } {
  const bytes = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p));
  return {
    body: new ReadableStream({
      pull(controller) {
        const next = bytes.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(next);
      },
    }),
    duplex: 'half',
  };
}

const json = { 'content-type': 'application/json' };

describe('limitBody and strictBody behind a Node server', () => {
  it('passes a declared body within the limit, read once and parsed for the validator', async () => {
    const res = await fetch(`${url}/json`, { method: 'POST', headers: json, body: '{"name":"Cerys Ŵ"}' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ got: { name: 'Cerys Ŵ' } });
  });

  it('refuses a declared Content-Length beyond the limit with 413, before reading the body', async () => {
    const res = await fetch(`${url}/json`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ pad: 'x'.repeat(LIMIT) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'TOO_LARGE' } });
  });

  it('counts a chunked body as it streams: 413 past the limit, accepted within it', async () => {
    const over = await fetch(`${url}/json`, {
      method: 'POST',
      headers: json,
      ...chunked('{"pad":"', 'x'.repeat(LIMIT), '"}'),
    });
    expect(over.status).toBe(413);
    const within = await fetch(`${url}/json`, { method: 'POST', headers: json, ...chunked('{"a":', '1}') });
    expect(within.status).toBe(200);
    expect(await within.json()).toEqual({ got: { a: 1 } });
  });

  it('refuses bytes that are not UTF-8 and lone surrogates, declared or chunked', async () => {
    const bad = Buffer.concat([Buffer.from('{"name":"Cerys '), Buffer.from([0xff]), Buffer.from('"}')]);
    const declared = await fetch(`${url}/json`, { method: 'POST', headers: json, body: bad });
    expect(declared.status).toBe(400);
    expect(await declared.json()).toMatchObject({ error: { code: 'TEXT_MALFORMED' } });
    const streamed = await fetch(`${url}/json`, { method: 'POST', headers: json, ...chunked(bad) });
    expect(await streamed.json()).toMatchObject({ error: { code: 'TEXT_MALFORMED' } });
    const surrogate = await fetch(`${url}/json`, { method: 'POST', headers: json, body: '{"a":"\\ud800"}' });
    expect(await surrogate.json()).toMatchObject({ error: { code: 'TEXT_MALFORMED' } });
  });

  it('reads a checked form body for the handler, and lets bodiless requests through', async () => {
    const form = await fetch(`${url}/form`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=Cerys+%C5%B4&a=1',
    });
    expect(await form.json()).toEqual({ got: { name: 'Cerys Ŵ', a: '1' } });
    const badForm = await fetch(`${url}/form`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=%FF',
    });
    expect(await badForm.json()).toMatchObject({ error: { code: 'TEXT_MALFORMED' } });
    expect((await fetch(url)).status).toBe(200);
    const empty = await fetch(`${url}/json`, { method: 'POST', headers: json });
    expect(empty.status).toBe(400);
  });
});
