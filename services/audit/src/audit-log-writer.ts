import { MerkleTree } from '@cwtch/audit-log';
import {
  AUDIT_STREAM,
  AUDIT_SUBJECT,
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
 * (on the first entry of an atomic batch), so it lands at stream sequence `i + 1`; any other
 * writer or gap fails the append (fail closed). Keeps the RFC 9162 tree and the query index in
 * step with what the stream holds: an entry reaches them only once it is stored.
 */
export class AuditLogWriter {
  readonly tree = new MerkleTree();
  /** The index seen through the entries staged and not yet stored (what events are checked on). */
  readonly staged: StagedEntries;
  readonly #staged: StagedEntry[] = [];
  #flushing: Promise<void> | undefined;
  #failed: unknown;

  constructor(
    private readonly js: JetStreamClient,
    private readonly index: ShareIndex,
    private readonly logger: Logger = silentLogger,
  ) {
    this.staged = new StagedEntries(index);
  }

  /** Replays the AUDIT stream from the start into the tree and the index. */
  async rebuild(): Promise<void> {
    const jsm = await this.js.jetstreamManager();
    const last = (await jsm.streams.info(AUDIT_STREAM)).state.last_seq;
    if (last === 0) return;
    const consumer = await this.js.consumers.get(AUDIT_STREAM, { deliver_policy: DeliverPolicy.All });
    const messages = await consumer.consume();
    for await (const m of messages) {
      if (m.seq !== this.tree.size + 1)
        throw new Error(`share log has a gap at stream sequence ${this.tree.size + 1}`);
      const entry = decodeEntry(m.data);
      if (entry.i !== this.tree.size) throw new Error(`entry at ${m.seq} claims position ${entry.i}`);
      this.tree.appendEntry(m.data);
      this.index.add(entry);
      if (m.seq >= last) break;
    }
    messages.stop();
    this.logger.info({ size: this.tree.size }, 'share log rebuilt');
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
          this.tree.appendEntry(s.bytes);
          this.index.add(s.entry);
          this.staged.unstage(s.entry);
          s.resolve(s.i);
        }
      }
    } finally {
      this.#flushing = undefined;
    }
  }

  /**
   * Stores `batch` right after entry `batch[0].i - 1`: one publish for one entry, an atomic batch
   * for more. An unanswered attempt is settled by the stream itself: stored as sent (the last
   * entry's bytes at its position), not stored (try again), or anything else (fail closed).
   */
  async #store(batch: readonly StagedEntry[]): Promise<void> {
    const first = batch[0]!;
    const end = first.i + batch.length;
    for (let attempt = 0; ; attempt++) {
      try {
        const ack =
          batch.length === 1
            ? await publishDurable(this.js, AUDIT_SUBJECT, first.bytes, {
                msgId: first.msgId,
                expectLastSequence: first.i,
              })
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
}

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
