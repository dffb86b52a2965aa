import { randomUUID } from 'node:crypto';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import type { JetStreamClient } from '@nats-io/jetstream';
import { type NatsConnection, headers as natsHeaders } from '@nats-io/transport-node';

/** One message of an atomic batch: its bytes, its de-duplication id (`Nats-Msg-Id`), its subject. */
export interface BatchMessage {
  readonly data: Uint8Array;
  readonly msgId: string;
  /** Where it goes, when not the batch's subject (any subject of the same stream). */
  readonly subject?: string;
}

/** What the server answers once a whole batch is stored. */
export interface BatchAck {
  /** Stream sequence of the batch's last message. */
  readonly seq: number;
  readonly count: number;
}

/** The most messages nats-server takes in one atomic batch (its default `max_msgs`). */
export const MAX_BATCH_MESSAGES = 1000;

/**
 * Appends `messages` to a stream that allows atomic publish (`allow_atomic`, nats-server 2.12+)
 * as one atomic batch: all stored, in order and after one write to disk, or none. Each goes to
 * `subject` unless it names its own (all of one stream). With `expectLastSequence` the first
 * message carries `Nats-Expected-Last-Sequence`, so the batch lands only right after it (a single
 * writer's fail-closed append). One round trip: only the commit asks for an answer. A refused batch throws an Error with the server's reason (a wrong
 * last sequence included), never retried; a lost answer throws `BUS_UNAVAILABLE`, and then only the
 * stream itself can say whether the batch was stored.
 */
export async function publishBatch(
  js: JetStreamClient,
  subject: string,
  messages: readonly BatchMessage[],
  options: { readonly expectLastSequence?: number; readonly timeoutMs?: number } = {},
): Promise<BatchAck> {
  // The client's own batch API asks for an answer to the first message too, and drops the
  // server's reason for a refused commit: speak the protocol on the client's connection instead.
  const nc = (js as unknown as { nc?: NatsConnection }).nc;
  if (!nc) throw new Error('this JetStream client does not expose its connection');
  if (messages.length === 0 || messages.length > MAX_BATCH_MESSAGES)
    throw new RangeError(`an atomic batch holds 1 to ${MAX_BATCH_MESSAGES} messages`);
  const id = randomUUID();
  const last = messages.length;
  let reply: Awaited<ReturnType<NatsConnection['request']>>;
  try {
    for (let n = 1; n < last; n++) {
      const m = messages[n - 1]!;
      nc.publish(m.subject ?? subject, m.data, { headers: batchHeaders(id, n, m, options) });
    }
    const commit = messages[last - 1]!;
    reply = await nc.request(commit.subject ?? subject, commit.data, {
      headers: batchHeaders(id, last, commit, options, true),
      timeout: options.timeoutMs ?? 5000,
    });
  } catch (cause) {
    throw new CwtchError(ErrorCode.BUS_UNAVAILABLE, 'the bus did not answer an atomic batch', { cause });
  }
  const answer = reply.json<{
    error?: { code?: number; err_code?: number; description?: string };
    seq?: number;
    count?: number;
  }>();
  if (answer.error || answer.seq === undefined)
    throw new Error(
      `the bus refused an atomic batch of ${last} on ${subject}: ${answer.error?.description ?? 'no sequence in its answer'}`,
    );
  if (answer.count !== last) throw new Error(`the bus stored ${answer.count} of an atomic batch of ${last}`);
  return { seq: answer.seq, count: answer.count };
}

function batchHeaders(
  id: string,
  n: number,
  message: BatchMessage,
  options: { readonly expectLastSequence?: number },
  commit = false,
) {
  const h = natsHeaders();
  h.set('Nats-Batch-Id', id);
  h.set('Nats-Batch-Sequence', String(n));
  h.set('Nats-Msg-Id', message.msgId);
  if (n === 1 && options.expectLastSequence !== undefined)
    h.set('Nats-Expected-Last-Sequence', String(options.expectLastSequence));
  if (commit) h.set('Nats-Batch-Commit', '1');
  return h;
}
