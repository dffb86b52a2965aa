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

/** Why a cosignature was not taken (a metrics label). */
export type CosignatureRefusal = 'malformed' | 'unknown-witness' | 'invalid' | 'unknown-checkpoint';

/** What the checkpointer has seen of each witness, for metrics. */
export interface WitnessTally {
  /** Cosignatures taken (attached or held) from this witness. */
  readonly cosignatures: number;
  /** The largest checkpoint size this witness has cosigned, or 0. */
  readonly cosignedSize: number;
}

/** Verified cosignatures of checkpoints not yet recorded, kept for at most this many checkpoints. */
const MAX_HELD_CHECKPOINTS = 16;

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const sizeOf = (text: string) => Number(text.split('\n')[1]);

/**
 * Signs C2SP checkpoints of the share log, keeps their history (in a delete-denied stream, with
 * the witnesses' cosignatures) and never signs one that is inconsistent with an earlier one: at
 * start it checks that the rebuilt log reproduces the last checkpoint it signed.
 */
export class Checkpointer {
  readonly #history = new Map<number, SignedCheckpoint>();
  /**
   * Cosignatures that verified over checkpoint text this log has not recorded yet, by text: a
   * witness may cosign a checkpoint before the log's own store of it is acknowledged.
   */
  readonly #held = new Map<string, Map<string, NoteSignature>>();
  readonly #tally = new Map<string, { cosignatures: number; cosignedSize: number }>();
  readonly #refused = new Map<CosignatureRefusal, number>();
  #latest: SignedCheckpoint | undefined;
  #timer: NodeJS.Timeout | undefined;
  /** The last AUDIT_CHECKPOINTS sequence replayed, and the live follow of cosignatures after it. */
  #replayed = 0;
  #follow: { stop(): void } | undefined;
  #ticking: Promise<void> = Promise.resolve();

  private readonly js: JetStreamClient;
  private readonly writer: AuditLogWriter;
  private readonly policy: CheckpointPolicy;
  private readonly logger: Logger;

  constructor(
    js: JetStreamClient,
    writer: AuditLogWriter,
    policy: CheckpointPolicy,
    logger: Logger = silentLogger,
  ) {
    this.js = js;
    this.writer = writer;
    this.policy = policy;
    this.logger = logger;
  }

  get latest(): SignedCheckpoint | undefined {
    return this.#latest;
  }

