import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@cwtch/http';
import { silentLogger } from '@cwtch/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyContext } from './agency-context.ts';
import { createApp } from './app.ts';
import { decodeInboxCursor, encodeInboxCursor } from './inbox-cursor.ts';
import { InboxStore } from './inbox-store.ts';
import { testInboxItem } from './test-inbox-item.ts';

const TOTAL = 5_321;

/** Stores notification `n`; received times run backwards in blocks so time order is not storage order. */
function add(store: InboxStore, n: number): string {
  const id = `m${String(n).padStart(21, '0')}`;
  const kind = n % 3 === 0 ? 'missing-episode' : 'care-home-transition';
  const receivedAt = 1_000_000 - (n % 500);
  store.insert(testInboxItem(n, { id, kind, receivedAt, priority: 'high' }));
  return id;
}

describe('GET /v1/inbox?after=CURSOR: mirroring an inbox beyond the 5,000 cap (DESIGN §9)', () => {
  let dir: string;
  let store: InboxStore;
  let app: ReturnType<typeof createApp>;
  const stored: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cwtch-cursor-'));
    store = new InboxStore(join(dir, 'inbox.db'));
    for (let n = 0; n < TOTAL; n++) stored.push(add(store, n));
    const ctx = { agency: 'swansea-cs', store, logger: silentLogger } as unknown as AgencyContext;
    app = createApp(
      ctx,
      async () => ({
        subject: 'case-system',
        agency: 'swansea-cs',
        roles: [Role.system],
        name: 'Case system',
      }),
      { maxBodyBytes: 1 << 20, rateLimit: { capacity: 1_000_000, refillPerSecond: 1_000_000 } },
    );
  });
  afterAll(async () => {
    store.close();
    await rm(dir, { recursive: true, force: true });
  });
  /** One page, as a case system asks for it over HTTP. */
  async function inboxPage(q: { after?: string | undefined; limit?: number; kind?: string }) {
    const query = new URLSearchParams({ after: q.after ?? '' });
    if (q.limit) query.set('limit', String(q.limit));
    if (q.kind) query.set('kind', q.kind);
    const res = await app.request(`/v1/inbox?${query}`, { headers: { authorization: 'Bearer t' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: string; kind: string }[]; next: string };
    return body;
  }

  it('pages through every item in storage order over HTTP, nothing missed or repeated', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await inboxPage({ after, limit: 1000 });
      seen.push(...page.items.map((i) => i.id));
      after = page.next;
      pages++;
      if (page.items.length < 1000) break;
    }
    expect(pages).toBe(6);
    expect(seen.length).toBe(TOTAL);
    expect(new Set(seen).size).toBe(TOTAL);
    expect(seen).toEqual(stored);
    // A later sync from the saved cursor gets only what arrived since.
    const empty = await inboxPage({ after });
    expect(empty).toEqual({ items: [], next: after });
    const late = [add(store, TOTAL), add(store, TOTAL + 1)];
    stored.push(...late);
    const caughtUp = await inboxPage({ after });
    expect(caughtUp.items.map((i) => i.id)).toEqual(late);
    expect(decodeInboxCursor(caughtUp.next)).toBe(decodeInboxCursor(after!) + 2);
  });

  it('a single page can be as large as the cap, and filters apply within the cursor order', async () => {
    const full = await inboxPage({ limit: 5000 });
    expect(full.items.map((i) => i.id)).toEqual(stored.slice(0, 5000));
    const rest = await inboxPage({ after: full.next, limit: 5000 });
    expect(rest.items[0]?.id).toBe(stored[5000]);
    const kind = await inboxPage({ kind: 'missing-episode', limit: 5000 });
    expect(kind.items.every((i) => i.kind === 'missing-episode')).toBe(true);
    expect(kind.items.map((i) => i.id)).toEqual(stored.filter((_, n) => n % 3 === 0).slice(0, 5000));
  });

  it('refuses a cursor it did not give out (400, never "from the start")', async () => {
    for (const bad of ['bm9wZQ', encodeInboxCursor(7).slice(0, -1), '!!']) {
      const res = await app.request(`/v1/inbox?after=${encodeURIComponent(bad)}`, {
        headers: { authorization: 'Bearer t' },
      });
      expect(res.status, bad).toBe(400);
    }
    expect(() => decodeInboxCursor('aTAx')).toThrow(); // "i01": not how a position is written
    expect(decodeInboxCursor(encodeInboxCursor(123456))).toBe(123456);
  });

  it('without after, the list stays newest first with no cursor', async () => {
    const res = (await (
      await app.request('/v1/inbox?limit=3', { headers: { authorization: 'Bearer t' } })
    ).json()) as { items: { receivedAt: string }[]; next?: string };
    expect(res.next).toBeUndefined();
    expect(res.items.map((i) => i.receivedAt)).toEqual(
      [...res.items.map((i) => i.receivedAt)].sort().reverse(),
    );
  });

  it('the OpenAPI document describes the cursor, the 429 with Retry-After and every plain route', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string }[];
            responses: Record<string, { headers?: Record<string, unknown> }>;
          }
        >
      >;
    };
    const list = doc.paths['/v1/inbox']!.get!;
    expect(list.parameters?.map((p) => p.name)).toContain('after');
    expect(list.responses['429']?.headers).toHaveProperty('Retry-After');
    for (const [path, method] of [
      ['/v1/inbox/stream', 'get'],
      ['/v1/inbox/{id}/disclose', 'post'],
      ['/v1/rejections', 'get'],
      ['/healthz', 'get'],
      ['/metrics', 'get'],
    ] as const)
      expect(doc.paths[path]?.[method], path).toBeDefined();
  });
});
