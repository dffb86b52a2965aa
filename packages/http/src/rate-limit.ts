import { createHash } from 'node:crypto';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import type { Context, Env, MiddlewareHandler } from 'hono';
import type { Principal } from './auth.ts';

/** How big each bucket is, how fast it refills, and how many buckets may be held at once. */
export interface TokenBucketsOptions {
  /** Requests a key may make in a burst; also the most a bucket holds. */
  readonly capacity: number;
  /** Tokens added back to each bucket per second. */
  readonly refillPerSecond: number;
  /** Most buckets held; the least recently used is dropped past it (default 10 000). */
  readonly maxBuckets?: number;
  /** Monotonic clock in milliseconds (default `performance.now`); tests inject their own. */
  readonly now?: () => number;
}

/** The outcome of one {@link TokenBuckets.take}. */
export interface TakeResult {
  /** True when the request may go ahead (a token was taken). */
  readonly allowed: boolean;
  /** The bucket's capacity. */
  readonly limit: number;
  /** Whole tokens left after this request. */
  readonly remaining: number;
  /** Whole seconds (at least 1) until enough tokens return; 0 when allowed. */
  readonly retryAfterSeconds: number;
  /** Whole seconds until the bucket is full again. */
  readonly resetSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets keyed by string, in bounded memory. A bucket idle long enough to have refilled
 * is dropped (it is the same as no bucket), and past `maxBuckets` the least recently used goes.
 *
 * @example
 * const buckets = new TokenBuckets({ capacity: 20, refillPerSecond: 5 });
 * if (!buckets.take(key).allowed) reject();
 */
export class TokenBuckets {
  readonly capacity: number;
  readonly refillPerSecond: number;
  readonly maxBuckets: number;
  readonly #now: () => number;
  readonly #fullAfterMs: number;
  /** Map order is least recently used first: every take moves its key to the end. */
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: TokenBucketsOptions) {
    const { capacity, refillPerSecond, maxBuckets = 10_000 } = options;
    if (!(Number.isFinite(capacity) && capacity >= 1)) invalid('capacity must be a finite number ≥ 1');
    if (!(Number.isFinite(refillPerSecond) && refillPerSecond > 0)) {
      invalid('refillPerSecond must be a finite number > 0');
    }
    if (!(Number.isSafeInteger(maxBuckets) && maxBuckets >= 1)) invalid('maxBuckets must be an integer ≥ 1');
    this.capacity = capacity;
    this.refillPerSecond = refillPerSecond;
    this.maxBuckets = maxBuckets;
    this.#now = options.now ?? (() => performance.now());
    this.#fullAfterMs = (capacity / refillPerSecond) * 1000;
  }

  /** Buckets held now. */
  get size(): number {
    return this.#buckets.size;
  }

  /** True when a bucket is held for `key`. */
  has(key: string): boolean {
    return this.#buckets.has(key);
  }

  /** Takes `cost` tokens from `key`'s bucket if it holds them; a refused take costs nothing. */
  take(key: string, cost = 1): TakeResult {
    if (!(Number.isFinite(cost) && cost > 0 && cost <= this.capacity)) {
      invalid('cost must be > 0 and at most the capacity');
    }
    const now = this.#now();
    this.#sweep(now);
    const held = this.#buckets.get(key);
    const bucket = held ?? { tokens: this.capacity, at: now };
    const elapsedMs = Math.max(0, now - bucket.at);
    const refilled = bucket.tokens + (elapsedMs / 1000) * this.refillPerSecond;
    // Rounded to a nanotoken so float drift never leaves a bucket a hair short of a whole token.
    bucket.tokens = Math.min(this.capacity, Math.round(refilled * 1e9) / 1e9);
    bucket.at = now;
    const allowed = bucket.tokens >= cost;
    if (allowed) bucket.tokens -= cost;
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > this.maxBuckets) this.#dropOldest();
    return {
      allowed,
      limit: this.capacity,
      remaining: Math.floor(bucket.tokens),
      retryAfterSeconds: allowed ? 0 : this.#secondsToHold(bucket.tokens, cost),
      resetSeconds: Math.ceil((this.capacity - bucket.tokens) / this.refillPerSecond),
    };
  }

  /** Drops buckets from the least recently used end while they have refilled to full. */
  #sweep(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (now - bucket.at < this.#fullAfterMs) return;
      this.#buckets.delete(key);
    }
  }

  #dropOldest(): void {
    const oldest = this.#buckets.keys().next();
    if (!oldest.done) this.#buckets.delete(oldest.value);
  }

  #secondsToHold(tokens: number, cost: number): number {
    return Math.max(1, Math.ceil((cost - tokens) / this.refillPerSecond));
  }
}

function invalid(message: string): never {
  throw new CwtchError(ErrorCode.CONFIG_INVALID, `rate limit: ${message}`);
}

/**
 * The bucket key for an `Authorization` header: a SHA-256 of the bearer token, so tokens never
 * sit in memory in clear. Requests without a bearer token share the one key `anonymous`.
 */
export function tokenKey(authorization: string | undefined): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return 'anonymous';
  return `token:${createHash('sha256').update(match[1]).digest('base64url')}`;
}

/**
 * The bucket key of a verified principal: its agency and subject. Every token of one identity,
 * however many are issued and however each is spelt, shares one bucket.
 */
export function identityKey(principal: Pick<Principal, 'agency' | 'subject'>): string {
  return `identity:${principal.agency}/${principal.subject}`;
}

/** Options of {@link rateLimit}: bucket options, or a {@link TokenBuckets} to share, plus `keyOf`. */
export type RateLimitOptions<E extends Env = Env> = (
  | TokenBucketsOptions
  | { readonly buckets: TokenBuckets }
) & {
  /**
   * The key to limit by, such as the verified principal's subject; `undefined` falls back to
   * {@link tokenKey} of the `Authorization` header. Never return a token in clear.
   */
  readonly keyOf?: (c: Context<E>) => string | undefined;
};

/**
 * Hono middleware limiting each `keyOf` key (by default each bearer token) to a token bucket.
 * Refused requests get 429 `RATE_LIMITED` with `Retry-After`; every response carries
 * `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (IETF draft). Services mount it
 * after token verification, keyed by {@link identityKey}: a token string is no identity (a new
 * token, or another spelling of one, would get a new bucket).
 *
 * @example
 * // Keyed by a context variable: pass the app's Env, as Hono cannot infer it here.
 * app.use('/v1/*', rateLimit<Env>({ capacity: 60, refillPerSecond: 1, keyOf: (c) => identityKey(c.get('principal')) }));
 */
export function rateLimit<E extends Env = Env>(options: RateLimitOptions<E>): MiddlewareHandler<E> {
  const buckets = 'buckets' in options ? options.buckets : new TokenBuckets(options);
  const { keyOf } = options;
  return async (c, next) => {
    const custom = keyOf?.(c);
    const key = custom === undefined ? tokenKey(c.req.header('authorization')) : `key:${custom}`;
    const result = buckets.take(key);
    const headers: Record<string, string> = {
      'RateLimit-Limit': String(result.limit),
      'RateLimit-Remaining': String(result.remaining),
      'RateLimit-Reset': String(result.resetSeconds),
    };
    if (!result.allowed) {
      return c.json(
        {
          error: {
            code: 'RATE_LIMITED',
            message: `too many requests; retry in ${result.retryAfterSeconds} s`,
          },
        },
        429,
        { ...headers, 'Retry-After': String(result.retryAfterSeconds) },
      );
    }
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
