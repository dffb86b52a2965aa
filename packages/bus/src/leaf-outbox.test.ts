import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agencyLeafPermissions,
  agencyLocalLeafPermissions,
  agencyPermissions,
  agreementPeers,
  connectBus,
  createNkeyUser,
  freePort,
  inboxPrefixOf,
  jetstream,
  jetstreamManager,
  leafDomain,
  leafOutboxStream,
  leafSharesSource,
  type NatsConnection,
  type NatsServerHandle,
  provisionBus,
  provisionLeafOutbox,
  publishDurable,
  renderAuthorization,
  shareSubject,
  startNatsServer,
  writeLeafNodeConfig,
} from './index.ts';

const MAKE_TEST_CA = fileURLToPath(new URL('../../../infra/scripts/make-test-ca.sh', import.meta.url));
const REGION = 'test-region';
const LEAF = 'a-leaf';
const agreements = [{ senders: [LEAF, 'b-peer'], recipients: [LEAF, 'b-peer'] }];
const known = new Set([LEAF, 'b-peer', 'c-other']);
const peers = agreementPeers(agreements, LEAF, known);

let dir: string;
let hub: NatsServerHandle;
let leaf: NatsServerHandle;
let operator: NatsConnection; // on the hub
let leafAdmin: NatsConnection; // on the leaf, unrestricted there
let connector: NatsConnection; // on the leaf, as the agency
const seeds: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cwtch-leaf-'));
  const tls = join(dir, 'tls');
  const made = spawnSync('bash', [MAKE_TEST_CA, tls], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(made.stderr);
  const op = createNkeyUser();
  const agency = createNkeyUser();
  for (const [name, u] of Object.entries({ op, agency })) {
    seeds[name] = join(dir, `${name}.nk`);
    await writeFile(seeds[name]!, u.seed, { mode: 0o600 });
  }
  const leafPort = await freePort();
  hub = await startNatsServer({
    dataDir: join(dir, 'hub'),
    jetstreamDomain: REGION,
    extraConfig: [
      renderAuthorization([
        { name: 'operator', nkey: op.publicKey, permissions: null },
        {
          name: LEAF,
          nkey: agency.publicKey,
          permissions: agencyLeafPermissions(LEAF, peers, {
            region: REGION,
            leaf: leafDomain(LEAF),
            outbox: leafOutboxStream(LEAF),
          }),
        },
      ]),
      `leafnodes { listen: "127.0.0.1:${leafPort}", no_advertise: true, tls { cert_file: "${tls}/server.pem", key_file: "${tls}/server-key.pem", ca_file: "${tls}/ca.pem", verify: true } }`,
    ].join('\n'),
  });
  const ports = { port: await freePort(), monitorPort: await freePort() };
  const configFile = await writeLeafNodeConfig({
    dataDir: join(dir, 'leaf'),
    serverName: 'test-leaf',
    ...ports,
    domain: leafDomain(LEAF),
    hubUrls: [`tls://127.0.0.1:${leafPort}`],
    tls: { caFile: `${tls}/ca.pem`, certFile: `${tls}/client.pem`, keyFile: `${tls}/client-key.pem` },
    nkeySeed: agency.seed,
    authorization: renderAuthorization([
      { name: 'operator', nkey: op.publicKey, permissions: null },
      { name: LEAF, nkey: agency.publicKey, permissions: agencyLocalLeafPermissions(LEAF, peers, REGION) },
    ]),
  });
  leaf = await startNatsServer({ dataDir: join(dir, 'leaf'), configFile, ...ports });
  operator = await connectBus({ servers: hub.url, name: 'operator', nkeySeedFile: seeds.op });
  await provisionBus(await jetstreamManager(operator), {
    agencies: [...known],
    sharesSources: [leafSharesSource(LEAF)],
  });
  leafAdmin = await connectBus({ servers: leaf.url, name: 'leaf-admin', nkeySeedFile: seeds.op });
  await provisionLeafOutbox(await jetstreamManager(leafAdmin), LEAF);
  connector = await connectBus({
    servers: leaf.url,
    name: 'connector',
    nkeySeedFile: seeds.agency,
    inboxPrefix: inboxPrefixOf(LEAF),
  });
}, 60_000);
afterAll(async () => {
  await connector?.close();
  await leafAdmin?.close();
  await operator?.close();
  await leaf?.stop();
  await hub?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const sharesSubjects = async () =>
  (await (await jetstreamManager(operator)).streams.info('SHARES', { subjects_filter: '>' })).state
    .subjects ?? {};
const until = async (check: () => Promise<boolean>, what: string) => {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('an agency behind its own leaf node (real nats-servers, leaf link over mutual TLS)', () => {
  const own = shareSubject('b-peer', LEAF);

  it("stores a send in the leaf's outbox, and SHARES takes it once by sourcing (a retry stored once)", async () => {
    const js = jetstream(connector, { domain: REGION });
    const ack = await publishDurable(js, own, new Uint8Array([1]), { msgId: 'leaf-1' });
    expect(ack).toMatchObject({ stream: leafOutboxStream(LEAF), domain: leafDomain(LEAF) });
    expect((await publishDurable(js, own, new Uint8Array([1]), { msgId: 'leaf-1' })).duplicate).toBe(true);
    await until(async () => (await sharesSubjects())[own] === 1, 'the sourced share');
    const stored = await (await jetstreamManager(operator)).streams.getMessage('SHARES', {
      last_by_subj: own,
    });
    expect(stored?.header.get('Nats-Msg-Id')).toBe('leaf-1');
  });

  it('pulls its inbox on the region through the domain', async () => {
    await jetstream(operator).publish(shareSubject(LEAF, 'b-peer'), new Uint8Array([2]));
    const consumer = await jetstream(connector, { domain: REGION }).consumers.get('SHARES', `inbox-${LEAF}`);
    const m = await consumer.next({ expires: 5000 });
    expect(m?.subject).toBe(shareSubject(LEAF, 'b-peer'));
    expect(await m?.ackAck()).toBe(true);
  });

  it('refuses at the leaf a send outside its agreements', async () => {
    const subject = shareSubject('c-other', LEAF);
    await expect(
      publishDurable(jetstream(connector), subject, new Uint8Array([3]), { msgId: 'x', attempts: 1 }),
    ).rejects.toMatchObject({ code: 'NO_AGREEMENT' });
  });

  it('lets nothing cross the link live into SHARES, and sources only subjects naming the agency as sender', async () => {
    // An unrestricted client of the leaf (not the connector) publishes as another agency: the
    // region's permissions for the link drop it.
    const spoof = shareSubject('b-peer', 'c-other');
    await expect(
      jetstream(leafAdmin).publish(spoof, new Uint8Array([4]), { timeout: 2000 }),
    ).rejects.toThrow();
    // The outbox made to capture it too: the source's filter leaves it behind, and later sends go on.
    const jsm = await jetstreamManager(leafAdmin);
    const info = await jsm.streams.info(leafOutboxStream(LEAF));
    await jsm.streams.update(leafOutboxStream(LEAF), {
      ...info.config,
      subjects: [...info.config.subjects, spoof],
    });
    await jetstream(leafAdmin).publish(spoof, new Uint8Array([5]));
    await publishDurable(jetstream(connector), own, new Uint8Array([6]), { msgId: 'leaf-2' });
    await until(async () => (await sharesSubjects())[own] === 2, 'the later share');
    expect((await sharesSubjects())[spoof]).toBeUndefined();
  });

  it("refuses the agency's own user, connected to the region directly, a live share", async () => {
    const direct = await connectBus({
      servers: hub.url,
      name: 'direct',
      nkeySeedFile: seeds.agency,
      inboxPrefix: inboxPrefixOf(LEAF),
    });
    try {
      await expect(
        publishDurable(jetstream(direct), own, new Uint8Array([7]), { msgId: 'd', attempts: 1 }),
      ).rejects.toMatchObject({ code: 'NO_AGREEMENT' });
    } finally {
      await direct.close();
    }
    // What a direct connection may publish, the leaf link may not: only sourcing brings shares.
    expect(agencyPermissions(LEAF, peers).publish).toContain(own);
    expect(
      agencyLeafPermissions(LEAF, peers, {
        region: REGION,
        leaf: leafDomain(LEAF),
        outbox: leafOutboxStream(LEAF),
      }).publish,
    ).not.toContain(own);
  });
});
