import type { ExpectedFeed } from '@cwtch/directory';
import { type Logger, type MetricFamily, MetricType, silentLogger } from '@cwtch/runtime';

const HOUR_MS = 3_600_000;

/** An expected feed and when its kind last arrived from its agency (ms, or null if never). */
export interface FeedState {
  readonly agency: string;
  readonly kind: string;
  readonly everyHours: number;
  readonly lastAt: number | null;
  readonly late: boolean;
}

/** Where a {@link FeedWatch} reads the feeds and the shares. */
export interface FeedWatchOptions {
  /** The directory's expected feeds, read at each check. */
  readonly feeds: () => readonly ExpectedFeed[];
  /** When `agency` last sent a share of `kind` that the log holds (ms), or null. */
  readonly lastSent: (agency: string, kind: string) => number | null;
  readonly logger?: Logger | undefined;
}

const keyOf = (f: { agency: string; kind: string }) => `${f.agency} ${f.kind}`;

/** One feed per agency and kind: where the directory names a pair twice, the shorter period holds. */
function distinct(feeds: readonly ExpectedFeed[]): ExpectedFeed[] {
  const byKey = new Map<string, ExpectedFeed>();
  for (const f of feeds) {
    const seen = byKey.get(keyOf(f));
    if (!seen || f.everyHours < seen.everyHours) byKey.set(keyOf(f), f);
  }
  return [...byKey.values()];
}

/**
 * The directory's expected feeds (DESIGN §6a: a kind an agency sends at a cadence) against the
 * shares the log holds: a feed is late when no share of its kind from its agency arrived within
 * `everyHours` of the later of its last share and the time this watch first saw the feed (so a
 * feed just named, or a service just started, gets a full period first).
 */
export class FeedWatch {
  readonly #since = new Map<string, number>();
  readonly #late = new Set<string>();
  readonly #logger: Logger;

  private readonly options: FeedWatchOptions;

  constructor(options: FeedWatchOptions) {
    this.options = options;
    this.#logger = options.logger ?? silentLogger;
  }

  /** Every expected feed as of `now`. */
  feeds(now = Date.now()): FeedState[] {
    const feeds = distinct(this.options.feeds());
    const keys = new Set(feeds.map(keyOf));
    for (const k of this.#since.keys()) if (!keys.has(k)) this.#since.delete(k);
    return feeds.map((f) => {
      const key = keyOf(f);
      const since = this.#since.get(key) ?? now;
      this.#since.set(key, since);
      const lastAt = this.options.lastSent(f.agency, f.kind);
      const late = now - Math.max(since, lastAt ?? since) > f.everyHours * HOUR_MS;
      return { agency: f.agency, kind: f.kind, everyHours: f.everyHours, lastAt, late };
    });
  }

  /** The late feeds, for the operator's health view. */
  late(now = Date.now()): FeedState[] {
    return this.feeds(now).filter((f) => f.late);
  }

  /** Re-reads the feeds and logs each that has just become late (a warning) or arrived again. */
  check(now = Date.now()): void {
    const seen = new Set<string>();
    for (const f of this.feeds(now)) {
      const key = keyOf(f);
      seen.add(key);
      const { agency, kind, everyHours, lastAt } = f;
      if (f.late && !this.#late.has(key)) {
        this.#late.add(key);
        this.#logger.warn({ agency, kind, everyHours, lastAt }, 'an expected feed has not arrived');
      } else if (!f.late && this.#late.delete(key))
        this.#logger.info({ agency, kind }, 'an expected feed arrived');
    }
    for (const key of this.#late) if (!seen.has(key)) this.#late.delete(key);
  }

  /** `cwtch_feed_late{agency,kind}`: 1 while a feed is late, else 0. */
  metrics(now = Date.now()): MetricFamily[] {
    return [
      {
        name: 'cwtch_feed_late',
        help: 'Whether an expected feed (a kind an agency sends at a cadence) is late',
        type: MetricType.gauge,
        samples: this.feeds(now).map((f) => ({
          labels: { agency: f.agency, kind: f.kind },
          value: f.late ? 1 : 0,
        })),
      },
    ];
  }
}
