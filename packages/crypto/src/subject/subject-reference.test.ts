import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectCode, seedFrom } from '../test-support.ts';
import { subjectReference } from './subject-reference.ts';

const key = seedFrom('subject key');

describe('subjectReference', () => {
  it('is base64url HMAC-SHA-256 over "cwtch-subject-v1\\0type:value", 43 characters', () => {
    const ref = subjectReference(key, { type: 'nhs', value: '9434765919' });
    const expected = createHmac('sha256', key)
      .update(
        Buffer.concat([Buffer.from('cwtch-subject-v1'), Buffer.from([0]), Buffer.from('nhs:9434765919')]),
      )
      .digest('base64url');
    expect(ref).toBe(expected);
    expect(ref).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('has a fixed test vector', () => {
    expect(subjectReference(key, { type: 'nhs', value: '9434765919' })).toBe(
      'I5-B1LF46y2yx_1r0yPnfqmVl-RXaaqg9GvdVnhMV6o',
    );
  });

  it('differs by key, type and value', () => {
    const base = subjectReference(key, { type: 'nhs', value: '9434765919' });
    expect(subjectReference(seedFrom('other key'), { type: 'nhs', value: '9434765919' })).not.toBe(base);
    expect(subjectReference(key, { type: 'upn', value: '9434765919' })).not.toBe(base);
    expect(subjectReference(key, { type: 'nhs', value: '9434765918' })).not.toBe(base);
  });

  it('refuses short keys, ambiguous types and empty or ill-formed values', () => {
    expectCode(() => subjectReference(new Uint8Array(16), { type: 'nhs', value: '1' }), 'BAD_REQUEST');
    expectCode(() => subjectReference(key, { type: 'nhs:x', value: '1' }), 'BAD_REQUEST');
    expectCode(() => subjectReference(key, { type: 'NHS', value: '1' }), 'BAD_REQUEST');
    expectCode(() => subjectReference(key, { type: 'nhs', value: '' }), 'BAD_REQUEST');
    expectCode(() => subjectReference(key, { type: 'nhs', value: 'a\uD800' }), 'BAD_REQUEST');
  });
});
