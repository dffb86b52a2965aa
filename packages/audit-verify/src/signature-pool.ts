import { Worker } from 'node:worker_threads';
import { packJobs, type SignatureJob } from './signature-jobs.ts';

interface Waiting {
  readonly resolve: (results: Uint8Array) => void;
  readonly reject: (error: unknown) => void;
}

/** One worker and the requests it has not answered yet. */
class PoolWorker {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, Waiting>();
  #failed: unknown;

  constructor() {
    // Node 24 strips the types of this worker and its one import itself: no tsx (and no esbuild
    // process) per worker. Should it fail to start, its checks fall back to the calling thread.
    this.#worker = new Worker(new URL('./signature-worker.ts', import.meta.url), { execArgv: [] });
    this.#worker.unref();
    this.#worker.on('message', ({ id, results }: { id: number; results: Uint8Array }) => {
      const waiting = this.#waiting.get(id);
      this.#waiting.delete(id);
      if (this.#waiting.size === 0) this.#worker.unref();
      waiting?.resolve(results);
    });
    const fail = (error: unknown) => {
      this.#failed ??= error;
      for (const waiting of this.#waiting.values()) waiting.reject(error);
      this.#waiting.clear();
      this.#worker.unref();
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => fail(new Error(`signature worker exited with code ${code}`)));
  }

  check(id: number, jobs: readonly SignatureJob[]): Promise<Uint8Array> {
    if (this.#failed !== undefined) return Promise.reject(this.#failed);
    const packed = packJobs(jobs);
    return new Promise((resolve, reject) => {
      // Referenced only while it owes an answer, so an idle pool never keeps the process alive.
      if (this.#waiting.size === 0) this.#worker.ref();
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, buffer: packed.buffer, count: jobs.length }, [packed.buffer]);
    });
  }

  async close(): Promise<void> {
    this.#failed ??= new Error('signature pool closed');
    await this.#worker.terminate();
  }
}

/**
 * A few worker threads that check Ed25519 signatures in batches (one message per batch and
 * worker), so that a CPU-bound verifier uses every core; results come back in job order.
 */
export class SignaturePool {
  readonly #workers: PoolWorker[];
  #nextId = 0;

  constructor(size: number) {
    this.#workers = Array.from({ length: Math.max(1, size) }, () => new PoolWorker());
  }

  /** One byte per job, 1 when its signature verifies; rejects if a worker failed. */
  async check(jobs: readonly SignatureJob[]): Promise<Uint8Array> {
    const share = Math.ceil(jobs.length / this.#workers.length);
    const parts = this.#workers
      .map((worker, n) => ({ worker, slice: jobs.slice(n * share, (n + 1) * share) }))
      .filter(({ slice }) => slice.length > 0);
    const answers = await Promise.all(parts.map(({ worker, slice }) => worker.check(this.#nextId++, slice)));
    const results = new Uint8Array(jobs.length);
    let at = 0;
    for (const answer of answers) {
      results.set(answer, at);
      at += answer.length;
    }
    return results;
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.close()));
  }
}
