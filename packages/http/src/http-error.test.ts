import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { describe, expect, it } from 'vitest';
import { statusOf, toErrorResponse } from './http-error.ts';

describe('error codes and statuses', () => {
  const planned500 = new Set<string>([ErrorCode.INTERNAL, ErrorCode.CONFIG_INVALID]);

  it.each(Object.values(ErrorCode))('%s has a status of its own', (code) => {
    const status = statusOf(code);
    expect(Number.isInteger(status)).toBe(true);
    if (planned500.has(code)) expect(status).toBe(500);
    else expect(status, `${code} would answer as an internal error`).not.toBe(500);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
  });

  it('a client error keeps its code and message; an internal one says nothing more', () => {
    const client = toErrorResponse(new CwtchError(ErrorCode.TEXT_MALFORMED, 'a lone surrogate at payload.x'));
    expect(client).toEqual({
      status: 400,
      body: { error: { code: 'TEXT_MALFORMED', message: 'a lone surrogate at payload.x' } },
    });
    const internal = toErrorResponse(new CwtchError(ErrorCode.INTERNAL, 'secret detail'));
    expect(internal.body.error).toEqual({ code: 'INTERNAL', message: 'internal error' });
    expect(toErrorResponse(new Error('boom')).status).toBe(500);
  });
});
