import { type Logger, silentLogger } from '@cwtch/runtime';
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';

/** What a handler decided about a message. */
export type Disposition = 'ack' | 'retry' | 'term';

/** A consumer loop that can be stopped. */
export interface RunningConsumer {
  /** Stops fetching, lets the messages in hand finish, and resolves. */
  stop(): Promise<void>;
  /** Resolves when the loop ends (stopped or failed). */
  readonly done: Promise<void>;
}

/** Nak delay after `deliveryCount` attempts: 250 ms doubling, at most 30 s. */
export function retryDelayMs(deliveryCount: number): number {
  return Math.min(30_000, 250 * 2 ** Math.min(7, deliveryCount));
}

/** Settles one message as its handler decided. */
export function settle(msg: JsMsg, disposition: Disposition): void {
  // A plain ack: if it is lost the message comes again, and every handler is idempotent.
  if (disposition === 'ack') msg.ack();
  else if (disposition === 'term') msg.term();
  else msg.nak(retryDelayMs(msg.info.deliveryCount));
}

/**
 * Pulls from a durable consumer and hands the handler every message that has arrived since its
 * last call (at most `maxBatch`, in stream order), so that one transaction and one fsync at the
 * edge can cover many messages; each message is settled as the handler decides for it, only after
 * the handler resolves. With one message waiting it is handled at once: batching never waits for
 * more to come. A handler that throws settles its whole batch as `retry`. `expiresMs` bounds each
 * pull request as in {@link runConsumer}.
 */
export function runBatchConsumer(
  js: JetStreamClient,
  stream: string,
  durable: string,
  handler: (msgs: readonly JsMsg[]) => Promise<readonly Disposition[]>,
  options: { logger?: Logger; maxMessages?: number; maxBatch?: number; expiresMs?: number } = {},
): RunningConsumer {
  const logger = options.logger ?? silentLogger;
  const maxBatch = options.maxBatch ?? 64;
  let stopped = false;
  let iterator: { stop(): void } | undefined;
  const queue: JsMsg[] = [];
  let wake: (() => void) | undefined;
  let room: (() => void) | undefined;
  const signal = (which: 'wake' | 'room') => {
    const f = which === 'wake' ? wake : room;
    if (which === 'wake') wake = undefined;
    else room = undefined;
    f?.();
  };

  const handle = async (batch: readonly JsMsg[]) => {
    let dispositions: readonly Disposition[];
    try {
      dispositions = await handler(batch);
    } catch (e) {
      logger.warn({ err: e, seq: batch[0]?.seq, count: batch.length }, 'batch handler failed; will retry');
      dispositions = batch.map(() => 'retry');
    }
    for (const [i, msg] of batch.entries()) settle(msg, dispositions[i] ?? 'retry');
  };

  // The processor: everything queued so far, in order, one batch at a time.
  const processing = (async () => {
    while (!stopped || queue.length > 0) {
      if (queue.length === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      // One turn of the event loop lets the reader take in everything already buffered.
      if (queue.length < maxBatch) await new Promise((resolve) => setImmediate(resolve));
      const batch = queue.splice(0, maxBatch);
      signal('room');
      await handle(batch);
    }
  })();

  const reading = (async () => {
    while (!stopped) {
      try {
        const consumer = await js.consumers.get(stream, durable);
        const messages = await consumer.consume({
          max_messages: options.maxMessages ?? 256,
          ...(options.expiresMs === undefined ? {} : { expires: options.expiresMs }),
        });
        iterator = messages;
        if (stopped) messages.stop();
        for await (const msg of messages) {
          queue.push(msg);
          signal('wake');
          // Backpressure: no more than a few batches wait in this process.
          if (queue.length >= maxBatch * 4)
            await new Promise<void>((resolve) => {
              room = resolve;
            });
          if (stopped) break;
        }
      } catch (e) {
        if (stopped) break;
        logger.warn({ err: e }, 'consumer loop error; restarting');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  })();

  const done = (async () => {
    await reading;
    signal('wake');
    await processing;
  })();
  return {
    done,
    async stop() {
      stopped = true;
      iterator?.stop();
      signal('room');
      signal('wake');
      await done;
    },
  };
}
