#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { OWNER_ONLY_UMASK } from '@cwtch/runtime';
import { CwtchApiError } from '@cwtch/sdk';
import { auditCommand } from './commands/audit.ts';
import { benchCommand } from './commands/bench/bench.ts';
import { boardCommand } from './commands/board.ts';
import { demoCommand, demoIssuer, playDemo } from './commands/demo.ts';
import { DEMO_HELP, demoMonthCommand } from './commands/demo-month.ts';
import { startDevRegion } from './commands/dev.ts';
import { directoryCommand } from './commands/directory.ts';
import { regionClient } from './commands/region-client.ts';

const USAGE = `cwtch: the Cwtch command line

  cwtch dev [--data DIR] [--sync always|2m] [--tls] [--demo]   start the demo region (default DIR .cwtch/dev);
                                                      --demo plays the stories of DESIGN §1 into it
  cwtch demo --region FILE                            play the demo stories into a running region
  cwtch demo --month [--region FILE] [--seed N]       a synthetic month of traffic (dozens of children,
                                                      hundreds of notifications; see cwtch demo --help)
  cwtch send --region FILE --as AGENCY --kind KIND --file PAYLOAD.json [--to A,B] [--purpose P]
  cwtch inbox --region FILE --as AGENCY [--status new|acknowledged] [--json]
  cwtch audit export [--region FILE] [--out BUNDLE]     an evidence bundle (JSON lines)
  cwtch audit verify BUNDLE [--trust FILE | --region FILE]   offline check; exit 1 on any finding
  cwtch audit disclose BUNDLE --id ID --key CONTENT-KEY     open exactly one disclosed share
  cwtch board send --month YYYY-MM [--region FILE] [--as AGENCY]   the board's figures, on demand
  cwtch bench [--mode both|durable|default] [--count N] [--rate R] [--seconds S] [--out DIR]
  cwtch directory show [--data DIR] [--json]
  cwtch directory rotate --agency A --use sig|enc [--overlap-days 7] [--data DIR]
  cwtch directory revoke --kid K --reason R [--at ISO-TIME] [--data DIR]
`;

async function dev(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string', default: '.cwtch/dev' },
      sync: { type: 'string' },
      tls: { type: 'boolean' },
      cluster: { type: 'string' },
      demo: { type: 'boolean' },
    },
  });
  const started = Date.now();
  const { region, stop } = await startDevRegion({
    dataDir: values.data!,
    ...(values.sync ? { syncInterval: values.sync } : {}),
    ...(values.tls ? { tls: true } : {}),
    ...(values.cluster ? { cluster: Number(values.cluster) } : {}),
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
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('stopping the region...\n');
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

async function send(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      region: { type: 'string', default: '.cwtch/dev/region.json' },
      as: { type: 'string' },
      kind: { type: 'string' },
      file: { type: 'string' },
      to: { type: 'string' },
      purpose: { type: 'string' },
    },
  });
  if (!values.as || !values.kind || !values.file) throw new Error('send needs --as, --kind and --file');
  const client = await regionClient(values.region!, values.as);
  const payload = JSON.parse(await readFile(values.file, 'utf8'));
  const res = await client.send({
    kind: values.kind,
    payload,
    ...(values.to ? { recipients: values.to.split(',').map((s) => s.trim()) } : {}),
    ...(values.purpose ? { purpose: values.purpose } : {}),
  });
  process.stdout.write(`${JSON.stringify(res)}\n`);
}

async function inbox(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      region: { type: 'string', default: '.cwtch/dev/region.json' },
      as: { type: 'string' },
      status: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (!values.as) throw new Error('inbox needs --as');
  const client = await regionClient(values.region!, values.as, 'frontdoor');
  const items = await client.inbox(
    values.status === 'new' || values.status === 'acknowledged' ? { status: values.status } : {},
  );
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
  send,
  inbox,
  demo: (args) => (args.includes('--month') ? demoMonthCommand(args) : demoCommand(args)),
  directory: directoryCommand,
  bench: benchCommand,
  audit: auditCommand,
  board: boardCommand,
};
const run = command ? commands[command] : undefined;
if (command === 'demo' && (rest.includes('--help') || rest.includes('-h'))) {
  process.stdout.write(DEMO_HELP);
  process.exit(0);
}
if (!run) {
  process.stdout.write(USAGE);
  process.exit(command && command !== 'help' && command !== '--help' ? 2 : 0);
}
run(rest).catch((e: unknown) => {
  if (e instanceof CwtchApiError) {
    process.stderr.write(`error ${e.status} ${e.message}\n`);
    for (const i of e.issues ?? []) process.stderr.write(`  ${i.path.join('.')}: ${i.message}\n`);
  } else process.stderr.write(`error: ${(e as Error).message}\n`);
  process.exit(1);
});
