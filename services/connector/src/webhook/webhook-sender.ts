import type { Logger } from '@cwtch/runtime';
import { silentLogger } from '@cwtch/runtime';
import type { Metrics } from '../metrics.ts';
import { retryDelay } from './retry-delay.ts';
import { signWebhook } from './sign-webhook.ts';
import type { WebhookEvent, WebhookQueue } from './webhook-queue.ts';

/** How the connector delivers webhooks: where, with which secret, and how patiently. */
export interface WebhookOptions {
  readonly url: string;
  readonly secret: string;
  readonly timeoutMs: number;
  readonly retry: { readonly minMs: number; readonly maxMs: number; readonly maxAgeMs: number };
  /** Look at the queue at least this often (a new event wakes the sender at once). */
  readonly pollMs?: number;
  readonly metrics: Metrics;
  readonly logger?: Logger;
  readonly now?: () => number;
  readonly random?: () => number;
}

/** How one attempt ended: delivered, the endpoint is gone (410), or worth another try. */
type Outcome = { ok: true } | { ok: false; gone: boolean; reason: string };

/** Why a request failed without an answer, in words safe to log (no URL query, no body). */
function failureReason(e: unknown): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return 'timeout';
  const code = (e as { cause?: { code?: unknown } }).cause?.code;
  return typeof code === 'string' ? code : 'network';
}

/**
 * Delivers queued webhook events to the case system (Standard Webhooks): one POST per event with
 * `webhook-id` (the same on every attempt), `webhook-timestamp` and `webhook-signature`. A 2xx
 * delivers; 410 Gone stops all delivery until the connector restarts (the queue is kept); anything
 * else (other statuses, timeouts, refused connections) is retried with backoff and jitter until
 * the event is `maxAgeMs` old, then given up and recorded. Logs name event ids and reasons only.
 */
export class WebhookSender {
  readonly #queue: WebhookQueue;
  readonly #render: (event: WebhookEvent) => string | undefined;
  readonly #o: WebhookOptions;
  readonly #log: Logger;
  readonly #now: () => number;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;
  #gone = false;

  /** `render` builds the JSON body of an event (undefined: nothing left to say, it is dropped). */
  constructor(
    queue: WebhookQueue,
    render: (event: WebhookEvent) => string | undefined,
    options: WebhookOptions,
  ) {
    this.#queue = queue;
    this.#render = render;
    this.#o = options;
    this.#log = options.logger ?? silentLogger;
    this.#now = options.now ?? Date.now;
  }

  start(): void {
    this.wake();
  }

  /** Looks at the queue now (an event was just queued). */
  wake(): void {
    if (this.#stopped || this.#gone) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.#drain().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        this.wake();
      } else this.#schedule();
    });
  }

  /** Stops delivering; an attempt in flight finishes first. The queue stays for the next start. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  /** Events waiting, the oldest's age, and whether the case system said its endpoint is gone. */
  status(): { queued: number; oldestAt: number | null; gone: boolean } {
    return { ...this.#queue.depth(), gone: this.#gone };
  }

  #schedule(): void {
    if (this.#stopped || this.#gone) return;
    const pollMs = this.#o.pollMs ?? 5000;
    const next = this.#queue.nextAt();
    const wait = next === undefined ? pollMs : Math.min(pollMs, Math.max(0, next - this.#now()));
    this.#timer = setTimeout(() => this.wake(), wait);
    this.#timer.unref();
  }

  async #drain(): Promise<void> {
    for (;;) {
      const due = this.#queue.due(this.#now());
      if (due.length === 0) return;
      for (const event of due) {
        if (this.#stopped || this.#gone) return;
        await this.#deliver(event);
      }
    }
  }

  async #deliver(event: WebhookEvent): Promise<void> {
    const body = this.#render(event);
    if (body === undefined) {
      this.#queue.delivered(event.id);
      return;
    }
    const outcome = await this.#post(event.id, body);
    const attempts = event.attempts + 1;
    const m = this.#o.metrics;
    const log = { webhookId: event.id, type: event.type, attempts };
    if (outcome.ok) {
      this.#queue.delivered(event.id);
      m.inc('cwtch_webhooks_delivered_total', 'Webhook events the case system accepted', {
        type: event.type,
      });
      this.#log.debug(log, 'webhook delivered');
      return;
    }
    const now = this.#now();
    if (outcome.gone) {
      this.#gone = true;
      this.#queue.retryAt(event.id, attempts, now, outcome.reason);
      m.inc(
        'cwtch_webhook_endpoint_gone_total',
        'Times the case system answered 410 Gone (delivery stopped)',
      );
      this.#log.error(log, 'the case system answered 410 Gone: webhooks stop until the connector restarts');
      return;
    }
    const deadline = event.createdAt + this.#o.retry.maxAgeMs;
    if (now >= deadline) {
      this.#queue.giveUp(event.id, attempts, now, outcome.reason);
      m.inc('cwtch_webhooks_given_up_total', 'Webhook events given up at their maximum age', {
        type: event.type,
      });
      this.#log.error({ ...log, reason: outcome.reason }, 'webhook given up');
      return;
    }
    // The last try falls at the maximum age, never after it.
    const at = Math.min(deadline, now + retryDelay(attempts, this.#o.retry, this.#o.random));
    this.#queue.retryAt(event.id, attempts, at, outcome.reason);
    m.inc('cwtch_webhook_retries_total', 'Webhook attempts that failed and will be retried', {
      reason: outcome.reason,
    });
    this.#log.warn({ ...log, reason: outcome.reason, retryInMs: at - now }, 'webhook attempt failed');
  }

  async #post(id: string, body: string): Promise<Outcome> {
    const timestamp = Math.floor(this.#now() / 1000);
    try {
      const res = await fetch(this.#o.url, {
        method: 'POST',
        // A redirect is a failure: the body goes only to the address configured.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#o.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'cwtch-connector',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(this.#o.secret, id, timestamp, body),
        },
        body,
      });
      await res.body?.cancel();
      if (res.status >= 200 && res.status < 300) return { ok: true };
      return { ok: false, gone: res.status === 410, reason: `http-${res.status}` };
    } catch (e) {
      return { ok: false, gone: false, reason: failureReason(e) };
    }
  }
}
