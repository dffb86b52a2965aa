import { randomBytes } from 'node:crypto';
import {
  AckPolicy,
  type JetStreamClient,
  jetstream,
  jetstreamManager,
  type NatsConnection,
  publishBatch,
  StorageType,
} from '@cwtch/bus';
import { type Percentiles, percentiles, progress } from './stats.ts';

/** What one raw JetStream run measured. */
export interface RawRun {
  /** How the messages were published: one at a time with `window` in flight, or atomic batches. */
  readonly how: string;
  readonly messages: number;
  readonly messagesPerSecond: number;
  /** Notification-equivalents per second: messages/s divided by appends per notification. */
  readonly notificationsPerSecond: number;
  /** Publish → consumed (for a batch, from its first message's publish). */
  readonly latencyMs: Percentiles;
}

/** The raw JetStream baseline: per-message and batched, and which was best. */
export interface BaselineResult {
  readonly appendsPerNotification: number;
  readonly size: number;
  readonly perMessage: RawRun;
  /** One run per batch shape asked for (size and batches in flight). */
  readonly batched: readonly RawRun[];
  /** The label of the fastest run, the figure the pipeline is compared with. */
  readonly best: string;
  readonly notificationsPerSecond: number;
  /**
   * At each fixed rate the pipeline is offered (notifications/s), the same appends/s published
   * one at a time as they fall due: the disk's and the server's own latency at that load, the
   * floor for the pipeline's send→inbox beside it. Absent in reports from before it was measured.
   */
  readonly atRates?: readonly (RawRun & { readonly rate: number })[];
}

/** How the publisher writes messages: `window` single publishes in flight, or atomic batches. */
export type RawLoad =
  | { readonly kind: 'per-message'; readonly window: number }
  | { readonly kind: 'batched'; readonly batch: number; readonly parallel: number }
  | { readonly kind: 'fixed-rate'; readonly perSecond: number };

/** The label a load is reported under. */
export function rawLabel(load: RawLoad): string {
  if (load.kind === 'per-message') return `per message, ${load.window} in flight`;
  if (load.kind === 'batched') return `atomic batches of ${load.batch}, ${load.parallel} in flight`;
  return `per message at ${load.perSecond} appends/s`;
}

/**
 * Raw JetStream on the same server and durability: envelope-sized messages to a scratch stream,
 * consumed through a durable pull consumer with an explicit ack each, as the pipeline's stores
 * are. Batched, the publisher keeps `parallel` atomic batches in flight on one connection, each
 * expecting the stream's last sequence the one before it leaves (the audit's fail-closed append).
 */
export async function rawRun(
  nc: NatsConnection,
  options: { messages: number; size: number; appendsPerNotification: number; load: RawLoad },
): Promise<RawRun> {
  const { load } = options;
  const how = rawLabel(load);
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  const name = `BENCH_${Date.now()}`;
  const subject = `bench.${name}`;
  await jsm.streams.add({
    name,
    subjects: [subject],
    storage: StorageType.File,
    ...(load.kind === 'batched' ? { allow_atomic: true } : {}),
  } as never);
  await jsm.consumers.add(name, { durable_name: 'bench', ack_policy: AckPolicy.Explicit });
  const body = randomBytes(options.size);
  const sentAt = new Float64Array(options.messages);
  const latencies: number[] = [];
  const consumer = await js.consumers.get(name, 'bench');
  const label = `raw JetStream, ${how}`;
  const started = performance.now();
  const consumed = (async () => {
    const messages = await consumer.consume({ max_messages: 1024 });
    for await (const m of messages) {
      const idx = Buffer.from(m.data.buffer, m.data.byteOffset, 4).readUInt32BE(0);
      latencies.push(performance.now() - (sentAt[idx] || started));
      m.ack();
      if (latencies.length >= options.messages) break;
    }
  })();
  const message = (i: number) => {
    const data = Buffer.from(body);
    data.writeUInt32BE(i, 0);
    return data;
  };
  if (load.kind === 'per-message')
    await perMessage(js, subject, options.messages, load.window, message, sentAt, label);
  else if (load.kind === 'batched')
    await batched(js, subject, options.messages, load, message, sentAt, label);
  else await fixedRate(js, subject, options.messages, load.perSecond, message, sentAt, label);
  await consumed;
  const seconds = (performance.now() - started) / 1000;
  progress(label, options.messages, options.messages);
  await jsm.streams.delete(name);
  const perSecond = options.messages / seconds;
  return {
    how,
    messages: options.messages,
    messagesPerSecond: Math.round(perSecond),
    notificationsPerSecond: Math.round(perSecond / options.appendsPerNotification),
    latencyMs: percentiles(latencies),
  };
}

