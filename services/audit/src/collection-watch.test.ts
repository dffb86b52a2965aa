import {
  inboxConsumer,
  jetstream,
  jetstreamManager,
  publishDurable,
  runConsumer,
  SHARES_STREAM,
  shareSubject,
} from '@cwtch/bus';
import type { Logger } from '@cwtch/runtime';
import { describe, expect, it, vi } from 'vitest';
import { CollectionWatch, readInboxConsumerStates } from './collection-watch.ts';
import { useTestBus } from './test-bus.ts';

const bus = useTestBus(['a-one', 'b-two'], ['audit', 'a-one']);

describe('CollectionWatch (real nats-server)', () => {
  it('sees a running connector collect, then go silent with a backlog once its pull request lapses', async () => {
    const jsm = await jetstreamManager(bus.connection('audit'));
    const watch = new CollectionWatch({
      read: () => readInboxConsumerStates(jsm),
      agencies: () => ['a-one', 'b-two', 'c-unprovisioned'],
      thresholdMs: 300,
    });
    const js = jetstream(bus.connection('a-one'));
    const collect = () =>
      runConsumer(js, SHARES_STREAM, inboxConsumer('a-one'), async () => 'ack', { expiresMs: 1000 });
    const consumer = collect();
    try {
      await vi.waitFor(
        async () => {
          await watch.poll();
          expect(watch.answer().agencies['a-one']?.silentForMs).toBe(0);
        },
        { timeout: 10_000, interval: 100 },
      );
      // b-two's connector never pulled: it dates from the watch's start; no consumer, no entry.
      expect(Object.keys(watch.answer().agencies)).toEqual(['a-one', 'b-two']);
      expect(watch.silent().map((a) => a.agency)).not.toContain('a-one');
    } finally {
      await consumer.stop();
    }

    await publishDurable(
      jetstream(bus.connection('audit')),
      shareSubject('a-one', 'b-two'),
      new Uint8Array([1]),
      {
        msgId: 'collection-watch-1',
      },
    );
    await vi.waitFor(
      async () => {
        await watch.poll();
        expect(watch.silent()).toContainEqual({
          agency: 'a-one',
          silentForMs: expect.any(Number),
          backlog: 1,
        });
      },
      { timeout: 10_000, interval: 100 },
    );
    const a = watch.answer().agencies['a-one']!;
    expect(a.silentForMs).toBeGreaterThan(300);
    expect(a.lastCollectedAt).toBeLessThan(Date.now() - 300);
    const gauge = watch.metrics()[0]!;
    expect(gauge.name).toBe('cwtch_agency_collection_silent_seconds');
    expect(gauge.samples.find((s) => s.labels?.agency === 'a-one')?.value).toBeGreaterThan(0.3);

    // Collecting again: the message is delivered and the pull request waits once more.
    const again = collect();
    try {
      await vi.waitFor(
        async () => {
          await watch.poll();
          expect(watch.answer().agencies['a-one']).toMatchObject({ silentForMs: 0, backlog: 0 });
        },
        { timeout: 10_000, interval: 100 },
      );
      expect(watch.silent().map((s) => s.agency)).toEqual(['b-two']);
    } finally {
      await again.stop();
    }
  });

  it('keeps every agency’s last state while the bus does not answer, saying so once and again when it does', async () => {
    let fail = false;
    const lines: [string, string][] = [];
    const line = (level: string) => (_fields: unknown, msg?: string) =>
      void lines.push([level, typeof _fields === 'string' ? _fields : (msg ?? '')]);
    const logger = { warn: line('warn'), info: line('info'), debug: line('debug') } as unknown as Logger;
    const watch = new CollectionWatch({
      read: async () => {
        if (fail) throw new Error('Permissions Violation');
        return new Map([['a-one', { waiting: 1, lastDelivered: null, backlog: 2 }]]);
      },
      agencies: () => ['a-one'],
      thresholdMs: 1000,
      logger,
    });
    await watch.poll(1_000);
    fail = true;
    await watch.poll(30_000);
    await watch.poll(60_000);
    expect(watch.answer(60_000)).toEqual({
      at: 60_000,
      agencies: { 'a-one': { lastCollectedAt: 1_000, backlog: 2, silentForMs: 0 } },
    });
    expect(lines).toEqual([
      ['warn', 'cannot read the inbox consumers; keeping their last state until the bus answers'],
    ]);
    fail = false;
    await watch.poll(61_000);
    expect(lines.at(-1)).toEqual(['info', 'reading the inbox consumers again']);
  });
});
