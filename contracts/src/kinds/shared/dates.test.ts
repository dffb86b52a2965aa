import { describe, expect, it } from 'vitest';
import { isUnder18On, londonMidnight } from './dates.ts';

describe('dates', () => {
  it('counts a child as under 18 until the 18th birthday', () => {
    expect(isUnder18On('2007-03-14', '2025-03-13')).toBe(true);
    expect(isUnder18On('2007-03-14', '2025-03-14')).toBe(false);
  });

  it('takes a 29 February birthday as 1 March in other years', () => {
    expect(isUnder18On('2008-02-29', '2026-02-28')).toBe(true);
    expect(isUnder18On('2008-02-29', '2026-03-01')).toBe(false);
  });

  it('finds the start of a day in Europe/London in GMT and in BST', () => {
    expect(londonMidnight('2025-01-15')).toBe(Date.parse('2025-01-15T00:00:00Z'));
    expect(londonMidnight('2025-07-15')).toBe(Date.parse('2025-07-14T23:00:00Z'));
    expect(londonMidnight('2025-03-30')).toBe(Date.parse('2025-03-30T00:00:00Z'));
    expect(londonMidnight('2025-10-26')).toBe(Date.parse('2025-10-25T23:00:00Z'));
  });
});
