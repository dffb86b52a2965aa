import { Hono } from 'hono';
import { validator } from 'hono/validator';
import { describe, expect, it } from 'vitest';
import { toErrorResponse } from './http-error.ts';
import { strictBody } from './strict-body.ts';

/** An app that stores what its JSON route accepts, as a route of the connector does. */
function app() {
  const stored: unknown[] = [];
  const a = new Hono();
  a.onError((e, c) => {
    const { status, body } = toErrorResponse(e);
    return c.json(body, status as 400);
  });
  a.use('*', strictBody());
  a.post(
    '/v1/notifications',
    validator('json', (v) => v),
    (c) => {
      stored.push(c.req.valid('json'));
      return c.json({ ok: true }, 202);
    },
  );
  return { app: a, stored };
}

const post = (a: Hono, body: string | Uint8Array, type = 'application/json') =>
  a.request('/v1/notifications', { method: 'POST', headers: { 'content-type': type }, body });

describe('strictBody', () => {
  it('refuses bytes that are not UTF-8 with 400 TEXT_MALFORMED, instead of storing U+FFFD', async () => {
    const { app: a, stored } = app();
    for (const bad of [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      const body = Buffer.concat([
        Buffer.from('{"payload":{"name":"Cerys '),
        Buffer.from(bad),
        Buffer.from('"}}'),
      ]);
      for (const type of ['application/json', 'application/merge-patch+json; charset=utf-8']) {
        const res = await post(a, body, type);
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ error: { code: 'TEXT_MALFORMED' } });
      }
    }
    expect(stored).toEqual([]);
  });

  it('refuses a lone surrogate in any string or key, naming the path and never the text', async () => {
    const { app: a, stored } = app();
    const cases: [string, string][] = [
      ['{"payload":{"notes":["ok","Cerys \\ud800"]}}', 'payload.notes.1'],
      ['{"payload":{"Cerys \\udc00":1}}', 'payload'],
      ['"\\udbff"', 'the body itself'],
    ];
    for (const [body, where] of cases) {
      const res = await post(a, body);
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ error: { code: 'TEXT_MALFORMED' } });
      expect(JSON.parse(text).error.message).toContain(where);
      expect(text).not.toContain('Cerys');
    }
    expect(stored).toEqual([]);
  });

  it('passes well-formed JSON on to the route unchanged, astral characters and escaped pairs included', async () => {
    const { app: a, stored } = app();
    const res = await post(a, '{"payload":{"name":"Siân 😀 \\ud83d\\ude00"}}');
    expect(res.status).toBe(202);
    expect(stored).toEqual([{ payload: { name: 'Siân 😀 😀' } }]);
    expect((await post(a, '{"payload":')).status).toBe(400);
  });

  it('refuses a form field that is not UTF-8 once percent-decoded, and passes a good form on', async () => {
    const a = new Hono();
    a.onError((e, c) => {
      const { status, body } = toErrorResponse(e);
      return c.json(body, status as 400);
    });
    a.use('*', strictBody());
    a.post('/compose', async (c) => c.json(await c.req.parseBody()));
    const form = (body: string) =>
      a.request('/compose', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    for (const [body, field] of [
      ['payload.name=Cerys%FF', 'payload.name'],
      ['ok=1&payload.notes=%ED%A0%80', 'payload.notes'],
      ['payload.notes=a=%C3', 'payload.notes'],
    ] as const) {
      const res = await form(body);
      expect(res.status).toBe(400);
      const error = ((await res.json()) as { error: { code: string; message: string } }).error;
      expect(error).toMatchObject({ code: 'TEXT_MALFORMED' });
      expect(error.message).toContain(field);
      expect(error.message).not.toContain('Cerys');
    }
    const good = await form('name=Si%C3%A2n+Hughes&rate=100%&x');
    expect(await good.json()).toEqual({ name: 'Siân Hughes', rate: '100%', x: '' });
  });
});
