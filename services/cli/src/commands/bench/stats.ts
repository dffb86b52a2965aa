import { readFileSync } from 'node:fs';

/** Latency percentiles in milliseconds. */
export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Percentiles of a sample (nearest rank). */
export function percentiles(samples: readonly number[]): Percentiles {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? 0;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(s.at(-1) ?? 0) };
}

const TICKS = 100;

/** CPU seconds (user + system) a process has used so far, from /proc; 0 when it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** CPU seconds of a set of processes. */
export function totalCpu(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
}

/** A one-line progress indicator on stderr (only on a terminal). */
export function progress(label: string, done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / Math.max(1, total)) * width);
  process.stderr.write(
    `\r${label.padEnd(34)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}   `,
  );
  if (done >= total) process.stderr.write('\n');
}

/**
 * A process's memory in MB: resident now (VmRSS) and its peak (VmHWM), and of the resident the
 * part that is its own (RssAnon), without the pages mapped from files such as the node binary,
 * which every process of the region shares.
 */
export interface Memory {
  readonly rssMb: number;
  readonly peakMb: number;
  readonly privateMb?: number;
}

/** Reads VmRSS, VmHWM and RssAnon from a `/proc/PID/status` text; undefined when either of the first two is missing. */
export function parseMemory(status: string): Memory | undefined {
  const kb = (field: string) => {
    const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return m ? Number(m[1]) : undefined;
  };
  const rss = kb('VmRSS');
  const peak = kb('VmHWM');
  const own = kb('RssAnon');
  if (rss === undefined || peak === undefined) return undefined;
  const mb = (x: number) => Math.round(x / 102.4) / 10;
  return { rssMb: mb(rss), peakMb: mb(peak), ...(own === undefined ? {} : { privateMb: mb(own) }) };
}

/** A running process's memory, from /proc; undefined when it is gone. */
export function memoryOf(pid: number): Memory | undefined {
  try {
    return parseMemory(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return undefined;
  }
}
