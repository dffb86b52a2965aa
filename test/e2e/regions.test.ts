import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connectBus, jetstreamManager } from '@cwtch/bus';
import { createConnectorClient } from '@cwtch/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cwtch } from '../support/cli.ts';
import {
  eventually,
  example,
  type Region,
  type RunningRegions,
  removeDataDir,
  startRegions,
  tempDataDir,
} from '../support/region.ts';

/**
 * Two regions over a gateway (issue 15, DESIGN §7 "Beyond one region"): Wales and the West
 * Midlands, each its own server, governance key, directory, audit service and share log. A share
 * from North Wales Police to Dudley crosses, is opened and receipted there, and is in both
 * regions' logs, each verified offline with that region's pinned keys; nothing else crosses, and
 * one region can neither read the other's traffic nor write into its log.
 */
let run: RunningRegions | undefined;
let dataDir = '';
beforeAll(async () => {
  dataDir = await tempDataDir();
  run = await startRegions(dataDir, ['wales', 'west-midlands']);
}, 120_000);
afterAll(async () => {
  await run?.stop();
  if (dataDir) await removeDataDir(dataDir);
});

const wales = () => run!.regions.wales!;
const westMidlands = () => run!.regions['west-midlands']!;
const regionFile = (name: string) => join(dataDir, name, 'region.json');
const client = (r: Region, agency: string, role: 'system' | 'frontdoor' = 'system') =>
  createConnectorClient({ baseUrl: r.agencies[agency]!.connector, token: r.agencies[agency]!.tokens[role] });
const operator = (name: string, url: string) =>
  connectBus({
    servers: url,
    name: `test-${name}-operator`,
    nkeySeedFile: join(dataDir, name, 'secrets', 'nats', 'operator.nk'),
  });

/** The audit API of region `name`. */
async function audit<T>(name: string, path: string): Promise<T> {
  const r = run!.regions[name]!;
  const res = await fetch(`${r.audit.url}${path}`, { headers: { authorization: `Bearer ${r.audit.token}` } });
  if (!res.ok) throw new Error(`${name} ${path}: ${res.status}`);
  return (await res.json()) as T;
}

interface Shares {
  size: number;
  items: { id: string; subject: string }[];
}

/**
 * Exports `name`'s log once its audit service lists every share in `ids` and the export's
 * checkpoint (cosigned by the witnesses) covers the whole log; returns the bundle's file.
 */
async function exportHolding(name: string, ids: readonly string[]): Promise<string> {
  const file = join(dataDir, `${name}.jsonl`);
  return eventually(
    async () => {
      const { size, items } = await audit<Shares>(name, '/v1/shares?agency=dudley-cs');
      if (!ids.every((id) => items.some((i) => i.id === id))) return undefined;
      const res = await cwtch(['audit', 'export', '--region', regionFile(name), '--out', file]);
      if (res.code !== 0) return undefined;
      const header = JSON.parse((await readFile(file, 'utf8')).split('\n')[0]!) as { checkpoint: string };
      return header.checkpoint.split('\n')[1] === String(size) ? file : undefined;
    },
    60_000,
    `${name}'s export holding ${ids.join(', ')}`,
  );
}

const crossing: { id: string; from: string; to: string; fromRegion: string; toRegion: string }[] = [];

