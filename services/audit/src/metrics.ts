import {
  type AgencyUsage,
  AUDIT_CONSUMER,
  type BusUsage,
  type JetStreamClient,
  readBusUsage,
  SHARES_STREAM,
} from '@cwtch/bus';
import { type MetricFamily, MetricType, renderMetrics } from '@cwtch/runtime';
import type { AuditLogWriter } from './audit-log-writer.ts';
import type { Checkpointer } from './checkpointer.ts';
import type { ShareIndex } from './share-index.ts';

/** What the audit service's metrics are read from. */
export interface AuditMetricsSource {
  readonly writer: AuditLogWriter;
  readonly index: ShareIndex;
  readonly checkpoints: Checkpointer;
  readonly exportQuorum: number;
  /** Figures read from the bus (index lag, backlog); absent in tests without one. */
  readonly bus?: (() => Promise<readonly MetricFamily[]>) | undefined;
}

const gauge = (name: string, help: string, samples: MetricFamily['samples']): MetricFamily => ({
  name,
  help,
  type: MetricType.gauge,
  samples,
});
const counter = (name: string, help: string, samples: MetricFamily['samples']): MetricFamily => ({
  name,
  help,
  type: MetricType.counter,
  samples,
});

/** The log's health, which anyone may read: its size, checkpoints and witnesses. */
function logHealth(src: AuditMetricsSource, now: number): MetricFamily[] {
  const latest = src.checkpoints.latest;
  const tally = [...src.checkpoints.witnessTally()];
  return [
    gauge('cwtch_audit_log_entries', 'Entries in the share log', [{ value: src.writer.tree.size }]),
    gauge('cwtch_audit_checkpoint_size', 'Size of the newest signed checkpoint', [
      { value: latest?.size ?? 0 },
    ]),
    gauge(
      'cwtch_audit_checkpoint_age_seconds',
      'Seconds since the newest checkpoint was signed',
      latest ? [{ value: Math.max(0, (now - latest.signedAt) / 1000) }] : [],
    ),
    gauge(
      'cwtch_audit_exportable_size',
      'Size of the newest checkpoint with the export quorum of cosignatures',
      [{ value: src.checkpoints.latestWithQuorum(src.exportQuorum)?.size ?? 0 }],
    ),
    counter(
      'cwtch_audit_cosignatures_total',
      'Witness cosignatures taken, per pinned witness',
      tally.map(([witness, t]) => ({ labels: { witness }, value: t.cosignatures })),
    ),
    gauge(
      'cwtch_audit_witness_cosigned_size',
      'Size of the newest checkpoint each pinned witness cosigned',
      tally.map(([witness, t]) => ({ labels: { witness }, value: t.cosignedSize })),
    ),
    counter(
      'cwtch_audit_cosignatures_refused_total',
      'Cosignatures refused, per reason',
      [...src.checkpoints.refusedCosignatures()].map(([reason, value]) => ({ labels: { reason }, value })),
    ),
  ];
}

/** Rejections in the log by reason: only for an auditor. */
function rejections(src: AuditMetricsSource): MetricFamily {
  const byReason = new Map<string, number>();
  for (const r of src.index.rejections()) byReason.set(r.code, (byReason.get(r.code) ?? 0) + 1);
  return counter(
    'cwtch_audit_rejections_total',
    'Events the audit service logged as rejections, per reason',
    [...byReason].map(([reason, value]) => ({ labels: { reason }, value })),
  );
}

/**
 * The audit service's metrics in the Prometheus text format. Without an auditor's token
 * (`full` false), only the log's health: nothing about who sends what.
 */
export async function renderAuditMetrics(
  src: AuditMetricsSource,
  options: { readonly full: boolean },
): Promise<string> {
  const families = logHealth(src, Date.now());
  if (options.full) families.push(rejections(src), ...((await src.bus?.()) ?? []));
  return renderMetrics(families);
}

/** The bus's backlog and storage, per agency and per pair, from {@link readBusUsage}. */
function busUsageFamilies(u: BusUsage): MetricFamily[] {
  const perAgency = (name: string, help: string, value: (a: AgencyUsage) => number) =>
    gauge(
      name,
      help,
      u.agencies.map((a) => ({ labels: { agency: a.agency }, value: value(a) })),
    );
  return [
    perAgency(
      'cwtch_bus_inbox_pending',
      'Messages for an agency its connector has not pulled yet',
      (a) => a.pending,
    ),
    perAgency(
      'cwtch_bus_inbox_ack_pending',
      'Messages an agency pulled and has not acknowledged',
      (a) => a.ackPending,
    ),
    perAgency(
      'cwtch_bus_sent_messages',
      'Messages from an agency the share stream holds',
      (a) => a.sentMessages,
    ),
    perAgency(
      'cwtch_bus_received_messages',
      'Messages to an agency the share stream holds',
      (a) => a.receivedMessages,
    ),
    perAgency(
      'cwtch_bus_dead_letters',
      'Dead letters of an agency the dead-letter stream holds',
      (a) => a.deadLetters,
    ),
    gauge(
      'cwtch_bus_pair_messages',
      'Messages the share stream holds per subject (type, recipient of the subject, sender)',
      u.pairs.map((p) => ({ labels: { type: p.type, to: p.to, from: p.from }, value: p.messages })),
    ),
    gauge('cwtch_bus_pair_max_messages', 'Messages the share stream holds per subject at most', [
      { value: u.maxMessagesPerPair },
    ]),
    gauge('cwtch_bus_stream_bytes', 'Bytes a stream holds', [
      { labels: { stream: 'shares' }, value: u.shares.bytes },
      { labels: { stream: 'dead-letters' }, value: u.deadLetters.bytes },
    ]),
    gauge('cwtch_bus_stream_max_bytes', 'Bytes a stream may hold', [
      { labels: { stream: 'shares' }, value: u.shares.maxBytes },
      { labels: { stream: 'dead-letters' }, value: u.deadLetters.maxBytes },
    ]),
    gauge('cwtch_bus_stream_messages', 'Messages a stream holds', [
      { labels: { stream: 'shares' }, value: u.shares.messages },
      { labels: { stream: 'dead-letters' }, value: u.deadLetters.messages },
    ]),
  ];
}

/**
 * Figures only the bus knows: events stored on the bus that the share log has not taken in yet
 * (the index lag), and each agency's backlog and storage. A bus that does not answer leaves
 * these families out rather than failing the scrape.
 */
export function auditBusFigures(
  js: JetStreamClient,
  agencies: () => readonly string[],
): () => Promise<readonly MetricFamily[]> {
  return async () => {
    const jsm = await js.jetstreamManager();
    const [info, usage] = await Promise.all([
      jsm.consumers.info(SHARES_STREAM, AUDIT_CONSUMER).catch(() => undefined),
      readBusUsage(jsm, agencies()).catch(() => undefined),
    ]);
    return [
      gauge(
        'cwtch_audit_index_lag_events',
        'Events on the bus not yet logged and indexed',
        info ? [{ value: info.num_pending + info.num_ack_pending }] : [],
      ),
      ...(usage ? busUsageFamilies(usage) : []),
    ];
  };
}
