import { CwtchError, ErrorCode } from '@cwtch/runtime';
import type { JetStreamClient, PubAck } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';

/** Options for one durable publish. */
export interface PublishOptions {
  /** JetStream de-duplication id (`Nats-Msg-Id`): the same id on a retry stores nothing twice. */
  readonly msgId: string;
  /** Refuse unless the stream's last sequence is this (single-writer appends). */
  readonly expectLastSequence?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Attempts on timeout or loss of connection, with the same `msgId`. */
  readonly attempts?: number;
  readonly timeoutMs?: number;
}

/**
 * Publishes to JetStream and resolves only once the server has stored the message.
 * Retries transient failures with the same `Nats-Msg-Id`; throws `BUS_UNAVAILABLE` when it
 * cannot get an acknowledgement, so a caller never reports success for an unstored message.
 */
export async function publishDurable(
  js: JetStreamClient,
  subject: string,
  data: Uint8Array,
  options: PublishOptions,
): Promise<PubAck> {
  const attempts = options.attempts ?? 3;
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      const h = natsHeaders();
      for (const [k, v] of Object.entries(options.headers ?? {})) h.set(k, v);
      return await js.publish(subject, data, {
        msgID: options.msgId,
        headers: h,
        timeout: options.timeoutMs ?? 3000,
        ...(options.expectLastSequence === undefined
          ? {}
          : { expect: { lastSequence: options.expectLastSequence } }),
      });
    } catch (e) {
      last = e;
      // A wrong-last-sequence answer is final: another writer or a gap. Never retry it.
      if (String(e).includes('wrong last sequence')) throw e;
      await new Promise((r) => setTimeout(r, 100 * 2 ** i));
    }
  }
  throw new CwtchError(ErrorCode.BUS_UNAVAILABLE, 'the bus did not acknowledge the publish', { cause: last });
}
