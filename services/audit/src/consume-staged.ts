import type { JetStreamClient, JsMsg, RunningConsumer } from '@cwtch/bus';
import { type Logger, silentLogger } from '@cwtch/runtime';

/**
 * Pulls from a durable consumer in order and hands each message to `stage`, one at a time: the
 * next message is staged once the one before is, not once it is stored, so many are stored
 * together. A message is acknowledged only when its own `stored` resolves (its effects are
 * durable); one whose staging throws is nakked and comes again. Stopping lets everything staged
 * be stored and acknowledged first.
 */
export function consumeStaged(
  js: JetStreamClient,
  stream: string,
  durable: string,
  stage: (msg: JsMsg) => Promise<{ stored: Promise<void> }>,
  options: { logger?: Logger; maxMessages?: number } = {},
): RunningConsumer {
  const logger = options.logger ?? silentLogger;
  let stopped = false;
  let iterator: { stop(): void } | undefined;
  const inFlight = new Set<Promise<void>>();
  const loop = (async () => {
    while (!stopped) {
      try {
        const consumer = await js.consumers.get(stream, durable);
        const messages = await consumer.consume({ max_messages: options.maxMessages ?? 512 });
        iterator = messages;
        if (stopped) messages.stop();
        for await (const msg of messages) {
          try {
            const { stored } = await stage(msg);
            const acked = stored.then(
              () => msg.ack(),
              () => undefined,
            );
            inFlight.add(acked);
            void acked.finally(() => inFlight.delete(acked));
          } catch (e) {
            logger.warn({ err: e, seq: msg.seq }, 'handler failed; will retry');
            msg.nak(Math.min(30_000, 250 * 2 ** Math.min(7, msg.info.deliveryCount)));
          }
          if (stopped) break;
        }
      } catch (e) {
        if (stopped) break;
        logger.warn({ err: e }, 'consumer loop error; restarting');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  })();
  const done = loop.then(() => Promise.all(inFlight)).then(() => undefined);
  return {
    done,
    async stop() {
      stopped = true;
      iterator?.stop();
      await done;
    },
  };
}
