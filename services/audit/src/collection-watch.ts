import { type ConsumerInfo, type JetStreamManager, readInboxConsumers } from '@cwtch/bus';
import { type Logger, type MetricFamily, MetricType, silentLogger } from '@cwtch/runtime';

/** What the bus says about one agency's inbox consumer at a poll: counts and times, never contents. */
export interface InboxConsumerState {
  /** Pull requests its connector has waiting on the server (a running connector always has one). */
  readonly waiting: number;
  /** When the consumer last handed it a message (ms), or null if never. */
  readonly lastDelivered: number | null;
  /** Messages not yet pulled plus those pulled and not acknowledged. */
  readonly backlog: number;
}

/** What an inbox consumer's info says of its agency's collection. */
function inboxConsumerState(info: ConsumerInfo): InboxConsumerState {
  // The server sends an RFC 3339 time, which the client's types call nanoseconds.
  const active = info.delivered.last_active as unknown;
  const lastDelivered =
    typeof active === 'string' ? Date.parse(active) : typeof active === 'number' ? active / 1e6 : Number.NaN;
  return {
    waiting: info.num_waiting,
    lastDelivered: Number.isFinite(lastDelivered) && lastDelivered > 0 ? lastDelivered : null,
    backlog: info.num_pending + info.num_ack_pending,
  };
}

/** Every agency's inbox consumer, by agency, in one listing; an agency with none is absent. */
export async function readInboxConsumerStates(
  jsm: JetStreamManager,
): Promise<Map<string, InboxConsumerState>> {
  const states = new Map<string, InboxConsumerState>();
  for (const [agency, info] of await readInboxConsumers(jsm)) states.set(agency, inboxConsumerState(info));
  return states;
}

/** One agency's collection as the audit service last saw it. */
export interface AgencyCollection {
  /** When it was last seen collecting (ms). */
  readonly lastCollectedAt: number;
  readonly backlog: number;
  /** 0 when it was collecting at the last poll, else the time since `lastCollectedAt`. */
  readonly silentForMs: number;
}

/** The answer to `cwtch.audit.api.collection`: every directory agency's collection, at `at` (ms). */
export interface CollectionAnswer {
  readonly at: number;
  readonly agencies: Readonly<Record<string, AgencyCollection>>;
}

/** Where a {@link CollectionWatch} reads from and when it calls an agency silent. */
export interface CollectionWatchOptions {
  /** Every agency's inbox consumer at once, by agency; an agency without one (not provisioned yet) is absent. */
  readonly read: () => Promise<ReadonlyMap<string, InboxConsumerState>>;
  /** The directory's agencies, read at each poll. */
  readonly agencies: () => readonly string[];
  /** An agency not collecting for longer than this is silent (warned about, listed by /healthz). */
  readonly thresholdMs: number;
  readonly logger?: Logger | undefined;
}

interface Seen {
  lastCollectedAt: number;
  lastDelivered: number | null;
  backlog: number;
  collecting: boolean;
  silent: boolean;
}

/**
 * Watches each agency's collection of its inbox from its JetStream consumer (DESIGN §6a,
 * silence): at a poll an agency is collecting when its connector has a pull request waiting
 * (a stopped or frozen connector's lapses within its pull expiry) or the consumer handed it a
 * message since the last poll. An agency first seen not collecting dates from its consumer's
 * last delivery, else from the watch's start.
 */
export class CollectionWatch {
  readonly #seen = new Map<string, Seen>();
  readonly #startedAt = Date.now();
  readonly #logger: Logger;
  #polling = false;
  #readFailing = false;

  private readonly options: CollectionWatchOptions;

  constructor(options: CollectionWatchOptions) {
    this.options = options;
    this.#logger = options.logger ?? silentLogger;
  }

  /** Reads every agency's consumer once; when the bus does not answer, every agency keeps its last state. */
  async poll(now = Date.now()): Promise<void> {
    if (this.#polling) return;
    this.#polling = true;
    try {
      const agencies = new Set(this.options.agencies());
      for (const agency of this.#seen.keys()) if (!agencies.has(agency)) this.#seen.delete(agency);
      const states = await this.options.read().catch((err: unknown) => {
        // Loud once (a refused listing stays refused: an authorization file older than the audit
        // service's permissions), quiet while it lasts, and told when it ends.
        if (!this.#readFailing)
          this.#logger.warn(
            { err },
            'cannot read the inbox consumers; keeping their last state until the bus answers',
          );
        this.#readFailing = true;
        return undefined;
      });
      if (states === undefined) return;
      if (this.#readFailing) this.#logger.info('reading the inbox consumers again');
      this.#readFailing = false;
      for (const agency of agencies) {
        const state = states.get(agency);
        if (state === undefined) this.#seen.delete(agency);
        else this.#record(agency, state, now);
      }
    } finally {
      this.#polling = false;
    }
  }

  #record(agency: string, s: InboxConsumerState, now: number): void {
    const prev = this.#seen.get(agency);
    const delivered =
      prev !== undefined && s.lastDelivered !== null && s.lastDelivered > (prev.lastDelivered ?? 0);
    const collecting = s.waiting > 0 || delivered;
    const lastCollectedAt = collecting ? now : (prev?.lastCollectedAt ?? s.lastDelivered ?? this.#startedAt);
    const silentForMs = collecting ? 0 : Math.max(0, now - lastCollectedAt);
    const silent = silentForMs > this.options.thresholdMs;
    if (silent && !prev?.silent)
      this.#logger.warn(
        { agency, silentForMs, backlog: s.backlog },
        'agency has stopped collecting its inbox',
      );
    else if (!silent && prev?.silent) this.#logger.info({ agency }, 'agency is collecting its inbox again');
    this.#seen.set(agency, {
      lastCollectedAt,
      lastDelivered: s.lastDelivered,
      backlog: s.backlog,
      collecting,
      silent,
    });
  }

  /** Every watched agency's collection as of `now` (silence grows between polls). */
  answer(now = Date.now()): CollectionAnswer {
    const agencies: Record<string, AgencyCollection> = {};
    for (const [agency, s] of [...this.#seen].sort(([a], [b]) => a.localeCompare(b))) {
      agencies[agency] = {
        lastCollectedAt: s.lastCollectedAt,
        backlog: s.backlog,
        silentForMs: s.collecting ? 0 : Math.max(0, now - s.lastCollectedAt),
      };
    }
    return { at: now, agencies };
  }

  /** Agencies silent for longer than the threshold, for the operator's health view. */
  silent(now = Date.now()): { agency: string; silentForMs: number; backlog: number }[] {
    return Object.entries(this.answer(now).agencies)
      .filter(([, a]) => a.silentForMs > this.options.thresholdMs)
      .map(([agency, a]) => ({ agency, silentForMs: a.silentForMs, backlog: a.backlog }));
  }

  /** `cwtch_agency_collection_silent_seconds{agency}`: 0 while an agency collects. */
  metrics(now = Date.now()): MetricFamily[] {
    return [
      {
        name: 'cwtch_agency_collection_silent_seconds',
        help: 'Seconds since an agency last collected its inbox (0 while it collects)',
        type: MetricType.gauge,
        samples: Object.entries(this.answer(now).agencies).map(([agency, a]) => ({
          labels: { agency },
          value: a.silentForMs / 1000,
        })),
      },
    ];
  }
}
