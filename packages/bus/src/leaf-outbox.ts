import { DiscardPolicy, type JetStreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { type BusLimits, DEFAULT_BUS_LIMITS, sharesMaxMessageBytes } from './bus-limits.ts';

/**
 * The stream, in an agency's own leaf node, that stores what its connector sends (share copies
 * and statements) until the region's SHARES has sourced it: a send is durable at the agency even
 * while the link to the region is down.
 */
export function leafOutboxStream(agency: string): string {
  return `OUTBOX_${agency}`;
}

/** The JetStream domain of an agency's leaf node (the region's own is `cwtch-region` in the demo). */
export function leafDomain(agency: string): string {
  return `cwtch-leaf-${agency}`;
}

/** What an agency sends: copies it addresses (`cwtch.share.*.<self>`) and its statements. */
export function outboxSubjects(agency: string): string[] {
  return [`cwtch.share.*.${agency}`, `cwtch.receipt.*.${agency}`];
}

/**
 * Creates or updates the outbox stream in an agency's leaf node (`jsm` on that node): the same
 * per-pair quota, size and byte limits as SHARES, so the leaf refuses what the region would, and
 * nothing deleted or purged (it is the agency's copy of what it sent, kept like SHARES keeps it).
 * The limits must match the region's: a sourced message SHARES refuses (the pair's quota already
 * full there, say from sends made before the agency moved behind its leaf) stops the source at
 * it, and nothing more of this outbox reaches the region until the quota is raised (measured
 * with nats-server 2.15.1).
 */
export async function provisionLeafOutbox(
  jsm: JetStreamManager,
  agency: string,
  options: { readonly limits?: Partial<BusLimits>; readonly duplicateWindowMs?: number } = {},
): Promise<void> {
  const limits = { ...DEFAULT_BUS_LIMITS, ...options.limits };
  const config = {
    name: leafOutboxStream(agency),
    subjects: outboxSubjects(agency),
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.New,
    num_replicas: 1,
    duplicate_window: nanos(options.duplicateWindowMs ?? 10 * 60_000),
    deny_delete: true,
    deny_purge: true,
    max_msg_size: sharesMaxMessageBytes(limits),
    max_msgs_per_subject: limits.maxMessagesPerPair,
    discard_new_per_subject: true,
    max_bytes: limits.sharesMaxBytes,
    // The connector stores what one turn releases as one atomic batch, as on SHARES.
    allow_atomic: true,
  };
  try {
    const info = await jsm.streams.info(config.name);
    await jsm.streams.update(config.name, { ...info.config, ...config });
  } catch (e) {
    if (!String(e).includes('stream not found')) throw e;
    await jsm.streams.add(config);
  }
}

/**
 * How the region's SHARES takes an agency's outbox across the leaf link: a JetStream source in
 * the leaf's domain, which resumes after an outage from the last sequence it stored. Only the
 * agency's own sending subjects are taken (identity transforms act as the filter), so the
 * subject still names the sender as a direct connection's permissions would bind it.
 */
export function leafSharesSource(agency: string) {
  return {
    name: leafOutboxStream(agency),
    external: { api: `$JS.${leafDomain(agency)}.API`, deliver: '' },
    subject_transforms: outboxSubjects(agency).map((s) => ({
      src: s,
      dest: s.replace('*', '{{wildcard(1)}}'),
    })),
  };
}
