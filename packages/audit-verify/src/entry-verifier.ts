import { decodeStrictBase64, leafHash, MerkleFrontier } from '@cwtch/audit-log';
import { AuditEntry, hotSchema } from '@cwtch/contracts';
import {
  b64uEncode,
  ed25519Verify,
  type ParsedLoggedShare,
  type ParsedReceipt,
  parseEnvelope,
  parseLoggedShare,
  parseReceiptMembers,
  type SignatureCheck,
  sha256,
} from '@cwtch/crypto';
import { isCwtchError } from '@cwtch/runtime';
import { type EntryLine, parseJsonBytes } from './bundle-lines.ts';
import { type Attempt, attempt, checkReceipt, checkShare, type EntryContext } from './check-entry.ts';
import { DirectoryHistory } from './directory-history.ts';
import { EntryOrder } from './entry-order.ts';
import { FindingCode, type FindingSink } from './finding.ts';
import type { Rejection } from './report.ts';
import { ShareLedger } from './share-ledger.ts';
import { SignerLog } from './signer-log.ts';

const MAX_REJECTIONS_LISTED = 1000;

/** Settings of an {@link EntryVerifier}. */
export interface EntryVerifierOptions {
  /** Checkpoint size: the number of entries expected. */
  readonly size: number;
  readonly governanceKey: Uint8Array;
  readonly now: number;
  /** Tolerance of the time-order checks, ms. */
  readonly skewMs: number;
  readonly sink: FindingSink;
  /** Only order and root: skip parsing and every per-entry and cross-entry check. */
  readonly rootOnly?: boolean;
  /** Copies logged this close (ms) to the bundle's last entry may still await their receipt. */
  readonly receiptGraceMs?: number;
  /** Ed25519 check of shares and receipts (default `ed25519Verify`; results may come from workers). */
  readonly checkSignature?: SignatureCheck;
}

/** An entry line decoded, hashed and parsed by {@link EntryVerifier.read}, not yet checked. */
export interface ReadEntry {
  readonly line: EntryLine;
  /** Undefined when the bytes are not strict base64. */
  readonly leaf: Uint8Array | undefined;
  /** Undefined in root-only mode or when the bytes are not an `AuditEntry` ({@link invalid} says why). */
  readonly entry: AuditEntry | undefined;
  readonly invalid: string | undefined;
  /** A share's header, body hash and signature, parsed once for its signature job and its checks. */
  readonly share?: Attempt<ParsedLoggedShare>;
  /** A receipt's body and signature, likewise. */
  readonly receipt?: Attempt<ParsedReceipt>;
}

/**
 * Reads entry lines one at a time: feeds each leaf hash to a Merkle frontier (the only state the
 * root needs), checks order, shape and times, and runs the per-type checks against the directory
 * as it stood at that point. Cross-entry checks run in {@link finish}. Entry bytes are dropped as
 * soon as the entry is checked.
 */
export class EntryVerifier {
  readonly frontier = new MerkleFrontier();
  readonly directory: DirectoryHistory;
  readonly counts = { entries: 0, shares: 0, receipts: 0, rejections: 0, envelopes: 0, awaitingReceipt: 0 };
  readonly rejections: Rejection[] = [];
  readonly #options: EntryVerifierOptions;
  readonly #order: EntryOrder;
  readonly #ledger = new ShareLedger();
  readonly #signers = new SignerLog();
  #latestTs = 0;
  readonly #sources = new Set<number>();

  constructor(options: EntryVerifierOptions) {
    this.#options = options;
    this.#order = new EntryOrder(options.size);
    this.directory = new DirectoryHistory(options.governanceKey);
  }

