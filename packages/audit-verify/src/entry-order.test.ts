import { describe, expect, it } from 'vitest';
import { EntryOrder } from './entry-order.ts';
import { FindingSink } from './finding.ts';

function run(size: number, indices: number[]): string[] {
  const sink = new FindingSink();
  const order = new EntryOrder(size);
  indices.forEach((index, position) => {
    order.see(index, position, sink);
  });
  order.finish(sink);
  return sink.findings().map((f) => `${f.code}@${f.index}`);
}

describe('EntryOrder', () => {
  it('accepts 0..size-1 in order', () => {
    expect(run(5, [0, 1, 2, 3, 4])).toEqual([]);
  });

  it('names one finding per fault, resynchronising after a jump', () => {
    expect(run(6, [0, 1, 3, 4, 5])).toEqual(['ENTRY_MISSING@2']);
    expect(run(6, [0, 2, 1, 3, 4, 5])).toEqual(['ENTRY_OUT_OF_ORDER@1']);
    expect(run(4, [0, 1, 1, 2, 3])).toEqual(['ENTRY_DUPLICATED@1']);
    expect(run(3, [0, 1, 2, 3, 3])).toEqual(['ENTRY_BEYOND_SIZE@3', 'ENTRY_DUPLICATED@3']);
  });

  it('collapses a missing tail into one range', () => {
    const sink = new FindingSink();
    const order = new EntryOrder(1_000_000);
    order.see(0, 0, sink);
    order.finish(sink);
    expect(sink.findings()).toEqual([
      { index: 1, code: 'ENTRY_MISSING', message: 'entries 1 to 999999 are missing' },
    ]);
  });
});

describe('FindingSink', () => {
  it('keeps a bounded number per code and counts them all', () => {
    const sink = new FindingSink(2);
    for (let i = 0; i < 5; i += 1) sink.add(i, 'RECEIPT_ORPHAN', 'x');
    sink.add(null, 'ROOT_MISMATCH', 'y');
    expect(sink.total).toBe(6);
    expect(sink.counts()).toEqual({ RECEIPT_ORPHAN: 5, ROOT_MISMATCH: 1 });
    expect(sink.findings().map((f) => f.index)).toEqual([null, 0, 1]);
  });
});
