import { describe, expect, it } from 'vitest';
import { progressBar, renderProgress } from './progress-bar.ts';

describe('progressBar', () => {
  it('renders the bar, the percentage and the counts', () => {
    expect(renderProgress(450_000, 1_000_000)).toBe('[#####.....] 45% 450000/1000000 entries');
    expect(renderProgress(0, 10)).toBe('[..........] 0% 0/10 entries');
    expect(renderProgress(0, 0)).toBe('[##########] 100% 0/0 entries');
  });

  it('redraws in place at most every 100 ms, always for the last entry, and ends the line', () => {
    const written: string[] = [];
    let clock = 0;
    const bar = progressBar(1000, { stream: { write: (t: string) => written.push(t) }, now: () => clock });
    bar.update(100);
    clock = 50;
    bar.update(200);
    clock = 150;
    bar.update(300);
    bar.update(1000);
    bar.finish();
    expect(written).toEqual([
      '\r[#.........] 10% 100/1000 entries',
      '\r[###.......] 30% 300/1000 entries',
      '\r[##########] 100% 1000/1000 entries',
      '\r[##########] 100% 1000/1000 entries',
      '\n',
    ]);
  });
});
