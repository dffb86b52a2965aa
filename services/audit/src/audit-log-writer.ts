import { leafHash, MerkleTree } from '@cwtch/audit-log';
import {
  AUDIT_STREAM,
  AUDIT_SUBJECT,
  BATCH_FROM,
  DeliverPolicy,
  type JetStreamClient,
  MAX_BATCH_MESSAGES,
  publishBatch,
  publishDurable,
  SHARES_STREAM,
} from '@cwtch/bus';
import { ErrorCode, isCwtchError, type Logger, silentLogger } from '@cwtch/runtime';
import { decodeEntry, type Entry, type EntryBody, encodeEntry } from './entries.ts';
import type { ShareIndex } from './share-index.ts';
import { StagedEntries } from './staged-entries.ts';

/**
 * The single writer of the share log. Entry `i` is appended with `Nats-Expected-Last-Sequence: i`
 * (on the first entry of an atomic batch, on each entry published on its own), so it lands at
 * stream sequence `i + 1`; any other writer or gap fails the append (fail closed). Keeps the
 * RFC 9162 tree and the query index in step with what the stream holds: an entry reaches them
 * only once it is stored.
 */
export class AuditLogWriter {
  #tree: MerkleTree;
  /** The index seen through the entries staged and not yet stored (what events are checked on). */
  readonly staged: StagedEntries;
  readonly #staged: StagedEntry[] = [];
  #flushing: Promise<void> | undefined;
  #failed: unknown;

  private readonly js: JetStreamClient;
  private readonly index: ShareIndex;
  private readonly logger: Logger;

  constructor(js: JetStreamClient, index: ShareIndex, logger: Logger = silentLogger) {
    this.js = js;
    this.index = index;
    this.logger = logger;
    this.staged = new StagedEntries(index);
    this.#tree = new MerkleTree(index.leaves);
  }

  /** The RFC 9162 tree of the stored entries (its hashes kept in the index's file). */
  get tree(): MerkleTree {
    return this.#tree;
  }

