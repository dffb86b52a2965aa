import type { ConsumerInfo, JetStreamManager } from '@nats-io/jetstream';
import { readInboxConsumers } from './inbox-consumers.ts';
import { DEAD_LETTER_STREAM, deadLetterSubject, parseSubject, SHARES_STREAM } from './subjects.ts';

/** One subject of SHARES: a (recipient, sender) pair of shares or a (sender, recipient) pair of receipts. */
export interface PairUsage {
  readonly type: 'share' | 'receipt';
  /** The agency whose inbox consumer reads this subject. */
  readonly to: string;
  readonly from: string;
  /** Messages stored, against {@link BusUsage.maxMessagesPerPair}. */
  readonly messages: number;
}

/** Backlog and storage of one agency. */
export interface AgencyUsage {
  readonly agency: string;
  /** Messages for it that its connector has not yet pulled (its inbox consumer's pending count). */
  readonly pending: number;
  /** Pulled but not yet acknowledged. */
  readonly ackPending: number;
  /** Messages it has sent that SHARES holds (shares and receipts), and what is addressed to it. */
  readonly sentMessages: number;
  readonly receivedMessages: number;
  /** Dead letters its connector has recorded that DEADLETTER still holds. */
  readonly deadLetters: number;
}

/** What the bus holds, per agency and per pair, with the limits it is held against. */
export interface BusUsage {
  readonly shares: { readonly messages: number; readonly bytes: number; readonly maxBytes: number };
  readonly maxMessagesPerPair: number;
  readonly deadLetters: { readonly messages: number; readonly bytes: number; readonly maxBytes: number };
  readonly pairs: readonly PairUsage[];
  readonly agencies: readonly AgencyUsage[];
}

/**
 * Reads the bus's backlog and storage for the metrics of an operator or the audit service (their
 * NATS permissions allow these stream and consumer infos; an agency's do not): per agency its
 * inbox consumer's pending count and the messages it sent and received, per pair the messages
 * stored against the per-pair quota, and each stream's bytes against its limit. JetStream counts
 * messages per subject, not bytes: bytes are per stream.
 *
 * @example
 * const usage = await readBusUsage(await jetstreamManager(nc), ['swansea-cs', 'npt-cs']);
 * for (const a of usage.agencies) gauge('cwtch_bus_inbox_pending', a.pending, { agency: a.agency });
 */
export async function readBusUsage(jsm: JetStreamManager, agencies: readonly string[]): Promise<BusUsage> {
  const shares = await jsm.streams.info(SHARES_STREAM, { subjects_filter: '>' });
  const dead = await jsm.streams.info(DEAD_LETTER_STREAM, { subjects_filter: '>' });
  const pairs: PairUsage[] = [];
  for (const [subject, messages] of Object.entries(shares.state.subjects ?? {})) {
    const s = parseSubject(subject);
    if (s?.type === 'share') pairs.push({ type: 'share', to: s.to, from: s.from, messages });
    else if (s?.type === 'receipt')
      pairs.push({ type: 'receipt', to: s.sender, from: s.recipient, messages });
  }
  pairs.sort(
    (a, b) => a.type.localeCompare(b.type) || a.to.localeCompare(b.to) || a.from.localeCompare(b.from),
  );
  // Messages each agency published (shares it sent, receipts it signed) and was addressed: one pass
  // over the pairs, not one per agency (a region of a thousand agencies has tens of thousands).
  const sent = new Map<string, number>();
  const received = new Map<string, number>();
  for (const p of pairs) {
    sent.set(p.from, (sent.get(p.from) ?? 0) + p.messages);
    received.set(p.to, (received.get(p.to) ?? 0) + p.messages);
  }
  const consumers = await readInboxConsumers(jsm).catch(() => new Map<string, ConsumerInfo>());
  const result: AgencyUsage[] = [];
  for (const agency of agencies) {
    const consumer = consumers.get(agency);
    result.push({
      agency,
      pending: consumer?.num_pending ?? 0,
      ackPending: consumer?.num_ack_pending ?? 0,
      sentMessages: sent.get(agency) ?? 0,
      receivedMessages: received.get(agency) ?? 0,
      deadLetters: dead.state.subjects?.[deadLetterSubject(agency)] ?? 0,
    });
  }
  return {
    shares: { messages: shares.state.messages, bytes: shares.state.bytes, maxBytes: shares.config.max_bytes },
    maxMessagesPerPair: shares.config.max_msgs_per_subject,
    deadLetters: { messages: dead.state.messages, bytes: dead.state.bytes, maxBytes: dead.config.max_bytes },
    pairs,
    agencies: result,
  };
}
