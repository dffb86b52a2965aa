import { describe, expect, it } from 'vitest';
import { parseMemory, percentiles } from './stats.ts';

describe('percentiles', () => {
  it('takes the nearest rank of the sorted sample', () => {
    const sample = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(sample)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100 });
  });

  it('answers zeros for an empty sample', () => {
    expect(percentiles([])).toEqual({ p50: 0, p95: 0, p99: 0, max: 0 });
  });
});

describe('parseMemory', () => {
  it('reads resident and peak memory in MB from /proc/PID/status, and the private part where given', () => {
    const status = 'Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t  153600 kB\nThreads:\t11\n';
    expect(parseMemory(status)).toEqual({ rssMb: 150, peakMb: 200 });
    const split = `${status}RssAnon:\t   92160 kB\nRssFile:\t   61440 kB\n`;
    expect(parseMemory(split)).toEqual({ rssMb: 150, peakMb: 200, privateMb: 90 });
  });

  it('answers undefined for a process without memory figures (a zombie)', () => {
    expect(parseMemory('Name:\tnode\nState:\tZ (zombie)\n')).toBeUndefined();
  });
});
