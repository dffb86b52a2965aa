import { describe, expect, it } from 'vitest';
import { retryDelay } from './retry-delay.ts';

const backoff = { minMs: 1000, maxMs: 60_000 };

describe('retry delay', () => {
  it('doubles from the minimum and stops at the cap', () => {
    const top = (n: number) => retryDelay(n, backoff, () => 1);
    expect([1, 2, 3, 4, 7, 8, 50].map(top)).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000, 60_000]);
  });

  it('jitters each wait between half and all of it', () => {
    expect(retryDelay(3, backoff, () => 0)).toBe(2000);
    expect(retryDelay(3, backoff, () => 0.5)).toBe(3000);
  });
});
