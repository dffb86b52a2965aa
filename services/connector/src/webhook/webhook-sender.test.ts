import { EventEmitter, once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxStore } from '../inbox-store.ts';
import { inboxView } from '../inbox-view.ts';
import { Metrics } from '../metrics.ts';
import { testInboxItem } from '../test-inbox-item.ts';
import { verifyWebhook } from './sign-webhook.ts';
import { webhookBody } from './webhook-body.ts';
import { loadWebhookSecret } from './webhook-secret.ts';
import { WebhookSender } from './webhook-sender.ts';

interface Delivery {
  readonly headers: { id: string; timestamp: string; signature: string };
  readonly body: string;
}

/** A case system's endpoint on 127.0.0.1 that answers each POST as `answer` says, and records it. */
class Receiver extends EventEmitter {
  readonly deliveries: Delivery[] = [];
  answer: (res: ServerResponse) => void = (res) => res.writeHead(204).end();
  #server: Server | undefined;
  port = 0;

  async listen(): Promise<void> {
    this.#server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const h = (name: string) => String(req.headers[name]);
        const d = {
          headers: {
            id: h('webhook-id'),
            timestamp: h('webhook-timestamp'),
            signature: h('webhook-signature'),
          },
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.deliveries.push(d);
        this.answer(res);
        this.emit('delivery', d);
      });
    });
    this.#server.listen(this.port, '127.0.0.1');
    await once(this.#server, 'listening');
    this.port = (this.#server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((resolve) => this.#server?.close(resolve));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/cwtch/webhook`;
  }
}

/** Metrics that also say when a counter moves, so a test waits on the event, not on a clock. */
class WatchedMetrics extends Metrics {
  readonly events = new EventEmitter();
  override inc(name: string, help: string, labels: Record<string, string> = {}, by = 1): void {
    super.inc(name, help, labels, by);
    this.events.emit(name, labels);
  }
}

function storeNotification(store: InboxStore, id: string, receivedAt = Date.now()): void {
  store.insert(
    testInboxItem(1, {
      id,
      receivedAt,
      issuedAt: receivedAt,
      expiresAt: receivedAt + 1,
      priority: 'urgent',
      payload: { child: { firstName: 'Test' } },
    }),
  );
}

