import type { IncomingMessage } from 'node:http';
import type { Context, Env, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';

/**
 * How Node's parser framed the request's body (RFC 9112 §6.3: `Content-Length` or
 * `Transfer-Encoding`), when the app runs on `@hono/node-server` over HTTP/1.x; undefined anywhere
 * else. Read from Node's parsed headers, without building a WHATWG Request around the socket
 * (which `c.req.raw.body` does, at a cost on every request).
 */
function framing(c: Context): { length?: string | undefined; coding?: string | undefined } | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming?.httpVersionMajor !== 1) return undefined;
  return { length: incoming.headers['content-length'], coding: incoming.headers['transfer-encoding'] };
}

/** True when the request carries a body: from Node's framing where there is one, else from the Request. */
export function hasBody(c: Context): boolean {
  const f = framing(c);
  if (f === undefined) return c.req.raw.body !== null;
  return f.coding !== undefined || (f.length !== undefined && f.length !== '0');
}

/**
 * Hono's `bodyLimit` with its checks in the same order, minus the cost: a body without one is
 * passed, and a declared `Content-Length` (which Node's parser holds the body to) is compared with
 * `maxSize` from the parsed headers; only a chunked body is counted as it streams, by `bodyLimit`.
 */
export function limitBody<E extends Env = Env>(
  options: Parameters<typeof bodyLimit>[0],
): MiddlewareHandler<E> {
  const counted = bodyLimit(options);
  // What `bodyLimit` does without an `onError`.
  const tooLarge =
    options.onError ??
    (() => {
      throw new HTTPException(413, { res: new Response('Payload Too Large', { status: 413 }) });
    });
  return async (c, next) => {
    const f = framing(c);
    if (f === undefined || f.coding !== undefined) return counted(c, next);
    if (f.length === undefined) return next();
    return Number.parseInt(f.length, 10) > options.maxSize ? tooLarge(c) : next();
  };
}
