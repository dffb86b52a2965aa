import { type MetricFamily, MetricType, renderMetrics } from '@cwtch/runtime';
import type { AgencyContext } from './agency-context.ts';
import type { WitnessStatus } from './witness.ts';

/**
 * Families anyone may read without a token: the witness's health, which reveals nothing about
 * traffic. Everything else (per-kind sends and receipts, refusals, inbox size) needs a token of
 * this agency.
 */
export const PUBLIC_METRICS: ReadonlySet<string> = new Set([
  'cwtch_witness_cosignatures_total',
  'cwtch_witness_forks_total',
  'cwtch_witness_cosigned_size',
]);

/** The connector's counters, rendered in the Prometheus text exposition format. */
export class Metrics {
  readonly #counters = new Map<
    string,
    { help: string; values: Map<string, { labels: Record<string, string>; value: number }> }
  >();

  /** Adds `by` to counter `name` (a `*_total` name) with `labels`. */
  inc(name: string, help: string, labels: Record<string, string> = {}, by = 1): void {
    const c = this.#counters.get(name) ?? { help, values: new Map() };
    this.#counters.set(name, c);
    const key = JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
    const v = c.values.get(key) ?? { labels: { ...labels }, value: 0 };
    v.value += by;
    c.values.set(key, v);
  }

  /** Every counter as a metric family. */
  families(): MetricFamily[] {
    return [...this.#counters].map(([name, c]) => ({
      name,
      help: c.help,
      type: MetricType.counter,
      samples: [...c.values.values()].map(({ labels, value }) => ({ labels, value })),
    }));
  }

  /**
   * The exposition text: the counters and `gauges`; with `full` false (no token), only the
   * families in {@link PUBLIC_METRICS}.
   */
  render(options: { readonly full: boolean } = { full: true }, gauges: readonly MetricFamily[] = []): string {
    const all = [...this.families(), ...gauges];
    return renderMetrics(options.full ? all : all.filter((f) => PUBLIC_METRICS.has(f.name)));
  }
}

/**
 * The connector's gauges, read now: its inbox size, how its publishes were stored (counted by its
 * publish group) and, when it runs them, its witness's position and the webhook events waiting for
 * the case system.
 */
export function connectorGauges(
  ctx: AgencyContext,
  witness: WitnessStatus | undefined,
  webhooks?: { readonly queued: number } | undefined,
): MetricFamily[] {
  const gauge = (name: string, help: string, value: number): MetricFamily => ({
    name,
    help,
    type: MetricType.gauge,
    samples: [{ value }],
  });
  const counter = (
    name: string,
    help: string,
    label: string,
    values: Record<string, number>,
  ): MetricFamily => ({
    name,
    help,
    type: MetricType.counter,
    samples: Object.entries(values).map(([k, value]) => ({ labels: { [label]: k }, value })),
  });
  const { batches, batched, single, refused } = ctx.publisher.counts;
  const gauges: MetricFamily[] = [
    gauge('cwtch_inbox_items', "Notifications in this agency's inbox", ctx.store.count()),
    counter(
      'cwtch_bus_publishes_total',
      'Share copies and receipts stored on the bus, in atomic batches or one at a time',
      'how',
      { batched, single },
    ),
    counter(
      'cwtch_bus_batches_total',
      'Atomic batches of publishes: stored whole, or refused and published one at a time',
      'outcome',
      { stored: batches, refused },
    ),
  ];
  if (witness)
    gauges.push(
      gauge(
        'cwtch_witness_cosigned_size',
        'Size of the newest share-log checkpoint this witness cosigned',
        witness.size,
      ),
    );
  if (webhooks)
    gauges.push(
      gauge(
        'cwtch_webhook_queue_depth',
        'Webhook events waiting to be delivered to the case system',
        webhooks.queued,
      ),
    );
  return gauges;
}