describe('two regions, one border', () => {
  it('each region pins the other governance key in a signed cross-region statement', async () => {
    for (const [home, other] of [
      ['wales', 'west-midlands'],
      ['west-midlands', 'wales'],
    ] as const) {
      const shown = await cwtch(['directory', 'show', '--data', join(dataDir, home)]);
      expect(shown.code, shown.stderr).toBe(0);
      const otherKey = run!.regions[other]!.trust.governanceKey;
      expect(shown.stdout).toContain(`cross-region statement: ${other}`);
      expect(shown.stdout).toContain(`pinned governance key ${otherKey}`);
      expect(shown.stdout).toContain('kinds that may cross: missing-episode, out-of-area-move');
      expect(run!.regions[home]!.federation?.pins[other]?.governanceKey).toBe(otherKey);
    }
    // Dudley's agencies are in the West Midlands' region.json, not in Wales's.
    expect(Object.keys(westMidlands().agencies).sort()).toEqual(['dudley-cs', 'west-midlands-police']);
    expect(wales().agencies['dudley-cs']).toBeUndefined();
    expect(wales().federation?.pins['west-midlands']?.agencies).toEqual([
      'dudley-cs',
      'west-midlands-police',
    ]);
  });

  it('North Wales Police to Dudley crosses the gateway, is opened and receipted in Dudley; and back the other way', async () => {
    const move = await example('out-of-area-move');
    const sent = await client(wales(), 'north-wales-police').send({
      kind: 'out-of-area-move',
      payload: move,
      recipients: ['dudley-cs'],
    });
    crossing.push({
      id: sent.id,
      from: 'north-wales-police',
      to: 'dudley-cs',
      fromRegion: 'wales',
      toRegion: 'west-midlands',
    });
    const arrived = await eventually(
      async () =>
        (await client(westMidlands(), 'dudley-cs', 'frontdoor').inbox()).find((i) => i.id === sent.id),
      20_000,
      'the share in Dudley’s inbox',
    );
    expect(arrived).toMatchObject({ kind: 'out-of-area-move', from: 'north-wales-police', status: 'new' });
    // Dudley's receipt crosses back: the sender sees the copy delivered, then acknowledged.
    await client(westMidlands(), 'dudley-cs', 'frontdoor').acknowledge(sent.id);
    await eventually(
      async () =>
        (await client(wales(), 'north-wales-police').outbox(sent.id)).recipients[0]?.status ===
        'acknowledged',
      20_000,
      'Dudley’s acknowledgement back in North Wales',
    );

    // Dudley to Wrexham (a child from Dudley missing in north Wales).
    const missing = await example('missing-episode');
    const payload = {
      ...missing,
      sender: {
        ...(missing.sender as Record<string, unknown>),
        org: { scheme: 'ons_gss_lad', value: 'E08000027', name: "Dudley Children's Services" },
      },
    };
    const back = await client(westMidlands(), 'dudley-cs').send({
      kind: 'missing-episode',
      payload,
      recipients: ['wrexham-cs'],
    });
    crossing.push({
      id: back.id,
      from: 'dudley-cs',
      to: 'wrexham-cs',
      fromRegion: 'west-midlands',
      toRegion: 'wales',
    });
    await eventually(
      async () => (await client(wales(), 'wrexham-cs', 'frontdoor').inbox()).some((i) => i.id === back.id),
      20_000,
      'the share in Wrexham’s inbox',
    );
    await eventually(
      async () =>
        (await client(westMidlands(), 'dudley-cs').outbox(back.id)).recipients[0]?.status === 'delivered',
      20_000,
      'Wrexham’s receipt back in Dudley',
    );
  });

  it('only what the statement admits crosses: a kind outside it is refused, and traffic within Wales stays in Wales', async () => {
    await expect(
      client(wales(), 'north-wales-police').send({
        kind: 'abduction-warning-notice',
        payload: await example('abduction-warning-notice'),
        recipients: ['dudley-cs'],
      }),
    ).rejects.toMatchObject({ status: 403 });
    const within = await client(wales(), 'north-wales-police').send({
      kind: 'out-of-area-move',
      payload: await example('out-of-area-move'),
      recipients: ['wrexham-cs'],
    });
    await eventually(
      async () => (await client(wales(), 'wrexham-cs', 'frontdoor').inbox()).some((i) => i.id === within.id),
      20_000,
      'the share within Wales',
    );
    const nc = await operator('west-midlands', westMidlands().nats.url);
    try {
      const jsm = await jetstreamManager(nc);
      const info = await jsm.streams.info('SHARES', { subjects_filter: '>' });
      const subjects = Object.keys(info.state.subjects ?? {});
      // Only copies and statements addressed to the West Midlands' own agencies, or sent by them.
      expect(subjects.length).toBeGreaterThan(0);
      const own = ['dudley-cs', 'west-midlands-police'];
      for (const s of subjects) {
        const [, , to, from] = s.split('.');
        expect(own.includes(to!) || own.includes(from!), s).toBe(true);
      }
    } finally {
      await nc.close();
    }
  });

  it('both regions log each share across the border, and each log verifies offline with its own pinned keys only', async () => {
    const ids = crossing.map((c) => c.id);
    const bundles = {
      wales: await exportHolding('wales', ids),
      'west-midlands': await exportHolding('west-midlands', ids),
    };
    for (const name of ['wales', 'west-midlands'] as const) {
      const verified = await cwtch(['audit', 'verify', bundles[name], '--region', regionFile(name)]);
      expect(verified.code, `${verified.stdout}${verified.stderr}`).toBe(0);
      expect(verified.stdout).toContain('VERIFIED');
    }
    // One region's log does not pass for the other's: other log key, origin and witnesses.
    const crossed = await cwtch(['audit', 'verify', bundles.wales, '--region', regionFile('west-midlands')]);
    expect(crossed.code).toBe(1);
    // Both auditors know each crossing share by the same subject reference (the federation's
    // subject key): a child's NHS number finds it on either side of the border.
    const [w, m] = await Promise.all([
      audit<Shares>('wales', '/v1/shares?agency=dudley-cs'),
      audit<Shares>('west-midlands', '/v1/shares?agency=dudley-cs'),
    ]);
    for (const id of ids)
      expect(w.items.find((i) => i.id === id)?.subject).toBe(m.items.find((i) => i.id === id)?.subject);
  });

  it('a region cannot read the other region’s traffic or write into its log', async () => {
    const before = await (async () => {
      const nc = await operator('west-midlands', westMidlands().nats.url);
      try {
        return (await (await jetstreamManager(nc)).streams.info('AUDIT')).state.messages;
      } finally {
        await nc.close();
      }
    })();
    // Wales's operator, even connected to the West Midlands' server, is in Wales's account.
    const nc = await operator('wales', westMidlands().nats.url);
    try {
      const jsm = await jetstreamManager(nc);
      const audit = await jsm.streams.info('AUDIT');
      expect(audit.cluster?.name).toBe('wales');
      // A forged entry lands in Wales's own log stream, never in the West Midlands'.
      await nc.request('cwtch.audit.entry', new TextEncoder().encode('{"forged":true}'), { timeout: 5000 });
      // Wales reaches the West Midlands' SHARES only to create a consumer filtered to what is
      // addressed to its own admitted agencies (nats-server answers, here refusing an empty
      // config); for anything else, such as a share between two West Midlands agencies, nobody answers.
      const admitted = await nc.request(
        'cwtch.xr.west-midlands.api.CONSUMER.CREATE.SHARES.x.cwtch.share.wrexham-cs.*',
        new TextEncoder().encode('{}'),
        { timeout: 5000 },
      );
      expect(new TextDecoder().decode(admitted.data)).toContain('error');
      await expect(
        nc.request(
          'cwtch.xr.west-midlands.api.CONSUMER.CREATE.SHARES.x.cwtch.share.west-midlands-police.dudley-cs',
          new TextEncoder().encode('{}'),
          { timeout: 2000 },
        ),
      ).rejects.toThrow();
    } finally {
      await nc.close();
    }
    const wm = await operator('west-midlands', westMidlands().nats.url);
    try {
      expect((await (await jetstreamManager(wm)).streams.info('AUDIT')).state.messages).toBe(before);
    } finally {
      await wm.close();
    }
    const verified = await cwtch([
      'audit',
      'verify',
      await exportHolding(
        'west-midlands',
        crossing.map((c) => c.id),
      ),
      '--region',
      regionFile('west-midlands'),
    ]);
    expect(verified.code, verified.stdout).toBe(0);
  });
});
