#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { OWNER_ONLY_UMASK } from '@cwtch/runtime';
import { describeError, UsageError } from './cli-errors.ts';
import { auditCommand } from './commands/audit.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { benchCommand } from './commands/bench/bench.ts';
import { boardCommand } from './commands/board.ts';
import { demoCommand, demoIssuer, playDemo } from './commands/demo.ts';
import { demoMonthCommand } from './commands/demo-month.ts';
import { startDevRegion, stopOnSignal } from './commands/dev.ts';
import { devRegionsCommand } from './commands/dev-regions.ts';
import { directoryCommand } from './commands/directory.ts';
import { exampleCommand } from './commands/example.ts';
import { agencyClient, checkAgencies, loadRegion, readJson, regionPath } from './commands/region-client.ts';
import { asksForHelp, HELP, USAGE } from './help.ts';

async function dev(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string', default: '.cwtch/dev' },
      sync: { type: 'string' },
      tls: { type: 'boolean' },
      cluster: { type: 'string' },
      demo: { type: 'boolean' },
      regions: { type: 'string' },
      leaf: { type: 'string', multiple: true },
    },
  });
  if (values.regions) {
    const alone = (['tls', 'cluster', 'demo', 'leaf'] as const).filter((o) => values[o] !== undefined);
    if (alone.length > 0)
      throw new UsageError(`--regions runs one plain server per region: not with --${alone.join(', --')}`);
    return devRegionsCommand(values.data!, values.regions.split(','), values.sync);
  }
  const started = Date.now();
  const { region, stop } = await startDevRegion({
    dataDir: values.data!,
    ...(values.sync ? { syncInterval: values.sync } : {}),
    ...(values.tls ? { tls: true } : {}),
    ...(values.cluster ? { cluster: Number(values.cluster) } : {}),
    ...(values.leaf ? { leaf: values.leaf.flatMap((l) => l.split(',')).map((l) => l.trim()) } : {}),
    // Tests only: aim the leaf nodes' remote at a relay they can cut (test/e2e/leaf-outage.test.ts).
    ...(process.env.CWTCH_DEV_LEAF_HUB_URL ? { leafHubUrl: process.env.CWTCH_DEV_LEAF_HUB_URL } : {}),
  });
  const lines = [
    `Cwtch demo region is up (${((Date.now() - started) / 1000).toFixed(1)} s), data in ${values.data}`,
    `  nats      ${region.nats.url}`,
    `  audit     ${region.audit.url}`,
    ...Object.entries(region.agencies).map(([id, a]) => `  ${id.padEnd(20)} ${a.connector}`),
    `  region.json: ${values.data}/region.json (tokens for every agency and role)`,
    '  consoles: open a connector or the audit URL in a browser and sign in as a demo person',
  ];
  if (values.demo) {
    lines.push('Demo stories played:');
    const regionFile = `${values.data}/region.json`;
    await playDemo({ region, issuer: await demoIssuer(regionFile), log: (l) => lines.push(l) }).catch(
      (e: unknown) => lines.push(`  the demo stopped: ${(e as Error).message}`),
    );
  }
  lines.push('Press Ctrl-C to stop.');
  process.stdout.write(`${lines.join('\n')}\n`);
  stopOnSignal(stop, 'the region');
}

async function send(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      region: { type: 'string' },
      data: { type: 'string' },
      as: { type: 'string' },
      kind: { type: 'string' },
      file: { type: 'string' },
      to: { type: 'string' },
      purpose: { type: 'string' },
    },
  });
  if (!values.as || !values.kind || !values.file)
    throw new UsageError('send needs --as, --kind and --file (cwtch send --help)');
  const file = regionPath(values);
  const region = await loadRegion(file);
  const to = values.to?.split(',').map((s) => s.trim());
  if (to) checkAgencies(region, file, to, true);
  const client = agencyClient(region, file, values.as);
  const payload = (await readJson(values.file)) as Record<string, unknown>;
  const res = await client.send({
    kind: values.kind,
    payload,
    ...(to ? { recipients: to } : {}),
    ...(values.purpose ? { purpose: values.purpose } : {}),
  });
  process.stdout.write(`${JSON.stringify(res)}\n`);
}

async function inbox(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      region: { type: 'string' },
      data: { type: 'string' },
      as: { type: 'string' },
      status: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (!values.as) throw new UsageError('inbox needs --as AGENCY (cwtch inbox --help)');
  const status = values.status;
  if (status !== undefined && status !== 'new' && status !== 'acknowledged')
    throw new UsageError(`--status must be new or acknowledged, not "${status}"`);
  const file = regionPath(values);
  const client = agencyClient(await loadRegion(file), file, values.as, 'frontdoor');
  const items = await client.inbox(status ? { status } : {});
  if (values.json) {
    process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
    return;
  }
  if (items.length === 0) process.stdout.write('inbox is empty\n');
  for (const i of items) {
    process.stdout.write(
      `${i.receivedAt}  ${i.status.padEnd(12)} ${i.priority.padEnd(7)} ${i.kind.padEnd(22)} from ${i.from.padEnd(20)} ${i.id}\n`,
    );
  }
}

// Everything the CLI and its children (services, nats-server, openssl) create is owner-only.
process.umask(OWNER_ONLY_UMASK);
const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<void>> = {
  dev,
  example: exampleCommand,
  send,
  inbox,
  demo: (args) => (args.includes('--month') ? demoMonthCommand(args) : demoCommand(args)),
  directory: directoryCommand,
  bench: benchCommand,
  audit: auditCommand,
  board: boardCommand,
  backup: backupCommand,
  restore: restoreCommand,
};
const run = command ? commands[command] : undefined;
if (!command || command === 'help' || command === '--help' || command === '-h') {
  const topic = command === 'help' ? rest[0] : undefined;
  process.stdout.write(topic && HELP[topic] ? HELP[topic] : USAGE);
  process.exit(0);
}
if (!run) {
  process.stderr.write(`error: unknown command "${command}"\n\n${USAGE}`);
  process.exit(2);
}
if (asksForHelp(rest)) {
  process.stdout.write(HELP[command] ?? USAGE);
  process.exit(0);
}
run(rest).catch((e: unknown) => {
  // parseArgs's own refusals (an unknown option, a missing value) are usage mistakes too.
  const usage = (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  const { text, code } = describeError(usage ? new UsageError((e as Error).message) : e);
  process.stderr.write(text);
  if (usage) process.stderr.write(`(cwtch ${command} --help lists its options)\n`);
  process.exit(code);
});
