import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PipelineResult } from './pipeline.ts';
import { benchMarkdown, benchText, ms, README_END, README_START, replaceReadmeBlock } from './render.ts';
import type { BenchReport } from './report.ts';

const lat = { p50: 10, p95: 20, p99: 30, max: 40 };
const run = (label: string, scenario: string, perSecond: number): PipelineResult => ({
  label,
  scenario,
  notifications: 600,
  deliveries: scenario === 'three' ? 1800 : 600,
  refused: 0,
  seconds: 2,
  notificationsPerSecond: perSecond,
  deliveriesPerSecond: scenario === 'three' ? perSecond * 3 : perSecond,
  acceptMs: lat,
  sendToInboxMs: lat,
  endToEndMs: lat,
  cpuMsPerNotification: 4.5,
  cpuMsPerNotificationBy: { 'nats-server': 1.5, audit: 1, hillside: 2 },
  memory: {},
});
const raw = (how: string, messagesPerSecond: number) => ({
  how,
  messages: 2400,
  messagesPerSecond,
  notificationsPerSecond: messagesPerSecond / 4,
  latencyMs: lat,
});
const report: BenchReport = {
  machine: '2 × Test CPU, 8 GB',
  cores: 2,
  memoryGb: 8,
  kernel: '6.1',
  node: '24.1.0',
  natsServer: '2.15.1',
  at: '2026-12-05T09:00:00.000Z',
  settings: { count: 600 },
  modes: [
    {
      mode: 'durable',
      syncInterval: 'always',
      baseline: {
        appendsPerNotification: 4,
        size: 4200,
        perMessage: raw('per message, 256 in flight', 2400),
        batched: [
          raw('atomic batches of 100, 4 in flight', 12000),
          raw('atomic batches of 500, 2 in flight', 8000),
        ],
        best: 'atomic batches of 100, 4 in flight',
        notificationsPerSecond: 3000,
        atRates: [
          {
            ...raw('per message at 800 appends/s', 800),
            latencyMs: { p50: 1.5, p95: 2.5, p99: 4.25, max: 9 },
            rate: 200,
          },
        ],
      },
      fixed: [run('one: pipeline at 200/s', 'one', 200)],
      scenarios: [
        {
          name: 'one',
          title: 'one',
          routes: [],
          refusedRoutes: [],
          saturation: run('one: saturation', 'one', 300),
          ratio: 0.1,
        },
        {
          name: 'three',
          title: 'three',
          routes: [],
          refusedRoutes: [],
          saturation: run('three: saturation', 'three', 120),
          ratio: 0.12,
        },
      ],
      memory: {
        'nats-server': { rssMb: 40, peakMb: 55.5 },
        audit: { rssMb: 150, peakMb: 170, privateMb: 90 },
      },
    },
  ],
};

/** A table as its cells read, whatever the padding of its columns. */
const plain = (md: string) => md.replace(/ {2,}/g, ' ').replace(/-{3,}/g, '---');

describe('benchMarkdown', () => {
  const md = plain(benchMarkdown(report));

  it('puts both raw figures, the pipeline and the ratio to the best raw figure in one row per mode', () => {
    const row = md.split('\n').find((l) => l.startsWith('| durable'));
    expect(row).toBe(
      '| durable (`sync_interval: always`) | 600 (2,400 appends/s) | 3,000 (12,000 appends/s) | 2,000 (8,000 appends/s) | 300/s | 0.1 | 4.5 ms | 360/s (ratio 0.12) |',
    );
  });

  it('names the machine and versions, and gives each process its CPU and memory', () => {
    expect(md).toContain('2 × Test CPU, 8 GB, Node 24.1.0, nats-server 2.15.1, 2026-12-05');
    expect(md).toContain('| nats-server | 1.5 | 40 (55.5) |');
    expect(md).toContain('| audit | 1 | 150 (170), 90 |');
  });

  it('writes tables whose rows have as many cells as their header', () => {
    const tables = md.split('\n\n').filter((b) => b.startsWith('|'));
    expect(tables).toHaveLength(3);
    for (const t of tables) {
      const widths = t
        .trim()
        .split('\n')
        .map((l) => l.split('|').length);
      expect(new Set(widths).size, t).toBe(1);
    }
  });

  it('puts raw JetStream at each fixed rate above the pipeline at that rate: the floor of its latency', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| durable, '));
    expect(rows).toEqual([
      '| durable, raw JetStream at 200/s (per message at 800 appends/s), publish→consume | 1.5 | 2.5 | 4.25 | – |',
      '| durable, one: pipeline at 200/s | 10 | 20 | 30 | 30 |',
      '| durable, one: saturation | 10 | 20 | 30 | 30 |',
      '| durable, three: saturation | 10 | 20 | 30 | 30 |',
    ]);
  });
});

describe('ms', () => {
  it('keeps two decimals below 100 ms and none above', () => {
    expect(ms(12.34)).toBe('12.34');
    expect(ms(3764.65)).toBe('3,765');
  });
});

describe('benchText', () => {
  it('prints both raw figures and says which one the ratio is against', () => {
    const text = benchText(report);
    expect(text).toContain('raw JetStream, per message, 256 in flight: 2,400 msg/s');
    expect(text).toContain('raw JetStream, atomic batches of 100, 4 in flight: 12,000 msg/s');
    expect(text).toContain('raw JetStream, atomic batches of 500, 2 in flight: 8,000 msg/s');
    expect(text).toContain('raw JetStream, per message at 800 appends/s: 800 msg/s');
    expect(text).toContain(
      'pipeline / baseline: 0.1 (one recipient against raw JetStream, atomic batches of 100, 4 in flight)',
    );
    expect(text).toContain('memory MB, resident (peak): nats-server 40 (55.5), audit 150 (170)');
  });
});

