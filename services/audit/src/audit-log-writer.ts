import { MerkleTree } from '@cwtch/audit-log';
import {
  AUDIT_STREAM,
  AUDIT_SUBJECT,
  DeliverPolicy,
  type JetStreamClient,
  publishDurable,
  SHARES_STREAM,
} from '@cwtch/bus';
import { type Logger, silentLogger } from '@cwtch/runtime';
import { decodeEntry, type EntryBody, encodeEntry } from './entries.ts';
import type { ShareIndex } from './share-index.ts';

/**
 * The single writer of the share log. Entry `i` is appended with `Nats-Expected-Last-Sequence: i`,
 * so it lands at stream sequence `i + 1`; any other writer or gap fails the append (fail closed).
 * Keeps the RFC 9162 tree and the query index in step with what the stream holds.
 */
export class AuditLogWriter {
  readonly tree = new MerkleTree();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly js: JetStreamClient,
    private readonly index: ShareIndex,
    private readonly logger: Logger = silentLogger,
  ) {}

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

  /** Appends one entry (queued: one append at a time) and resolves with its position. */
  append(body: EntryBody, busTime: number): Promise<number> {
    const run = this.#queue.then(async () => {
      const i = this.tree.size;
      const bytes = encodeEntry(body, i, Date.now(), busTime);
      const msgId = 'src' in body ? `src-${body.src.seq}` : `key-${body.serial}`;
      const ack = await publishDurable(this.js, AUDIT_SUBJECT, bytes, { msgId, expectLastSequence: i });
      // A retried publish whose first attempt was stored comes back as a duplicate at i + 1: fine.
      if (ack.seq !== i + 1)
        throw new Error(
          `append of ${msgId} landed at ${ack.seq}, not ${i + 1}: the log and this writer disagree`,
        );
      this.tree.appendEntry(bytes);
      this.index.add(decodeEntry(bytes));
      return i;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
