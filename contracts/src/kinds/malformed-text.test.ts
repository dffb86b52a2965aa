import { describe, expect, it } from 'vitest';
import { isWellFormedText, malformedTextIssue } from './malformed-text.ts';

describe('malformedTextIssue', () => {
  it('finds a lone surrogate in a string or a key, at any depth, and names only its path', () => {
    expect(malformedTextIssue({ a: [{ b: 'ok' }, 'x\udfff'] })).toEqual({
      path: ['a', 1],
      message: 'is not well-formed Unicode (a lone surrogate)',
    });
    expect(malformedTextIssue({ a: { '\ud800': 1 } })?.path).toEqual(['a']);
    let deep: unknown = '\ud800';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(malformedTextIssue(deep)?.path).toHaveLength(20_000);
  });

  it('accepts well-formed text, surrogate pairs included, and values that are not text', () => {
    expect(malformedTextIssue({ a: ['😀 \ud83d\ude00', 1, null, true], ŵ: 'ŷ' })).toBeNull();
    expect(isWellFormedText('\ud83d')).toBe(false);
    expect(isWellFormedText('\ude00\ud83d')).toBe(false);
  });
});
