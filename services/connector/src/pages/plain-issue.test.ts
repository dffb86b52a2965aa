import { describe, expect, it } from 'vitest';
import { plainIssue } from './plain-issue.ts';

describe('plainIssue', () => {
  it('asks for a missing field or choice by its label, in English and Welsh', () => {
    const missing = {
      path: ['subject', 'dateOfBirth'],
      message: 'Invalid input: expected string, received undefined',
      code: 'invalid_type',
    };
    expect(plainIssue(missing, 'missing-episode', 'en')).toBe('Enter date of birth');
    expect(plainIssue(missing, 'missing-episode', 'cy')).toMatch(/^Rhowch /);
    const choice = { path: ['episodeType'], message: 'Invalid option', code: 'invalid_value' };
    expect(plainIssue(choice, 'missing-episode', 'en')).toBe('Choose episode type');
  });

  it('keeps a contract rule under its label, never "Invalid input"', () => {
    const rule = {
      path: ['subject', 'dateOfBirth'],
      message: 'must not be after occurredAt',
      code: 'custom',
    };
    expect(plainIssue(rule, 'missing-episode', 'en')).toBe('Date of birth: must not be after occurredAt');
    const object = {
      path: ['sender'],
      message: 'Invalid input: expected object, received undefined',
      code: 'invalid_type',
    };
    expect(plainIssue(object, 'missing-episode', 'en')).not.toMatch(/Invalid input|undefined/);
  });
});
