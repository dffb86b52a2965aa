import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { join } from 'node:path';
import { RegionFile } from '@cwtch/contracts';
import { createConnectorClient } from '@cwtch/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  alive,
  eventually,
  example,
  type RunningRegion,
  removeDataDir,
  startRegion,
  tempDataDir,
} from '../support/region.ts';

/**
 * A loopback TCP relay between the leaf node and the region's leaf-node listener (TLS passes
 * through it untouched): closing it is a link outage, listening again ends it. The listener's
 * port is read at each connection from the region's nats/leafnodes.json.
 */
class Relay {
  #server: Server | undefined;
  readonly #sockets = new Set<Socket>();
  port = 0;

  private readonly dataDir: string;

  constructor(dataDir: string) {
    this.dataDir = dataDir;
  }

  async open(): Promise<void> {
    const server = createServer((inbound) => {
      const { port } = JSON.parse(readFileSync(join(this.dataDir, 'nats', 'leafnodes.json'), 'utf8'));
      const outbound = tcpConnect(port, '127.0.0.1');
      for (const s of [inbound, outbound]) {
        this.#sockets.add(s);
        s.on('error', () => s.destroy());
        s.on('close', () => this.#sockets.delete(s));
      }
      inbound.pipe(outbound).pipe(inbound);
      inbound.on('close', () => outbound.destroy());
      outbound.on('close', () => inbound.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.#server = server;
  }

  /** Stops accepting and drops every open connection. */
  async cut(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const s of this.#sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const LEAF = 'swansea-cs';
const PEER = 'south-wales-police';
let dataDir: string;
let relay: Relay;
let run: RunningRegion;

beforeAll(async () => {
  dataDir = await tempDataDir();
  relay = new Relay(dataDir);
  await relay.open();
  run = await startRegion(dataDir, ['--leaf', LEAF], {
    CWTCH_DEV_LEAF_HUB_URL: `tls://127.0.0.1:${relay.port}`,
  });
}, 120_000);
afterAll(async () => {
  await run?.stop();
  await relay?.cut();
  if (dataDir) await removeDataDir(dataDir);
});

const client = (agency: string) => {
  const a = run.region.agencies[agency]!;
  return createConnectorClient({ baseUrl: a.connector, token: a.tokens.system });
};
/** Leaf links as the leaf node's own monitoring endpoint counts them. */
const leafLinks = async () => {
  const { monitorPort } = JSON.parse(
    readFileSync(join(dataDir, 'agencies', LEAF, 'leaf', 'ports.json'), 'utf8'),
  ) as { monitorPort: number };
  const res = await fetch(`http://127.0.0.1:${monitorPort}/leafz`);
  return ((await res.json()) as { leafnodes: number }).leafnodes;
};
interface LoggedShare {
  id: string;
  from: string;
  receipts: Array<{ agency: string; status: string }>;
}
const loggedShares = async (): Promise<LoggedShare[]> => {
  const res = await fetch(`${run.region.audit.url}/v1/shares?limit=100000`, {
    headers: { authorization: `Bearer ${run.region.audit.token}` },
  });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return ((await res.json()) as { items: LoggedShare[] }).items;
};
const inboxIds = async (agency: string) => (await client(agency).inbox()).map((i) => i.id);
const count = (ids: readonly string[], id: string) => ids.filter((x) => x === id).length;

describe('an agency behind its own leaf node through a link outage', () => {
  it('runs its connector on the leaf, in the leaf domain, recorded in region.json', async () => {
    const leaf = run.region.agencies[LEAF]!.leaf;
    expect(leaf).toMatchObject({ domain: `cwtch-leaf-${LEAF}` });
    expect(leaf!.url).not.toBe(run.region.nats.url);
    expect(run.region.agencies[PEER]!.leaf).toBeUndefined();
    await eventually(async () => (await leafLinks()) === 1, 30_000, 'the leaf link');
  });

  it('sends on both sides during the outage, and after it every share arrives once, receipted, logged once', async () => {
    const fromLeaf = { kind: 'cse-protocol-entry', payload: await example('cse-protocol-entry') };
    const fromPeer = { kind: 'abduction-warning-notice', payload: await example('abduction-warning-notice') };

    // Before the outage: one share each way, so the leaf has something to acknowledge offline.
    const before = await client(PEER).send({ ...fromPeer, recipients: [LEAF] });
    await eventually(async () => (await inboxIds(LEAF)).includes(before.id), 20_000, 'the share before');

    await relay.cut();
    await eventually(async () => (await leafLinks()) === 0, 20_000, 'the leaf link to drop');

    // Both sides send while the link is down: the leaf agency's sends are stored by its leaf's
    // outbox (202), the region's by SHARES; and the leaf agency acknowledges what it already has.
    const N = 4;
    const [leafSends, peerSends] = await Promise.all([
      Promise.all(Array.from({ length: N }, () => client(LEAF).send({ ...fromLeaf, recipients: [PEER] }))),
      Promise.all(Array.from({ length: N }, () => client(PEER).send({ ...fromPeer, recipients: [LEAF] }))),
    ]);
    const ack = await client(LEAF).acknowledge(before.id);
    expect(ack.status).toBe('acknowledged');
    // Its pages and API keep serving the local inbox; nothing has crossed the cut link.
    expect((await client(LEAF).get(before.id)).id).toBe(before.id);
    expect(await leafLinks()).toBe(0);
    const leafInboxDuring = await inboxIds(LEAF);
    const peerInboxDuring = await inboxIds(PEER);
    for (const s of peerSends) expect(leafInboxDuring).not.toContain(s.id);
    for (const s of leafSends) expect(peerInboxDuring).not.toContain(s.id);

    await relay.open();
    await eventually(async () => (await leafLinks()) === 1, 30_000, 'the leaf link to come back');

    // Every notification arrives, in each inbox exactly once.
    await eventually(
      async () => {
        const [l, p] = [await inboxIds(LEAF), await inboxIds(PEER)];
        return peerSends.every((s) => l.includes(s.id)) && leafSends.every((s) => p.includes(s.id));
      },
      45_000,
      'the outage sends in both inboxes',
    );
    const [leafInbox, peerInbox] = [await inboxIds(LEAF), await inboxIds(PEER)];
    for (const s of [before, ...peerSends]) expect(count(leafInbox, s.id)).toBe(1);
    for (const s of leafSends) expect(count(peerInbox, s.id)).toBe(1);

    // The share log holds each share once, each with one delivered receipt from its recipient,
    // and the acknowledgement made offline.
    const logged = await eventually(
      async () => {
        const items = await loggedShares();
        const all = [before, ...leafSends, ...peerSends].map((s) => items.filter((i) => i.id === s.id));
        const done = all.every(
          (found) => found.length === 1 && found[0]!.receipts.some((r) => r.status === 'delivered'),
        );
        const acked = items
          .find((i) => i.id === before.id)
          ?.receipts.some((r) => r.status === 'acknowledged');
        return done && acked ? items : undefined;
      },
      45_000,
      'every share logged and receipted',
    );
    for (const s of [before, ...leafSends, ...peerSends]) {
      const found = logged.filter((i) => i.id === s.id);
      expect(found).toHaveLength(1);
      const statuses = found[0]!.receipts.map((r) => r.status);
      expect(statuses.filter((x) => x === 'delivered')).toHaveLength(1);
    }
    expect(
      logged.find((i) => i.id === before.id)!.receipts.filter((r) => r.status === 'acknowledged'),
    ).toHaveLength(1);
    for (const s of leafSends) expect(logged.find((i) => i.id === s.id)!.from).toBe(LEAF);
    // The sender's outbox shows each copy delivered: the receipts crossed back to the leaf.
    for (const s of leafSends)
      await eventually(
        async () => (await client(LEAF).outbox(s.id)).recipients[0]?.status === 'delivered',
        20_000,
        'the delivered receipt at the leaf agency',
      );
  }, 150_000);

  it('restarts a leaf node that dies, on the same port and store, and records its new pid', async () => {
    const before = run.region.agencies[LEAF]!.leaf!;
    process.kill(before.pid, 'SIGKILL');
    const after = await eventually(
      async () => {
        const r = RegionFile.parse(JSON.parse(readFileSync(join(dataDir, 'region.json'), 'utf8')));
        const leaf = r.agencies[LEAF]!.leaf!;
        return leaf.pid !== before.pid && alive(leaf.pid) ? leaf : undefined;
      },
      30_000,
      'the restarted leaf node in region.json',
    );
    expect(after.url).toBe(before.url);
    await eventually(async () => (await leafLinks()) === 1, 30_000, 'the leaf link again');
    const sent = await client(LEAF).send({
      kind: 'cse-protocol-entry',
      payload: await example('cse-protocol-entry'),
      recipients: [PEER],
    });
    await eventually(
      async () => (await inboxIds(PEER)).includes(sent.id),
      45_000,
      'the send after the restart',
    );
    expect(count(await inboxIds(PEER), sent.id)).toBe(1);
  }, 120_000);
});
