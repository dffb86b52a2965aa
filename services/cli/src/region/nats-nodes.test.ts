import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  agencyPermissions,
  connectBus,
  createNkeyUser,
  inboxPrefixOf,
  jetstream,
  jetstreamManager,
  provisionBus,
  publishDurable,
  renderAuthorization,
  shareSubject,
} from '@cwtch/bus';
import { afterAll, expect, it } from 'vitest';
import { NatsNodes } from './nats-nodes.ts';

let dir = '';
let nodes: NatsNodes | undefined;
afterAll(async () => {
  await nodes?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('reloads changed permissions into the running server without a restart (SIGHUP)', async () => {
  dir = await mkdtemp(join(tmpdir(), 'cwtch-nodes-'));
  const op = createNkeyUser();
  const agency = createNkeyUser();
  await writeFile(join(dir, 'op.nk'), op.seed, { mode: 0o600 });
  await writeFile(join(dir, 'c.nk'), agency.seed, { mode: 0o600 });
  const authorization = (sendsTo: string[]) =>
    renderAuthorization([
      { name: 'operator', nkey: op.publicKey, permissions: null },
      {
        name: 'c-three',
        nkey: agency.publicKey,
        permissions: agencyPermissions('c-three', { sendsTo, receivesFrom: [] }),
      },
    ]);
  nodes = new NatsNodes(
    dir,
    1,
    { syncInterval: '2m', extraConfig: authorization(['a-one']) },
    () => {},
    () => {},
  );
  await nodes.start();
  const pid = nodes.nodes[0]!.pid;
  const operator = await connectBus({ servers: nodes.urls, name: 'op', nkeySeedFile: join(dir, 'op.nk') });
  await provisionBus(await jetstreamManager(operator), { agencies: ['a-one', 'b-two'] });
  await operator.close();
  const nc = await connectBus({
    servers: nodes.urls,
    name: 'c-three',
    nkeySeedFile: join(dir, 'c.nk'),
    inboxPrefix: inboxPrefixOf('c-three'),
  });
  const send = () =>
    publishDurable(jetstream(nc), shareSubject('b-two', 'c-three'), new Uint8Array([1]), {
      msgId: `r-${Math.random()}`,
      attempts: 1,
    });
  await expect(send()).rejects.toMatchObject({ code: 'NO_AGREEMENT' });

  await nodes.reload(authorization(['a-one', 'b-two']));
  let stored = false;
  for (let i = 0; i < 100 && !stored; i++) {
    stored = await send().then(
      () => true,
      () => new Promise<boolean>((r) => setTimeout(() => r(false), 50)),
    );
  }
  expect(stored).toBe(true);
  expect(nodes.nodes[0]!.pid).toBe(pid);
  await nc.close();
});
