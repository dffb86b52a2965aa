import { describe, expect, it } from 'vitest';
import { expectCode } from '../test-support.ts';
import { checkTimes } from './check-times.ts';
import { DEFAULT_MAX_TTL_MS, DEFAULT_SKEW_MS } from './constants.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const iat = 1_767_225_600_000;

describe('checkTimes', () => {
  it('uses a 7-day TTL and 2-minute skew by default', () => {
    expect(DEFAULT_MAX_TTL_MS).toBe(7 * DAY);
    expect(DEFAULT_SKEW_MS).toBe(2 * MIN);
  });

  it('accepts a message inside its lifetime, including a backlog after an outage', () => {
    expect(() => checkTimes({ iat, exp: iat + DAY }, iat)).not.toThrow();
    expect(() => checkTimes({ iat, exp: iat + 7 * DAY }, iat + 6 * DAY)).not.toThrow();
    expect(() => checkTimes({ iat, exp: iat + DAY }, iat + DAY)).not.toThrow();
  });

  it('tolerates sender clocks up to the skew ahead, and no further', () => {
    expect(() => checkTimes({ iat, exp: iat + DAY }, iat - 2 * MIN)).not.toThrow();
    expectCode(() => checkTimes({ iat, exp: iat + DAY }, iat - 2 * MIN - 1), 'NOT_YET_VALID');
    expect(() => checkTimes({ iat, exp: iat + DAY }, iat - 9 * MIN, { skewMs: 10 * MIN })).not.toThrow();
  });

  it('refuses an expired message', () => {
    expectCode(() => checkTimes({ iat, exp: iat + DAY }, iat + DAY + 1), 'EXPIRED');
  });

  it('refuses a lifetime longer than the policy (back-dating) or not positive', () => {
    expectCode(() => checkTimes({ iat, exp: iat + 7 * DAY + 1 }, iat), 'EXPIRED');
    expectCode(() => checkTimes({ iat, exp: iat + 2 * DAY }, iat, { maxTtlMs: DAY }), 'EXPIRED');
    expectCode(() => checkTimes({ iat, exp: iat }, iat), 'EXPIRED');
  });

  it('refuses a clock or policy that is not a finite number instead of accepting everything', () => {
    expectCode(() => checkTimes({ iat, exp: iat + DAY }, Number.NaN), 'BAD_REQUEST');
    expectCode(() => checkTimes({ iat, exp: iat + DAY }, iat, { maxTtlMs: Number.NaN }), 'BAD_REQUEST');
    expectCode(() => checkTimes({ iat, exp: iat + DAY }, iat, { skewMs: -1 }), 'BAD_REQUEST');
  });
});
