import { type Logger, silentLogger } from '@cwtch/runtime';
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';

/** What a handler decided about a message. */
export type Disposition = 'ack' | 'retry' | 'term';

/** A consumer loop that can be stopped. */
export interface RunningConsumer {
  /** Stops fetching, lets the message in hand finish, and resolves. */
  stop(): Promise<void>;
  /** Resolves when the loop ends (stopped or failed). */
  readonly done: Promise<void>;
}

/**
 * Pulls from a durable consumer one message at a time, in order, and settles each message as
 * the handler decides: `ack` after its effects are stored, `retry` (nak with backoff) on a
 * transient failure, `term` for a message that can never be processed. A handler that throws
 * counts as `retry`. `expiresMs` bounds each pull request (at least 1000): a process that stops
 * running (frozen, not exited) leaves no pull request waiting for longer, so the server's
 * consumer state shows it is not collecting.
 */
export function runConsumer(
  js: JetStreamClient,
  stream: string,
  durable: string,
  handler: (msg: JsMsg) => Promise<Disposition>,
  options: { logger?: Logger; maxMessages?: number; expiresMs?: number } = {},
): RunningConsumer {
  const logger = options.logger ?? silentLogger;
  let stopped = false;
  let iterator: { stop(): void } | undefined;
  const done = (async () => {
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
          let disposition: Disposition;
          try {
            disposition = await handler(msg);
          } catch (e) {
            logger.warn({ err: e, seq: msg.seq }, 'handler failed; will retry');
            disposition = 'retry';
          }
          // A plain ack: if it is lost the message comes again, and every handler is idempotent.
          if (disposition === 'ack') msg.ack();
          else if (disposition === 'term') msg.term();
          else msg.nak(Math.min(30_000, 250 * 2 ** Math.min(7, msg.info.deliveryCount)));
          if (stopped) break;
        }
      } catch (e) {
        if (stopped) break;
        logger.warn({ err: e }, 'consumer loop error; restarting');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  })();
  return {
    done,
    async stop() {
      stopped = true;
      iterator?.stop();
      await done;
    },
  };
}
