import { malformedTextIssue } from '@cwtch/contracts';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import type { Env, MiddlewareHandler } from 'hono';
import { hasBody } from './limit-body.ts';

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses a JSON body strictly: bytes that are not UTF-8 are refused (never replaced with U+FFFD),
 * and so is a lone surrogate (`"\ud800"`) in any string or key. Throws TEXT_MALFORMED (naming the
 * path, never the text) or BAD_REQUEST (not JSON).
 *
 * @example
 * const body = parseStrictJson(new Uint8Array(await c.req.arrayBuffer()));
 */
export function parseStrictJson(bytes: Uint8Array): unknown {
  return parseStrictText(decodeUtf8(bytes));
}

/** {@link parseStrictJson} on text already decoded strictly. */
function parseStrictText(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'the request body is not valid JSON');
  }
  const issue = malformedTextIssue(value);
  if (issue) {
    const where = issue.path.length === 0 ? 'the body itself' : issue.path.join('.');
    throw new CwtchError(
      ErrorCode.TEXT_MALFORMED,
      `the request body is not well-formed Unicode at ${where}`,
      {
        issues: [issue],
      },
    );
  }
  return value;
}

/**
 * Throws TEXT_MALFORMED unless every name and value of a form body (`a=1&b=%C5%B5`) decodes to
 * UTF-8 text: URLSearchParams would turn `%FF` into U+FFFD without a word. Names the field.
 */
export function checkStrictForm(bytes: Uint8Array): void {
  for (const pair of decodeUtf8(bytes).split('&')) {
    const at = pair.indexOf('=');
    const [name, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    const field = decodeFormPart(name);
    if (field === undefined)
      throw new CwtchError(ErrorCode.TEXT_MALFORMED, 'a field name of the form is not valid UTF-8');
    if (decodeFormPart(value) === undefined)
      throw new CwtchError(ErrorCode.TEXT_MALFORMED, `the form field ${field} is not valid UTF-8`);
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new CwtchError(ErrorCode.TEXT_MALFORMED, 'the request body is not valid UTF-8');
  }
}

/** A form part percent-decoded as UTF-8 (a `%` that starts no escape stands for itself). */
function decodeFormPart(part: string): string | undefined {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' ').replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
  } catch {
    return undefined;
  }
}

/**
 * Middleware that reads every JSON body (`application/json`, `application/*+json`) through
 * {@link parseStrictJson} and every form body through {@link checkStrictForm} before any handler
 * or validator sees it. Mount it on every route that takes a body, after the body limit.
 *
 * @example
 * app.use('/v1/*', strictBody());
 */
export function strictBody<E extends Env = Env>(): MiddlewareHandler<E> {
  return async (c, next) => {
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!hasBody(c)) return next();
    if (JSON_MEDIA_TYPE.test(type)) {
      const text = decodeUtf8(new Uint8Array(await c.req.arrayBuffer()));
      parseStrictText(text);
      // Handlers and validators read the checked text (`c.req.json()` parses it), not the bytes again.
      // (Hono's cache holds the promises its reads return, whatever its type says.)
      (c.req.bodyCache as unknown as { text?: Promise<string> }).text = Promise.resolve(text);
    } else if (type === 'application/x-www-form-urlencoded')
      checkStrictForm(new Uint8Array(await c.req.arrayBuffer()));
    await next();
  };
}
