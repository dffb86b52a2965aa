/** One parsed sample line. */
export interface ParsedSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** One metric family as exposed: its help, type and samples. */
export interface ParsedFamily {
  readonly name: string;
  readonly help: string;
  readonly type: string;
  readonly samples: ParsedSample[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The family a sample name belongs to, given the family's type (histogram and summary suffixes). */
function familyOf(sample: string, families: ReadonlyMap<string, ParsedFamily>): string {
  for (const suffix of ['_bucket', '_sum', '_count']) {
    const base = sample.slice(0, -suffix.length);
    const f = sample.endsWith(suffix) ? families.get(base) : undefined;
    if (f && (f.type === 'histogram' || (f.type === 'summary' && suffix !== '_bucket'))) return base;
  }
  return sample;
}

function parseValue(s: string, where: string): number {
  if (s === 'NaN') return Number.NaN;
  if (s === '+Inf' || s === 'Inf') return Number.POSITIVE_INFINITY;
  if (s === '-Inf') return Number.NEGATIVE_INFINITY;
  if (!FLOAT.test(s)) throw new Error(`${where}: invalid value ${JSON.stringify(s)}`);
  return Number(s);
}

/** Parses `{a="x",b="y"}` from `text` at `start` (just after `{`); returns the labels and the end. */
function parseLabels(text: string, start: number, where: string): [Record<string, string>, number] {
  const labels: Record<string, string> = {};
  let i = start;
  for (;;) {
    if (text[i] === '}') return [labels, i + 1];
    const eq = text.indexOf('=', i);
    if (eq < 0) throw new Error(`${where}: label without a value`);
    const name = text.slice(i, eq);
    if (!LABEL_NAME.test(name) || name.startsWith('__'))
      throw new Error(`${where}: invalid label name ${name}`);
    if (name in labels) throw new Error(`${where}: label ${name} given twice`);
    if (text[eq + 1] !== '"') throw new Error(`${where}: label ${name} value is not quoted`);
    let value = '';
    let j = eq + 2;
    for (; ; j++) {
      const ch = text[j];
      if (ch === undefined) throw new Error(`${where}: unterminated label value`);
      if (ch === '"') break;
      if (ch === '\\') {
        const next = text[++j];
        if (next === '\\' || next === '"') value += next;
        else if (next === 'n') value += '\n';
        else throw new Error(`${where}: invalid escape \\${next ?? ''} in label ${name}`);
      } else value += ch;
    }
    labels[name] = value;
    i = j + 1;
    if (text[i] === ',') i++;
    else if (text[i] !== '}') throw new Error(`${where}: expected , or } after label ${name}`);
  }
}

function unescapeHelp(s: string, where: string): string {
  return s.replace(/\\(.?)/g, (_, c: string) => {
    if (c === '\\') return '\\';
    if (c === 'n') return '\n';
    throw new Error(`${where}: invalid escape \\${c} in HELP`);
  });
}

/**
 * Parses Prometheus text exposition (format 0.0.4) strictly, and stricter than scrapers do: every
 * family has exactly one `# HELP` and one `# TYPE`, both before its first sample; a family's samples
 * are contiguous; names, label names and escapes are valid; no series (name and label set) appears
 * twice; counters end in `_total` and nothing else does (promtool's lint); the text ends with a
 * newline. Throws with the line number on the first breach.
 */
export function parsePrometheusText(text: string): Map<string, ParsedFamily> {
  if (text.length > 0 && !text.endsWith('\n')) throw new Error('the exposition does not end with a newline');
  const families = new Map<string, ParsedFamily>();
  const helps = new Set<string>();
  const closed = new Set<string>();
  const series = new Set<string>();
  let current: string | undefined;
  const lines = text.split('\n').slice(0, -1);
  lines.forEach((line, n) => {
    const where = `line ${n + 1}`;
    const enter = (name: string) => {
      if (current !== name) {
        if (closed.has(name)) throw new Error(`${where}: family ${name} is not contiguous`);
        if (current) closed.add(current);
        current = name;
      }
    };
    if (line.trim() === '') return;
    if (line.startsWith('#')) {
      const m = /^# (HELP|TYPE) (\S+)(?: (.*))?$/.exec(line);
      if (!m) {
        if (/^#\s*(HELP|TYPE)\b/.test(line)) throw new Error(`${where}: malformed ${line}`);
        return;
      }
      const [, what, name, rest = ''] = m as unknown as [string, string, string, string?];
      if (!METRIC_NAME.test(name)) throw new Error(`${where}: invalid metric name ${name}`);
      enter(name);
      const f = families.get(name) ?? { name, help: '', type: '', samples: [] };
      families.set(name, f);
      if (f.samples.length > 0) throw new Error(`${where}: ${what} for ${name} after its samples`);
      if (what === 'HELP') {
        if (helps.has(name)) throw new Error(`${where}: second HELP for ${name}`);
        if (rest.trim() === '') throw new Error(`${where}: empty HELP for ${name}`);
        helps.add(name);
        families.set(name, { ...f, help: unescapeHelp(rest, where) });
      } else {
        if (f.type) throw new Error(`${where}: second TYPE for ${name}`);
        if (!TYPES.has(rest)) throw new Error(`${where}: unknown TYPE ${rest} for ${name}`);
        if ((rest === 'counter') !== name.endsWith('_total'))
          throw new Error(`${where}: ${name}: counters, and only counters, end in _total`);
        families.set(name, { ...f, type: rest });
      }
      return;
    }
    const nameEnd = line.search(/[{ ]/);
    if (nameEnd <= 0) throw new Error(`${where}: not a sample: ${line}`);
    const name = line.slice(0, nameEnd);
    if (!METRIC_NAME.test(name)) throw new Error(`${where}: invalid metric name ${name}`);
    let labels: Record<string, string> = {};
    let i = nameEnd;
    if (line[i] === '{') [labels, i] = parseLabels(line, i + 1, where);
    if (line[i] !== ' ') throw new Error(`${where}: expected a space before the value`);
    const fields = line.slice(i + 1).split(' ');
    if (fields.length > 2 || (fields[1] !== undefined && !/^-?\d+$/.test(fields[1])))
      throw new Error(`${where}: expected a value and an optional integer timestamp`);
    const value = parseValue(fields[0] ?? '', where);
    const family = familyOf(name, families);
    enter(family);
    const f = families.get(family);
    if (!f?.type || !helps.has(family)) throw new Error(`${where}: sample ${name} before its HELP and TYPE`);
    const key = `${name}${JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)))}`;
    if (series.has(key)) throw new Error(`${where}: duplicate series ${name}${JSON.stringify(labels)}`);
    series.add(key);
    f.samples.push({ name, labels, value });
  });
  for (const f of families.values())
    if (!f.type || !helps.has(f.name)) throw new Error(`family ${f.name} lacks HELP or TYPE`);
  return families;
}

/** The value of the sample `name` whose labels include `labels`, or undefined. */
export function sampleValue(
  families: ReadonlyMap<string, ParsedFamily>,
  name: string,
  labels: Readonly<Record<string, string>> = {},
): number | undefined {
  for (const f of families.values())
    for (const s of f.samples)
      if (s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)) return s.value;
  return undefined;
}