describe('the scale curve', () => {
  const scaled: BenchReport = {
    ...report,
    scale: [
      {
        agencies: 10,
        agreements: 1,
        authorizationBytes: 14_441,
        permissionEntries: 370,
        serverStartMs: 55,
        provisionMs: 310,
        regionStartMs: 640,
        connectMs: 431,
        notifications: 50,
        notificationsPerSecond: 602,
        natsCpuMsPerNotification: 0.4,
        auditCpuMsPerNotification: 1.2,
        natsMemory: { rssMb: 22, peakMb: 22 },
        auditMemory: { rssMb: 110, peakMb: 112 },
      },
      {
        agencies: 100,
        agreements: 10,
        authorizationBytes: 143_300,
        permissionEntries: 3_700,
        serverStartMs: 60,
        provisionMs: 400,
        regionStartMs: 900,
        connectMs: 1500,
        notifications: 480,
        notificationsPerSecond: 300,
        natsCpuMsPerNotification: 0.5,
        auditCpuMsPerNotification: 1.3,
        natsMemory: { rssMb: 40, peakMb: 41 },
        auditMemory: { rssMb: 120, peakMb: 121 },
        failed: 'the share log held 480 of 500 deliveries after 2 minutes',
      },
      {
        agencies: 1000,
        agreements: 100,
        authorizationBytes: 1_433_210,
        permissionEntries: 37_000,
        serverStartMs: 300,
        failed: 'provisioning: maximum consumers limit reached',
      },
    ],
  };

  it('is a table row per point, a point that stopped saying why', () => {
    const md = plain(benchMarkdown(scaled));
    expect(md).toContain(
      '| 10 | 14 KB | 370 | 55 ms | 310 ms | 640 ms | 431 ms | 602 | 0.4 ms | 1.2 ms | 22 (22) | 110 (112) |',
    );
    expect(md).toContain(
      '| 100 | 140 KB | 3,700 | 60 ms | 400 ms | 900 ms | 1,500 ms | stopped: the share log held 480 of 500 deliveries after 2 minutes | 0.5 ms | 1.3 ms | 40 (41) | 120 (121) |',
    );
    expect(md).toContain(
      '| 1,000 | 1,400 KB | 37,000 | 300 ms | stopped: provisioning: maximum consumers limit reached | – | – | – | – | – | – | – |',
    );
  });

  it('is printed a line per point', () => {
    expect(benchText(scaled)).toContain(
      'scale, 10 simulated agencies (1 agreement): authorization 14,441 bytes, 370 allow entries; nats-server start 55 ms, provision 310 ms; region with the audit service up in 640 ms, connect all 431 ms; 602 notifications/s (sealed, opened, receipted, share and receipt logged), CPU per notification nats-server 0.4 ms, audit 1.2 ms; nats-server 22 MB resident (peak 22), audit 110 MB resident (peak 112)',
    );
    expect(benchText(scaled)).toContain(
      '; stopped: the share log held 480 of 500 deliveries after 2 minutes',
    );
    expect(benchText(scaled)).toContain(
      'scale, 1,000 simulated agencies (100 agreements): authorization 1,433,210 bytes, 37,000 allow entries; nats-server start 300 ms; stopped: provisioning: maximum consumers limit reached',
    );
  });
});

describe('replaceReadmeBlock', () => {
  const readme = `# Title\n\nbefore\n\n${README_START}\n\nold table\n\n${README_END}\n\nafter\n`;

  it('replaces only what is between the markers, keeping them', () => {
    expect(replaceReadmeBlock(readme, '| new |\n')).toBe(
      `# Title\n\nbefore\n\n${README_START}\n\n| new |\n\n${README_END}\n\nafter\n`,
    );
  });

  it('gives the same README when run twice', () => {
    const once = replaceReadmeBlock(readme, 'table')!;
    expect(replaceReadmeBlock(once, 'table')).toBe(once);
  });

  it('finds the block in the project README, once, and keeps everything around it', () => {
    const project = readFileSync(new URL('../../../../../README.md', import.meta.url), 'utf8');
    expect(project.split(README_START)).toHaveLength(2);
    const replaced = replaceReadmeBlock(project, '| new |')!;
    expect(replaced.slice(0, project.indexOf(README_START))).toBe(
      project.slice(0, project.indexOf(README_START)),
    );
    expect(replaced.slice(replaced.indexOf(README_END))).toBe(project.slice(project.indexOf(README_END)));
  });

  it('answers undefined for a README without the block, or with the end marker first', () => {
    expect(replaceReadmeBlock('# Title\n', 'table')).toBeUndefined();
    expect(replaceReadmeBlock(`${README_END}\n${README_START}\n`, 'table')).toBeUndefined();
  });
});

describe('a scale curve alone (--mode none)', () => {
  it('writes no empty mode tables', () => {
    const md = plain(
      benchMarkdown({
        ...report,
        modes: [],
        scale: [
          { agencies: 10, agreements: 1, authorizationBytes: 1, permissionEntries: 1, serverStartMs: 1 },
        ],
      }),
    );
    expect(md).not.toContain('send→inbox');
    expect(md).toContain('| agencies |');
  });
});
