/** What a replay store says about a message id it was asked to remember. */
export type ReplayVerdict = 'new' | 'redelivery' | 'replay';

/** One accepted message, as the replay store keeps it. */
export interface ReplayEntry {
  /** `header.id`. */
  readonly id: string;
  /** base64url of the body hash `B`. */
  readonly bodyHash: string;
  /** JetStream stream sequence of the delivery. */
  readonly streamSeq: number;
  /** Keep the id at least until then: `exp` plus the clock skew allowance. */
  readonly keepUntilMs: number;
}

/**
 * Persistent memory of accepted message ids (reference §2.8), implemented by the caller (for
 * example a per-recipient NATS KV bucket with a TTL). `remember` must be atomic: it records the
 * entry and answers `new` if the id is unknown; `redelivery` if the same id was recorded with the
 * same body hash and stream sequence (acknowledge again, do nothing); `replay` otherwise (refuse and
 * report as `REPLAYED`).
 */
export interface ReplayStore {
  remember(entry: ReplayEntry): Promise<ReplayVerdict>;
}
