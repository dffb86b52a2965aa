import { DiscardPolicy } from '@nats-io/jetstream';
import { describe, expect, it } from 'vitest';
import {
  DEAD_LETTER_STREAM,
  DEFAULT_BUS_LIMITS,
  deadLetterSubject,
  HEADER_ALLOWANCE_BYTES,
  inboxConsumer,
  jetstream,
  jetstreamManager,
  provisionBus,
  publishDurable,
  readBusUsage,
  receiptSubject,
  SHARES_STREAM,
  shareSubject,
} from './index.ts';
import { useNatsServer } from './nats-server.test-support.ts';

const nats = useNatsServer();
const limits = {
  maxEnvelopeBytes: 2048,
  maxMessagesPerPair: 3,
  sharesMaxBytes: 1024 * 1024,
  deadLettersPerAgency: 2,
  deadLetterMaxBytes: 1024 * 1024,
};
const bytes = (n: number) => new Uint8Array(n).fill(120);
let id = 0;
const publish = (subject: string, n = 100) =>
  publishDurable(jetstream(nats().nc), subject, bytes(n), { msgId: `m-${++id}`, attempts: 1 });

describe('bounded bus storage', () => {
  it('refuses a pair over its quota with BUS_STORAGE_FULL naming it, while other pairs go on and nothing stored is dropped', async () => {
    const jsm = await jetstreamManager(nats().nc);
    await provisionBus(jsm, { agencies: ['a-one', 'b-two', 'c-three'], limits });
    for (let i = 0; i < 3; i++) await publish(shareSubject('a-one', 'b-two'));
    await expect(publish(shareSubject('a-one', 'b-two'))).rejects.toMatchObject({
      code: 'BUS_STORAGE_FULL',
      message: expect.stringContaining('cwtch.share.a-one.b-two'),
    });
    // The same recipient from another sender, and the full pair's own receipts, still go through.
    await publish(shareSubject('a-one', 'c-three'));
    await publish(receiptSubject('b-two', 'a-one'));
    const info = await jsm.streams.info(SHARES_STREAM, { subjects_filter: '>' });
    expect(info.state.subjects).toEqual({
      'cwtch.share.a-one.b-two': 3,
      'cwtch.share.a-one.c-three': 1,
      'cwtch.receipt.b-two.a-one': 1,
    });
    expect(info.state.first_seq).toBe(1);
    // Room for an inbox per agency beyond nats-server 2.15's default of 1,000 consumers a stream.
    expect(info.config.max_consumers).toBe(DEFAULT_BUS_LIMITS.sharesMaxConsumers);
  });

  it('refuses a message over the envelope limit with ENVELOPE_TOO_LARGE, never retrying', async () => {
    const subject = shareSubject('b-two', 'c-three');
    await publish(subject, limits.maxEnvelopeBytes);
    await expect(
      publish(subject, limits.maxEnvelopeBytes + HEADER_ALLOWANCE_BYTES + 1),
    ).rejects.toMatchObject({
      code: 'ENVELOPE_TOO_LARGE',
    });
  });

  it('refuses every publish, loudly, once the stream holds its bytes limit', async () => {
    const jsm = await jetstreamManager(nats().nc);
    await provisionBus(jsm, { agencies: ['a-one'], limits: { ...limits, sharesMaxBytes: 4096 } });
    await expect(
      (async () => {
        for (let i = 0; i < 10; i++) await publish(shareSubject('c-three', `s-${i}`), 1000);
      })(),
    ).rejects.toMatchObject({ code: 'BUS_STORAGE_FULL', message: expect.stringMatching(/bytes/) });
    await provisionBus(jsm, { agencies: ['a-one'], limits });
  });

  it('gives an older region the new limits on start without dropping what it holds beyond them', async () => {
    const jsm = await jetstreamManager(nats().nc);
    const name = SHARES_STREAM;
    // The stream as an older version made it: no per-pair, bytes or tight size limit.
    const old = await jsm.streams.info(name);
    await jsm.streams.delete(name).catch(() => undefined);
    await jsm.streams.add({
      ...old.config,
      max_msgs_per_subject: -1,
      discard_new_per_subject: false,
      max_bytes: -1,
      max_msg_size: 1024 * 1024,
      discard: DiscardPolicy.New,
      deny_delete: false,
      deny_purge: false,
    });
    await jsm.streams.update(name, {
      ...(await jsm.streams.info(name)).config,
      deny_delete: true,
      deny_purge: true,
    });
    for (let i = 0; i < 5; i++) await publish(shareSubject('a-one', 'b-two'));
    await provisionBus(jsm, { agencies: ['a-one', 'b-two'], limits });
    const info = await jsm.streams.info(name, { subjects_filter: '>' });
    expect(info.state.subjects?.['cwtch.share.a-one.b-two']).toBe(5);
    expect(info.config).toMatchObject({
      max_msgs_per_subject: 5,
      discard_new_per_subject: true,
      max_msg_size: limits.maxEnvelopeBytes + HEADER_ALLOWANCE_BYTES,
      max_bytes: limits.sharesMaxBytes,
    });
    await expect(publish(shareSubject('a-one', 'b-two'))).rejects.toMatchObject({ code: 'BUS_STORAGE_FULL' });
    await publish(shareSubject('b-two', 'a-one'));
  });

  it('keeps a bounded, de-duplicated dead-letter copy per agency', async () => {
    const jsm = await jetstreamManager(nats().nc);
    const js = jetstream(nats().nc);
    const dlq = (agency: string, seq: number) =>
      publishDurable(js, deadLetterSubject(agency), bytes(50), { msgId: `dlq-${agency}-${seq}` });
    await dlq('b-two', 1);
    for (let seq = 1; seq <= 5; seq++) await dlq('a-one', seq);
    // A copy published again (a refusal retried after a lost ack) is stored once.
    expect((await dlq('a-one', 5)).duplicate).toBe(true);
    const info = await jsm.streams.info(DEAD_LETTER_STREAM, { subjects_filter: '>' });
    expect(info.state.subjects).toEqual({ 'cwtch.dlq.a-one': 2, 'cwtch.dlq.b-two': 1 });
    expect(info.config.max_bytes).toBe(limits.deadLetterMaxBytes);
    expect(info.config.duplicate_window).toBeGreaterThanOrEqual(86_400e9);
  });

  it('reads backlog and storage per agency and per pair', async () => {
    const usage = await readBusUsage(await jetstreamManager(nats().nc), ['a-one', 'b-two', 'nobody']);
    expect(usage.maxMessagesPerPair).toBe(5);
    expect(usage.shares.maxBytes).toBe(limits.sharesMaxBytes);
    expect(usage.pairs).toContainEqual({ type: 'share', to: 'a-one', from: 'b-two', messages: 5 });
    const a = usage.agencies.find((x) => x.agency === 'a-one')!;
    expect(a).toMatchObject({ pending: 5, receivedMessages: 5, sentMessages: 1, deadLetters: 2 });
    expect(usage.agencies.find((x) => x.agency === 'nobody')).toMatchObject({ pending: 0, sentMessages: 0 });
    const consumer = await (await jetstreamManager(nats().nc)).consumers.info(
      SHARES_STREAM,
      inboxConsumer('b-two'),
    );
    expect(usage.agencies.find((x) => x.agency === 'b-two')!.pending).toBe(consumer.num_pending);
  });
});