async function perMessage(
  js: JetStreamClient,
  subject: string,
  total: number,
  window: number,
  message: (i: number) => Uint8Array,
  sentAt: Float64Array,
  label: string,
): Promise<void> {
  let next = 0;
  const publisher = async () => {
    while (next < total) {
      const i = next++;
      sentAt[i] = performance.now();
      await js.publish(subject, message(i));
      if (i % 500 === 0) progress(label, i, total);
    }
  };
  await Promise.all(Array.from({ length: window }, publisher));
}

/** Publishes message i when it falls due at `perSecond`, never waiting for earlier acks. */
async function fixedRate(
  js: JetStreamClient,
  subject: string,
  total: number,
  perSecond: number,
  message: (i: number) => Uint8Array,
  sentAt: Float64Array,
  label: string,
): Promise<void> {
  const started = performance.now();
  const inFlight: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / perSecond - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sentAt[i] = performance.now();
    inFlight.push(js.publish(subject, message(i)));
    if (i % 500 === 0) progress(label, i, total);
  }
  await Promise.all(inFlight);
}

async function batched(
  js: JetStreamClient,
  subject: string,
  total: number,
  load: { batch: number; parallel: number },
  message: (i: number) => Uint8Array,
  sentAt: Float64Array,
  label: string,
): Promise<void> {
  // Batches leave in order on one connection, so each knows the sequence it must follow.
  let next = 0;
  let inFlight: Promise<unknown>[] = [];
  while (next < total) {
    const first = next;
    const count = Math.min(load.batch, total - first);
    next += count;
    const now = performance.now();
    const messages = Array.from({ length: count }, (_, k) => {
      sentAt[first + k] = now;
      return { data: message(first + k), msgId: `${subject}-${first + k}` };
    });
    const stored = publishBatch(js, subject, messages, { expectLastSequence: first });
    // A refusal is thrown where it is awaited, never reported unhandled before then.
    stored.catch(() => {});
    inFlight.push(stored);
    if (inFlight.length >= load.parallel) {
      await inFlight[0];
      inFlight = inFlight.slice(1);
    }
    if ((first / load.batch) % 5 === 0) progress(label, first, total);
  }
  await Promise.all(inFlight);
}

/** A batch shape: messages per atomic batch and batches in flight. */
export interface BatchShape {
  readonly batch: number;
  readonly parallel: number;
}

/** Batch shapes written `100x4,500x2`; throws on anything else. */
export function parseBatchShapes(text: string): BatchShape[] {
  return text.split(',').map((part) => {
    const m = /^\s*(\d+)\s*x\s*(\d+)\s*$/.exec(part);
    const batch = Number(m?.[1]);
    const parallel = Number(m?.[2]);
    if (!m || batch < 1 || batch > 1000 || parallel < 1)
      throw new Error(`a batch shape is SIZExIN-FLIGHT with a size of 1 to 1000, such as 100x4: not ${part}`);
    return { batch, parallel };
  });
}

/** The raw runs: per message with `window` in flight, and atomic batches of each shape; the best named. */
export async function rawBaseline(
  nc: NatsConnection,
  options: {
    messages: number;
    size: number;
    window: number;
    shapes: readonly BatchShape[];
    appendsPerNotification: number;
    /** The pipeline's fixed rates (notifications/s), each measured for `seconds`. */
    rates?: readonly number[];
    seconds?: number;
  },
): Promise<BaselineResult> {
  const common = {
    messages: options.messages,
    size: options.size,
    appendsPerNotification: options.appendsPerNotification,
  };
  const perMessage = await rawRun(nc, { ...common, load: { kind: 'per-message', window: options.window } });
  const batched: RawRun[] = [];
  for (const shape of options.shapes)
    batched.push(await rawRun(nc, { ...common, load: { kind: 'batched', ...shape } }));
  const best = [perMessage, ...batched].reduce((a, b) => (b.messagesPerSecond > a.messagesPerSecond ? b : a));
  const atRates: (RawRun & { rate: number })[] = [];
  for (const rate of options.rates ?? []) {
    const perSecond = rate * options.appendsPerNotification;
    const run = await rawRun(nc, {
      ...common,
      messages: Math.round(perSecond * (options.seconds ?? 10)),
      load: { kind: 'fixed-rate', perSecond },
    });
    atRates.push({ ...run, rate });
  }
  return {
    appendsPerNotification: options.appendsPerNotification,
    size: options.size,
    perMessage,
    batched,
    best: best.how,
    notificationsPerSecond: best.notificationsPerSecond,
    atRates,
  };
}
