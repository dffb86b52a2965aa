import type { BenchReport, ModeReport, ScenarioReport } from './report.ts';
import type { ScalePoint } from './scale.ts';
import type { Memory, Percentiles } from './stats.ts';

const n = (x: number) => x.toLocaleString('en-GB');
const p3 = (x: Percentiles) => `${x.p50} / ${x.p95} / ${x.p99}`;
const modeName = (m: ModeReport) =>
  m.syncInterval === 'always' ? `${m.mode} (\`sync_interval: always\`)` : `${m.mode} (\`${m.syncInterval}\`)`;

/** The one-recipient scenario, the one the ratio in the headline is about. */
function main(m: ModeReport): ScenarioReport | undefined {
  return m.scenarios.find((s) => s.name === 'one');
}

/** Milliseconds to two decimals below 100, whole above. */
export const ms = (x: number) => (x >= 100 ? n(Math.round(x)) : String(x));
const opt = (x: number | undefined, unit = '') => (x === undefined ? '–' : `${n(x)}${unit}`);

const mb = (m: Memory | undefined) => (m ? `${m.rssMb} (${m.peakMb})` : '–');
const cpu = (x: number | undefined) => (x === undefined ? '–' : `${x} ms`);
const memoryText = (m: Memory | undefined) =>
  m ? `${m.rssMb} MB resident (peak ${m.peakMb})` : 'memory unknown';

function scaleLine(p: ScalePoint): string {
  const head = `${n(p.agencies)} simulated agencies (${p.agreements} agreement${p.agreements === 1 ? '' : 's'}): authorization ${n(p.authorizationBytes)} bytes, ${n(p.permissionEntries)} allow entries; nats-server start ${p.serverStartMs} ms`;
  if (p.failed && p.notifications === undefined)
    return `${head}; stopped: ${p.failed}; nats-server ${memoryText(p.natsMemory)}`;
  return [
    `${head}, provision ${opt(p.provisionMs)} ms`,
    `region with the audit service up in ${opt(p.regionStartMs)} ms, connect all ${opt(p.connectMs)} ms`,
    `${opt(p.notificationsPerSecond)} notifications/s (sealed, opened, receipted, share and receipt logged), CPU per notification nats-server ${opt(p.natsCpuMsPerNotification)} ms, audit ${opt(p.auditCpuMsPerNotification)} ms`,
    `nats-server ${memoryText(p.natsMemory)}, audit ${memoryText(p.auditMemory)}`,
    ...(p.failed ? [`stopped: ${p.failed}`] : []),
  ].join('; ');
}

