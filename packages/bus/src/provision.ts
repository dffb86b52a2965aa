import { type Logger, silentLogger } from '@cwtch/runtime';
import {
  AckPolicy,
  type ConsumerConfig,
  DeliverPolicy,
  DiscardPolicy,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
  type StreamSource,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import {
  AUDIT_MAX_ENTRY_BYTES,
  type BusLimits,
  DEFAULT_BUS_LIMITS,
  HEADER_ALLOWANCE_BYTES,
  sharesMaxMessageBytes,
} from './bus-limits.ts';
import {
  AUDIT_CONSUMER,
  AUDIT_STREAM,
  AUDIT_SUBJECT,
  CHECKPOINT_STREAM,
  CHECKPOINT_SUBJECT,
  DEAD_LETTER_STREAM,
  inboxConsumer,
  SHARES_STREAM,
} from './subjects.ts';

/** Stream settings the region is provisioned with. */
export interface ProvisionOptions {
  /** Agencies that get an inbox consumer. */
  readonly agencies: readonly string[];
  /** JetStream replicas (1 for one server, 3 in the regional cluster). */
  readonly replicas?: number;
  /** Publisher-retry de-duplication window. */
  readonly duplicateWindowMs?: number;
  /** Told when an existing stream holds more than a new limit allows. */
  readonly logger?: Logger;
  /** Storage limits ({@link DEFAULT_BUS_LIMITS} for any not given). */
  readonly limits?: Partial<BusLimits>;
  /**
   * Where SHARES also takes messages from (other regions' SHARES in a federation); an empty list
   * removes any it had. Absent: left as they are.
   */
  readonly sharesSources?: readonly StreamSource[];
  /** The cluster every stream is placed in (a region's own, in a federation's super-cluster). */
  readonly placementCluster?: string;
}

/** How long a dead letter's id is remembered: a copy re-sent within it is stored once. */
const DEAD_LETTER_DEDUP_MS = 86_400_000;

type StreamSpec = Partial<StreamConfig> & { name: string };

/** What every Cwtch stream shares: file storage, limits retention, the replicas and dedup window asked for. */
function stream(o: ProvisionOptions, spec: StreamSpec): StreamSpec {
  return {
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.New,
    num_replicas: o.replicas ?? 1,
    duplicate_window: nanos(o.duplicateWindowMs ?? 10 * 60_000),
    ...(o.placementCluster ? { placement: { cluster: o.placementCluster, tags: [] } } : {}),
    ...spec,
  };
}

/** Evidence streams: nothing is ever deleted or purged through the API. */
const EVIDENCE = { deny_delete: true, deny_purge: true, allow_direct: true } as const;

function streamSpecs(o: ProvisionOptions): StreamSpec[] {
  const limits = { ...DEFAULT_BUS_LIMITS, ...o.limits };
  return [
    // One agency flooding one pair fills that pair's quota only, and is told so (discard new per
    // subject: the publish fails, nothing stored is ever dropped).
    stream(o, {
      name: SHARES_STREAM,
      subjects: ['cwtch.share.*.*', 'cwtch.receipt.*.*'],
      ...EVIDENCE,
      max_msg_size: sharesMaxMessageBytes(limits),
      max_msgs_per_subject: limits.maxMessagesPerPair,
      discard_new_per_subject: true,
      max_bytes: limits.sharesMaxBytes,
      // One inbox consumer per agency, beyond nats-server 2.15's default of 1,000 per stream.
      max_consumers: limits.sharesMaxConsumers,
      // Connectors store what one turn releases (sends, receipts) as one atomic batch.
      allow_atomic: true,
      ...(o.sharesSources ? { sources: [...o.sharesSources] } : {}),
    }),
    stream(o, {
      name: AUDIT_STREAM,
      subjects: [AUDIT_SUBJECT],
      ...EVIDENCE,
      allow_rollup_hdrs: false,
      // The single writer appends many entries per write (atomic batches, nats-server 2.12+).
      allow_atomic: true,
      // Room for the largest entry, a directory statement carrying the whole signed directory.
      max_msg_size: AUDIT_MAX_ENTRY_BYTES + HEADER_ALLOWANCE_BYTES,
    }),
    stream(o, {
      name: CHECKPOINT_STREAM,
      subjects: [CHECKPOINT_SUBJECT, 'cwtch.audit.cosig.*'],
      ...EVIDENCE,
      max_msg_size: 64 * 1024,
    }),
    // A diagnostic copy of what connectors refused: bounded per agency and in all, oldest dropped
    // first (one agency's flood drops only its own), 90 days at most, each copy stored once.
    stream(o, {
      name: DEAD_LETTER_STREAM,
      subjects: ['cwtch.dlq.*'],
      discard: DiscardPolicy.Old,
      max_age: nanos(90 * 86_400_000),
      max_msg_size: sharesMaxMessageBytes(limits) + HEADER_ALLOWANCE_BYTES,
      max_msgs_per_subject: limits.deadLettersPerAgency,
      max_bytes: limits.deadLetterMaxBytes,
      duplicate_window: nanos(DEAD_LETTER_DEDUP_MS),
    }),
  ];
}

const limitsOf = (c: Partial<StreamConfig>) => ({
  max_msgs_per_subject: c.max_msgs_per_subject,
  max_bytes: c.max_bytes,
});

/**
 * Limits of an existing evidence stream never go below what it holds: nats-server meets a lowered
 * per-subject limit by deleting the oldest messages, even with delete denied.
 */
async function keepStored(
  jsm: JetStreamManager,
  spec: StreamSpec,
  current: StreamConfig,
  logger: Logger,
): Promise<StreamSpec> {
  if (!spec.deny_delete) return spec;
  const info = await jsm.streams.info(spec.name, { subjects_filter: '>' });
  const most = Object.values(info.state.subjects ?? {}).reduce((a, b) => Math.max(a, b), 0);
  const out = { ...spec };
  if (
    spec.max_msgs_per_subject !== undefined &&
    spec.max_msgs_per_subject > 0 &&
    most > spec.max_msgs_per_subject
  )
    out.max_msgs_per_subject = most;
  if (spec.max_bytes !== undefined && spec.max_bytes > 0 && info.state.bytes > spec.max_bytes)
    out.max_bytes = info.state.bytes;
  if (out.max_msgs_per_subject !== spec.max_msgs_per_subject || out.max_bytes !== spec.max_bytes)
    logger.warn(
      { stream: spec.name, asked: limitsOf(spec), kept: limitsOf(out), was: limitsOf(current) },
      'stream already holds more than its new limits: kept at what it holds, so new publishes are refused',
    );
  return out;
}

/** Whether `current` differs from `wanted` in any setting `wanted` names (the server adds the rest). */
function differs(current: object, wanted: object): boolean {
  const have = current as Record<string, unknown>;
  return Object.entries(wanted).some(([k, v]) => JSON.stringify(have[k]) !== JSON.stringify(v));
}

async function ensureStream(jsm: JetStreamManager, config: StreamSpec, logger: Logger) {
  try {
    const info = await jsm.streams.info(config.name);
    const { name: _n, storage: _s, ...mutable } = await keepStored(jsm, config, info.config, logger);
    if (differs(info.config, mutable)) await jsm.streams.update(config.name, { ...info.config, ...mutable });
  } catch (e) {
    if ((e as { name?: string }).name !== 'StreamNotFoundError' && !String(e).includes('stream not found'))
      throw e;
    await jsm.streams.add(config);
  }
}

/** A durable consumer of the region: its name and the subjects it takes (none: everything). */
interface ConsumerSpec {
  readonly durable: string;
  readonly filters: readonly string[];
}

const consumerConfig = ({ durable, filters }: ConsumerSpec) => ({
  durable_name: durable,
  ack_policy: AckPolicy.Explicit,
  deliver_policy: DeliverPolicy.All,
  // What a crashed process had pulled comes back after this long.
  ack_wait: nanos(10_000),
  max_ack_pending: 1000,
  ...(filters.length === 0 ? {} : { filter_subjects: [...filters] }),
});

/** Consumer requests in flight at once while provisioning: a region has one per agency. */
const CONSUMER_REQUESTS_IN_FLIGHT = 8;

/**
 * Makes `stream`'s durable consumers those of `specs`: every existing consumer read in one listing,
 * then only the missing ones added and the ones whose settings differ updated, several requests
 * at a time. A region of a thousand agencies would otherwise pay two requests per agency on every
 * start (docs/scale.md §5).
 */
async function ensureConsumers(jsm: JetStreamManager, stream: string, specs: readonly ConsumerSpec[]) {
  const existing = new Map<string, ConsumerConfig>();
  for await (const info of jsm.consumers.list(stream)) existing.set(info.name, info.config);
  const pending = [...specs];
  const next = async (): Promise<void> => {
    for (let spec = pending.shift(); spec; spec = pending.shift()) {
      const config = consumerConfig(spec);
      const have = existing.get(spec.durable);
      if (!have) await jsm.consumers.add(stream, config);
      else if (differs(have, config)) await jsm.consumers.update(stream, spec.durable, config);
    }
  };
  await Promise.all(Array.from({ length: CONSUMER_REQUESTS_IN_FLIGHT }, next));
}

/**
 * Creates or updates, idempotently, the region's streams and durable consumers: SHARES (share
 * copies and receipts, delete/purge denied), AUDIT (the share log), an inbox consumer per
 * agency and the audit service's consumer.
 */
export async function provisionBus(jsm: JetStreamManager, options: ProvisionOptions): Promise<void> {
  for (const spec of streamSpecs(options)) await ensureStream(jsm, spec, options.logger ?? silentLogger);
  await ensureConsumers(jsm, SHARES_STREAM, [
    ...options.agencies.map((agency) => ({
      durable: inboxConsumer(agency),
      filters: [`cwtch.share.${agency}.*`, `cwtch.receipt.${agency}.*`],
    })),
    { durable: AUDIT_CONSUMER, filters: [] },
  ]);
}

/** What tells two sources apart: the stream, its filter and the API prefix it is reached through. */
const sourceKey = (s: StreamSource) =>
  JSON.stringify([s.name, s.filter_subject ?? '', s.external?.api ?? '']);

/**
 * Adds to SHARES each of `sources` it does not take from yet (an agency's leaf outbox, another
 * region's SHARES): used once those exist and answer, since nats-server retries a source that
 * cannot start with a growing delay. A source added again resumes after the last message it took.
 */
export async function addSharesSources(
  jsm: JetStreamManager,
  sources: readonly StreamSource[],
): Promise<void> {
  const { config } = await jsm.streams.info(SHARES_STREAM);
  const have = new Set((config.sources ?? []).map(sourceKey));
  const add = sources.filter((s) => !have.has(sourceKey(s)));
  if (add.length > 0)
    await jsm.streams.update(SHARES_STREAM, { ...config, sources: [...(config.sources ?? []), ...add] });
}