describe('webhooks to the case system: queued with the inbox write, signed, retried, delivered once', () => {
  let dir: string;
  let file: string;
  let secret: string;
  const receiver = new Receiver();
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cwtch-webhook-'));
    file = join(dir, 'inbox.sqlite');
    secret = await loadWebhookSecret(dir);
    await receiver.listen();
  });
  afterAll(async () => {
    await receiver.close();
    await rm(dir, { recursive: true, force: true });
  });

  const start = (store: InboxStore, metrics: Metrics, maxAgeMs = 60_000) => {
    const sender = new WebhookSender(store.webhooks, (e) => webhookBody(store, e), {
      url: receiver.url,
      secret,
      timeoutMs: 300,
      retry: { minMs: 20, maxMs: 100, maxAgeMs },
      pollMs: 50,
      metrics,
    });
    sender.start();
    return sender;
  };

  it('survives a 500, a timeout, a refused connection and a restart, then arrives once, signed', async () => {
    let store = new InboxStore(file, { webhooks: true });
    let metrics = new WatchedMetrics();
    const id = 'a'.repeat(22);
    storeNotification(store, id);
    expect(store.webhooks.depth().queued).toBe(1);

    // First a 500, then no answer within the timeout.
    const answers: ((res: ServerResponse) => void)[] = [(res) => res.writeHead(500).end(), () => undefined];
    receiver.answer = (res) => {
      const answer = answers.shift();
      if (answer) answer(res);
      else res.writeHead(503).end();
    };
    let sender = start(store, metrics);
    const failures = (n: number) =>
      new Promise<string[]>((resolve) => {
        const reasons: string[] = [];
        metrics.events.on('cwtch_webhook_retries_total', (l: { reason: string }) => {
          reasons.push(l.reason);
          if (reasons.length === n) resolve(reasons);
        });
      });
    expect(await failures(2)).toEqual(['http-500', 'timeout']);

    // The case system goes down: connection refused.
    await receiver.close();
    expect((await once(metrics.events, 'cwtch_webhook_retries_total'))[0]).toEqual({
      reason: 'ECONNREFUSED',
    });

    // The connector restarts: a new store and sender on the same file still hold the event.
    await sender.stop();
    store.close();
    store = new InboxStore(file, { webhooks: true });
    expect(store.webhooks.depth().queued).toBe(1);
    metrics = new WatchedMetrics();
    receiver.answer = (res) => res.writeHead(200).end('ok');
    await receiver.listen();
    sender = start(store, metrics);
    await once(metrics.events, 'cwtch_webhooks_delivered_total');

    const attempts = [...receiver.deliveries];
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(attempts.map((d) => d.headers.id))).toEqual(new Set([`${id}.received`]));
    const last = attempts.at(-1)!;
    expect(verifyWebhook(secret, last.headers, last.body)).toBe(true);
    const body = JSON.parse(last.body);
    expect(body).toMatchObject({ id: `${id}.received`, type: 'notification.received' });
    const { deliveredReceiptSent: _d, ackReceiptSent: _a, ...item } = store.get(id)!;
    expect(body.data).toEqual(JSON.parse(JSON.stringify(inboxView(item))));
    // A tampered body fails the case system's check.
    expect(verifyWebhook(secret, last.headers, last.body.replace('Test', 'Tess'))).toBe(false);
    expect(store.webhooks.depth().queued).toBe(0);

    // The next event is delivered after it, and the first is never sent again.
    const next = 'b'.repeat(22);
    storeNotification(store, next);
    await once(metrics.events, 'cwtch_webhooks_delivered_total');
    expect(receiver.deliveries.slice(attempts.length).map((d) => d.headers.id)).toEqual([`${next}.received`]);
    await sender.stop();
    store.close();
  });

  it('queues nothing when webhooks are off, and nothing twice for a notification stored again', async () => {
    const store = new InboxStore(join(dir, 'off.sqlite'));
    storeNotification(store, 'c'.repeat(22));
    expect(store.webhooks.depth().queued).toBe(0);
    store.close();
    const on = new InboxStore(join(dir, 'on.sqlite'), { webhooks: true });
    storeNotification(on, 'c'.repeat(22));
    storeNotification(on, 'c'.repeat(22));
    expect(on.webhooks.depth().queued).toBe(1);
    on.close();
  });

  it('gives up an event at its maximum age and records why, without its content', async () => {
    const store = new InboxStore(join(dir, 'old.sqlite'), { webhooks: true });
    const metrics = new WatchedMetrics();
    receiver.answer = (res) => res.writeHead(502).end();
    storeNotification(store, 'd'.repeat(22), Date.now() - 1000);
    const sender = start(store, metrics, 500);
    expect((await once(metrics.events, 'cwtch_webhooks_given_up_total'))[0]).toEqual({
      type: 'notification.received',
    });
    await sender.stop();
    expect(store.webhooks.depth().queued).toBe(0);
    expect(store.webhooks.givenUp()).toMatchObject([
      { id: `${'d'.repeat(22)}.received`, reason: 'http-502' },
    ]);
    expect(metrics.render()).toContain('cwtch_webhooks_given_up_total{type="notification.received"} 1');
    store.close();
  });

  it('stops on 410 Gone and keeps the queue for the next start', async () => {
    const store = new InboxStore(join(dir, 'gone.sqlite'), { webhooks: true });
    const metrics = new WatchedMetrics();
    receiver.answer = (res) => res.writeHead(410).end();
    storeNotification(store, 'e'.repeat(22));
    storeNotification(store, 'f'.repeat(22));
    const before = receiver.deliveries.length;
    const sender = start(store, metrics);
    await once(metrics.events, 'cwtch_webhook_endpoint_gone_total');
    sender.wake();
    await sender.stop();
    expect(receiver.deliveries.length - before).toBe(1);
    expect(sender.status()).toMatchObject({ queued: 2, gone: true });
    store.close();
  });
});
