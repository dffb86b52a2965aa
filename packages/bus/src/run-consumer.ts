import { type Logger, silentLogger } from '@cwtch/runtime';
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { type Disposition, type RunningConsumer, runBatchConsumer } from './run-batch-consumer.ts';

export type { Disposition, RunningConsumer };

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
  return runBatchConsumer(
    js,
    stream,
    durable,
    async ([msg]) => {
      try {
        return [await handler(msg!)];
      } catch (e) {
        logger.warn({ err: e, seq: msg?.seq }, 'handler failed; will retry');
        return ['retry'];
      }
    },
    { ...options, maxBatch: 1 },
  );
}
