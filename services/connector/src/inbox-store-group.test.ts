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
