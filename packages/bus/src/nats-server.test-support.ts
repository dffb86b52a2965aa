import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll } from 'vitest';
import { connectBus } from './connect-bus.ts';
import { type NatsServerHandle, type NatsServerOptions, startNatsServer } from './nats-server.ts';

/** A test file's nats-server in a fresh folder, and a connection (the operator's when nkeys are used). */
export interface TestNats {
  readonly server: NatsServerHandle;
  readonly dir: string;
  readonly nc: NatsConnection;
}

/**
 * Starts a real nats-server for the calling test file (beforeAll) and stops and removes it
 * afterwards. `setup` may write files into the folder and return the server's extra options and
 * the seed file to connect with.
 */
export function useNatsServer(
  setup: (
    dir: string,
  ) => Promise<{ extra?: Partial<NatsServerOptions>; seedFile?: string }> = async () => ({}),
): () => TestNats {
  let t: TestNats | undefined;
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cwtch-bus-'));
    const { extra, seedFile } = await setup(dir);
    const server = await startNatsServer({ dataDir: dir, ...extra });
    const nc = await connectBus({ servers: server.url, name: 'bus-test', nkeySeedFile: seedFile });
    t = { server, dir, nc };
  });
  afterAll(async () => {
    await t?.nc.close();
    await t?.server.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (!t) throw new Error('the nats-server has not started');
    return t;
  };
}