describe('inbox consumers', () => {
  it('adds the missing ones, puts back settings that drifted, and leaves the rest as they are', async () => {
    const jsm = await jetstreamManager(nats().nc);
    await provisionBus(jsm, { agencies: ['a-one', 'b-two', 'c-three'], limits });
    const before = await jsm.consumers.info(SHARES_STREAM, inboxConsumer('a-one'));
    // Someone changed b-two's consumer by hand.
    const drifted = await jsm.consumers.info(SHARES_STREAM, inboxConsumer('b-two'));
    await jsm.consumers.update(SHARES_STREAM, inboxConsumer('b-two'), {
      ...drifted.config,
      max_ack_pending: 7,
    });

    await provisionBus(jsm, { agencies: ['a-one', 'b-two', 'c-three', 'd-four'], limits });
    const after = await jsm.consumers.info(SHARES_STREAM, inboxConsumer('a-one'));
    expect(after.created).toBe(before.created);
    expect(after.config).toEqual(before.config);
    expect((await jsm.consumers.info(SHARES_STREAM, inboxConsumer('b-two'))).config.max_ack_pending).toBe(
      1000,
    );
    expect((await jsm.consumers.info(SHARES_STREAM, inboxConsumer('d-four'))).config.filter_subjects).toEqual(
      ['cwtch.share.d-four.*', 'cwtch.receipt.d-four.*'],
    );
  });
});
