import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectBus,
  inboxConsumer,
  jetstream,
  jetstreamManager,
  type NatsConnection,
  type NatsServerHandle,
  provisionBus,
  publishDurable,
  runConsumer,
  SHARES_STREAM,
  shareSubject,
  startNatsServer,
} from './index.ts';

let server: NatsServerHandle;
let nc: NatsConnection;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cwtch-bus-'));
  server = await startNatsServer({ dataDir: dir });
  nc = await connectBus({ servers: server.url, name: 'bus-test' });
});
afterAll(async () => {
  await nc?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('bus', () => {
  it('provisions idempotently, de-duplicates by msg id, and consumes in order with explicit ack', async () => {
    const jsm = await jetstreamManager(nc);
    await provisionBus(jsm, { agencies: ['a-one', 'b-two'] });
    await provisionBus(jsm, { agencies: ['a-one', 'b-two'] });
    const js = jetstream(nc);
    const first = await publishDurable(js, shareSubject('a-one', 'b-two'), new TextEncoder().encode('x'), {
      msgId: 'm1.a-one',
    });
    const again = await publishDurable(js, shareSubject('a-one', 'b-two'), new TextEncoder().encode('x'), {
      msgId: 'm1.a-one',
    });
    expect(again.duplicate).toBe(true);
    expect(again.seq).toBe(first.seq);
    await publishDurable(js, shareSubject('b-two', 'a-one'), new TextEncoder().encode('y'), { msgId: 'm2' });
    await publishDurable(js, shareSubject('a-one', 'b-two'), new TextEncoder().encode('z'), { msgId: 'm3' });

    const seen: string[] = [];
    let resolveTwo!: () => void;
    const two = new Promise<void>((r) => {
      resolveTwo = r;
    });
    const loop = runConsumer(js, SHARES_STREAM, inboxConsumer('a-one'), async (m) => {
      seen.push(m.string());
      if (seen.length === 2) resolveTwo();
      return 'ack';
    });
    await two;
    await loop.stop();
    expect(seen).toEqual(['x', 'z']);
    const info = await jsm.consumers.info(SHARES_STREAM, inboxConsumer('a-one'));
    expect(info.num_ack_pending).toBe(0);
  });

  it('refuses delete and purge on the share stream', async () => {
    const jsm = await jetstreamManager(nc);
    await expect(jsm.streams.purge(SHARES_STREAM)).rejects.toThrow();
    await expect(jsm.streams.deleteMessage(SHARES_STREAM, 1)).rejects.toThrow();
  });
});
