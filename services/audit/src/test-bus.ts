import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  connectBus,
  jetstreamManager,
  type NatsConnection,
  type NatsServerHandle,
  provisionBus,
  startNatsServer,
} from '@cwtch/bus';
import { afterAll, beforeAll } from 'vitest';

/** A provisioned nats-server of the test file's own, and named connections to it. */
export interface TestBus {
  connection(name: string): NatsConnection;
}

/**
 * Starts a real nats-server in a fresh folder for the calling test file (beforeAll), provisions
 * the region's streams for `agencies`, opens one connection per name in `names`, and stops and
 * removes everything afterwards. (Tests of this service only; not exported.)
 */
export function useTestBus(agencies: readonly string[], names: readonly string[] = ['audit']): TestBus {
  let dir: string | undefined;
  let server: NatsServerHandle | undefined;
  const connections = new Map<string, NatsConnection>();
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cwtch-audit-bus-'));
    server = await startNatsServer({ dataDir: dir });
    for (const name of names) connections.set(name, await connectBus({ servers: server.url, name }));
    const first = connections.get(names[0] ?? 'audit');
    if (first) await provisionBus(await jetstreamManager(first), { agencies });
  });
  afterAll(async () => {
    for (const nc of connections.values()) await nc.close();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    connection(name) {
      const nc = connections.get(name);
      if (!nc) throw new Error(`no test bus connection ${name}`);
      return nc;
    },
  };
}
