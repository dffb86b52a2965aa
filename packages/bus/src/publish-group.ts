import { type Logger, silentLogger } from '@cwtch/runtime';
import type { JetStreamClient } from '@nats-io/jetstream';
import { MAX_BATCH_MESSAGES, publishBatch } from './publish-batch.ts';
import { publishDurable } from './publish-durable.ts';

/** One publish waiting for its group. */
interface Waiting {
  readonly subject: string;
  readonly data: Uint8Array;
  readonly msgId: string;
  resolve(): void;
  reject(err: unknown): void;
}

/** How a group's publishes went: for tests and the bench. */
export interface PublishGroupCounts {
  /** Atomic batches stored whole. */
  batches: number;
  /** Messages stored in them. */
  batched: number;
  /** Messages published one at a time (alone in their turn, or after their batch was refused). */
  single: number;
  /** Batches the bus refused or did not answer, whose messages then went one at a time. */
  refused: number;
}

/**
 * Group commit for durable publishes, as {@link InboxStore.soon} is for SQLite: every publish
 * asked for in one turn of the event loop (the sends and receipts a batch or a commit released
 * together) goes to the stream as one atomic batch, so one write to disk and one answer cover
 * them all; one alone is published as it is. Nothing waits for company.
 *
 * Each caller still gets its own outcome: when the bus refuses the batch or does not answer it (a
 * pair's quota full, a message id seen before, a subject the client may not use, the stream's
 * limit on batches in flight), every message is published again on its own with
 * {@link publishDurable}, the same `Nats-Msg-Id` storing nothing twice, and each resolves or
 * throws as a lone publish would (`BUS_STORAGE_FULL`, `NO_AGREEMENT`, `BUS_UNAVAILABLE`). A
 * publish resolves only once the bus has stored it.
 */
export class PublishGroup {
  readonly #js: JetStreamClient;
  readonly #logger: Logger;
  readonly #maxBatch: number;
  #waiting: Waiting[] = [];
  #scheduled = false;
  readonly counts: PublishGroupCounts = { batches: 0, batched: 0, single: 0, refused: 0 };

  constructor(js: JetStreamClient, options: { logger?: Logger; maxBatch?: number } = {}) {
    this.#js = js;
    this.#logger = options.logger ?? silentLogger;
    this.#maxBatch = Math.min(options.maxBatch ?? 256, MAX_BATCH_MESSAGES);
  }

  /** Publishes `data` to `subject` with the given de-duplication id; resolves once it is stored. */
  publish(subject: string, data: Uint8Array, msgId: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#waiting.push({ subject, data, msgId, resolve, reject });
      if (this.#scheduled) return;
      this.#scheduled = true;
      // After this turn's callbacks and their microtasks: all they publish goes together.
      setImmediate(() => this.#flush());
    });
  }

  #flush(): void {
    this.#scheduled = false;
    const all = this.#waiting;
    this.#waiting = [];
    for (let i = 0; i < all.length; i += this.#maxBatch) void this.#send(all.slice(i, i + this.#maxBatch));
  }

  async #send(group: readonly Waiting[]): Promise<void> {
    if (group.length > 1) {
      try {
        await publishBatch(
          this.#js,
          group[0]!.subject,
          group.map((w) => ({ subject: w.subject, data: w.data, msgId: w.msgId })),
        );
        this.counts.batches++;
        this.counts.batched += group.length;
        for (const w of group) w.resolve();
        return;
      } catch (err) {
        this.counts.refused++;
        this.#logger.debug({ err, count: group.length }, 'atomic batch not stored; publishing one at a time');
      }
    }
    this.counts.single += group.length;
    await Promise.all(
      group.map((w) =>
        publishDurable(this.#js, w.subject, w.data, { msgId: w.msgId }).then(() => w.resolve(), w.reject),
      ),
    );
  }
}
