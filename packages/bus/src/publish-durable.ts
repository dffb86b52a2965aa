import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { JetStreamApiError, type JetStreamClient, type PubAck } from '@nats-io/jetstream';
import { headers as natsHeaders, PermissionViolationError } from '@nats-io/transport-node';

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

/** JetStream's answers to a publish that its storage limits refuse (nats-server's error codes). */
const STORE_FAILED = 10077; // "maximum messages per subject exceeded", "maximum bytes exceeded", ...
const RESOURCES_REFUSED = new Set([10023, 10002, 10047]); // insufficient resources (server, account)
const TOO_LARGE = 10054; // message size exceeds maximum allowed

/** The final refusal a JetStream error stands for, or null when a retry may succeed. */
function refusal(subject: string, e: unknown): CwtchError | null {
  // The server's own refusal: its permissions, generated from the agreements, do not allow it.
  if (
    e instanceof PermissionViolationError ||
    (e as Error | undefined)?.cause instanceof PermissionViolationError
  )
    return new CwtchError(ErrorCode.NO_AGREEMENT, `the bus does not let this client publish to ${subject}`, {
      cause: e,
    });
  if (!(e instanceof JetStreamApiError)) return null;
  const { code, message: why } = e;
  if ((code === STORE_FAILED && /exceeded/.test(why)) || RESOURCES_REFUSED.has(code))
    return new CwtchError(ErrorCode.BUS_STORAGE_FULL, `the bus refused to store ${subject}: ${why}`, {
      cause: e,
    });
  if (code === TOO_LARGE)
    return new CwtchError(ErrorCode.ENVELOPE_TOO_LARGE, `the bus refused ${subject}: ${why}`, { cause: e });
  return null;
}

/**
 * Publishes to JetStream and resolves only once the server has stored the message.
 * Retries transient failures with the same `Nats-Msg-Id`; throws `BUS_UNAVAILABLE` when it
 * cannot get an acknowledgement, so a caller never reports success for an unstored message.
 * A refusal by the stream's limits is final, never retried: `BUS_STORAGE_FULL` (a per-pair quota
 * or the store is full) or `ENVELOPE_TOO_LARGE`, naming the subject; so is the server's
 * permissions violation (`NO_AGREEMENT`: no agreement lets this agency publish there).
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
      const final = refusal(subject, e);
      if (final) throw final;
      await new Promise((r) => setTimeout(r, 100 * 2 ** i));
    }
  }
  throw new CwtchError(ErrorCode.BUS_UNAVAILABLE, 'the bus did not acknowledge the publish', { cause: last });
}
