import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWebhookSecret, WEBHOOK_SECRET_FILE } from './webhook-secret.ts';

describe('the webhook signing secret', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cwtch-webhook-secret-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is generated at first start, owner-only, and the same at every start after', async () => {
    const first = await loadWebhookSecret(dir);
    expect(first).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(first.slice(6), 'base64')).toHaveLength(32);
    expect((await stat(join(dir, WEBHOOK_SECRET_FILE))).mode & 0o777).toBe(0o600);
    expect(await loadWebhookSecret(dir)).toBe(first);
  });
});
