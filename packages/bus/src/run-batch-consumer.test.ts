import { describe, expect, it } from 'vitest';
import {
  inboxConsumer,
  jetstream,
  jetstreamManager,
  provisionBus,
  publishDurable,
  runBatchConsumer,
  SHARES_STREAM,
  shareSubject,
} from './index.ts';
import { useNatsServer } from './nats-server.test-support.ts';

const nats = useNatsServer();
describe('runBatchConsumer', () => {
  it('hands over what has arrived in stream order, settles each as decided, and redelivers a retry', async () => {
    const jsm = await jetstreamManager(nats().nc);
    await provisionBus(jsm, { agencies: ['a-one', 'b-two'] });
    const js = jetstream(nats().nc);
    const total = 200;
    await Promise.all(
      Array.from({ length: total }, (_, n) =>
        publishDurable(js, shareSubject('a-one', 'b-two'), new TextEncoder().encode(String(n)), {
          msgId: `batch-${n}`,
        }),
      ),
    );
    const order = Array.from({ length: total }, (_, n) => n);
    const seen: number[] = [];
    const sizes: number[] = [];
    let retried = false;
    let resolveAll!: () => void;
    const all = new Promise<void>((r) => {
      resolveAll = r;
    });
    const loop = runBatchConsumer(
      js,
      SHARES_STREAM,
      inboxConsumer('a-one'),
      async (msgs) => {
        sizes.push(msgs.length);
        const out = msgs.map((m) => {
          const n = Number(m.string());
          // Message 7 fails once: it must come again, and be seen twice in all.
          if (n === 7 && !retried) {
            retried = true;
            return 'retry' as const;
          }
          seen.push(n);
          return n === 9 ? ('term' as const) : ('ack' as const);
        });
        if (seen.length === total) resolveAll();
        return out;
      },
      { maxBatch: 64 },
    );
    await all;
    await loop.stop();
    expect([...seen].sort((a, b) => a - b)).toEqual(order);
    // Stream order, but for the retried message that came back later.
    expect(seen.filter((n) => n !== 7)).toEqual(order.filter((n) => n !== 7));
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(64);
    let info = await jsm.consumers.info(SHARES_STREAM, inboxConsumer('a-one'));
    for (let i = 0; i < 100 && (info.num_ack_pending > 0 || info.num_pending > 0); i++) {
      await new Promise((r) => setTimeout(r, 50));
      info = await jsm.consumers.info(SHARES_STREAM, inboxConsumer('a-one'));
    }
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_pending).toBe(0);
  });
});
