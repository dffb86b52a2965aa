import { expect } from 'vitest';
import { issueAt } from './load-example.ts';
import { parseNotification } from './registry.ts';

/**
 * Test support: a checker that `payload` of `kind` is refused with CONTRACT_INVALID and an issue
 * at `path` (and a message matching `message`, when given).
 */
export function refusalChecker(kind: string) {
  return (payload: unknown, path: (string | number)[], message?: RegExp): void => {
    const result = parseNotification(kind, payload);
    expect(result.ok).toBe(false);
    expect(result.ok || result.code).toBe('CONTRACT_INVALID');
    const issue = issueAt(result, path);
    expect(issue, JSON.stringify(result)).toBeDefined();
    if (message) expect(issue?.message).toMatch(message);
  };
}
