import { describe, expect, it } from 'vitest';
import { isMonth, monthOf, monthRange, previousMonth } from './month.ts';

describe('calendar months on the London wall clock', () => {
  it('spans a summer month from BST midnight to BST midnight', () => {
    expect(monthRange('2026-07')).toEqual({
      start: Date.parse('2026-06-30T23:00:00Z'),
      end: Date.parse('2026-07-31T23:00:00Z'),
    });
  });
  it('spans the months of the clock changes and a new year', () => {
    expect(monthRange('2026-03')).toEqual({
      start: Date.parse('2026-03-01T00:00:00Z'),
      end: Date.parse('2026-03-31T23:00:00Z'),
    });
    expect(monthRange('2026-10').end).toBe(Date.parse('2026-11-01T00:00:00Z'));
    expect(monthRange('2026-12').end).toBe(Date.parse('2027-01-01T00:00:00Z'));
  });
  it('places an instant in its London month', () => {
    expect(monthOf(Date.parse('2026-06-30T23:30:00Z'))).toBe('2026-07');
    expect(monthOf(Date.parse('2026-12-31T23:59:59Z'))).toBe('2026-12');
    expect(monthOf(Date.parse('2027-01-01T00:00:00Z'))).toBe('2027-01');
    expect(previousMonth('2027-01')).toBe('2026-12');
  });
  it('refuses what is not a month', () => {
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-7')).toBe(false);
    expect(() => monthRange('July')).toThrow(RangeError);
  });
});
