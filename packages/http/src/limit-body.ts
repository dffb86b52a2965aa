import type { IncomingMessage } from 'node:http';
import type { Context, Env, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';

/** The Node request behind a context, when the app runs on `@hono/node-server` over HTTP/1.x. */
function http1Incoming(c: Context): IncomingMessage | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.httpVersionMajor === 1 ? incoming : undefined;
}

/**
 * True when the request carries a body. Over HTTP/1.x a body is framed by `Content-Length` or
 * `Transfer-Encoding` (RFC 9112 §6.3), so Node's own parsed headers answer without building a
 * WHATWG Request around the socket (which `c.req.raw.body` does, at a cost on every request);
 * anywhere else the Request answers.
 */
export function hasBody(c: Context): boolean {
  const incoming = http1Incoming(c);
  if (incoming === undefined) return c.req.raw.body !== null;
  const { 'content-length': length, 'transfer-encoding': coding } = incoming.headers;
  return coding !== undefined || (length !== undefined && length !== '0');
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
    const incoming = http1Incoming(c);
    if (incoming === undefined) return counted(c, next);
    if (!hasBody(c)) return next();
    const { 'content-length': length, 'transfer-encoding': coding } = incoming.headers;
    if (coding === undefined && length !== undefined)
      return Number.parseInt(length, 10) > options.maxSize ? tooLarge(c) : next();
    return counted(c, next);
  };
}
