import { AUDIT_API, type NatsConnection } from '@cwtch/bus';
import { type Logger, silentLogger } from '@cwtch/runtime';
import { z } from 'zod';

/** The audit service's answer to `cwtch.audit.api.collection` (times in ms). */
const CollectionAnswer = z.object({
  at: z.number(),
  agencies: z.record(
    z.string(),
    z.object({ lastCollectedAt: z.number(), backlog: z.number(), silentForMs: z.number().nonnegative() }),
  ),
});
type CollectionAnswer = z.infer<typeof CollectionAnswer>;

/** A warning on a share that was sent: a recipient is not collecting what is sent to it. */
export interface SendWarning {
  readonly code: 'RECIPIENT_NOT_COLLECTING';
  readonly agency: string;
  readonly message: string;
  readonly silentForMs: number;
}

/** Who has stopped collecting its inbox, as the connector last heard (DESIGN §6a, silence). */
export interface CollectionView {
  /** Ms since `agency` last collected when that is longer than the threshold, else null. */
  silentFor(agency: string): number | null;
  /** A warning per recipient that is not collecting (empty when all are, or nothing is known). */
  warningsFor(recipients: readonly string[]): SendWarning[];
  /** When the audit service's last answer was made (ms), and whether asking again has failed since. */
  status(): { at: number | null; stale: boolean };
}

/** "45 min", "3 h 5 min", "2 d": how long a recipient has not collected. */
export function spanOf(ms: number): string {
  if (ms < 60_000) return `${Math.floor(ms / 1000)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes >= 2880) return `${Math.floor(minutes / 1440)} d`;
  if (minutes >= 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${minutes} min`;
}

/**
 * The audit service's view of every agency's collection, asked for every `refreshMs` over NATS
 * with a short timeout. A failed request keeps the last answer (marked stale); nothing here ever
 * waits on the bus for a send, which reads only the cached answer.
 */
export class CollectionState implements CollectionView {
  #answer: CollectionAnswer | undefined;
  #stale = true;
  #timer: NodeJS.Timeout | undefined;
  #failing = false;

  private readonly nc: NatsConnection;
  private readonly options: { thresholdMs: number; refreshMs: number; logger?: Logger | undefined };

  constructor(
    nc: NatsConnection,
    options: { thresholdMs: number; refreshMs: number; logger?: Logger | undefined },
  ) {
    this.nc = nc;
    this.options = options;
  }

  /** Asks the audit service once; resolves whether the answer was taken. */
  async refresh(): Promise<boolean> {
    const logger = this.options.logger ?? silentLogger;
    try {
      const res = await this.nc.request(AUDIT_API.collection, '{}', {
        timeout: Math.min(2000, this.options.refreshMs),
      });
      const parsed = CollectionAnswer.safeParse(res.json());
      if (!parsed.success) throw new Error('the audit service gave no collection answer');
      this.#answer = parsed.data;
      this.#stale = false;
      if (this.#failing) logger.info('collection state from the audit service again');
      this.#failing = false;
      return true;
    } catch (err) {
      this.#stale = true;
      if (!this.#failing)
        logger.warn({ err }, 'cannot read collection state from the audit service; keeping the last answer');
      this.#failing = true;
      return false;
    }
  }

  /** Refreshes now and every `refreshMs` until {@link stop}. */
  start(): void {
    void this.refresh();
    this.#timer = setInterval(() => void this.refresh(), this.options.refreshMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  status(): { at: number | null; stale: boolean } {
    return { at: this.#answer?.at ?? null, stale: this.#stale };
  }

  silentFor(agency: string): number | null {
    const silent = this.#answer?.agencies[agency]?.silentForMs;
    return silent !== undefined && silent > this.options.thresholdMs ? silent : null;
  }

  warningsFor(recipients: readonly string[]): SendWarning[] {
    return recipients.flatMap((agency) => {
      const silentForMs = this.silentFor(agency);
      return silentForMs === null
        ? []
        : [
            {
              code: 'RECIPIENT_NOT_COLLECTING' as const,
              agency,
              silentForMs,
              message: `${agency} has not collected its inbox for ${spanOf(silentForMs)}: the share waits on the bus until it does; if it cannot wait, phone them`,
            },
          ];
    });
  }
}
