import type { BenchReport } from './report.ts';

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** Horizontal bars with labels and values, as SVG elements, starting at `y`. */
function bars(
  title: string,
  rows: readonly { label: string; value: number; color: string }[],
  unit: string,
  y: number,
): { svg: string; height: number } {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const parts = [`<text x="20" y="${y + 16}" font-size="15" font-weight="bold">${esc(title)}</text>`];
  rows.forEach((r, i) => {
    const top = y + 30 + i * 26;
    const width = Math.max(1, (r.value / max) * 420);
    parts.push(
      `<text x="20" y="${top + 14}" font-size="12">${esc(r.label)}</text>`,
      `<rect x="300" y="${top}" width="${width.toFixed(1)}" height="18" fill="${r.color}"/>`,
      `<text x="${(306 + width).toFixed(1)}" y="${top + 14}" font-size="12">${esc(`${r.value} ${unit}`)}</text>`,
    );
  });
  return { svg: parts.join('\n'), height: 40 + rows.length * 26 };
}

/** An SVG chart of a bench report: throughput beside the raw baselines, latency, CPU and memory by process. */
export function benchChart(report: BenchReport): string {
  const blocks: string[] = [];
  let y = 50;
  const add = (b: { svg: string; height: number }) => {
    blocks.push(b.svg);
    y += b.height + 10;
  };
  add(
    bars(
      'Throughput, notifications per second (raw: appends ÷ 4)',
      report.modes.flatMap((m) => [
        {
          label: `${m.mode}: raw JetStream, per message`,
          value: m.baseline.perMessage.notificationsPerSecond,
          color: '#c3cbd3',
        },
        ...m.baseline.batched.map((r) => ({
          label: `${m.mode}: raw JetStream, batches ${r.how.replace(/^atomic batches of (\d+), (\d+) in flight$/, '$1×$2')}`,
          value: r.notificationsPerSecond,
          color: '#9aa5b1',
        })),
        ...m.scenarios.map((s) => ({
          label: `${m.mode}: pipeline, ${s.name === 'one' ? 'one recipient' : s.name === 'three' ? 'three recipients (copies)' : 'many senders'}`,
          value: s.saturation.deliveriesPerSecond,
          color: s.name === 'one' ? '#2f6f8f' : '#4f97bb',
        })),
      ]),
      '/s',
      y,
    ),
  );
  for (const m of report.modes) {
    const one = m.scenarios.find((s) => s.name === 'one')?.saturation;
    add(
      bars(
        `${m.mode}: latency at ${m.fixed.map((f) => f.label.replace(/^.*pipeline at /, '')).join(' and ')} and at saturation (ms)`,
        [
          ...m.fixed.flatMap((f) => {
            const at = f.label.replace(/^.*pipeline at /, '');
            return [
              { label: `send→inbox p50 at ${at}`, value: f.sendToInboxMs.p50, color: '#7fb8d4' },
              { label: `send→inbox p99 at ${at}`, value: f.sendToInboxMs.p99, color: '#2f6f8f' },
              { label: `send→log p99 at ${at}`, value: f.endToEndMs.p99, color: '#1d4a60' },
            ];
          }),
          ...(one
            ? [{ label: 'send→inbox p99 (saturation)', value: one.sendToInboxMs.p99, color: '#b5651d' }]
            : []),
          {
            label: 'raw publish→consume p99, fastest',
            value: [m.baseline.perMessage, ...m.baseline.batched].find((r) => r.how === m.baseline.best)!
              .latencyMs.p99,
            color: '#9aa5b1',
          },
        ],
        'ms',
        y,
      ),
    );
  }
  for (const m of report.modes) {
    const one = m.scenarios.find((s) => s.name === 'one')?.saturation;
    if (!one) continue;
    add(
      bars(
        `${m.mode}: CPU ms per notification by process, one recipient at saturation (all: ${one.cpuMsPerNotification})`,
        Object.entries(one.cpuMsPerNotificationBy)
          .sort(([, a], [, b]) => b - a)
          .map(([label, value]) => ({ label, value, color: '#8f5a2f' })),
        'ms',
        y,
      ),
    );
  }
  const first = report.modes[0];
  if (first)
    add(
      bars(
        `Memory at the end of the ${first.mode} runs, resident MB by process`,
        Object.entries(first.memory)
          .sort(([, a], [, b]) => b.rssMb - a.rssMb)
          .map(([label, m]) => ({ label, value: m.rssMb, color: '#6b7f3a' })),
        'MB',
        y,
      ),
    );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${y + 20}" font-family="sans-serif" role="img" aria-label="Cwtch benchmark">`,
    '<rect width="100%" height="100%" fill="#ffffff"/>',
    `<text x="20" y="28" font-size="18" font-weight="bold">${esc(`cwtch bench, ${report.machine}`)}</text>`,
    ...blocks,
    '</svg>',
    '',
  ].join('\n');
}
