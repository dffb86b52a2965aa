/** A Prometheus metric type this project exposes. */
export const MetricType = { counter: 'counter', gauge: 'gauge' } as const;
export type MetricType = (typeof MetricType)[keyof typeof MetricType];

/** One sample of a family: its labels and value. */
export interface MetricSample {
  readonly labels?: Readonly<Record<string, string>>;
  readonly value: number;
}

/** A metric family: every sample of one name, with its help text and type. */
export interface MetricFamily {
  readonly name: string;
  readonly help: string;
  readonly type: MetricType;
  readonly samples: readonly MetricSample[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const escapeHelp = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const escapeLabel = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return '+Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(v);
}

function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [k] of entries)
    if (!LABEL_NAME.test(k) || k.startsWith('__')) throw new Error(`invalid metric label name ${k}`);
  return entries.length === 0 ? '' : `{${entries.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
}

/**
 * Renders metric families in the Prometheus text exposition format (version 0.0.4): each family's
 * `# HELP` and `# TYPE` before its samples, label values escaped, one line per distinct label set.
 * Counters are named `*_total` and nothing else is, as `promtool check metrics` expects.
 *
 * @example
 * ```ts
 * renderMetrics([{ name: 'cwtch_up', help: 'Whether the service runs', type: 'gauge', samples: [{ value: 1 }] }]);
 * ```
 */
export function renderMetrics(families: readonly MetricFamily[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const f of families) {
    if (!METRIC_NAME.test(f.name)) throw new Error(`invalid metric name ${f.name}`);
    if (seen.has(f.name)) throw new Error(`metric family ${f.name} rendered twice`);
    if ((f.type === MetricType.counter) !== f.name.endsWith('_total'))
      throw new Error(`metric ${f.name}: counters, and only counters, end in _total`);
    seen.add(f.name);
    lines.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`);
    const series = new Set<string>();
    for (const s of f.samples) {
      const labels = formatLabels(s.labels);
      if (series.has(labels)) throw new Error(`metric ${f.name}${labels} has two samples`);
      series.add(labels);
      lines.push(`${f.name}${labels} ${formatValue(s.value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
