import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ReceiptStatus, UNNAMED_ACTOR } from '@cwtch/contracts';
import { generateAgencyKeys, initCrypto, parseReceipt, signReceipt } from '@cwtch/crypto';
import { silentLogger } from '@cwtch/runtime';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { flushReceipts, RECEIPT_FLUSH_FAILURES, type ReceiptSender } from './flush-receipts.ts';
import { InboxStore } from './inbox-store.ts';
import { Metrics } from './metrics.ts';
import { testInboxItem } from './test-inbox-item.ts';

const dirs: string[] = [];
let store: InboxStore | undefined;
afterEach(async () => {
  store?.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
beforeAll(() => initCrypto());

function add(s: InboxStore, n: number, headerHash?: string) {
  const id = `${String(n).padStart(2, '0')}${'A'.repeat(20)}`;
  s.insert(testInboxItem(n, { id, payload: {}, ...(headerHash ? { headerHash } : {}) }));
  return id;
}

/** Signs each receipt for real, as the connector does, and keeps what would be published. */
function signingSender(
  published: { id: string; status: ReceiptStatus; actor: string | null }[],
): ReceiptSender {
  const keys = generateAgencyKeys();
  return async (item, status, extra) => {
    const bytes = signReceipt(
      {
        v: 1,
        typ: 'cwtch.receipt.v1',
        id: item.id,
        status,
        by: { agency: 'swansea-cs', kid: keys.signing.kid },
        to: item.from,
        at: Date.now(),
        hh: item.headerHash,
        b: item.bodyHash,
        actor: extra.actor ?? null,
        reason: null,
      },
      keys.signing.secretKey,
    );
    const { body } = parseReceipt(bytes);
    published.push({ id: body.id, status: body.status, actor: body.actor });
  };
}

describe('flushReceipts', () => {
  it('sends every pending receipt it can, and logs, counts and keeps the one that fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cwtch-flush-'));
    dirs.push(dir);
    store = new InboxStore(join(dir, 'inbox.sqlite'));
    // A row whose header hash no receipt can carry fails to sign, first in line.
    const bad = add(store, 1, 'not-a-hash');
    const ids = [add(store, 2), add(store, 3)];
    // Acknowledged by an older version without normalising the name: over the receipt's limit.
    store.markReceiptSent(ids[1]!, 'delivered');
    store.acknowledge(ids[1]!, `Front door ${'x'.repeat(300)}`, 10);
    const metrics = new Metrics();
    const published: { id: string; status: ReceiptStatus; actor: string | null }[] = [];

    const result = await flushReceipts({ store, logger: silentLogger, metrics }, signingSender(published));

    expect(result).toEqual({ sent: 2, failed: 1 });
    expect(published.map((p) => [p.id, p.status])).toEqual([
      [ids[0], 'delivered'],
      [ids[1], 'acknowledged'],
    ]);
    expect(published[1]?.actor).toHaveLength(128);
    expect(published[1]?.actor).toMatch(/^Front door x+…$/);
    expect(metrics.render()).toContain(`${RECEIPT_FLUSH_FAILURES}{status="delivered"} 1`);
    // The failed one stays pending for the next round; the others are done.
    expect(store.pendingReceipts().map((p) => p.item.id)).toEqual([bad]);
    expect(await flushReceipts({ store, logger: silentLogger, metrics }, signingSender([]))).toEqual({
      sent: 0,
      failed: 1,
    });
  });

  it('gives an acknowledgement whose stored name has nothing printable the unnamed actor', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cwtch-flush-'));
    dirs.push(dir);
    store = new InboxStore(join(dir, 'inbox.sqlite'));
    const id = add(store, 1);
    store.markReceiptSent(id, 'delivered');
    store.acknowledge(id, '\u0000\t', 10);
    const published: { id: string; status: ReceiptStatus; actor: string | null }[] = [];
    await flushReceipts({ store, logger: silentLogger, metrics: new Metrics() }, signingSender(published));
    expect(published).toEqual([{ id, status: 'acknowledged', actor: UNNAMED_ACTOR }]);
  });

  it('leaves to the sender a receipt already on its way, so it is signed and published once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cwtch-flush-'));
    dirs.push(dir);
    store = new InboxStore(join(dir, 'inbox.sqlite'));
    const s = store;
    const [onItsWay, lost] = [add(s, 1), add(s, 2)];
    let release!: () => void;
    let calls = 0;
    const slow = s.sendReceiptOnce(onItsWay, 'delivered', async () => {
      calls++;
      await new Promise<void>((r) => (release = r));
    });
    // While it is on its way: not pending, and a second send of it (a redelivery) does nothing.
    expect(s.pendingReceipts().map((p) => p.item.id)).toEqual([lost]);
    expect(await s.sendReceiptOnce(onItsWay, 'delivered', async () => void calls++)).toBe(false);
    const published: { id: string; status: ReceiptStatus; actor: string | null }[] = [];
    expect(
      await flushReceipts(
        { store: s, logger: silentLogger, metrics: new Metrics() },
        signingSender(published),
      ),
    ).toEqual({ sent: 1, failed: 0 });
    expect(published.map((p) => p.id)).toEqual([lost]);
    release();
    expect(await slow).toBe(true);
    expect(calls).toBe(1);
    expect(s.pendingReceipts()).toEqual([]);
  });

  it('keeps pending a receipt whose send failed, for the next flush', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cwtch-flush-'));
    dirs.push(dir);
    store = new InboxStore(join(dir, 'inbox.sqlite'));
    const id = add(store, 1);
    const down = new Error('NATS is unreachable');
    await expect(
      store.sendReceiptOnce(id, 'delivered', async () => {
        throw down;
      }),
    ).rejects.toBe(down);
    expect(store.pendingReceipts().map((p) => [p.item.id, p.status])).toEqual([[id, 'delivered']]);
  });
});
