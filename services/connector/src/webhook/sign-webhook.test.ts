import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './sign-webhook.ts';

// The Standard Webhooks reference libraries' own test vector.
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const TIMESTAMP = 1614265330;
const BODY = '{"test": 2432232314}';

describe('webhook signatures (Standard Webhooks v1)', () => {
  it('signs as the Standard Webhooks libraries do, so a case system can use one of them', () => {
    expect(signWebhook(SECRET, ID, TIMESTAMP, BODY)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  const headers = {
    id: ID,
    timestamp: String(TIMESTAMP),
    signature: signWebhook(SECRET, ID, TIMESTAMP, BODY),
  };
  const now = TIMESTAMP * 1000;

  it('verifies a delivery as sent, among several signatures', () => {
    expect(verifyWebhook(SECRET, headers, BODY, { now })).toBe(true);
    expect(
      verifyWebhook(SECRET, { ...headers, signature: `v1,AAAA ${headers.signature}` }, BODY, { now }),
    ).toBe(true);
  });

  it('refuses a tampered body, another id, another secret, and an old timestamp', () => {
    expect(verifyWebhook(SECRET, headers, '{"test": 2432232315}', { now })).toBe(false);
    expect(verifyWebhook(SECRET, { ...headers, id: 'msg_other' }, BODY, { now })).toBe(false);
    expect(verifyWebhook('whsec_c2VjcmV0LXRoYXQtaXMtbm90LXRoZS1zYW1l', headers, BODY, { now })).toBe(false);
    expect(verifyWebhook(SECRET, headers, BODY, { now: now + 301_000 })).toBe(false);
    expect(verifyWebhook(SECRET, { ...headers, timestamp: 'soon' }, BODY, { now })).toBe(false);
  });
});
