import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

// The checkpoints of one SQLite file's write-ahead log, on this worker's own connection (see
// wal-checkpoints.ts). Only node: modules here, so the worker starts in a moment.
const { file, intervalMs } = workerData as { file: string; intervalMs: number };
const db = new DatabaseSync(file);
// A checkpoint syncs the log before it copies pages into the database, and the database after.
db.exec('PRAGMA synchronous = FULL');
// PASSIVE: copies what no reader still needs and never waits for the writer, who goes on appending.
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');

const stop = () => {
  clearInterval(timer);
  if (db.isOpen) db.close();
  parentPort!.close();
};
const timer = setInterval(() => {
  try {
    checkpoint.get();
  } catch (error) {
    parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) });
    stop();
  }
}, intervalMs);
parentPort!.on('message', (m: unknown) => {
  if (m === 'stop') stop();
});
