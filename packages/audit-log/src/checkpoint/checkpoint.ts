/**
 * A transparency-log checkpoint (C2SP tlog-checkpoint): the tree head a log signs.
 * `size` is a safe integer here (up to 2^53 - 1 leaves), which is far beyond any Cwtch log.
 */
export interface Checkpoint {
  /** Log identity, e.g. `cwtch.example/audit/v1`; also the log's key name. */
  readonly origin: string;
  /** Number of leaves. */
  readonly size: number;
  /** 32-byte Merkle root of the first `size` leaves. */
  readonly root: Uint8Array;
  /** Optional opaque extension lines (not recommended; witnesses make no statement about them). */
  readonly extensions?: readonly string[];
}
