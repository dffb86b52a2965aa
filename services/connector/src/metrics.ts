/** A few Prometheus counters, rendered in the text exposition format. */
export class Metrics {
  readonly #counters = new Map<string, { help: string; values: Map<string, number> }>();

  /** Adds `by` to counter `name` with `labels`. */
  inc(name: string, help: string, labels: Record<string, string> = {}, by = 1): void {
    const c = this.#counters.get(name) ?? { help, values: new Map<string, number>() };
    this.#counters.set(name, c);
    const key = Object.entries(labels)
      .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
      .join(',');
    c.values.set(key, (c.values.get(key) ?? 0) + by);
  }

  /** The exposition text. */
  render(gauges: Record<string, number> = {}): string {
    const lines: string[] = [];
    for (const [name, c] of this.#counters) {
      lines.push(`# HELP ${name} ${c.help}`, `# TYPE ${name} counter`);
      for (const [labels, v] of c.values) lines.push(`${name}${labels ? `{${labels}}` : ''} ${v}`);
    }
    for (const [name, v] of Object.entries(gauges)) lines.push(`# TYPE ${name} gauge`, `${name} ${v}`);
    return `${lines.join('\n')}\n`;
  }
}
