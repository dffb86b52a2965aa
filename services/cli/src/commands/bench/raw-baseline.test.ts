import { describe, expect, it } from 'vitest';
import { parseBatchShapes, rawLabel } from './raw-baseline.ts';

describe('parseBatchShapes', () => {
  it('reads SIZExIN-FLIGHT shapes separated by commas', () => {
    expect(parseBatchShapes('100x4, 500x2')).toEqual([
      { batch: 100, parallel: 4 },
      { batch: 500, parallel: 2 },
    ]);
  });

  it('refuses a batch larger than the server takes, or a shape it cannot read', () => {
    expect(() => parseBatchShapes('1001x1')).toThrow(/1 to 1000/);
    expect(() => parseBatchShapes('100')).toThrow(/not 100/);
  });
});

describe('rawLabel', () => {
  it('names each way of publishing as the report prints it', () => {
    expect(rawLabel({ kind: 'per-message', window: 256 })).toBe('per message, 256 in flight');
    expect(rawLabel({ kind: 'batched', batch: 100, parallel: 4 })).toBe('atomic batches of 100, 4 in flight');
  });
});