  /**
   * The order-free half of checking an entry line: decodes, hashes and parses it, with no finding
   * and no state touched, so that it can run ahead of {@link apply}.
   */
  read(line: EntryLine): ReadEntry {
    const bytes = decodeStrictBase64(line.e);
    if (bytes === undefined) return { line, leaf: undefined, entry: undefined, invalid: undefined };
    const leaf = leafHash(bytes);
    if (this.#options.rootOnly === true) return { line, leaf, entry: undefined, invalid: undefined };
    const parsed = hotSchema(AuditEntry).safeParse(parseJsonBytes(bytes));
    if (parsed.success) {
      const entry = parsed.data;
      const read = { line, leaf, entry, invalid: undefined };
      if (entry.t === 'msg') return { ...read, share: attempt(() => parseLoggedShare(entry)) };
      if (entry.t === 'rcpt') return { ...read, receipt: attempt(() => parseReceiptMembers(entry)) };
      return read;
    }
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { line, leaf, entry: undefined, invalid: `not an audit entry${where}: ${issue?.message ?? ''}` };
  }

  /** The order-dependent half: checks what {@link read} gave, in log order. */
  apply(read: ReadEntry): void {
    const { sink } = this.#options;
    const { line } = read;
    const position = this.counts.entries;
    this.counts.entries += 1;
    if (read.leaf === undefined) {
      sink.add(line.i, FindingCode.ENTRY_INVALID, 'entry bytes are not strict standard base64');
      this.#order.see(line.i, position, sink);
      return;
    }
    this.frontier.append(read.leaf);
    if (this.#options.rootOnly === true) {
      this.#order.see(line.i, position, sink);
      return;
    }
    if (read.entry === undefined) {
      sink.add(line.i, FindingCode.ENTRY_INVALID, read.invalid ?? 'not an audit entry');
      this.#order.see(line.i, position, sink);
      return;
    }
    const entry = read.entry;
    if (entry.i !== line.i) {
      sink.add(entry.i, FindingCode.ENTRY_INDEX_MISMATCH, `line says index ${line.i}, the entry ${entry.i}`);
    }
    this.#order.see(entry.i, position, sink);
    this.#checkTimes(entry);
    const ctx: EntryContext = {
      view: this.directory.current,
      sink,
      ledger: this.#ledger,
      signers: this.#signers,
      checkSignature: this.#options.checkSignature ?? ed25519Verify,
    };
    switch (entry.t) {
      case 'key':
        this.directory.apply(entry, entry.i, sink);
        break;
      case 'msg':
        this.counts.shares += 1;
        checkShare(entry, ctx, read.share);
        break;
      case 'rcpt':
        this.counts.receipts += 1;
        checkReceipt(entry, ctx, read.receipt);
        break;
      case 'reject':
        this.counts.rejections += 1;
        if (this.rejections.length < MAX_REJECTIONS_LISTED) {
          const { i: index, reason, src, id, from } = entry;
          this.rejections.push({ index, reason, subject: src.subj, id, from });
        }
        break;
    }
  }

  /** Checks a retained envelope: it must be a logged share copy from stream sequence `seq`. */
  envelope(seq: number, b64: string, line: number): void {
    const { sink } = this.#options;
    this.counts.envelopes += 1;
    if (this.#options.rootOnly === true) return;
    const bytes = decodeStrictBase64(b64);
    if (bytes === undefined) {
      sink.add(null, FindingCode.LINE_INVALID, `line ${line}: envelope bytes are not strict standard base64`);
      return;
    }
    try {
      const parsed = parseEnvelope(bytes, { maxBytes: Number.MAX_SAFE_INTEGER });
      const hh = b64uEncode(sha256(parsed.headerBytes));
      const match = this.#ledger.matchEnvelope(seq, parsed.header.id, hh, b64uEncode(parsed.bodyHash));
      if (typeof match === 'string') {
        sink.add(null, FindingCode.ENVELOPE_MISMATCH, `envelope of stream sequence ${seq}: ${match}`);
      }
    } catch (e) {
      const why = isCwtchError(e) ? e.code : 'unreadable';
      sink.add(null, FindingCode.ENVELOPE_MISMATCH, `envelope of stream sequence ${seq} is invalid (${why})`);
    }
  }

  /** Runs the checks that need the whole log: missing entries, receipts, later revocations. */
  finish(): void {
    const { sink } = this.#options;
    this.#order.finish(sink);
    if (this.#options.rootOnly === true) return;
    this.counts.awaitingReceipt = this.#ledger.finish(
      sink,
      this.#latestTs - (this.#options.receiptGraceMs ?? 60_000),
    );
    this.#signers.finish(this.directory.current, sink);
  }

  #checkTimes(entry: AuditEntry): void {
    const { sink, skewMs, now } = this.#options;
    if (entry.ts < this.#latestTs - skewMs) {
      sink.add(entry.i, FindingCode.TIME_OUT_OF_ORDER, 'audit time is earlier than an earlier entry’s');
    }
    if (entry.bt > entry.ts + skewMs) {
      sink.add(entry.i, FindingCode.TIME_OUT_OF_ORDER, 'bus time is after audit time');
    }
    if (entry.ts > now + skewMs) {
      sink.add(entry.i, FindingCode.TIME_IN_FUTURE, 'audit time is after the verifier’s clock');
    }
    this.#latestTs = Math.max(this.#latestTs, entry.ts);
    if (entry.t === 'key') return;
    // A redelivery after a crash may log an event after later ones, but never the same one twice.
    if (this.#sources.has(entry.src.seq)) {
      sink.add(entry.i, FindingCode.SOURCE_DUPLICATED, `stream sequence ${entry.src.seq} is logged twice`);
    }
    this.#sources.add(entry.src.seq);
  }
}
