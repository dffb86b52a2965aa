import {
  AUDIT_CONSUMER,
  jetstream,
  jetstreamManager,
  type NatsConnection,
  publishDurable,
  receiptSubject,
  SHARES_STREAM,
  shareSubject,
} from '@cwtch/bus';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BusEvent, catchUpInOrder } from './log-events.ts';
import { ShareIndex } from './share-index.ts';
import { useTestBus } from './test-bus.ts';

const bus = useTestBus(['a-one', 'b-two']);
let nc: NatsConnection;

beforeAll(() => {
  nc = bus.connection('audit');
});

describe('catchUpInOrder', () => {
  it('logs, in stream order, the events a stopped run was handed but never acknowledged', async () => {
    const js = jetstream(nc);
    const bytes = (s: string) => new TextEncoder().encode(s);
    await publishDurable(js, shareSubject('b-two', 'a-one'), bytes('share'), { msgId: 'one' });
    await publishDurable(js, receiptSubject('a-one', 'b-two'), bytes('receipt'), { msgId: 'two' });
    await publishDurable(js, shareSubject('b-two', 'a-one'), bytes('later'), { msgId: 'three' });
    // A run that took the first two events and stopped before acknowledging either.
    const consumer = await js.consumers.get(SHARES_STREAM, AUDIT_CONSUMER);
    const batch = await consumer.fetch({ max_messages: 2, expires: 2000 });
    const handed: number[] = [];
    for await (const m of batch) handed.push(m.seq);
    expect(handed).toEqual([1, 2]);

    const logged: BusEvent[] = [];
    const n = await catchUpInOrder(
      await jetstreamManager(nc),
      async (e) => void logged.push(e),
      new ShareIndex(),
    );
    expect(n).toBe(2);
    expect(logged.map((e) => [e.seq, e.subject, new TextDecoder().decode(e.data)])).toEqual([
      [1, 'cwtch.share.b-two.a-one', 'share'],
      [2, 'cwtch.receipt.a-one.b-two', 'receipt'],
    ]);
    expect(logged.every((e) => Number.isInteger(e.busTime) && e.busTime > 0)).toBe(true);
  });
});
