import { createHash } from 'node:crypto';
import type { Principal } from '../auth.ts';

interface Session {
  readonly principal: Principal;
  readonly expiresAt: number;
  lastSeenAt: number;
}

/** How long sessions live, how many are held, and the clock (tests inject their own). */
export interface SessionStoreOptions {
  /** A session unused this long ends (seconds). */
  readonly idleSeconds: number;
  /** Most sessions held; past it the least recently used ends (default 10 000). */
  readonly maxSessions?: number;
  /** Wall clock in milliseconds (default `Date.now`). */
  readonly now?: () => number;
}

/**
 * The server side of page sessions: a cookie opens a page only while its session is held here.
 * Signing out ends it at once; so does `idleSeconds` without a request, or its expiry. Keyed by
 * a SHA-256 of the cookie's token, so no token sits in memory in clear. Held in memory: a
 * restart ends every session (people sign in again), which fails closed.
 */
export class SessionStore {
  readonly idleSeconds: number;
  readonly #maxSessions: number;
  readonly #now: () => number;
  /** Map order is least recently used first: every use moves its session to the end. */
  readonly #sessions = new Map<string, Session>();

  constructor(options: SessionStoreOptions) {
    this.idleSeconds = options.idleSeconds;
    this.#maxSessions = options.maxSessions ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /** Sessions held now (some may have lapsed and not been swept yet). */
  get size(): number {
    return this.#sessions.size;
  }

  /** Starts the session of `token` for `principal`, for `lifetimeSeconds` at most. */
  open(token: string, principal: Principal, lifetimeSeconds: number): void {
    this.#sweep();
    const now = this.#now();
    this.#sessions.set(keyOf(token), { principal, expiresAt: now + lifetimeSeconds * 1000, lastSeenAt: now });
    while (this.#sessions.size > this.#maxSessions)
      this.#sessions.delete(this.#sessions.keys().next().value!);
  }

  /** The principal of `token`'s session while it lives (and marks it used), else undefined. */
  use(token: string): Principal | undefined {
    const key = keyOf(token);
    const session = this.#sessions.get(key);
    if (!session) return undefined;
    this.#sessions.delete(key);
    const now = this.#now();
    if (this.#lapsed(session, now)) return undefined;
    session.lastSeenAt = now;
    this.#sessions.set(key, session);
    return session.principal;
  }

  /** Ends `token`'s session: its cookie opens nothing from now on. */
  end(token: string): void {
    this.#sessions.delete(keyOf(token));
  }

  #lapsed(session: Session, now: number): boolean {
    return now >= session.expiresAt || now - session.lastSeenAt >= this.idleSeconds * 1000;
  }

  /** Ends lapsed sessions from the least recently used end. */
  #sweep(): void {
    const now = this.#now();
    for (const [key, session] of this.#sessions) {
      if (now - session.lastSeenAt < this.idleSeconds * 1000) return;
      this.#sessions.delete(key);
    }
  }
}

function keyOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
