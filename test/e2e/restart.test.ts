import { readFileSync } from 'node:fs';
import { CwtchApiError, createConnectorClient } from '@cwtch/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import {
  alive,
  eventually,
  example,
  type RunningRegion,
  removeDataDir,
  startRegion,
  tempDataDir,
} from '../support/region.ts';

let run: RunningRegion | undefined;
let dataDir = '';
afterAll(async () => {
  await run?.stop();
  if (dataDir) await removeDataDir(dataDir);
});

const clients = (r: RunningRegion, agency: string) => {
  const a = r.region.agencies[agency]!;
  return createConnectorClient({ baseUrl: a.connector, token: a.tokens.system });
};

/** What a refused send says: an API error's status and code, or a network error's cause. */
function refusalKind(e: unknown): string {
  if (e instanceof CwtchApiError) return `${e.status} ${e.code}`;
  if (e instanceof TypeError && e.message === 'fetch failed') {
    return `network ${(e.cause as { code?: string } | undefined)?.code ?? 'error'}`;
  }
  return `unexpected ${String(e)}`;
}
/** The refusals a stopping region may give. */
const STOPPING = [
  '503 BUS_UNAVAILABLE',
  'network ECONNREFUSED',
  'network ECONNRESET',
  'network UND_ERR_SOCKET',
  'network error',
];

describe('stop mid-stream and start again on the same folder', () => {
  it('every notification that got a 202 is in its inbox exactly once', async () => {
    dataDir = await tempDataDir();
    run = await startRegion(dataDir);
    // Each service runs from its bundle, which cwtch dev builds when the source changed.
    for (const pid of [run.region.audit.pid, ...Object.values(run.region.agencies).map((a) => a.pid)]) {
      expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toMatch(
        /\/\.tools\/bundles\/(audit|connector)\/[0-9a-f]{20}\/main\.mjs\0$/,
      );
    }
    const payload = await example('care-home-transition');
    const accepted: string[] = [];
    const refusals: unknown[] = [];
    let sending = true;
    const sender = (async () => {
      const hillside = clients(run!, 'hillside');
      while (sending) {
        const batch = await Promise.allSettled(
          Array.from({ length: 4 }, () =>
            hillside.send({ kind: 'care-home-transition', payload, recipients: ['swansea-cs'] }),
          ),
        );
        for (const r of batch) {
          if (r.status === 'fulfilled') accepted.push(r.value.id);
          else refusals.push(r.reason);
        }
      }
    })();
    await eventually(() => accepted.length >= 40, 30_000, '40 accepted sends');
    const pids = [
      run.region.nats.pid,
      run.region.audit.pid,
      ...Object.values(run.region.agencies).map((a) => a.pid),
    ];
    const code = await run.stop();
    sending = false;
    await sender;
    expect(code).toBe(0);
    for (const pid of pids) expect(alive(pid)).toBe(false);

    run = await startRegion(dataDir);
    const swansea = clients(run, 'swansea-cs');
    const ids = await eventually(
      async () => {
        const items = (await swansea.inbox({ limit: 500 })).map((i) => i.id);
        return accepted.every((id) => items.includes(id)) ? items : undefined;
      },
      30_000,
      'every accepted notification in the inbox',
    );
    for (const id of accepted) expect(ids.filter((x) => x === id)).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(accepted.length).toBeGreaterThanOrEqual(40);
    // A send refused while the region stopped was refused because it was stopping: the connection
    // went away, or the connector said the bus was unavailable. Never a 500, a contract error or a
    // half-read answer.
    const kinds: Record<string, number> = {};
    for (const k of refusals.map(refusalKind)) kinds[k] = (kinds[k] ?? 0) + 1;
    console.log(
      `${accepted.length} sends accepted; refused while the region stopped: ${JSON.stringify(kinds)}`,
    );
    expect(Object.keys(kinds).filter((k) => !STOPPING.includes(k))).toEqual([]);
  });

  it('a connector that dies is restarted on the same port and region.json gets its new pid', async () => {
    const before = run!.region.agencies['npt-cs']!;
    process.kill(before.pid, 'SIGKILL');
    const { readFile } = await import('node:fs/promises');
    const after = await eventually(
      async () => {
        const r = JSON.parse(await readFile(`${dataDir}/region.json`, 'utf8')) as RunningRegion['region'];
        const a = r.agencies['npt-cs']!;
        return a.pid !== before.pid ? a : undefined;
      },
      20_000,
      'a restarted connector',
    );
    expect(after.connector).toBe(before.connector);
    await eventually(
      async () => (await fetch(`${after.connector}/healthz`)).ok,
      10_000,
      'the restarted connector answering',
    );
  });

  it('when cwtch dev dies without stopping anything (SIGKILL), its services stop with it', async () => {
    const { readFile } = await import('node:fs/promises');
    const now = JSON.parse(await readFile(`${dataDir}/region.json`, 'utf8')) as RunningRegion['region'];
    const services = [now.audit.pid, ...Object.values(now.agencies).map((a) => a.pid)];
    expect(services.every(alive)).toBe(true);
    run!.process.kill('SIGKILL');
    await eventually(
      () => services.every((pid) => !alive(pid)) || undefined,
      15_000,
      'every service stopped',
    );
    // nats-server is not a Node service: stopped here as the supervisor would have.
    if (alive(now.nats.pid)) process.kill(now.nats.pid, 'SIGTERM');
  });
});
