import type { DatabaseSync } from 'node:sqlite';

/** What a case system hears about (the `type` of a webhook event). */
export const WebhookType = {
  received: 'notification.received',
} as const;
export type WebhookType = (typeof WebhookType)[keyof typeof WebhookType];

/** One queued webhook event: ids and times only, the body is built from the inbox when sent. */
export interface WebhookEvent {
  /** The `webhook-id`: the same on every attempt, so the case system drops a repeat. */
  readonly id: string;
  readonly type: WebhookType;
  /** The inbox item it is about. */
  readonly notification: string;
  readonly createdAt: number;
  readonly attempts: number;
}

type Row = Record<string, string | number | null>;

const toEvent = (r: Row): WebhookEvent => ({
  id: String(r.id),
  type: String(r.type) as WebhookType,
  notification: String(r.notification),
  createdAt: Number(r.created_at),
  attempts: Number(r.attempts),
});

/**
 * The durable queue of webhook events, in the inbox's own database so an event is queued in the
 * same transaction as what it reports. A delivered event leaves the queue; one given up stays,
 * marked, for the operator.
 */
export class WebhookQueue {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
    db.exec(`CREATE TABLE IF NOT EXISTS webhook_queue (
      id TEXT PRIMARY KEY, type TEXT NOT NULL, notification TEXT NOT NULL, created_at INTEGER NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL, given_up_at INTEGER, reason TEXT
    );
    CREATE INDEX IF NOT EXISTS webhook_due ON webhook_queue (given_up_at, next_at)`);
  }

  /** Queues an event about `notification` (call inside the transaction that changed it). */
  add(type: WebhookType, notification: string, at: number): void {
    this.#db
      .prepare(
        'INSERT OR IGNORE INTO webhook_queue (id, type, notification, created_at, next_at) VALUES (?,?,?,?,?)',
      )
      .run(`${notification}.${type.split('.')[1]}`, type, notification, at, at);
  }

  /** Events due by `now`, oldest first. */
  due(now: number, limit = 50): WebhookEvent[] {
    return (
      this.#db
        .prepare(
          `SELECT * FROM webhook_queue WHERE given_up_at IS NULL AND next_at <= ? ORDER BY next_at, rowid LIMIT ${Math.trunc(limit)}`,
        )
        .all(now) as Row[]
    ).map(toEvent);
  }

  /** When the next event is due, if any is waiting. */
  nextAt(): number | undefined {
    const r = this.#db
      .prepare('SELECT min(next_at) AS at FROM webhook_queue WHERE given_up_at IS NULL')
      .get() as Row;
    return r.at === null ? undefined : Number(r.at);
  }

  delivered(id: string): void {
    this.#db.prepare('DELETE FROM webhook_queue WHERE id = ?').run(id);
  }

  retryAt(id: string, attempts: number, at: number, reason: string): void {
    this.#db
      .prepare('UPDATE webhook_queue SET attempts = ?, next_at = ?, reason = ? WHERE id = ?')
      .run(attempts, at, reason, id);
  }

  giveUp(id: string, attempts: number, at: number, reason: string): void {
    this.#db
      .prepare('UPDATE webhook_queue SET attempts = ?, given_up_at = ?, reason = ? WHERE id = ?')
      .run(attempts, at, reason, id);
  }

  /** Events still to deliver, and when the oldest of them was queued. */
  depth(): { queued: number; oldestAt: number | null } {
    const r = this.#db
      .prepare('SELECT count(*) AS n, min(created_at) AS oldest FROM webhook_queue WHERE given_up_at IS NULL')
      .get() as Row;
    return { queued: Number(r.n), oldestAt: r.oldest === null ? null : Number(r.oldest) };
  }

  /** Events given up, with why (ids and times only). */
  givenUp(): (WebhookEvent & { at: number; reason: string })[] {
    return (
      this.#db
        .prepare('SELECT * FROM webhook_queue WHERE given_up_at IS NOT NULL ORDER BY given_up_at')
        .all() as Row[]
    ).map((r) => ({ ...toEvent(r), at: Number(r.given_up_at), reason: String(r.reason) }));
  }
}
