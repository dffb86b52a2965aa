import type { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';

/** Background checkpoints of one SQLite file's write-ahead log; see {@link checkpointInBackground}. */
export interface WalCheckpoints {
  /** Stops them (the worker closes its connection and ends). */
  stop(): void;
}

/** SQLite's own threshold for a commit to checkpoint the write-ahead log, in pages. */
const AUTOCHECKPOINT_PAGES = 1000;

/**
 * Checkpoints the write-ahead log of the SQLite database `file` every `intervalMs` from a worker
 * thread with a connection of its own, so that `writer` (the connection that commits) never does:
 * SQLite's own (automatic) checkpoint runs inside the COMMIT that takes the log past its
 * threshold, copying megabytes and syncing the database on the writing thread, a pause of several
 * milliseconds to tens where the disk is busy. Turns the writer's own checkpoints off, and back on
 * before `onFailed` is called (the worker could not open the file or a checkpoint failed), so that
 * the log never grows without bound. An in-memory database (`:memory:` or `''`) has no log:
 * undefined, nothing started.
 */
export function checkpointInBackground(
  writer: DatabaseSync,
  file: string,
  options: { intervalMs?: number | undefined; onFailed: (reason: string) => void },
): WalCheckpoints | undefined {
  if (file === '' || file === ':memory:') return undefined;
  writer.exec('PRAGMA wal_autocheckpoint = 0');
  const worker = new Worker(new URL('./wal-checkpoint-worker.ts', import.meta.url), {
    workerData: { file, intervalMs: options.intervalMs ?? 250 },
    execArgv: [],
  });
  // Never what keeps a process alive.
  worker.unref();
  let stopped = false;
  let failed = false;
  const fail = (reason: string) => {
    if (stopped || failed) return;
    failed = true;
    if (writer.isOpen) writer.exec(`PRAGMA wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    options.onFailed(reason);
  };
  worker.on('message', (m: { failed?: string }) => {
    if (m.failed !== undefined) fail(m.failed);
  });
  worker.on('error', (error) => fail(error.message));
  worker.on('exit', (code) => fail(`the checkpoint worker exited (${code})`));
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      worker.postMessage('stop');
    },
  };
}
