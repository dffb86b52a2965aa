import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agencyLeafPermissions,
  agencyPermissions,
  agreementPeers,
  connectBus,
  createNkeyUser,
  inboxPrefixOf,
  jetstream,
  jetstreamManager,
  type NatsConnection,
  provisionBus,
  publishDurable,
  receiptSubject,
  renderAuthorization,
  shareSubject,
} from './index.ts';
import { useNatsServer } from './nats-server.test-support.ts';

const agreements = [
  { senders: ['a-one', 'b-two'], recipients: ['a-one', 'b-two', 'ghost'] },
  { senders: ['c-three'], recipients: ['a-one'] },
];
const known = new Set(['a-one', 'b-two', 'c-three']);

describe('agreementPeers', () => {
  it('lists only agencies an agreement pairs it with, in the directory, never itself', () => {
    expect(agreementPeers(agreements, 'a-one', known)).toEqual({
      sendsTo: ['b-two'],
      receivesFrom: ['b-two', 'c-three'],
    });
    expect(agreementPeers(agreements, 'c-three', known)).toEqual({ sendsTo: ['a-one'], receivesFrom: [] });
    expect(agreementPeers(agreements, 'd-four', known)).toEqual({ sendsTo: [], receivesFrom: [] });
  });
});

describe('agencyLeafPermissions', () => {
  const peers = agreementPeers(agreements, 'a-one', known);
  const leaf = agencyLeafPermissions('a-one', peers, {
    region: 'reg',
    leaf: 'leaf-a-one',
    outbox: 'OUTBOX_a-one',
  });

  it('sends no share or statement live, and reaches JetStream only through the region domain', () => {
    expect(
      leaf.publish.filter((s) => s.startsWith('cwtch.share.') || s.startsWith('cwtch.receipt.')),
    ).toEqual([]);
    expect(leaf.publish.filter((s) => s.startsWith('$JS.API.'))).toEqual([]);
    expect(leaf.publish).toContain('$JS.reg.API.CONSUMER.MSG.NEXT.SHARES.inbox-a-one');
    expect(leaf.publish).toContain('$JS.ACK.SHARES.inbox-a-one.>');
  });

  it("receives only its replies, checkpoints, and the source's consumer creation and flow control on its own outbox", () => {
    expect(leaf.subscribe).toEqual([
      '_INBOX_a-one.>',
      'cwtch.audit.checkpoint',
      '$JS.leaf-a-one.API.CONSUMER.CREATE.OUTBOX_a-one',
      '$JS.FC.OUTBOX_a-one.>',
    ]);
  });
});

const nats = useNatsServer(async (dir) => {
  const op = createNkeyUser();
  const c3 = createNkeyUser();
  await writeFile(join(dir, 'op.nk'), op.seed, { mode: 0o600 });
  await writeFile(join(dir, 'c3.nk'), c3.seed, { mode: 0o600 });
  const permissions = agencyPermissions('c-three', agreementPeers(agreements, 'c-three', known));
  return {
    seedFile: join(dir, 'op.nk'),
    extra: {
      extraConfig: renderAuthorization([
        { name: 'operator', nkey: op.publicKey, permissions: null },
        { name: 'c-three', nkey: c3.publicKey, permissions },
      ]),
    },
  };
});
let operator: NatsConnection;
let agency: NatsConnection;

beforeAll(async () => {
  const { server, dir, nc } = nats();
  operator = nc;
  await provisionBus(await jetstreamManager(operator), { agencies: [...known] });
  agency = await connectBus({
    servers: server.url,
    name: 'c-three',
    nkeySeedFile: join(dir, 'c3.nk'),
    inboxPrefix: inboxPrefixOf('c-three'),
  });
});
afterAll(async () => {
  await agency?.close();
});

describe('agency permissions from the agreements (real nats-server)', () => {
  const send = (subject: string) =>
    publishDurable(jetstream(agency), subject, new Uint8Array([1]), {
      msgId: `p-${subject}-${Math.random()}`,
      attempts: 1,
      timeoutMs: 5000,
    });

  it('lets it send where an agreement allows', async () => {
    expect((await send(shareSubject('a-one', 'c-three'))).seq).toBeGreaterThan(0);
  });

  it('refuses a recipient no agreement allows, an agency that does not exist, and statements to an agency it shares nothing with', async () => {
    for (const subject of [
      shareSubject('b-two', 'c-three'),
      shareSubject('zz-nobody', 'c-three'),
      receiptSubject('b-two', 'c-three'),
    ]) {
      await expect(send(subject)).rejects.toMatchObject({
        code: 'NO_AGREEMENT',
        message: `the bus does not let this client publish to ${subject}`,
        cause: expect.objectContaining({ message: `Permissions Violation for Publish to "${subject}"` }),
      });
    }
    const info = await (await jetstreamManager(operator)).streams.info('SHARES', { subjects_filter: '>' });
    expect(Object.keys(info.state.subjects ?? {})).toEqual(['cwtch.share.a-one.c-three']);
  });
});
