import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connectBus } from '@cwtch/bus';
import { exampleAsOfToday } from '@cwtch/contracts';
import { startDevRegion } from '../dev.ts';
import { readExample } from '../example.ts';
import { benchChart } from './chart.ts';
import { type PipelineResult, pipelineRun } from './pipeline.ts';
import { type BaselineResult, rawBaseline } from './raw-baseline.ts';

/** One durability mode's figures. */
export interface ModeReport {
  readonly mode: string;
  readonly syncInterval: string;
  readonly baseline: BaselineResult;
  readonly fixed: PipelineResult;
  readonly saturation: PipelineResult;
  /** Pipeline throughput at saturation over the raw baseline doing the same appends. */
  readonly ratio: number;
}

/** Everything `cwtch bench` measured. */
export interface BenchReport {
  readonly machine: string;
  readonly node: string;
  readonly at: string;
  readonly modes: readonly ModeReport[];
}

const MODES = { durable: 'always', default: '2m' } as const;

async function runMode(
  mode: keyof typeof MODES,
  o: { count: number; rate: number; seconds: number; concurrency: number },
): Promise<ModeReport> {
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
    // Dated today, as a real send is: a payload long past its respond-by would escalate every share.
    const payload = exampleAsOfToday(await readExample('care-home-transition'), Date.now());
    // Share copy, delivered receipt, and the log entries of both: four appends per notification.
    const baseline = await rawBaseline(nc, {
      messages: o.count * 4,
      size: 4200,
      window: 256,
      appendsPerNotification: 4,
    });
    const fixed = await pipelineRun(region, nc, payload, { kind: 'fixed', rate: o.rate, seconds: o.seconds });
    const saturation = await pipelineRun(region, nc, payload, {
      kind: 'saturation',
      count: o.count,
      concurrency: o.concurrency,
    });
    await nc.close();
    return {
      mode,
      syncInterval: MODES[mode],
      baseline,
      fixed,
      saturation,
      ratio: Math.round((saturation.notificationsPerSecond / baseline.notificationsPerSecond) * 100) / 100,
    };
  } finally {
    await stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function table(report: BenchReport): string {
  const p = (x: { p50: number; p95: number; p99: number }) => `${x.p50} / ${x.p95} / ${x.p99}`;
  const lines = [`cwtch bench on ${report.machine}, Node ${report.node}, ${report.at}`, ''];
  for (const m of report.modes) {
    lines.push(
      `${m.mode} (sync_interval: ${m.syncInterval})`,
      `  raw JetStream: ${m.baseline.messagesPerSecond} msg/s = ${m.baseline.notificationsPerSecond} notification-equivalents/s (${m.baseline.appendsPerNotification} appends each); publish→consume p50/p95/p99 ${p(m.baseline.latencyMs)} ms`,
    );
    for (const r of [m.fixed, m.saturation]) {
      lines.push(
        `  ${r.label}: ${r.notificationsPerSecond} notifications/s (${r.notifications} in ${r.seconds} s, ${r.refused} refused)`,
        `    accept p50/p95/p99 ${p(r.acceptMs)} ms; send→inbox ${p(r.sendToInboxMs)} ms; send→log ${p(r.endToEndMs)} ms; CPU ${r.cpuMsPerNotification} ms per notification`,
        `    CPU ms per notification by process: ${Object.entries(r.cpuMsPerNotificationBy)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      );
    }
    lines.push(`  pipeline / baseline: ${m.ratio}`, '');
  }
  return lines.join('\n');
}

/** `cwtch bench`: raw JetStream beside the full pipeline, in durable and default sync modes. */
export async function benchCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      mode: { type: 'string', default: 'both' },
      count: { type: 'string', default: '3000' },
      rate: { type: 'string', default: '200' },
      seconds: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '64' },
      out: { type: 'string', default: 'docs/bench' },
    },
  });
  // The benchmark's own region must not rate-limit the load it generates.
  process.env.CWTCH_RATE_LIMIT_BURST = '100000000';
  process.env.CWTCH_RATE_LIMIT_PER_SECOND = '100000000';
  const o = {
    count: Number(values.count),
    rate: Number(values.rate),
    seconds: Number(values.seconds),
    concurrency: Number(values.concurrency),
  };
  const modes =
    values.mode === 'both'
      ? (['durable', 'default'] as const)
      : ([values.mode as keyof typeof MODES] as const);
  const results: ModeReport[] = [];
  for (const mode of modes) results.push(await runMode(mode, o));
  const report: BenchReport = {
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
    node: process.versions.node,
    at: new Date().toISOString(),
    modes: results,
  };
  const out = values.out!;
  await import('node:fs/promises').then((fs) => fs.mkdir(out, { recursive: true }));
  await writeFile(join(out, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(out, 'bench.svg'), benchChart(report));
  process.stdout.write(`${table(report)}\nwritten: ${join(out, 'bench.json')}, ${join(out, 'bench.svg')}\n`);
}
