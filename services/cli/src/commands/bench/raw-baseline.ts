import { randomBytes } from 'node:crypto';
import { AckPolicy, jetstream, jetstreamManager, type NatsConnection, StorageType } from '@cwtch/bus';
import { type Percentiles, percentiles, progress } from './stats.ts';

/** What the raw JetStream baseline measured. */
export interface BaselineResult {
  readonly messages: number;
  readonly appendsPerNotification: number;
  readonly messagesPerSecond: number;
  /** Notification-equivalents per second: messages/s divided by appends per notification. */
  readonly notificationsPerSecond: number;
  readonly latencyMs: Percentiles;
}

/**
 * Raw JetStream on the same server and durability: publish envelope-sized messages with `window`
 * in flight to a scratch stream and consume them through a durable pull consumer with an explicit
 * ack each, as the pipeline's stores do. Latency is publish → consumed.
 */
export async function rawBaseline(
  nc: NatsConnection,
  options: { messages: number; size: number; window: number; appendsPerNotification: number },
): Promise<BaselineResult> {
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  const name = `BENCH_${Date.now()}`;
  await jsm.streams.add({ name, subjects: [`bench.${name}`], storage: StorageType.File });
  await jsm.consumers.add(name, { durable_name: 'bench', ack_policy: AckPolicy.Explicit });
  const body = randomBytes(options.size);
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  const consumer = await js.consumers.get(name, 'bench');
  const started = performance.now();
  const consumed = (async () => {
    const messages = await consumer.consume({ max_messages: 512 });
    for await (const m of messages) {
      const idx = Buffer.from(m.data.buffer, m.data.byteOffset, 4).readUInt32BE(0);
      latencies.push(performance.now() - (sentAt.get(idx) ?? started));
      m.ack();
      if (latencies.length >= options.messages) break;
    }
  })();
  let next = 0;
  const publisher = async () => {
    while (next < options.messages) {
      const i = next++;
      const data = Buffer.from(body);
      data.writeUInt32BE(i, 0);
      sentAt.set(i, performance.now());
      await js.publish(`bench.${name}`, data);
      if (i % 500 === 0) progress('raw JetStream baseline', i, options.messages);
    }
  };
  await Promise.all(Array.from({ length: options.window }, publisher));
  await consumed;
  const seconds = (performance.now() - started) / 1000;
  progress('raw JetStream baseline', options.messages, options.messages);
  await jsm.streams.delete(name);
  const perSecond = options.messages / seconds;
  return {
    messages: options.messages,
    appendsPerNotification: options.appendsPerNotification,
    messagesPerSecond: Math.round(perSecond),
    notificationsPerSecond: Math.round(perSecond / options.appendsPerNotification),
    latencyMs: percentiles(latencies),
  };
}