  /** Replays the checkpoint history and proves the rebuilt log consistent with the last one. */
  async restore(): Promise<void> {
    const jsm = await this.js.jetstreamManager();
    const last = (await jsm.streams.info(CHECKPOINT_STREAM)).state.last_seq;
    this.#replayed = last;
    if (last > 0) {
      const consumer = await this.js.consumers.get(CHECKPOINT_STREAM, { deliver_policy: DeliverPolicy.All });
      const messages = await consumer.consume();
      for await (const m of messages) {
        if (m.subject === CHECKPOINT_SUBJECT)
          this.#record(m.string(), Math.floor(m.info.timestampNanos / 1e6));
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

  #record(note: string, signedAt = Date.now()): SignedCheckpoint | undefined {
    const parsed = parseSignedNote(note);
    if (!parsed.ok) return undefined;
    const lines = parsed.value.text.split('\n');
    const size = Number(lines[1]);
    const known = this.#history.get(size);
    if (known && known.text === parsed.value.text) return known;
    const cp: SignedCheckpoint = {
      size,
      root: new Uint8Array(Buffer.from(lines[2] ?? '', 'base64')),
      text: parsed.value.text,
      logSignature: parsed.value.signatures[0]!,
      signedAt,
      cosignatures: new Map(),
    };
    this.#history.set(size, cp);
    for (const [name, sig] of this.#held.get(cp.text) ?? []) cp.cosignatures.set(name, sig);
    this.#held.delete(cp.text);
    if (!this.#latest || size >= this.#latest.size) this.#latest = cp;
    return cp;
  }

  /**
   * Signs a checkpoint now if the log grew and the policy says it is due. One at a time: a forced
   * tick (an auditor asking) waits for the scheduled one in flight.
   */
  tick(force = false): Promise<void> {
    const run = this.#ticking.then(() => this.#tick(force));
    this.#ticking = run.catch(() => undefined);
    return run;
  }

  async #tick(force: boolean): Promise<void> {
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
    // Witnesses see the checkpoint as it is stored and may cosign before this ack comes back:
    // their cosignatures are held until the record below (addCosignature).
    await publishDurable(this.js, CHECKPOINT_SUBJECT, new TextEncoder().encode(note), {
      msgId: `cp-${size}`,
    });
    this.#record(note);
    this.logger.info({ size }, 'checkpoint signed');
  }

  /**
   * Takes every cosignature stored after the replay, from the stream itself (an ordered consumer
   * that resumes after a reconnect), so none published while this service was cut off from NATS
   * is lost. Cosignatures only (checkpoints on the stream are not recorded from here): each one
   * verifies against a pinned witness key on its own.
   */
  async followCosignatures(): Promise<void> {
    // Unfiltered: a filtered create is an API subject the audit's NATS permissions do not grant.
    const consumer = await this.js.consumers.get(CHECKPOINT_STREAM, {
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: this.#replayed + 1,
    });
    const messages = await consumer.consume();
    this.#follow = messages;
    void (async () => {
      for await (const m of messages) if (m.subject !== CHECKPOINT_SUBJECT) this.addCosignature(m.string());
    })().catch((err) => this.logger.warn({ err }, 'cosignature follow ended'));
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
    this.#follow?.stop();
  }

  /**
   * Takes a witness cosignature (`{"checkpoint": text, "signature": line}`) if it verifies with a
   * pinned witness key: attached to the checkpoint this log recorded with that exact text, or, for
   * a checkpoint newer than any recorded (its store not yet acknowledged), held and attached when
   * it is recorded. Returns whether it was taken.
   */
  addCosignature(json: string): boolean {
    const refusal = this.#takeCosignature(json);
    if (refusal) this.#refused.set(refusal, (this.#refused.get(refusal) ?? 0) + 1);
    return refusal === null;
  }

  #takeCosignature(json: string): CosignatureRefusal | null {
    let checkpoint: unknown;
    let signature: unknown;
    try {
      ({ checkpoint, signature } = JSON.parse(json) as Record<string, unknown>);
    } catch {
      return 'malformed';
    }
    if (typeof checkpoint !== 'string' || typeof signature !== 'string') return 'malformed';
    const note = parseSignedNote(`${checkpoint}\n${signature}`);
    if (!note.ok || note.value.signatures.length !== 1) return 'malformed';
    const sig = note.value.signatures[0]!;
    const witness = this.policy.witnesses.find((w) => w.name === sig.name);
    if (!witness) return 'unknown-witness';
    if (!verifyCosignature(note.value, witness).ok) return 'invalid';
    const size = sizeOf(checkpoint);
    if (checkpoint.split('\n')[0] !== this.policy.origin || !Number.isSafeInteger(size))
      return 'unknown-checkpoint';
    const cp = this.#history.get(size);
    if (cp) {
      if (cp.text !== checkpoint) return 'unknown-checkpoint';
      // The same cosignature comes by the subscription and by the stream: count it once.
      if (cp.cosignatures.has(sig.name)) return null;
      cp.cosignatures.set(sig.name, sig);
    } else {
      if (this.#latest && size <= this.#latest.size) return 'unknown-checkpoint';
      if (this.#held.get(checkpoint)?.has(sig.name)) return null;
      this.#hold(checkpoint, sig);
    }
    const t = this.#tally.get(sig.name) ?? { cosignatures: 0, cosignedSize: 0 };
    this.#tally.set(sig.name, {
      cosignatures: t.cosignatures + 1,
      cosignedSize: Math.max(t.cosignedSize, size),
    });
    return null;
  }

  #hold(text: string, sig: NoteSignature): void {
    const held = this.#held.get(text) ?? new Map<string, NoteSignature>();
    held.set(sig.name, sig);
    this.#held.set(text, held);
    // Only pinned witnesses get here; still, keep the newest few checkpoints' worth and no more.
    while (this.#held.size > MAX_HELD_CHECKPOINTS) {
      const oldest = [...this.#held.keys()].sort((a, b) => sizeOf(a) - sizeOf(b))[0]!;
      this.#held.delete(oldest);
    }
  }

  /** Per pinned witness: cosignatures taken and the largest size it cosigned (for metrics). */
  witnessTally(): ReadonlyMap<string, WitnessTally> {
    return new Map(
      this.policy.witnesses.map((w) => [
        w.name,
        this.#tally.get(w.name) ?? { cosignatures: 0, cosignedSize: 0 },
      ]),
    );
  }

  /** Cosignatures refused, per reason (for metrics). */
  refusedCosignatures(): ReadonlyMap<CosignatureRefusal, number> {
    return this.#refused;
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
