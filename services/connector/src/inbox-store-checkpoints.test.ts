import { randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { checkpointInBackground } from '@cwtch/runtime';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InboxStore } from './inbox-store.ts';
import { testInboxItem } from './test-inbox-item.ts';

/** Rows in the database file itself: what checkpoints have copied out of the write-ahead log. */
function rowsCheckpointed(dir: string): number {
  const copy = join(dir, 'main-only.sqlite');
  copyFileSync(join(dir, 'inbox.sqlite'), copy);
  const db = new DatabaseSync(copy, { readOnly: true });
  try {
    // Before the first checkpoint even the tables are in the log only.
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'inbox'").get()) return 0;
    return (db.prepare('SELECT COUNT(*) AS n FROM inbox').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** About 1,500 pages of the log: past SQLite's threshold (1,000) for a commit to checkpoint. */
async function fill(store: InboxStore) {
  for (let n = 1; n <= 300; n++)
    await store.soon(() => store.insert(testInboxItem(n, { envelope: randomBytes(16_000) })));
}

describe('InboxStore: checkpoints of the write-ahead log', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cwtch-checkpoints-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('by default a commit past the threshold checkpoints, on the writing thread', async () => {
    const store = new InboxStore(join(dir, 'inbox.sqlite'));
    await fill(store);
    expect(rowsCheckpointed(dir)).toBeGreaterThan(0);
    store.close();
  });

  it('with background checkpoints no commit checkpoints; the worker thread does, on its interval', async () => {
    const onFailed = vi.fn();
    const idle = new InboxStore(join(dir, 'inbox.sqlite'), {
      backgroundCheckpoints: { intervalMs: 60_000, onFailed },
    });
    await fill(idle);
    expect(rowsCheckpointed(dir)).toBe(0);
    idle.close();
    const busyDir = join(dir, 'busy');
    await mkdir(busyDir);
    const store = new InboxStore(join(busyDir, 'inbox.sqlite'), {
      backgroundCheckpoints: { intervalMs: 50, onFailed },
    });
    await fill(store);
    // Copied into the database file while the store is open (closing would checkpoint too).
    await vi.waitFor(() => expect(rowsCheckpointed(busyDir)).toBe(300), { timeout: 5000, interval: 50 });
    // A recall still truncates the log at once, a background checkpoint or not.
    expect(store.recall(testInboxItem(7).id, 1, 'MISDIRECTED')).toBe(true);
    expect(statSync(join(busyDir, 'inbox.sqlite-wal')).size).toBe(0);
    store.close();
    expect(onFailed).not.toHaveBeenCalled();
  });

  it('a recall leaves no copy of the text in either file while checkpoints run beside it', async () => {
    const store = new InboxStore(join(dir, 'inbox.sqlite'), {
      backgroundCheckpoints: { intervalMs: 1, onFailed: () => undefined },
    });
    try {
      for (let n = 1; n <= 40; n++) {
        const marker = `destroy-me-${n}-${randomBytes(6).toString('hex')}`;
        await store.soon(() =>
          store.insert(testInboxItem(n, { payload: { marker }, envelope: randomBytes(3000) })),
        );
        // Let a background checkpoint copy it into the database file, or be running now.
        await new Promise((r) => setTimeout(r, n % 4));
        expect(store.recall(testInboxItem(n).id, n, 'MISDIRECTED')).toBe(true);
        for (const file of ['inbox.sqlite', 'inbox.sqlite-wal'])
          expect(readFileSync(join(dir, file)).includes(Buffer.from(marker))).toBe(false);
      }
    } finally {
      store.close();
    }
  });

  it('reports a worker that cannot checkpoint, so that the writer checkpoints again', async () => {
    const reasons: string[] = [];
    const writer = new DatabaseSync(join(dir, 'writer.sqlite'));
    writer.exec('PRAGMA journal_mode = WAL');
    // The worker is pointed at a folder, which no connection can open.
    checkpointInBackground(writer, dir, { intervalMs: 10, onFailed: (r) => reasons.push(r) });
    expect(writer.prepare('PRAGMA wal_autocheckpoint').get()).toEqual({ wal_autocheckpoint: 0 });
    await vi.waitFor(() => expect(reasons).toHaveLength(1), { timeout: 5000, interval: 20 });
    expect(reasons[0]).toMatch(/unable to open|directory|database/i);
    // The writer checkpoints again on its own.
    expect(writer.prepare('PRAGMA wal_autocheckpoint').get()).toEqual({ wal_autocheckpoint: 1000 });
    writer.close();
  });
});
