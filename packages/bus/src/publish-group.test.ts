import { isCwtchError } from '@cwtch/runtime';
import { describe, expect, it } from 'vitest';
import {
  BATCH_FROM,
  jetstream,
  jetstreamManager,
  PublishGroup,
  provisionBus,
  publishDurable,
  receiptSubject,
  SHARES_STREAM,
  shareSubject,
} from './index.ts';
import { useNatsServer } from './nats-server.test-support.ts';

const nats = useNatsServer();
const bytes = (s: string) => new TextEncoder().encode(s);

/** Every message SHARES holds on `subject`, as text, in stream order. */
async function held(subject: string): Promise<string[]> {
  const jsm = await jetstreamManager(nats().nc);
  const info = await jsm.streams.info(SHARES_STREAM, { subjects_filter: subject });
  const out: string[] = [];
  const last = info.state.last_seq;
  for (let seq = info.state.first_seq; seq <= last && seq > 0; seq++) {
    const m = await jsm.streams.getMessage(SHARES_STREAM, { seq }).catch(() => undefined);
    if (m && m.subject === subject) out.push(new TextDecoder().decode(m.data));
  }
  return out;
}

describe('PublishGroup', () => {
  it("stores one turn's publishes as one atomic batch, in order, and a lone publish on its own", async () => {
    const jsm = await jetstreamManager(nats().nc);
    await provisionBus(jsm, { agencies: ['a-one', 'b-two', 'c-three'], limits: { maxMessagesPerPair: 3 } });
    const group = new PublishGroup(jetstream(nats().nc), { batchFrom: 2 });
    const before = (await jsm.streams.info(SHARES_STREAM)).state.last_seq;
    await Promise.all([
      group.publish(shareSubject('a-one', 'b-two'), bytes('s1'), 'g1.s1'),
      group.publish(shareSubject('c-three', 'b-two'), bytes('s2'), 'g1.s2'),
      group.publish(receiptSubject('b-two', 'a-one'), bytes('r1'), 'g1.r1'),
    ]);
    expect(group.counts).toEqual({ batches: 1, batched: 3, single: 0, refused: 0 });
    const after = (await jsm.streams.info(SHARES_STREAM)).state.last_seq;
    expect(after - before).toBe(3);
    expect(await held(shareSubject('a-one', 'b-two'))).toEqual(['s1']);
    expect(await held(receiptSubject('b-two', 'a-one'))).toEqual(['r1']);

    await group.publish(shareSubject('a-one', 'b-two'), bytes('s3'), 'g2.s3');
    expect(group.counts).toMatchObject({ batches: 1, single: 1 });
    expect(await held(shareSubject('a-one', 'b-two'))).toEqual(['s1', 's3']);
  });

  it('publishes each on its own when the batch holds a message stored before: none twice, all resolved', async () => {
    const js = jetstream(nats().nc);
    const group = new PublishGroup(js, { batchFrom: 2 });
    await publishDurable(js, shareSubject('c-three', 'a-one'), bytes('d1'), { msgId: 'g3.d1' });
    await Promise.all([
      group.publish(shareSubject('c-three', 'a-one'), bytes('d1'), 'g3.d1'),
      group.publish(shareSubject('c-three', 'a-one'), bytes('d2'), 'g3.d2'),
    ]);
    expect(group.counts).toEqual({ batches: 0, batched: 0, single: 2, refused: 1 });
    expect(await held(shareSubject('c-three', 'a-one'))).toEqual(['d1', 'd2']);
  });

  it("refuses only the copy whose pair's quota is full (BUS_STORAGE_FULL); the rest of its turn is stored", async () => {
    const group = new PublishGroup(jetstream(nats().nc), { batchFrom: 2 });
    // a-one ← b-two holds 2 of its 3: the third fits, the fourth does not.
    const outcomes = await Promise.allSettled([
      group.publish(shareSubject('a-one', 'b-two'), bytes('s4'), 'g4.s4'),
      group.publish(shareSubject('a-one', 'b-two'), bytes('s5'), 'g4.s5'),
      group.publish(shareSubject('b-two', 'c-three'), bytes('t1'), 'g4.t1'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refusal = (outcomes[1] as PromiseRejectedResult).reason;
    expect(isCwtchError(refusal) && refusal.code).toBe('BUS_STORAGE_FULL');
    expect(await held(shareSubject('a-one', 'b-two'))).toEqual(['s1', 's3', 's4']);
    expect(await held(shareSubject('b-two', 'c-three'))).toEqual(['t1']);
    expect(group.counts.refused).toBe(1);
  });

  it(`publishes a turn of fewer than ${BATCH_FROM} each on its own, and ${BATCH_FROM} as one atomic batch`, async () => {
    const jsm = await jetstreamManager(nats().nc);
    await provisionBus(jsm, { agencies: ['a-one', 'b-two', 'c-three'], limits: { maxMessagesPerPair: 100 } });
    const group = new PublishGroup(jetstream(nats().nc));
    const turn = (tag: string, count: number) =>
      Array.from({ length: count }, (_, n) =>
        group.publish(receiptSubject('c-three', 'b-two'), bytes(`${tag}${n}`), `${tag}.${n}`),
      );
    await Promise.all(turn('few', BATCH_FROM - 1));
    expect(group.counts).toEqual({ batches: 0, batched: 0, single: BATCH_FROM - 1, refused: 0 });
    await Promise.all(turn('many', BATCH_FROM));
    expect(group.counts).toEqual({ batches: 1, batched: BATCH_FROM, single: BATCH_FROM - 1, refused: 0 });
    const stored = await held(receiptSubject('c-three', 'b-two'));
    expect(stored).toEqual([
      ...Array.from({ length: BATCH_FROM - 1 }, (_, n) => `few${n}`),
      ...Array.from({ length: BATCH_FROM }, (_, n) => `many${n}`),
    ]);
  });

  it('falls back to single publishes on a stream that does not allow atomic batches', async () => {
    const jsm = await jetstreamManager(nats().nc);
    const { config } = await jsm.streams.info(SHARES_STREAM);
    await jsm.streams.update(SHARES_STREAM, { ...config, allow_atomic: false });
    const group = new PublishGroup(jetstream(nats().nc), { batchFrom: 2 });
    await Promise.all([
      group.publish(shareSubject('b-two', 'a-one'), bytes('u1'), 'g5.u1'),
      group.publish(shareSubject('b-two', 'a-one'), bytes('u2'), 'g5.u2'),
    ]);
    expect(group.counts).toEqual({ batches: 0, batched: 0, single: 2, refused: 1 });
    expect(await held(shareSubject('b-two', 'a-one'))).toEqual(['u1', 'u2']);
    // Provisioning turns it back on.
    await provisionBus(jsm, { agencies: ['a-one', 'b-two', 'c-three'], limits: { maxMessagesPerPair: 3 } });
    expect((await jsm.streams.info(SHARES_STREAM)).config.allow_atomic).toBe(true);
  });
});
