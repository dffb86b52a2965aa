import {
  formatCheckpoint,
  formatSignedNote,
  type NoteSignature,
  parseSignedNote,
  signCheckpoint,
  verifyCosignature,
} from '@cwtch/audit-log';
import {
  CHECKPOINT_STREAM,
  CHECKPOINT_SUBJECT,
  DeliverPolicy,
  type JetStreamClient,
  publishDurable,
} from '@cwtch/bus';
import { type Logger, silentLogger } from '@cwtch/runtime';
import type { AuditLogWriter } from './audit-log-writer.ts';

/** A pinned witness: the name it signs as and its Ed25519 public key. */
export interface WitnessKey {
  readonly name: string;
  readonly publicKey: Uint8Array;
}

/** One signed checkpoint and the cosignatures collected for it. */
export interface SignedCheckpoint {
  readonly size: number;
  readonly root: Uint8Array;
  /** The checkpoint body (origin, size, root lines). */
  readonly text: string;
  /** The log's own signature. */
  readonly logSignature: NoteSignature;
  readonly signedAt: number;
  readonly cosignatures: Map<string, NoteSignature>;
}

/** Checkpoint policy (crypto reference §3.3: at most 60 s or 1,000 entries apart). */
export interface CheckpointPolicy {
  readonly origin: string;
  readonly secretKey: Uint8Array;
  readonly intervalMs: number;
  readonly maxEntries: number;
  readonly witnesses: readonly WitnessKey[];
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/**
 * Signs C2SP checkpoints of the share log, keeps their history (in a delete-denied stream, with
 * the witnesses' cosignatures) and never signs one that is inconsistent with an earlier one: at
 * start it checks that the rebuilt log reproduces the last checkpoint it signed.
 */
export class Checkpointer {
  readonly #history = new Map<number, SignedCheckpoint>();
  #latest: SignedCheckpoint | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly js: JetStreamClient,
    private readonly writer: AuditLogWriter,
    private readonly policy: CheckpointPolicy,
    private readonly logger: Logger = silentLogger,
  ) {}

  get latest(): SignedCheckpoint | undefined {
    return this.#latest;
  }

  /** Replays the checkpoint history and proves the rebuilt log consistent with the last one. */
  async restore(): Promise<void> {
    const jsm = await this.js.jetstreamManager();
    const last = (await jsm.streams.info(CHECKPOINT_STREAM)).state.last_seq;
    if (last > 0) {
      const consumer = await this.js.consumers.get(CHECKPOINT_STREAM, { deliver_policy: DeliverPolicy.All });
      const messages = await consumer.consume();
      for await (const m of messages) {
        if (m.subject === CHECKPOINT_SUBJECT) this.#record(m.string());
        else this.addCosignature(m.string());
        if (m.seq >= last) break;
      }
      messages.stop();
    }
    const cp = this.#latest;
    if (cp) {
      if (cp.size > this.writer.tree.size || b64(this.writer.tree.rootAt(cp.size)) !== b64(cp.root)) {
        throw new Error(
          `the share log does not reproduce checkpoint ${cp.size} that this log signed: refusing to sign again`,
        );
      }
      this.logger.info({ size: cp.size }, 'log consistent with the last signed checkpoint');
    }
  }

  #record(note: string): SignedCheckpoint | undefined {
    const parsed = parseSignedNote(note);
    if (!parsed.ok) return undefined;
    const lines = parsed.value.text.split('\n');
    const size = Number(lines[1]);
    const cp: SignedCheckpoint = {
      size,
      root: new Uint8Array(Buffer.from(lines[2] ?? '', 'base64')),
      text: parsed.value.text,
      logSignature: parsed.value.signatures[0]!,
      signedAt: Date.now(),
      cosignatures: new Map(),
    };
    this.#history.set(size, cp);
    if (!this.#latest || size >= this.#latest.size) this.#latest = cp;
    return cp;
  }

  /** Signs a checkpoint now if the log grew and the policy says it is due. */
  async tick(force = false): Promise<void> {
    const tree = this.writer.tree;
    const last = this.#latest;
    if (tree.size === 0 || (last && tree.size === last.size)) return;
    const due =
      !last ||
      force ||
      tree.size - last.size >= this.policy.maxEntries ||
      Date.now() - last.signedAt >= this.policy.intervalMs;
    if (!due) return;
    const size = tree.size;
    const text = formatCheckpoint({ origin: this.policy.origin, size, root: tree.rootAt(size) });
    const note = signCheckpoint(text, this.policy.origin, this.policy.secretKey);
    await publishDurable(this.js, CHECKPOINT_SUBJECT, new TextEncoder().encode(note), {
      msgId: `cp-${size}`,
    });
    this.#record(note);
    this.logger.info({ size }, 'checkpoint signed');
  }

  /** Starts signing on the policy's schedule (checked every second). */
  start(): void {
    this.#timer = setInterval(
      () => {
        this.tick().catch((err) => this.logger.warn({ err }, 'checkpoint failed'));
      },
      Math.min(1000, this.policy.intervalMs),
    );
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /**
   * Takes a witness cosignature (`{"checkpoint": text, "signature": line}`) if it verifies with a
   * pinned witness key over a checkpoint this log signed; returns whether it was taken.
   */
  addCosignature(json: string): boolean {
    try {
      const { checkpoint, signature } = JSON.parse(json) as { checkpoint: string; signature: string };
      const cp = this.#history.get(Number(checkpoint.split('\n')[1]));
      if (!cp || cp.text !== checkpoint) return false;
      const note = parseSignedNote(`${checkpoint}\n${signature}`);
      if (!note.ok) return false;
      const sig = note.value.signatures[0]!;
      const witness = this.policy.witnesses.find((w) => w.name === sig.name);
      if (!witness || !verifyCosignature(note.value, witness).ok) return false;
      cp.cosignatures.set(sig.name, sig);
      return true;
    } catch {
      return false;
    }
  }

  /** The signed note of a checkpoint with every cosignature collected so far. */
  noteOf(cp: SignedCheckpoint): string {
    return formatSignedNote({ text: cp.text, signatures: [cp.logSignature, ...cp.cosignatures.values()] });
  }

  /** The newest checkpoint with at least `quorum` cosignatures. */
  latestWithQuorum(quorum: number): SignedCheckpoint | undefined {
    return [...this.#history.values()]
      .filter((c) => c.cosignatures.size >= quorum)
      .sort((a, b) => b.size - a.size)[0];
  }
}
