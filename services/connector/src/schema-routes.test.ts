import { kinds } from '@cwtch/contracts';
import { Role } from '@cwtch/http';
import { silentLogger } from '@cwtch/runtime';
import { describe, expect, it } from 'vitest';
import type { AgencyContext } from './agency-context.ts';
import { createApp } from './app.ts';

const app = createApp(
  { agency: 'swansea-cs', logger: silentLogger } as unknown as AgencyContext,
  async () => ({ subject: 'case-system', agency: 'swansea-cs', roles: [Role.system], name: 'Case system' }),
  { maxBodyBytes: 1 << 20, rateLimit: { capacity: 1_000, refillPerSecond: 1_000 } },
);

describe('GET /schemas: the JSON Schemas a case system checks a payload against', () => {
  it('lists one schema per kind, with no token, each served at its url', async () => {
    const res = await app.request('/schemas');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { file: string; url: string; kind: string | null }[] };
    expect(items.filter((i) => i.kind).map((i) => i.kind)).toEqual(Object.keys(kinds));
    expect(items.map((i) => i.file)).toContain('envelope-header.v1.json');
    for (const item of items) {
      const one = await app.request(item.url);
      expect(one.status, item.url).toBe(200);
      expect(one.headers.get('content-type')).toContain('application/schema+json');
      const doc = (await one.json()) as { $id: string; $schema: string };
      expect(doc.$id.endsWith(item.file)).toBe(true);
      expect(doc.$schema).toContain('2020-12');
    }
  });

  it("a kind's schema names the fields its contract requires", async () => {
    const doc = (await (await app.request('/schemas/missing-episode.v1.json')).json()) as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(doc.required).toContain('occurredAt');
    for (const field of doc.required) expect(doc.properties).toHaveProperty([field]);
  });

  it('an unknown schema is a 404 naming where the list is; the OpenAPI document describes both routes', async () => {
    const res = await app.request('/schemas/nosuch.v1.json');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('GET /schemas');
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(doc.paths).toHaveProperty(['/schemas']);
    expect(doc.paths).toHaveProperty(['/schemas/{file}']);
  });
});
