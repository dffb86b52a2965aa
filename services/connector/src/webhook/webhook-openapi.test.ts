import { Role } from '@cwtch/http';
import { silentLogger } from '@cwtch/runtime';
import { describe, expect, it } from 'vitest';
import type { AgencyContext } from '../agency-context.ts';
import { createApp } from '../app.ts';

describe('the OpenAPI document describes the webhook a case system receives', () => {
  it('has notification.received under webhooks, with the three Standard Webhooks headers and the body', async () => {
    const ctx = { agency: 'swansea-cs', logger: silentLogger } as unknown as AgencyContext;
    const app = createApp(
      ctx,
      async () => ({ subject: 's', agency: 'swansea-cs', roles: [Role.system], name: 'Case system' }),
      { maxBodyBytes: 1 << 20, rateLimit: { capacity: 10, refillPerSecond: 10 } },
    );
    const doc = (await (await app.request('/openapi.json')).json()) as {
      openapi: string;
      webhooks: Record<
        string,
        { post: { parameters: { name: string; in: string }[]; requestBody: unknown } }
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    const hook = doc.webhooks['notification.received']!.post;
    expect(hook.parameters.filter((p) => p.in === 'header').map((p) => p.name)).toEqual([
      'webhook-id',
      'webhook-timestamp',
      'webhook-signature',
    ]);
    expect(JSON.stringify(hook.requestBody)).toContain('payload');
  });
});
