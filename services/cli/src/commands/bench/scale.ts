import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  agencyPermissions,
  agreementPeers,
  connectBus,
  createNkeyUser,
  inboxConsumer,
  inboxPrefixOf,
  jetstream,
  jetstreamManager,
  type NatsConnection,
  type NatsUser,
  provisionBus,
  renderAuthorization,
  SHARES_STREAM,
  shareSubject,
  startNatsServer,
} from '@cwtch/bus';
import { cpuSeconds, type Memory, memoryOf, progress } from './stats.ts';

/** What one point of the scale curve measured. */
export interface ScalePoint {
  readonly agencies: number;
  readonly agreements: number;
  /** The nats-server authorization block: bytes, and allow entries over all users. */
  readonly authorizationBytes: number;
  readonly permissionEntries: number;
  /** Server start until it accepts clients, with that configuration. */
  readonly serverStartMs: number;
  /** Streams and one inbox consumer per agency. */
  readonly provisionMs?: number;
  /** Every simulated agency connected with its own nkey. */
  readonly connectMs?: number;
  readonly messages?: number;
  /** Share-sized messages published by their senders and pulled and acked by their recipients. */
  readonly messagesPerSecond?: number;
  readonly natsCpuMsPerMessage?: number;
  /** nats-server's memory once every agency is connected and the traffic consumed (or at a failure). */
  readonly natsMemory?: Memory;
  /** Why the point stopped short, such as the server's consumer limit. */
  readonly failed?: string;
}

/** Simulated agencies `sim-0001`…, in partnerships of `group` under one agreement each. */
export function simulatedRegion(
  agencies: number,
  group: number,
): { ids: string[]; agreements: { senders: string[]; recipients: string[] }[] } {
  const ids = Array.from({ length: agencies }, (_, i) => `sim-${String(i + 1).padStart(4, '0')}`);
  const agreements = [];
  for (let i = 0; i < ids.length; i += group) {
    const members = ids.slice(i, i + group);
    agreements.push({ senders: members, recipients: members });
  }
  return { ids, agreements };
}

/** The peer an agency sends to in the scale run: the next member of its partnership. */
export function peerOf(ids: readonly string[], index: number, group: number): string {
  const start = index - (index % group);
  const size = Math.min(group, ids.length - start);
  return ids[start + ((index - start + 1) % size)]!;
}

/**
 * One point of the scale curve: a nats-server configured with `agencies` nkey users and their
 * agreement permissions (as `cwtch dev` writes them), the SHARES stream with an inbox consumer
 * each, every agency connected with its own credentials, sending share-sized messages to a
 * partner that pulls and acks them. The audit service and connectors are not part of it.
 */
export async function scalePoint(options: {
  agencies: number;
  group: number;
  perAgency: number;
  size: number;
  syncInterval: string;
}): Promise<ScalePoint> {
  const dir = await mkdtemp(join(tmpdir(), `cwtch-bench-scale-${options.agencies}-`));
  const label = `scale: ${options.agencies} agencies`;
  const { ids, agreements } = simulatedRegion(options.agencies, options.group);
  const operator = createNkeyUser();
  const keys = ids.map(() => createNkeyUser());
  const users: NatsUser[] = [
    { name: 'operator', nkey: operator.publicKey, permissions: null },
    ...ids.map((id, i) => ({
      name: id,
      nkey: keys[i]!.publicKey,
      permissions: agencyPermissions(id, agreementPeers(agreements, id)),
    })),
  ];
  const authorization = renderAuthorization(users);
  const permissionEntries = users.reduce(
    (sum, u) => sum + (u.permissions ? u.permissions.publish.length + u.permissions.subscribe.length : 0),
    0,
  );
  const t0 = performance.now();
  const server = await startNatsServer({
    dataDir: dir,
    syncInterval: options.syncInterval,
    extraConfig: authorization,
  });
  const serverStartMs = performance.now() - t0;
  const pid = server.process.pid ?? 0;
  const connections: NatsConnection[] = [];
  const config = {
    agencies: ids.length,
    agreements: agreements.length,
    authorizationBytes: Buffer.byteLength(authorization),
    permissionEntries,
    serverStartMs: Math.round(serverStartMs),
  };
  try {
    await writeFile(join(dir, 'operator.nk'), operator.seed, { mode: 0o600 });
    const nc = await connectBus({
      servers: server.url,
      name: 'operator',
      nkeySeedFile: join(dir, 'operator.nk'),
    });
    connections.push(nc);
    const t1 = performance.now();
    try {
      await provisionBus(await jetstreamManager(nc), { agencies: ids });
    } catch (e) {
      const memory = memoryOf(pid);
      return {
        ...config,
        failed: `provisioning: ${e instanceof Error ? e.message : String(e)}`,
        ...(memory ? { natsMemory: memory } : {}),
      };
    }
    const provisionMs = performance.now() - t1;
    const t2 = performance.now();
    for (let i = 0; i < ids.length; i++) {
      await writeFile(join(dir, `${ids[i]}.nk`), keys[i]!.seed, { mode: 0o600 });
      connections.push(
        await connectBus({
          servers: server.url,
          name: ids[i]!,
          nkeySeedFile: join(dir, `${ids[i]}.nk`),
          inboxPrefix: inboxPrefixOf(ids[i]!),
        }),
      );
      if (i % 50 === 0) progress(`${label}, connecting`, i, ids.length);
    }
    progress(`${label}, connecting`, ids.length, ids.length);
    const connectMs = performance.now() - t2;
    const cpuBefore = cpuSeconds(pid);
    const body = randomBytes(options.size);
    const total = ids.length * options.perAgency;
    let done = 0;
    const t3 = performance.now();
    await Promise.all(
      ids.map(async (id, i) => {
        const js = jetstream(connections[i + 1]!);
        const to = peerOf(ids, i, options.group);
        for (let k = 0; k < options.perAgency; k++) await js.publish(shareSubject(to, id), body);
      }),
    );
    await Promise.all(
      ids.map(async (id, i) => {
        const consumer = await jetstream(connections[i + 1]!).consumers.get(SHARES_STREAM, inboxConsumer(id));
        let left = options.perAgency;
        while (left > 0) {
          const batch = await consumer.fetch({ max_messages: left, expires: 5000 });
          let got = 0;
          for await (const m of batch) {
            m.ack();
            got++;
          }
          if (got === 0)
            throw new Error(`${id} found ${options.perAgency - left} of its ${options.perAgency} shares`);
          left -= got;
          done += got;
          if (done % 500 < got) progress(label, done, total);
        }
      }),
    );
    const seconds = (performance.now() - t3) / 1000;
    progress(label, total, total);
    const natsMemory = memoryOf(pid);
    return {
      ...config,
      provisionMs: Math.round(provisionMs),
      connectMs: Math.round(connectMs),
      messages: total,
      messagesPerSecond: Math.round(total / seconds),
      natsCpuMsPerMessage: Math.round(((cpuSeconds(pid) - cpuBefore) * 1000 * 100) / total) / 100,
      ...(natsMemory ? { natsMemory } : {}),
    };
  } finally {
    for (const c of connections) await c.close().catch(() => {});
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