  /**
   * Brings the tree and the index up to the AUDIT stream: from what the index holds when it is
   * consistent with the stream (its tree head reproduces from its stored nodes, and its last leaf
   * is the stream's entry at that position), from the start otherwise or when `fresh`. Returns
   * whether it caught up (`caught-up`) or rebuilt from the start (`rebuilt`).
   */
  async rebuild(options: { fresh?: boolean } = {}): Promise<'caught-up' | 'rebuilt'> {
    const jsm = await this.js.jetstreamManager();
    const last = (await jsm.streams.info(AUDIT_STREAM)).state.last_seq;
    const problem = options.fresh ? 'asked to rebuild' : await this.#inconsistency(last);
    if (problem) {
      if (this.#tree.size > 0 || this.index.head()) this.logger.warn({ problem }, 'rebuilding the index');
      this.index.reset();
      this.#tree = new MerkleTree(this.index.leaves);
    }
    const from = this.#tree.size;
    if (last > from) {
      const consumer = await this.js.consumers.get(AUDIT_STREAM, {
        deliver_policy: DeliverPolicy.StartSequence,
        opt_start_seq: from + 1,
      });
      const messages = await consumer.consume();
      let batch: Uint8Array[] = [];
      const apply = () => {
        this.index.transaction(() => {
          for (const bytes of batch) {
            this.#tree.appendEntry(bytes);
            this.index.add(decodeEntry(bytes));
          }
          this.index.setHead({ size: this.#tree.size, root: b64(this.#tree.root()) });
        });
        batch = [];
      };
      for await (const m of messages) {
        const at = this.#tree.size + batch.length;
        if (m.seq !== at + 1) throw new Error(`share log has a gap at stream sequence ${at + 1}`);
        const entry = decodeEntry(m.data);
        if (entry.i !== at) throw new Error(`entry at ${m.seq} claims position ${entry.i}`);
        batch.push(m.data);
        if (batch.length >= 1000) apply();
        if (m.seq >= last) break;
      }
      messages.stop();
      apply();
    }
    this.logger.info({ size: this.#tree.size, from, rebuilt: !!problem }, 'share log index up to date');
    return problem ? 'rebuilt' : 'caught-up';
  }

  /** Why the stored index cannot be caught up from (null when it can). */
  async #inconsistency(last: number): Promise<string | null> {
    const head = this.index.head();
    const size = this.#tree.size;
    if (!head) return size === 0 ? null : 'no tree head recorded';
    if (head.size !== size || head.root !== b64(this.#tree.root()))
      return 'the stored tree does not reproduce its recorded head';
    if (size > last) return `the index holds ${size} entries, the stream ${last}`;
    if (size === 0) return null;
    const jsm = await this.js.jetstreamManager();
    const m = await jsm.streams.getMessage(AUDIT_STREAM, { seq: size });
    if (!m || !Buffer.from(leafHash(m.data)).equals(this.index.leaves.leafHash(size - 1)))
      return `entry ${size - 1} of the index is not the stream's`;
    return null;
  }

  /** The stored bytes of entry `index` (stream sequence `index + 1`). */
  async entryBytes(index: number): Promise<Uint8Array> {
    const jsm = await this.js.jetstreamManager();
    const m = await jsm.streams.getMessage(AUDIT_STREAM, { seq: index + 1 });
    if (!m) throw new Error(`entry ${index} is missing from the stream`);
    return m.data;
  }

  /** Entries `[from, to)` as stored, in order (an ordered consumer over AUDIT). */
  async *entries(from: number, to: number): AsyncGenerator<{ index: number; bytes: Uint8Array }> {
    if (from >= to) return;
    const consumer = await this.js.consumers.get(AUDIT_STREAM, {
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: from + 1,
    });
    const messages = await consumer.consume();
    try {
      for await (const m of messages) {
        yield { index: m.seq - 1, bytes: m.data };
        if (m.seq >= to) break;
      }
    } finally {
      messages.stop();
    }
  }

  /** A retained envelope from the SHARES stream, by its stream sequence. */
  async envelope(seq: number): Promise<Uint8Array | undefined> {
    const jsm = await this.js.jetstreamManager();
    // A busy server can time a read out: try again before calling it missing.
    for (let attempt = 0; attempt < 3; attempt++) {
      const m = await jsm.streams.getMessage(SHARES_STREAM, { seq }).catch(() => undefined);
      if (m) return m.data;
    }
    return undefined;
  }

  /** Whether the SHARES event at `seq` is logged: see {@link StagedEntries.logged}. */
  logged(seq: number): 'stored' | Promise<unknown> | false {
    return this.staged.logged(seq);
  }

  /**
   * Appends one entry and resolves with its position once it is stored. The entry is encoded and
   * staged at once, in call order (so the next event is checked against it); staged entries are
   * stored together, as one atomic batch per round trip while the previous one is in flight.
   * Once an append fails, every later one fails too: the writer's view of the log is no longer
   * the stream's (fail closed; a restart resynchronises).
   */
  append(body: EntryBody, busTime: number): Promise<number> {
    if (this.#failed !== undefined) return Promise.reject(this.#failed);
    const i = this.tree.size + this.#staged.length;
    const bytes = encodeEntry(body, i, Date.now(), busTime);
    const msgId = 'src' in body ? `src-${body.src.seq}` : `key-${body.serial}`;
    let settle!: { resolve: (i: number) => void; reject: (err: unknown) => void };
    const stored = new Promise<number>((resolve, reject) => {
      settle = { resolve, reject };
    });
    const entry = decodeEntry(bytes);
    this.#staged.push({ i, bytes, msgId, entry, ...settle });
    this.staged.stage(entry, stored);
    if (!this.#flushing) this.#flushing = this.#flush();
    return stored;
  }

  /** Resolves once every entry staged so far is stored (or has failed). */
  async flushed(): Promise<void> {
    while (this.#flushing) await this.#flushing;
  }

  async #flush(): Promise<void> {
    try {
      while (this.#staged.length > 0 && this.#failed === undefined) {
        const batch = takeBatch(this.#staged);
        try {
          await this.#store(batch);
          this.index.transaction(() => {
            for (const s of batch) {
              this.#tree.appendEntry(s.bytes);
              this.index.add(s.entry);
            }
            this.index.setHead({ size: this.#tree.size, root: b64(this.#tree.root()) });
          });
        } catch (err) {
          this.#failed = err;
          for (const s of this.#staged) {
            this.staged.unstage(s.entry);
            s.reject(err);
          }
          this.#staged.length = 0;
          return;
        }
        this.#staged.splice(0, batch.length);
        for (const s of batch) {
          this.staged.unstage(s.entry);
          s.resolve(s.i);
        }
      }
    } finally {
      this.#flushing = undefined;
    }
  }

  /**
   * Stores `batch` right after entry `batch[0].i - 1`: fewer than {@link BATCH_FROM} entries each
   * in a publish of its own, all sent at once, each expecting the one before it (if one is refused,
   * every later one is too: nothing lands out of place); more as one atomic batch, which nats-server
   * stages in a file store of its own, worth it only from about that many. An unanswered attempt is
   * settled by the stream itself: stored as sent (the last entry's bytes at its position), not
   * stored (try again), or anything else (fail closed).
   */
  async #store(batch: readonly StagedEntry[]): Promise<void> {
    const first = batch[0]!;
    const end = first.i + batch.length;
    for (let attempt = 0; ; attempt++) {
      try {
        const ack =
          batch.length < BATCH_FROM
            ? await this.#storeEach(batch)
            : await publishBatch(
                this.js,
                AUDIT_SUBJECT,
                batch.map((s) => ({ data: s.bytes, msgId: s.msgId })),
                { expectLastSequence: first.i },
              );
        // A retried publish whose first attempt was stored comes back as a duplicate at i + 1: fine.
        if (ack.seq !== end)
          throw new Error(
            `append of ${batch.length} from ${first.msgId} landed at ${ack.seq}, not ${end}: the log and this writer disagree`,
          );
        return;
      } catch (err) {
        if (!isCwtchError(err) || err.code !== ErrorCode.BUS_UNAVAILABLE || attempt >= 2) throw err;
        const jsm = await this.js.jetstreamManager();
        const last = (await jsm.streams.info(AUDIT_STREAM)).state.last_seq;
        if (last === end) {
          const m = await jsm.streams.getMessage(AUDIT_STREAM, { seq: end });
          if (m && Buffer.from(m.data).equals(batch.at(-1)!.bytes)) return;
        }
        if (last !== first.i) throw err;
        this.logger.warn({ err, from: first.i, count: batch.length }, 'append unanswered; trying again');
        await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
    }
  }

  /** Publishes each entry of `batch` at once, each expecting its place; the last one's answer. */
  async #storeEach(batch: readonly StagedEntry[]): Promise<{ seq: number }> {
    const acks = await Promise.all(
      batch.map((s) =>
        publishDurable(this.js, AUDIT_SUBJECT, s.bytes, { msgId: s.msgId, expectLastSequence: s.i }),
      ),
    );
    const astray = acks.findIndex((ack, k) => ack.seq !== batch[k]!.i + 1);
    if (astray >= 0)
      throw new Error(
        `entry ${batch[astray]!.i} landed at ${acks[astray]!.seq}, not ${batch[astray]!.i + 1}: the log and this writer disagree`,
      );
    return acks.at(-1)!;
  }
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** One entry staged for the next batch, with the settling of its `append`. */
interface StagedEntry {
  readonly i: number;
  readonly bytes: Uint8Array;
  readonly msgId: string;
  readonly entry: Entry;
  resolve(i: number): void;
  reject(err: unknown): void;
}

/** Entries per atomic batch, and bytes: well inside nats-server's limits on one batch. */
const BATCH_ENTRIES = 256;
const BATCH_BYTES = 4 * 1024 * 1024;

function takeBatch(staged: readonly StagedEntry[]): StagedEntry[] {
  let bytes = 0;
  let n = 0;
  while (n < staged.length && n < Math.min(BATCH_ENTRIES, MAX_BATCH_MESSAGES)) {
    bytes += staged[n]!.bytes.byteLength;
    if (n > 0 && bytes > BATCH_BYTES) break;
    n++;
  }
  return staged.slice(0, n);
}
