import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InboxStore } from './inbox-store.ts';
import { testInboxItem } from './test-inbox-item.ts';

const item = (n: number) => testInboxItem(n);

describe('InboxStore.soon: group commit', () => {
  let dir: string;
  let store: InboxStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cwtch-group-'));
    store = new InboxStore(join(dir, 'inbox.sqlite'));
  });
  afterEach(async () => {
    store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores every write asked for in one turn, each on its own: a failing one rejects alone', async () => {
    const writes = Array.from({ length: 50 }, (_, n) => store.soon(() => store.insert(item(n))));
    const failing = store.soon(() => {
      store.insert(item(1000));
      throw new Error('refused');
    });
    await expect(failing).rejects.toThrow('refused');
    expect(await Promise.all(writes)).toEqual(Array.from({ length: 50 }, () => true));
    expect(store.count()).toBe(50);
    // The failing write was all-or-nothing: its insert before the throw was rolled back.
    expect(store.get(item(1000).id)).toBeUndefined();
    // A second store on the same file sees everything: it was committed.
    const other = new InboxStore(join(dir, 'inbox.sqlite'));
    expect(other.count()).toBe(50);
    other.close();
  });

  it('a marker written without an fsync of its own is stored too, and a later durable write follows it', async () => {
    await store.soon(() => store.insert(item(1)));
    await store.soon(() => store.markReceiptSent(item(1).id, 'delivered'), { durable: false });
    await store.soon(() => store.insert(item(2)));
    expect(store.get(item(1).id)?.deliveredReceiptSent).toBe(true);
    expect(store.get(item(2).id)?.deliveredReceiptSent).toBe(false);
  });

  it('a write queued when the store closes is refused, never lost silently', async () => {
    const late = store.soon(() => store.insert(item(3)));
    store.close();
    await expect(late).rejects.toThrow('closed');
    store = new InboxStore(join(dir, 'inbox.sqlite'));
  });
});

describe('InboxStore.soon: the write-ahead log is synced off the event loop, and a durable write waits for it', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cwtch-group-sync-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A store whose WAL syncs wait until the test lets each one finish (or fails it). */
  function heldStore() {
    const syncs: { file: string; done: () => void; fail: (e: Error) => void }[] = [];
    const store = new InboxStore(join(dir, 'inbox.sqlite'), {
      syncWal: (file) =>
        new Promise<void>((done, fail) => {
          syncs.push({ file, done, fail });
        }),
    });
    return { store, syncs };
  }
  const settled = async <T>(p: Promise<T>) => {
    let state = 'pending';
    p.then(
      () => (state = 'resolved'),
      () => (state = 'rejected'),
    );
    await new Promise((r) => setTimeout(r, 20));
    return state;
  };

  it('resolves a durable write only once a sync of its WAL has finished; a marker does not wait', async () => {
    const { store, syncs } = heldStore();
    const write = store.soon(() => store.insert(item(1)));
    expect(await settled(write)).toBe('pending');
    expect(syncs.map((s) => s.file)).toEqual([join(dir, 'inbox.sqlite-wal')]);
    // Committed already (readable here), but not yet durable: the caller may not ack.
    expect(store.get(item(1).id)).toBeDefined();
    const marker = store.soon(() => store.markReceiptSent(item(1).id, 'delivered'), { durable: false });
    expect(await settled(marker)).toBe('resolved');
    syncs[0]!.done();
    expect(await write).toBe(true);
    store.close();
  });

  it('a commit made while a sync runs waits for the next sync, which every such commit shares', async () => {
    const { store, syncs } = heldStore();
    const first = store.soon(() => store.insert(item(1)));
    await settled(first);
    expect(syncs).toHaveLength(1);
    // Two more groups commit while the first sync runs: its start came before their commits.
    const second = store.soon(() => store.insert(item(2)));
    await settled(second);
    const third = store.soon(() => store.insert(item(3)));
    await settled(third);
    expect(syncs).toHaveLength(1);
    syncs[0]!.done();
    expect(await first).toBe(true);
    expect(await settled(second)).toBe('pending');
    expect(await settled(third)).toBe('pending');
    expect(syncs).toHaveLength(2);
    // A commit after the second sync started needs a third.
    const fourth = store.soon(() => store.insert(item(4)));
    await settled(fourth);
    syncs[1]!.done();
    expect(await Promise.all([second, third])).toEqual([true, true]);
    expect(await settled(fourth)).toBe('pending');
    expect(syncs).toHaveLength(3);
    syncs[2]!.done();
    expect(await fourth).toBe(true);
    store.close();
  });

  it('a failed sync rejects every write that waited for it (committed, not known durable), and the next sync is tried afresh', async () => {
    const { store, syncs } = heldStore();
    const write = store.soon(() => store.insert(item(1)));
    await settled(write);
    syncs[0]!.fail(new Error('EIO: i/o error, fdatasync'));
    await expect(write).rejects.toThrow('EIO');
    const next = store.soon(() => store.insert(item(2)));
    await settled(next);
    expect(syncs).toHaveLength(2);
    syncs[1]!.done();
    expect(await next).toBe(true);
    store.close();
  });
});
