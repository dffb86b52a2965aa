import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { connectBus, findNatsServer, natsServerVersion } from '@cwtch/bus';
import { exampleAsOfToday } from '@cwtch/contracts';
import { DEMO_AGENCIES } from '../../region/demo-region.ts';
import { startDevRegion } from '../dev.ts';
import { readExample } from '../example.ts';
import { benchChart } from './chart.ts';
import { pipelineRun, probeRoutes, regionMemory } from './pipeline.ts';
import { type BatchShape, parseBatchShapes, rawBaseline } from './raw-baseline.ts';
import { benchMarkdown, benchText, replaceReadmeBlock } from './render.ts';
import type { BenchReport, ModeReport, ScenarioReport } from './report.ts';
import { type ScalePoint, scalePoint } from './scale.ts';
import { asSender, demoScenario, payloadKey, SCENARIO_NAMES, type ScenarioName } from './scenarios.ts';

export type { BenchReport, ModeReport, ScenarioReport } from './report.ts';

const MODES = { durable: 'always', default: '2m' } as const;
/** Share copy, delivered receipt, and the log entries of both: four appends per copy. */
const APPENDS_PER_COPY = 4;
const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

interface Options {
  readonly count: number;
  /** Fixed offered rates per second, one recipient, lowest first. */
  readonly rates: readonly number[];
  readonly seconds: number;
  readonly concurrency: number;
  readonly window: number;
  readonly shapes: readonly BatchShape[];
  readonly scenarios: readonly ScenarioName[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

async function runMode(mode: keyof typeof MODES, o: Options): Promise<ModeReport> {
  const dataDir = await mkdtemp(join(tmpdir(), `cwtch-bench-${mode}-`));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`\n== ${mode} (sync_interval: ${MODES[mode]}): starting a region in ${dataDir}`);
  const { region, stop } = await startDevRegion({ dataDir, syncInterval: MODES[mode], log });
  try {
    const nc = await connectBus({
      servers: region.nats.url,
      name: 'cwtch-bench',
      nkeySeedFile: join(dataDir, 'secrets', 'nats', 'operator.nk'),
    });
    const scenarios = o.scenarios.map(demoScenario);
    const one = demoScenario('one');
    // Dated today, as a real send is: a payload long past its respond-by would escalate every share.
    const payloads = new Map<string, unknown>();
    for (const route of [...one.routes, ...scenarios.flatMap((s) => s.routes)]) {
      const agency = DEMO_AGENCIES.find((a) => a.id === route.from)!;
      const example = exampleAsOfToday(await readExample(route.kind), Date.now());
      payloads.set(payloadKey(route), asSender(example, agency));
    }
    const baseline = await rawBaseline(nc, {
      messages: o.count * APPENDS_PER_COPY,
      size: 4200,
      window: o.window,
      shapes: o.shapes,
      appendsPerNotification: APPENDS_PER_COPY,
      rates: o.rates,
      seconds: o.seconds,
    });
    await probeRoutes(region, one.routes, payloads);
    // Warm-up, not reported: the first sends of a fresh region pay for compiling its code (JIT),
    // which would otherwise land in the first measured run's latencies and CPU.
    await pipelineRun(
      region,
      nc,
      one.routes,
      payloads,
      { kind: 'saturation', count: Math.min(500, o.count), concurrency: o.concurrency },
      'warm-up',
    );
    // Runs start from a settled region, as load after a quiet spell does.
    await new Promise((r) => setTimeout(r, 2000));
    const fixed = [];
    for (const rate of o.rates)
      fixed.push(
        await pipelineRun(
          region,
          nc,
          one.routes,
          payloads,
          { kind: 'fixed', rate, seconds: o.seconds },
          'one',
        ),
      );
    const reports: ScenarioReport[] = [];
    for (const s of scenarios) {
      const { usable, refused } = await probeRoutes(region, s.routes, payloads, s.onePerSender);
      for (const r of refused)
        log(`${s.name}: left out ${r.route.from} → ${r.route.to.join(', ')} ${r.route.kind}: ${r.reason}`);
      if (usable.length === 0) {
        log(`${s.name}: the region refused every route; the scenario is left out`);
        continue;
      }
      // The same number of copies in each scenario: a send to three recipients makes three.
      const copiesPerSend = usable.reduce((sum, r) => sum + r.to.length, 0) / Math.max(1, usable.length);
      const saturation = await pipelineRun(
        region,
        nc,
        usable,
        payloads,
        { kind: 'saturation', count: Math.ceil(o.count / copiesPerSend), concurrency: o.concurrency },
        s.name,
      );
      reports.push({
        name: s.name,
        title: s.onePerSender
          ? `many senders at once: ${new Set(usable.map((r) => r.from)).size} agencies, each to one recipient`
          : s.title,
        routes: usable,
        refusedRoutes: refused,
        saturation,
        ratio: round2(saturation.deliveriesPerSecond / Math.max(1, baseline.notificationsPerSecond)),
      });
    }
    const memory = regionMemory(region);
    await nc.close();
    return { mode, syncInterval: MODES[mode], baseline, fixed, scenarios: reports, memory };
  } finally {
    await stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** `cwtch bench`: raw JetStream beside the full pipeline, in durable and default sync modes. */
export async function benchCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      mode: { type: 'string', default: 'both' },
      count: { type: 'string', default: '2000' },
      rate: { type: 'string', default: '100,200' },
      seconds: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '64' },
      window: { type: 'string', default: '256' },
      batches: { type: 'string', default: '100x4,500x2' },
      scenarios: { type: 'string', default: SCENARIO_NAMES.join(',') },
      agencies: { type: 'string', default: '' },
      'scale-group': { type: 'string', default: '10' },
      'scale-messages': { type: 'string', default: '5' },
      out: { type: 'string', default: 'docs/bench' },
    },
  });
  const curve = values.agencies
    .split(',')
    .filter((x) => x.trim() !== '')
    .map(Number);
  if (curve.some((x) => !Number.isInteger(x) || x < 1))
    throw new Error(`--agencies takes a list of whole numbers, such as 10,100,1000`);
  const scenarios = values.scenarios.split(',').map((s) => s.trim());
  for (const s of scenarios)
    if (!(SCENARIO_NAMES as readonly string[]).includes(s))
      throw new Error(`unknown scenario ${s}: choose from ${SCENARIO_NAMES.join(', ')}`);
  if (values.mode !== 'both' && values.mode !== 'none' && !(values.mode in MODES))
    throw new Error(`unknown mode ${values.mode}: choose both, durable, default or none`);
  // The benchmark's own region must not rate-limit the load it generates.
  process.env.CWTCH_RATE_LIMIT_BURST = '100000000';
  process.env.CWTCH_RATE_LIMIT_PER_SECOND = '100000000';
  // The production checkpoint cadence (60 s or 10,000 entries), not the demo's 2 s for people watching.
  process.env.CWTCH_CHECKPOINT_INTERVAL_MS ??= '60000';
  const o: Options = {
    count: Number(values.count),
    rates: values
      .rate!.split(',')
      .map(Number)
      .sort((a, b) => a - b),
    seconds: Number(values.seconds),
    concurrency: Number(values.concurrency),
    window: Number(values.window),
    shapes: parseBatchShapes(values.batches),
    scenarios: scenarios as ScenarioName[],
  };
  const modes: readonly (keyof typeof MODES)[] =
    values.mode === 'both'
      ? ['durable', 'default']
      : values.mode === 'none'
        ? []
        : [values.mode as keyof typeof MODES];
  const results: ModeReport[] = [];
  for (const mode of modes) results.push(await runMode(mode, o));
  const scale: ScalePoint[] = [];
  for (const agencies of curve)
    scale.push(
      await scalePoint({
        agencies,
        group: Number(values['scale-group']),
        perAgency: Number(values['scale-messages']),
        syncInterval: MODES.durable,
      }),
    );
  const report: BenchReport = {
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB`,
    cores: cpus().length,
    memoryGb: round2(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.versions.node,
    natsServer: natsServerVersion(findNatsServer(process.env.NATS_SERVER_BIN)) ?? 'unknown',
    at: new Date().toISOString(),
    settings: {
      count: o.count,
      'fixed rates': o.rates.join(', '),
      'checkpoint interval ms': Number(process.env.CWTCH_CHECKPOINT_INTERVAL_MS),
      seconds: o.seconds,
      concurrency: o.concurrency,
      'raw window': o.window,
      'raw batches': values.batches,
      ...(scale.length > 0
        ? {
            'scale partnership': Number(values['scale-group']),
            'scale messages per agency': Number(values['scale-messages']),
          }
        : {}),
    },
    modes: results,
    ...(scale.length > 0 ? { scale } : {}),
  };
  const out = values.out;
  await mkdir(out, { recursive: true });
  const written = [join(out, 'bench.json'), join(out, 'bench.svg'), join(out, 'bench.md')];
  const markdown = benchMarkdown(report);
  await writeFile(written[0]!, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(written[1]!, benchChart(report));
  await writeFile(written[2]!, markdown);
  // Only the official output folder updates the README's table.
  if (resolve(out) === resolve(ROOT, 'docs/bench')) {
    const readmePath = join(ROOT, 'README.md');
    const readme = replaceReadmeBlock(await readFile(readmePath, 'utf8'), markdown);
    if (readme) {
      await writeFile(readmePath, readme);
      written.push(readmePath);
    } else process.stderr.write(`README.md has no bench block; left as it is\n`);
  }
  process.stdout.write(`${benchText(report)}\nwritten: ${written.join(', ')}\n`);
}
