import { Worker } from 'node:worker_threads';

/** How to load the pipeline: a fixed offered rate for a time, or as fast as `concurrency` allows. */
export type Load =
  | { readonly kind: 'fixed'; readonly rate: number; readonly seconds: number }
  | { readonly kind: 'saturation'; readonly count: number; readonly concurrency: number };

/** One send of the load, taken in turn: the sender's connector, its token and the request body. */
export interface PlannedSend {
  readonly baseUrl: string;
  readonly token: string;
  readonly request: unknown;
}

/**
 * One send the connector accepted: its id and recipients; when it started, on the wall clock
 * (`wall`, the clock receipts state their times in) and on the high-resolution clock as epoch
 * milliseconds (`at`, `performance.timeOrigin + performance.now()`, comparable across threads);
 * and how long the 202 took.
 */
export interface SendRecord {
  readonly id: string;
  readonly recipients: readonly string[];
  readonly wall: number;
  readonly at: number;
  readonly acceptMs: number;
}

/** What the load did: every accepted send, how many were refused, and when it began (epoch ms). */
export interface LoadResult {
  readonly records: readonly SendRecord[];
  readonly refused: number;
  readonly started: number;
}

/** A message from the load worker: how many sends have started, or the result. */
export type LoadMessage = { readonly started: number } | { readonly result: LoadResult };

/** Sends a load offers in all. */
export const sendsIn = (load: Load): number =>
  load.kind === 'fixed' ? Math.round(load.rate * load.seconds) : load.count;

/**
 * Offers `load` to the connectors from a worker thread ({@link ./load-worker.ts}): a heap and an
 * event loop of its own, so that the bench's own work (following every receipt and log entry,
 * holding every figure) never holds a send back nor pauses one in flight, a pause that would be
 * counted as the pipeline's latency. `onProgress` hears how many sends have started.
 */
export function offerLoad(
  sends: readonly PlannedSend[],
  load: Load,
  onProgress: (started: number) => void = () => undefined,
): Promise<LoadResult> {
  if (sends.length === 0) return Promise.reject(new Error('a load needs at least one send'));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.ts', import.meta.url), {
      workerData: { sends, load },
      execArgv: [],
    });
    let result: LoadResult | undefined;
    worker.on('message', (m: LoadMessage) => {
      if ('result' in m) result = m.result;
      else onProgress(m.started);
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      result ? resolve(result) : reject(new Error(`the load worker exited (${code}) without a result`)),
    );
  });
}
