import {
  DIRECTORY_BUCKET,
  type JetStreamClient,
  jetstream,
  type KV,
  Kvm,
  type NatsConnection,
} from '@cwtch/bus';
import { type Logger, silentLogger } from '@cwtch/runtime';
import { DirectoryView } from './directory-view.ts';
import { verifyDirectory } from './sign-directory.ts';

const KEY = 'current';

async function bucket(nc: NatsConnection, replicas = 1, timeoutMs?: number): Promise<KV> {
  return new Kvm(timeoutMs === undefined ? nc : jetstream(nc, { timeout: timeoutMs })).create(
    DIRECTORY_BUCKET,
    {
      history: 64,
      replicas,
    },
  );
}

/**
 * Publishes signed directory bytes to the KV bucket (operator credentials). `timeoutMs` bounds
 * each JetStream request (the client's default, 5 s, otherwise).
 */
export async function publishDirectory(
  nc: NatsConnection,
  signed: Uint8Array,
  options: { readonly replicas?: number; readonly timeoutMs?: number } = {},
): Promise<number> {
  return (await bucket(nc, options.replicas, options.timeoutMs)).put(KEY, signed);
}

/**
 * Follows the directory in the KV bucket: verifies every version against the pinned governance
 * key, ignores invalid or older ones (logged), and exposes the latest verified view.
 */
export class DirectoryWatcher {
  #view: DirectoryView | undefined;
  #stop: (() => void) | undefined;
  #kv: KV | undefined;
  readonly #listeners = new Set<(view: DirectoryView, signed: Uint8Array) => void>();

  private readonly governancePublicKey: Uint8Array;
  private readonly logger: Logger;

  constructor(governancePublicKey: Uint8Array, logger: Logger = silentLogger) {
    this.governancePublicKey = governancePublicKey;
    this.logger = logger;
  }

  /** The latest verified directory; throws if none has been seen yet. */
  get view(): DirectoryView {
    if (!this.#view) throw new Error('directory not loaded');
    return this.#view;
  }

  /** Calls `fn` with each newly accepted directory and its signed bytes. */
  onChange(fn: (view: DirectoryView, signed: Uint8Array) => void): void {
    this.#listeners.add(fn);
  }

  /** Accepts a signed directory if it verifies and is newer; returns whether it was taken. */
  accept(bytes: Uint8Array): boolean {
    try {
      const doc = verifyDirectory(bytes, this.governancePublicKey);
      if (this.#view && doc.serial <= this.#view.serial) return false;
      this.#view = new DirectoryView(doc);
      for (const fn of this.#listeners) fn(this.#view, bytes);
      this.logger.info({ serial: doc.serial }, 'directory accepted');
      return true;
    } catch (err) {
      this.logger.error({ err }, 'directory refused');
      return false;
    }
  }

  /**
   * Loads the current directory (waiting until one verifies) and watches for changes; through
   * `jetstream(nc, { domain })` when the bucket is in another JetStream domain (behind a leaf node).
   */
  async start(nc: NatsConnection | JetStreamClient): Promise<void> {
    const kv = await new Kvm(nc).open(DIRECTORY_BUCKET);
    this.#kv = kv;
    const watch = await kv.watch({ key: KEY });
    this.#stop = () => watch.stop();
    const first = new Promise<void>((resolve) => {
      void (async () => {
        for await (const e of watch) {
          if (e.operation === 'PUT') this.accept(e.value);
          if (this.#view) resolve();
        }
      })();
    });
    await first;
  }

  /**
   * Reads the bucket's current directory now (not waiting for the watch): used when a signature
   * names a key this copy does not know yet, which a directory change in flight explains.
   * Resolves true when a newer directory was taken.
   */
  async refresh(): Promise<boolean> {
    const entry = await this.#kv?.get(KEY);
    return entry?.operation === 'PUT' ? this.accept(entry.value) : false;
  }

  stop(): void {
    this.#stop?.();
  }
}
