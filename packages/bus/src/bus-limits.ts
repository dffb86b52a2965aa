/**
 * Storage limits of the region's streams. SHARES is the evidence archive (nothing in it is ever
 * deleted), so its limits refuse new messages (discard new) and never drop stored ones.
 */
export interface BusLimits {
  /** The largest envelope a connector accepts (`DEFAULT_MAX_ENVELOPE_BYTES` of `@cwtch/crypto`). */
  readonly maxEnvelopeBytes: number;
  /**
   * Messages one subject of SHARES may hold: a quota per (recipient, sender) pair of shares and
   * per (sender, recipient) pair of receipts, over the archive's lifetime. Reaching it refuses
   * that pair's next publish (`BUS_STORAGE_FULL`); every other pair goes on.
   */
  readonly maxMessagesPerPair: number;
  /** Bytes SHARES may hold in all: the disk guard. Reaching it refuses every publish, loudly. */
  readonly sharesMaxBytes: number;
  /** Dead letters kept per agency (oldest dropped first: a diagnostic copy, not evidence). */
  readonly deadLettersPerAgency: number;
  /**
   * Consumers SHARES may have: one inbox per agency and the audit's. Explicit, because nats-server
   * 2.15 gives a stream without one a default of 1,000 (and reads 0 or -1 as that default too).
   */
  readonly sharesMaxConsumers: number;
  /** Bytes DEADLETTER may hold in all (oldest dropped first). */
  readonly deadLetterMaxBytes: number;
}

/** Room for a message's NATS headers (`Nats-Msg-Id`, dead-letter reasons) above the envelope. */
export const HEADER_ALLOWANCE_BYTES = 4096;

/**
 * The largest share-log entry AUDIT stores (its `max_msg_size` adds the header allowance), under
 * nats-server's `max_payload` of 1 MiB + 8 KiB. The largest entry is a directory statement
 * (`key`), which carries the whole signed directory: see {@link MAX_SIGNED_DIRECTORY_BYTES}.
 */
export const AUDIT_MAX_ENTRY_BYTES = 1_048_576;

/**
 * The largest signed directory a region can carry: its statement in the share log is the signed
 * directory and about 300 bytes of entry members, kept 1 KiB below {@link AUDIT_MAX_ENTRY_BYTES}.
 * An agency takes 0.8–1.2 KB of it (keys, names, codes, areas), so about a thousand agencies.
 */
export const MAX_SIGNED_DIRECTORY_BYTES = AUDIT_MAX_ENTRY_BYTES - 1024;

/**
 * The limits `cwtch dev` and a new region start with. 100,000 messages per pair is decades of the
 * busiest pair's traffic in the boards' minutes; 8 GiB fits a laptop's disk. A production region
 * sets its own (`CWTCH_BUS_*`), sized to its disk; metrics show each pair's count against its quota.
 */
export const DEFAULT_BUS_LIMITS: BusLimits = {
  maxEnvelopeBytes: 1_048_576,
  maxMessagesPerPair: 100_000,
  sharesMaxBytes: 8 * 1024 ** 3,
  deadLettersPerAgency: 10_000,
  sharesMaxConsumers: 20_000,
  deadLetterMaxBytes: 512 * 1024 ** 2,
};

/** The largest message SHARES stores: an envelope at the limit plus its headers. */
export function sharesMaxMessageBytes(limits: Pick<BusLimits, 'maxEnvelopeBytes'>): number {
  return limits.maxEnvelopeBytes + HEADER_ALLOWANCE_BYTES;
}