/** The bench's printed report, plain text. */
export function benchText(report: BenchReport): string {
  const lines = [
    `cwtch bench on ${report.machine}, Node ${report.node}, nats-server ${report.natsServer}, ${report.at}`,
    '',
  ];
  for (const m of report.modes) {
    const b = m.baseline;
    lines.push(`${m.mode} (sync_interval: ${m.syncInterval})`);
    for (const r of [b.perMessage, ...b.batched, ...(b.atRates ?? [])])
      lines.push(
        `  raw JetStream, ${r.how}: ${n(r.messagesPerSecond)} msg/s = ${n(r.notificationsPerSecond)} notification-equivalents/s (${b.appendsPerNotification} appends each); publish→consume p50/p95/p99 ${p3(r.latencyMs)} ms`,
      );
    for (const r of [...m.fixed, ...m.scenarios.map((s) => s.saturation)]) {
      lines.push(
        `  ${r.label}: ${n(r.notificationsPerSecond)} notifications/s, ${n(r.deliveriesPerSecond)} copies/s (${r.notifications} in ${r.seconds} s, ${r.refused} refused)`,
        `    accept p50/p95/p99 ${p3(r.acceptMs)} ms; send→inbox ${p3(r.sendToInboxMs)} ms; send→log ${p3(r.endToEndMs)} ms; CPU ${r.cpuMsPerNotification} ms per notification`,
        `    CPU ms per notification by process: ${Object.entries(r.cpuMsPerNotificationBy)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      );
    }
    for (const s of m.scenarios) {
      lines.push(`  ${s.name}: ${s.title}; copies/s over the best raw figure: ${s.ratio}`);
      for (const r of s.refusedRoutes)
        lines.push(`    left out: ${r.route.from} → ${r.route.to.join(', ')} ${r.route.kind}: ${r.reason}`);
    }
    const one = main(m);
    if (one)
      lines.push(`  pipeline / baseline: ${one.ratio} (one recipient against raw JetStream, ${b.best})`);
    lines.push(
      `  memory MB, resident (peak): ${Object.entries(m.memory)
        .map(([k, v]) => `${k} ${v.rssMb} (${v.peakMb})`)
        .join(', ')}`,
      '',
    );
  }
  for (const p of report.scale ?? []) lines.push(`scale, ${scaleLine(p)}`);
  return lines.join('\n');
}

/** A markdown table with its columns padded to one width, as the formatter writes it. */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const width = (cell: string) => [...cell].length;
  const widths = head.map((h, i) => Math.max(3, width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const row = (cells: readonly string[]) =>
    `| ${widths.map((w, i) => (cells[i] ?? '') + ' '.repeat(w - width(cells[i] ?? ''))).join(' | ')} |`;
  return [row(head), row(widths.map((w) => '-'.repeat(w))), ...rows.map(row)];
}

/** The bench's markdown report (docs/bench/bench.md, and the README's bench block). */
export function benchMarkdown(report: BenchReport): string {
  const out = [
    `Measured by \`cwtch bench\` on ${report.machine}, Node ${report.node}, nats-server ${report.natsServer}, ${report.at.slice(0, 10)} (\`docs/bench/bench.json\`; ${Object.entries(
      report.settings,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}).`,
    '',
  ];
  if (report.modes.length > 0) {
    const first = report.modes[0];
    const scenarioTitles = first?.scenarios.filter((s) => s.name !== 'one') ?? [];
    out.push(
      ...table(
        [
          '',
          `raw JetStream, ${first?.baseline.perMessage.how ?? 'per message'}`,
          ...(first?.baseline.batched ?? []).map((r) => `raw JetStream, ${r.how}`),
          'pipeline at saturation, one recipient',
          'ratio to the best raw',
          'CPU per notification',
          ...scenarioTitles.map(
            (s) => `${s.name === 'three' ? 'three recipients' : 'many senders'}, copies/s`,
          ),
        ],
        report.modes.map((m) => {
          const one = main(m);
          const raw = (r: { notificationsPerSecond: number; messagesPerSecond: number }) =>
            `${n(r.notificationsPerSecond)} (${n(r.messagesPerSecond)} appends/s)`;
          return [
            modeName(m),
            raw(m.baseline.perMessage),
            ...m.baseline.batched.map(raw),
            one ? `${n(one.saturation.notificationsPerSecond)}/s` : '',
            one ? String(one.ratio) : '',
            one ? `${one.saturation.cpuMsPerNotification} ms` : '',
            ...scenarioTitles.map((t) => {
              const s = m.scenarios.find((x) => x.name === t.name);
              return s ? `${n(s.saturation.deliveriesPerSecond)}/s (ratio ${s.ratio})` : '';
            }),
          ];
        }),
      ),
      '',
      `Raw figures are notification-equivalents per second (appends ÷ 4: share copy, delivered receipt and the log entry of each); the ratio is the pipeline over the fastest raw figure (${report.modes.map((m) => `${m.mode}: ${m.baseline.best}`).join('; ')}).`,
      '',
      ...table(
        ['send→inbox, ms', 'p50', 'p95', 'p99', 'send→log p99'],
        report.modes.flatMap((m) => [
          // The floor at each fixed rate: raw JetStream publish→consume for the same appends/s.
          ...(m.baseline.atRates ?? []).map((r) => [
            `${m.mode}, raw JetStream at ${n(r.rate)}/s (${r.how}), publish→consume`,
            ms(r.latencyMs.p50),
            ms(r.latencyMs.p95),
            ms(r.latencyMs.p99),
            '–',
          ]),
          ...[...m.fixed, ...m.scenarios.map((s) => s.saturation)].map((r) => [
            `${m.mode}, ${r.label}`,
            ms(r.sendToInboxMs.p50),
            ms(r.sendToInboxMs.p95),
            ms(r.sendToInboxMs.p99),
            ms(r.endToEndMs.p99),
          ]),
        ]),
      ),
      '',
      "send→inbox runs from the HTTP send to the time the recipient's signed `delivered` receipt states (taken once the copy is committed to its inbox); send→log to the moment the bench's operator connection sees the receipt's log entry, so it also holds any pause of the bench's own process.",
      '',
    );
    const processes = [...new Set(report.modes.flatMap((m) => Object.keys(m.memory)))];
    out.push(
      ...table(
        [
          'process',
          ...report.modes.map((m) => `${m.mode}: CPU ms per notification (one recipient)`),
          ...report.modes.map((m) => `${m.mode}: resident MB (peak), private`),
        ],
        processes.map((p) => [
          p,
          ...report.modes.map((m) => String(main(m)?.saturation.cpuMsPerNotificationBy[p] ?? '–')),
          ...report.modes.map((m) => {
            const mem = m.memory[p];
            if (!mem) return '–';
            return `${mem.rssMb} (${mem.peakMb})${mem.privateMb === undefined ? '' : `, ${mem.privateMb}`}`;
          }),
        ]),
      ),
      '',
      "Private is the part of the resident memory that is the process's own; the rest is mapped from files (the node or nats-server binary and its libraries), which the processes of the region share.",
      '',
    );
  }
  if (report.scale?.length)
    out.push(
      'Scale with simulated agencies (nkey users with their agreement permissions, an inbox consumer each; nats-server and the audit service as `cwtch dev` runs them, durable; each agency seals and signs shares to a partner, which authenticates, opens and receipts them):',
      '',
      ...table(
        [
          'agencies',
          'authorization',
          'allow entries',
          'server start',
          'provision',
          'region up, with the audit service',
          'connect all',
          'notifications/s',
          'CPU per notification: nats-server',
          'CPU per notification: audit',
          'nats-server resident MB (peak)',
          'audit resident MB (peak)',
        ],
        report.scale.map((p) => [
          n(p.agencies),
          `${n(Math.round(p.authorizationBytes / 1024))} KB`,
          n(p.permissionEntries),
          `${n(p.serverStartMs)} ms`,
          p.failed && p.provisionMs === undefined ? `stopped: ${p.failed}` : opt(p.provisionMs, ' ms'),
          opt(p.regionStartMs, ' ms'),
          opt(p.connectMs, ' ms'),
          p.failed && p.provisionMs !== undefined ? `stopped: ${p.failed}` : opt(p.notificationsPerSecond),
          cpu(p.natsCpuMsPerNotification),
          cpu(p.auditCpuMsPerNotification),
          mb(p.natsMemory),
          mb(p.auditMemory),
        ]),
      ),
      '',
    );
  return out.join('\n');
}

/** The README's bench block markers. */
export const README_START = '<!-- bench:start -->';
export const README_END = '<!-- bench:end -->';

/** The README with the text between its bench markers replaced; undefined when it has no block. */
export function replaceReadmeBlock(readme: string, markdown: string): string | undefined {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END, start + README_START.length);
  if (start < 0 || end < 0) return undefined;
  return `${readme.slice(0, start + README_START.length)}\n\n${markdown.trim()}\n\n${readme.slice(end)}`;
}
