/**
 * Finding codes of the audit verifier. Codes of failed cryptographic checks are the `CwtchError`
 * codes of `@cwtch/runtime` (`SIGNATURE_INVALID`, `SENDER_KEY_REVOKED`, `RECEIPT_INVALID`, ...);
 * these are the verifier's own.
 */
export const FindingCode = {
  /** The trust file (pinned keys) is malformed. */
  TRUST_INVALID: 'TRUST_INVALID',
  /** The first line is not a bundle header. */
  HEADER_INVALID: 'HEADER_INVALID',
  /** A line is neither an entry nor a retained envelope. */
  LINE_INVALID: 'LINE_INVALID',
  /** The bundle, checkpoint and trust name different logs. */
  ORIGIN_MISMATCH: 'ORIGIN_MISMATCH',
  /** The checkpoint does not parse or its log signature does not verify with the pinned log key. */
  CHECKPOINT_INVALID: 'CHECKPOINT_INVALID',
  /** A pinned witness's cosignature line does not verify. */
  COSIGNATURE_INVALID: 'COSIGNATURE_INVALID',
  /** Fewer valid cosignatures from pinned witnesses than the quorum. */
  QUORUM_NOT_MET: 'QUORUM_NOT_MET',
  /** Header size, checkpoint size and the number of entry lines disagree. */
  SIZE_MISMATCH: 'SIZE_MISMATCH',
  /** The root recomputed over the entries is not the checkpoint root. */
  ROOT_MISMATCH: 'ROOT_MISMATCH',
  /** An index between 0 and size - 1 has no entry line. */
  ENTRY_MISSING: 'ENTRY_MISSING',
  /** An index appears on two entry lines. */
  ENTRY_DUPLICATED: 'ENTRY_DUPLICATED',
  /** An entry comes after an entry with a higher index. */
  ENTRY_OUT_OF_ORDER: 'ENTRY_OUT_OF_ORDER',
  /** An entry's index is at or beyond the checkpoint size. */
  ENTRY_BEYOND_SIZE: 'ENTRY_BEYOND_SIZE',
  /** The line's `i` and the entry's own `i` differ. */
  ENTRY_INDEX_MISMATCH: 'ENTRY_INDEX_MISMATCH',
  /** The entry is not strict base64, UTF-8 JSON, or an `AuditEntry`. */
  ENTRY_INVALID: 'ENTRY_INVALID',
  /** Audit time went backwards, or bus time is after audit time, beyond the tolerance. */
  TIME_OUT_OF_ORDER: 'TIME_OUT_OF_ORDER',
  /** An entry or the export is dated after the verifier's clock. */
  TIME_IN_FUTURE: 'TIME_IN_FUTURE',
  /** SHARES stream sequences do not strictly increase along the log. */
  SOURCE_DUPLICATED: 'SOURCE_DUPLICATED',
  /** A key statement's serial is not its directory's, or does not increase. */
  KEY_SERIAL_INVALID: 'KEY_SERIAL_INVALID',
  /** A share or receipt comes before any verified key statement. */
  NO_DIRECTORY: 'NO_DIRECTORY',
  /** A signature made with a key the final directory revokes at or before the entry's bus time. */
  SIGNED_AFTER_COMPROMISE: 'SIGNED_AFTER_COMPROMISE',
  /** The same message id logged twice for the same recipient. */
  DUPLICATE_SHARE: 'DUPLICATE_SHARE',
  /** A receipt naming a message id and recipient with no logged share. */
  RECEIPT_ORPHAN: 'RECEIPT_ORPHAN',
  /** A receipt whose header hash, body hash or sender differ from the share it names. */
  RECEIPT_MISMATCH: 'RECEIPT_MISMATCH',
  /** A retained envelope that matches no logged share. */
  ENVELOPE_MISMATCH: 'ENVELOPE_MISMATCH',
} as const;
export type FindingCode = (typeof FindingCode)[keyof typeof FindingCode];

/** One failed check: the entry (leaf index) it concerns, or null for the bundle as a whole. */
export interface Finding {
  readonly index: number | null;
  /** A {@link FindingCode} or a `CwtchError` code of the failed cryptographic check. */
  readonly code: string;
  readonly message: string;
}

/**
 * Collects findings, keeping at most `keepPerCode` of each code so that a systematic failure over
 * millions of entries stays readable; every finding is counted.
 */
export class FindingSink {
  readonly #kept: Finding[] = [];
  readonly #counts = new Map<string, number>();
  readonly #keepPerCode: number;

  constructor(keepPerCode = 1000) {
    this.#keepPerCode = keepPerCode;
  }

  /** Records a finding. */
  add(index: number | null, code: string, message: string): void {
    const count = (this.#counts.get(code) ?? 0) + 1;
    this.#counts.set(code, count);
    if (count <= this.#keepPerCode) this.#kept.push({ index, code, message });
  }

  /** Total number of findings, kept or not. */
  get total(): number {
    let total = 0;
    for (const n of this.#counts.values()) total += n;
    return total;
  }

  /** Kept findings: bundle-wide ones first, then by entry index, in order of discovery. */
  findings(): Finding[] {
    return this.#kept
      .map((f, order) => ({ f, order }))
      .sort((a, b) => (a.f.index ?? -1) - (b.f.index ?? -1) || a.order - b.order)
      .map(({ f }) => f);
  }

  /** Number of findings per code. */
  counts(): Record<string, number> {
    return Object.fromEntries([...this.#counts].sort(([a], [b]) => a.localeCompare(b)));
  }
}
