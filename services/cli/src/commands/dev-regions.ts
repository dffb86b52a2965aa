import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { addSharesSources, freePort, jetstreamManager } from '@cwtch/bus';
import type { RegionFile } from '@cwtch/contracts';
import { mkdirOwnerOnly } from '@cwtch/runtime';
import { federationConfig, loadFederation, regionPlans } from '../region/federation.ts';
import { type RegionFiles, writeFileAtomic } from '../region/region-files.ts';
import { connectOperator, startDevRegion, stopOnSignal } from './dev.ts';

/** Options of `cwtch dev --regions`. */
export interface DevRegionsOptions {
  readonly dataDir: string;
  /** The regions to start, e.g. `['wales', 'west-midlands']`. */
  readonly regions: readonly string[];
  readonly syncInterval?: string;
  readonly log?: (line: string) => void;
}

/** Each region's gateway port, kept across starts in `DIR/federation.json`. */
async function gatewayPorts(dataDir: string, regions: readonly string[]): Promise<Record<string, number>> {
  const file = join(dataDir, 'federation.json');
  const saved = existsSync(file)
    ? ((JSON.parse(await readFile(file, 'utf8')) as { gateways?: Record<string, number> }).gateways ?? {})
    : {};
  const gateways: Record<string, number> = {};
  for (const r of regions) gateways[r] = saved[r] ?? (await freePort());
  await writeFileAtomic(file, `${JSON.stringify({ gateways }, null, 2)}\n`);
  return gateways;
}

/** nats-server's gateway block for `region`: its listener and every region's, on loopback. */
function gatewayBlock(region: string, ports: Record<string, number>): string {
  const gateways = Object.entries(ports).map(
    ([name, port]) => `    { name: ${JSON.stringify(name)}, url: "nats://127.0.0.1:${port}" }`,
  );
  return [
    'gateway {',
    `  name: ${JSON.stringify(region)}`,
    `  listen: "127.0.0.1:${ports[region]}"`,
    '  gateways: [',
    gateways.join('\n'),
    '  ]',
    '}',
  ].join('\n');
}

/**
 * `cwtch dev --regions wales,west-midlands`: two (or more) demo regions, each its own nats-server
 * (a cluster of one), governance key, signed directory, audit service, share log and connectors,
 * in `DIR/<region>`, joined by NATS gateways into one super-cluster. Each region pins the others'
 * governance keys through a signed cross-region statement in its directory; shares to an agency
 * across the border cross by stream sourcing between the regions' accounts. Writes
 * `DIR/<region>/region.json` for each (the shape of DESIGN §9).
 */
export async function startDevRegions(
  options: DevRegionsOptions,
): Promise<{ regions: Record<string, RegionFile>; stop: () => Promise<void> }> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dataDir = resolve(options.dataDir);
  const plans = regionPlans(options.regions);
  await mkdirOwnerOnly(dataDir);
  const dirOf = (region: string) => join(dataDir, region);
  log(`cwtch dev: preparing ${plans.length} regions in ${dataDir}, each pinning the others' governance keys`);
  const files = await loadFederation(dirOf, plans, join(dataDir, 'secrets', 'subject.key'));
  const ports = await gatewayPorts(
    dataDir,
    plans.map((p) => p.region),
  );
  const started = await Promise.allSettled(
    plans.map((plan, i) =>
      startDevRegion({
        dataDir: dirOf(plan.region),
        plan,
        ...(options.syncInterval ? { syncInterval: options.syncInterval } : {}),
        log: (line) => log(`[${plan.region}] ${line}`),
        federation: {
          clusterName: plan.region,
          // A changed directory in this region (a rotation) is rendered with the others' as loaded at start.
          natsConfig: (mine: RegionFiles) =>
            `${
              federationConfig(
                files.map((f, j) => (j === i ? mine : f)),
                plan.region,
              ).accounts
            }\n\n${gatewayBlock(plan.region, ports)}`,
          sharesSources: [],
        },
      }),
    ),
  );
  const up = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(up.map((r) => r.stop()));
    throw (failed as PromiseRejectedResult).reason;
  }
  // Every region's SHARES exists and the super-cluster has its meta leader: now each sources the others.
  await Promise.all(
    plans.map(async (plan, i) => {
      const nc = await connectOperator(files[i]!, up[i]!.region.nats.url);
      try {
        await addSharesSources(await jetstreamManager(nc), federationConfig(files, plan.region).sources);
      } finally {
        await nc.close();
      }
    }),
  );
  return {
    regions: Object.fromEntries(plans.map((p, i) => [p.region, up[i]!.region])),
    async stop() {
      await Promise.all(up.map((r) => r.stop()));
    },
  };
}

/** `cwtch dev --regions A,B [--data DIR] [--sync S]`: starts the regions, prints where each is, stops on Ctrl-C or SIGTERM. */
export async function devRegionsCommand(dataDir: string, names: string[], sync?: string): Promise<void> {
  const t0 = Date.now();
  const { regions, stop } = await startDevRegions({
    dataDir,
    regions: names.map((n) => n.trim()),
    ...(sync ? { syncInterval: sync } : {}),
  });
  const lines = [
    `Cwtch demo regions are up (${((Date.now() - t0) / 1000).toFixed(1)} s), joined by a NATS gateway`,
  ];
  for (const [name, region] of Object.entries(regions)) {
    lines.push(`${name}: ${dataDir}/${name}/region.json`);
    lines.push(`  nats      ${region.nats.url}`, `  audit     ${region.audit.url}`);
    for (const [id, a] of Object.entries(region.agencies)) lines.push(`  ${id.padEnd(20)} ${a.connector}`);
  }
  lines.push(
    `  each region pins the others' governance keys: cwtch directory show --data ${dataDir}/<region>`,
    'Press Ctrl-C to stop.',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  stopOnSignal(stop, 'the regions');
}
