import { describe, expect, it } from 'vitest';
import {
  inboxConsumer,
  jetstream,
  jetstreamManager,
  provisionBus,
  publishDurable,
  runConsumer,
  SHARES_STREAM,
  shareSubject,
} from './index.ts';
import { useNatsServer } from './nats-server.test-support.ts';

const nats = useNatsServer();
describe('bus', () => {
  it('provisions idempotently, de-duplicates by msg id, and consumes in order with explicit ack', async () => {
    const jsm = await jetstreamManager(nats().nc);
    await provisionBus(jsm, { agencies: ['a-one', 'b-two'] });
    await provisionBus(jsm, { agencies: ['a-one', 'b-two'] });
    const js = jetstream(nats().nc);
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
    // Acks are sent without waiting for an answer: wait until the server has counted both.
    let info = await jsm.consumers.info(SHARES_STREAM, inboxConsumer('a-one'));
    for (let i = 0; i < 100 && info.num_ack_pending > 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      info = await jsm.consumers.info(SHARES_STREAM, inboxConsumer('a-one'));
    }
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_pending).toBe(0);
  });

  it('refuses delete and purge on the share stream', async () => {
    const jsm = await jetstreamManager(nats().nc);
    await expect(jsm.streams.purge(SHARES_STREAM)).rejects.toThrow();
    await expect(jsm.streams.deleteMessage(SHARES_STREAM, 1)).rejects.toThrow();
  });
});
