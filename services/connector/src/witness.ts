import { cosignCheckpoint, formatSignatureLine, verifyCheckpoint, verifyConsistency } from '@cwtch/audit-log';
import {
  AUDIT_API,
  CHECKPOINT_SUBJECT,
  cosignatureSubject,
  type JetStreamClient,
  type NatsConnection,
  publishDurable,
} from '@cwtch/bus';
import { type Logger, silentLogger } from '@cwtch/runtime';
import type { InboxStore } from './inbox-store.ts';
import type { Metrics } from './metrics.ts';

/** The key name an agency's witness signs as. */
export function witnessName(agency: string): string {
  return `${agency}.witness.cwtch.example`;
}

/** Who this witness is and which log it watches. */
export interface WitnessConfig {
  readonly agency: string;
  /** The name its cosignatures carry (a C2SP key name). */
  readonly name: string;
  /** Ed25519 seed of the witness key (not the agency's signing key). */
  readonly secretKey: Uint8Array;
  /** The log's checkpoint key, pinned. */
  readonly log: { readonly name: string; readonly publicKey: Uint8Array };
}

/** What the witness has seen: `ok`, or `fork` once the log showed it two inconsistent histories. */
export interface WitnessStatus {
  readonly state: 'ok' | 'fork';
  readonly size: number;
  readonly cosignedAt: number | null;
  readonly fork: { readonly at: number; readonly reason: string } | null;
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const COSIGNED = 'cwtch_witness_cosignatures_total';
const COSIGNED_HELP = 'Checkpoints this witness cosigned';
const FORKS = 'cwtch_witness_forks_total';
const FORKS_HELP = 'Inconsistent checkpoints seen (the log forked or was rewritten)';
const fromB64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

/**
 * The agency's witness of the share log (crypto reference §3.3): verifies each new checkpoint's
 * log signature, proves it consistent with the last one it cosigned, then cosigns. A checkpoint
 * that is not consistent is a fork: it never cosigns it, and says so loudly and durably.
 */
export class Witness {
  #queue: Promise<void> = Promise.resolve();
  #stop: (() => void) | undefined;

  private readonly nc: NatsConnection;
  private readonly js: JetStreamClient;
  private readonly store: InboxStore;
  private readonly config: WitnessConfig;
  private readonly metrics: Metrics;
  private readonly logger: Logger;

  constructor(
    nc: NatsConnection,
    js: JetStreamClient,
    store: InboxStore,
    config: WitnessConfig,
    metrics: Metrics,
    logger: Logger = silentLogger,
  ) {
    this.nc = nc;
    this.js = js;
    this.store = store;
    this.config = config;
    this.metrics = metrics;
    this.logger = logger;
  }

  status(): WitnessStatus {
    const s = this.store.witnessState();
    const fork = this.store.witnessFork();
    return { state: fork ? 'fork' : 'ok', size: s?.size ?? 0, cosignedAt: s?.at ?? null, fork };
  }

  /** Follows new checkpoints, starting with the latest one the audit service has. */
  async start(): Promise<void> {
    // Both counters from zero, so an alert on a fork has a series to watch before one happens.
    this.metrics.inc(COSIGNED, COSIGNED_HELP, {}, 0);
    this.metrics.inc(FORKS, FORKS_HELP, {}, 0);
    const sub = this.nc.subscribe(CHECKPOINT_SUBJECT, {
      callback: (err, msg) => {
        if (!err) void this.offer(msg.string());
      },
    });
    this.#stop = () => sub.unsubscribe();
    try {
      const res = await this.nc.request(AUDIT_API.checkpoint, '{}', { timeout: 3000 });
      const { note } = JSON.parse(res.string()) as { note?: string };
      if (note) await this.offer(note);
    } catch (err) {
      this.logger.warn({ err }, 'no checkpoint from the audit service yet');
    }
  }

  stop(): void {
    this.#stop?.();
  }

  /** Queues a signed checkpoint note for checking (one at a time, in arrival order). */
  offer(note: string): Promise<void> {
    this.#queue = this.#queue
      .then(() => this.#check(note))
      .catch((err) => this.logger.warn({ err }, 'witness check failed'));
    return this.#queue;
  }

  async #check(note: string): Promise<void> {
    const verified = verifyCheckpoint(note, this.config.log);
    if (!verified.ok) {
      this.logger.warn({ code: verified.error.code }, 'checkpoint not signed by the pinned log key: ignored');
      return;
    }
    const { checkpoint, note: signed } = verified.value;
    const last = this.store.witnessState();
    if (this.store.witnessFork()) return;
    if (last && checkpoint.size <= last.size) {
      if (checkpoint.size === last.size && b64(checkpoint.root) !== last.root) {
        this.#fork(`two different roots signed for size ${checkpoint.size}`);
      }
      return;
    }
    if (last) {
      const res = await this.nc.request(
        AUDIT_API.consistency,
        JSON.stringify({ from: last.size, to: checkpoint.size }),
        { timeout: 5000 },
      );
      const { hashes } = JSON.parse(res.string()) as { hashes?: string[] };
      const ok =
        Array.isArray(hashes) &&
        verifyConsistency(
          last.size,
          checkpoint.size,
          fromB64(last.root),
          checkpoint.root,
          hashes.map(fromB64),
        );
      if (!ok) {
        this.#fork(
          `checkpoint ${checkpoint.size} is not consistent with checkpoint ${last.size} this witness cosigned`,
        );
        return;
      }
    }
    const line = formatSignatureLine(cosignCheckpoint(signed.text, this.config.name, this.config.secretKey));
    await publishDurable(
      this.js,
      cosignatureSubject(this.config.agency),
      new TextEncoder().encode(JSON.stringify({ checkpoint: signed.text, signature: line })),
      {
        msgId: `cosig-${this.config.agency}-${checkpoint.size}`,
      },
    );
    this.store.setWitnessState({
      size: checkpoint.size,
      root: b64(checkpoint.root),
      text: signed.text,
      at: Date.now(),
    });
    this.metrics.inc(COSIGNED, COSIGNED_HELP);
  }

  #fork(reason: string): void {
    this.store.recordWitnessFork(reason);
    this.metrics.inc(FORKS, FORKS_HELP);
    this.logger.fatal(
      { witness: this.config.name, reason },
      'SHARE LOG FORK DETECTED: this witness refuses to cosign',
    );
  }
}
