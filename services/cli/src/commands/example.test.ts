import { exampleAsOfToday as asOfToday, kinds, shiftDates } from '@cwtch/contracts';
import { describe, expect, it } from 'vitest';
import { readExample } from './example.ts';

const NOW = Date.parse('2026-12-05T08:30:00Z');
const DAY = 86_400_000;

describe('cwtch example: a payload that happened today', () => {
  for (const kind of Object.keys(kinds) as (keyof typeof kinds)[]) {
    it(`${kind}: valid, happened within the last day, respond-by still ahead`, async () => {
      const written = await readExample(kind);
      const today = asOfToday(written, NOW);
      const parsed = kinds[kind].schema.safeParse(today);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      if (typeof written.occurredAt === 'string') {
        const occurred = Date.parse(today.occurredAt as string);
        expect(occurred).toBeLessThanOrEqual(NOW);
        expect(NOW - occurred).toBeLessThan(DAY);
      }
      const respondBy = parsed.success ? kinds[kind].respondBy?.(parsed.data as never) : undefined;
      if (respondBy !== undefined && respondBy !== null) expect(respondBy).toBeGreaterThan(NOW);
    });
  }

  it('moves dates and date-times by whole days and leaves other strings alone', () => {
    expect(
      shiftDates({ a: '2025-03-14', b: ['2025-03-14T10:00:00+00:00'], c: 'SWP-CAWN-2025-0147', d: 3 }, 2),
    ).toEqual({ a: '2025-03-16', b: ['2025-03-16T10:00:00+00:00'], c: 'SWP-CAWN-2025-0147', d: 3 });
  });
});
