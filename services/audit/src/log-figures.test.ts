import { describe, expect, it } from 'vitest';
import { type LogFigures, logFigures, nearestRank } from './log-figures.ts';
import type { ShareIndex } from './share-index.ts';
import { logOf } from './test-log.ts';

const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);

/** The figures from every share (the reference), and the same from the index's tallies. */
function figuresOf(index: ShareIndex, month: string, when: { now: number; logSize: number }): LogFigures {
  const reference = logFigures(index.shares(), month, when);
  expect(index.figures(month, when)).toEqual(reference);
  return reference;
}

describe('nearestRank', () => {
  it('picks a value of the list, never an interpolation', () => {
    expect(nearestRank([7], 50)).toBe(7);
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([1, 2], 50)).toBe(1);
    const tens = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(tens, 50)).toBe(5);
    expect(nearestRank(tens, 90)).toBe(9);
    expect(nearestRank([...tens, 11], 90)).toBe(10);
    expect(nearestRank(tens, 100)).toBe(10);
  });
});

describe('logFigures', () => {
  const july = at('2026-07-10T09:00:00Z');
  const now = at('2026-08-15T12:00:00Z');

  it('counts shares sent and copies received by kind and priority, in the London month of the first copy', () => {
    const log = logOf();
    log.share({
      from: 'swansea-cs',
      to: ['south-wales-police', 'npt-cs'],
      kind: 'missing-episode',
      priority: 'urgent',
      loggedAt: july,
    });
    log.share({
      from: 'swansea-cs',
      to: ['south-wales-police'],
      kind: 'missing-episode',
      priority: 'routine',
      loggedAt: july,
    });
    log.share({
      from: 'swansea-cs',
      to: ['npt-cs'],
      kind: 'cse-protocol-entry',
      priority: 'high',
      loggedAt: july,
    });
    // 00:30 BST on 1 July is July's; 23:30 BST on 30 June is June's.
    log.share({
      from: 'npt-cs',
      to: ['swansea-cs'],
      kind: 'missing-episode',
      priority: 'high',
      loggedAt: at('2026-06-30T23:30:00Z'),
    });
    log.share({
      from: 'npt-cs',
      to: ['swansea-cs'],
      kind: 'missing-episode',
      priority: 'high',
      loggedAt: at('2026-06-30T22:30:00Z'),
    });

    const f = figuresOf(log.index, '2026-07', { now, logSize: log.size });
    expect(f.month).toBe('2026-07');
    expect(f.generatedAt).toBe('2026-08-15T12:00:00.000Z');
    expect(f.logSize).toBe(6);
    expect(Object.keys(f.agencies)).toEqual(['npt-cs', 'south-wales-police', 'swansea-cs']);
    expect(f.agencies['swansea-cs']?.sent).toEqual({
      'missing-episode': { routine: 1, high: 0, urgent: 1 },
      'cse-protocol-entry': { routine: 0, high: 1, urgent: 0 },
    });
    expect(f.agencies['swansea-cs']?.received).toEqual({
      'missing-episode': { routine: 0, high: 1, urgent: 0 },
    });
    expect(f.agencies['south-wales-police']?.received).toEqual({
      'missing-episode': { routine: 1, high: 0, urgent: 1 },
    });
    expect(f.agencies['npt-cs']?.sent).toEqual({ 'missing-episode': { routine: 0, high: 1, urgent: 0 } });
    expect(f.agencies['npt-cs']?.received).toEqual({
      'missing-episode': { routine: 0, high: 0, urgent: 1 },
      'cse-protocol-entry': { routine: 0, high: 1, urgent: 0 },
    });
    expect(figuresOf(log.index, '2026-06', { now, logSize: 6 }).agencies['npt-cs']?.sent).toEqual({
      'missing-episode': { routine: 0, high: 1, urgent: 0 },
    });
  });

  it('times acknowledgements from the logged copy, median and 90th percentile by nearest rank', () => {
    const log = logOf();
    for (let k = 1; k <= 10; k++) {
      const loggedAt = july + k * 3_600_000;
      const id = log.share({
        from: 'swansea-cs',
        to: ['south-wales-police', 'npt-cs'],
        kind: 'missing-episode',
        priority: 'high',
        loggedAt,
      });
      log.say(id, 'south-wales-police', 'swansea-cs', 'delivered', loggedAt + 1000);
      log.say(id, 'south-wales-police', 'swansea-cs', 'acknowledged', loggedAt + k * MIN);
      // A second acknowledgement changes nothing: the first one counts.
      if (k === 1) log.say(id, 'south-wales-police', 'swansea-cs', 'acknowledged', loggedAt + 99 * MIN);
    }
    const f = figuresOf(log.index, '2026-07', { now, logSize: log.size });
    expect(f.agencies['south-wales-police']?.acknowledgement).toEqual({
      count: 10,
      medianMs: 5 * MIN,
      p90Ms: 9 * MIN,
    });
    expect(f.agencies['npt-cs']?.acknowledgement).toEqual({ count: 0, medianMs: null, p90Ms: null });
    // The sender acknowledges nothing of its own.
    expect(f.agencies['swansea-cs']?.acknowledgement.count).toBe(0);
  });

  it('counts respond-by times that passed in the month, met when acknowledged at or before them', () => {
    const log = logOf();
    const due = at('2026-07-20T10:00:00Z');
    const share = (loggedAt: number, respondBy: number) =>
      log.share({
        from: 'swansea-cs',
        to: ['south-wales-police'],
        kind: 'missing-episode',
        priority: 'urgent',
        loggedAt,
        respondBy,
      });
    log.say(share(july, due), 'south-wales-police', 'swansea-cs', 'acknowledged', due);
    log.say(share(july, due), 'south-wales-police', 'swansea-cs', 'acknowledged', due + 1);
    share(july, due);
    // Sent in June, due in July: July's respond-by.
    share(at('2026-06-29T10:00:00Z'), due);
    // Due in August: not July's.
    share(july, at('2026-08-01T10:00:00Z'));
    const f = figuresOf(log.index, '2026-07', { now, logSize: log.size });
    expect(f.agencies['south-wales-police']?.respondBy).toEqual({ due: 4, met: 1 });
    expect(f.agencies['swansea-cs']?.respondBy).toEqual({ due: 0, met: 0 });
    // A respond-by still ahead is not due yet.
    const early = { now: at('2026-08-01T09:00:00Z'), logSize: log.size };
    expect(figuresOf(log.index, '2026-08', early).agencies).toEqual({});
  });

  it('counts escalations both ways and rejections by reason, in the month they were logged', () => {
    const log = logOf();
    const id = log.share({
      from: 'swansea-cs',
      to: ['south-wales-police', 'npt-cs'],
      kind: 'missing-episode',
      priority: 'urgent',
      loggedAt: july,
    });
    log.say(id, 'south-wales-police', 'swansea-cs', 'escalated', july + MIN, 'ESCALATION_STEP_1');
    log.say(id, 'swansea-cs', 'south-wales-police', 'escalated', july + MIN, 'ESCALATION_STEP_1');
    log.say(id, 'swansea-cs', 'south-wales-police', 'escalated', july + 2 * MIN, 'ESCALATION_STEP_2');
    log.say(id, 'npt-cs', 'swansea-cs', 'rejected', july + MIN, 'CONTRACT_INVALID');
    const other = log.share({
      from: 'swansea-cs',
      to: ['npt-cs'],
      kind: 'missing-episode',
      priority: 'routine',
      loggedAt: july,
    });
    log.say(other, 'npt-cs', 'swansea-cs', 'rejected', july + MIN, 'CONTRACT_INVALID');
    // Escalated in August, about a July share: August's.
    log.say(other, 'swansea-cs', 'npt-cs', 'escalated', at('2026-08-02T10:00:00Z'), 'ESCALATION_STEP_1');

    const f = figuresOf(log.index, '2026-07', { now, logSize: log.size });
    expect(f.agencies['swansea-cs']?.escalations).toEqual({ signed: 2, received: 1 });
    expect(f.agencies['south-wales-police']?.escalations).toEqual({ signed: 1, received: 2 });
    expect(f.agencies['npt-cs']?.escalations).toEqual({ signed: 0, received: 0 });
    expect(f.agencies['npt-cs']?.rejections).toEqual({ CONTRACT_INVALID: 2 });
    expect(f.agencies['swansea-cs']?.rejections).toEqual({});
    const aug = figuresOf(log.index, '2026-08', { now, logSize: log.size });
    expect(aug.agencies['npt-cs']?.escalations).toEqual({ signed: 0, received: 1 });
    expect(aug.agencies['npt-cs']?.received).toEqual({});
    expect(aug.agencies['npt-cs']?.rejections).toEqual({});
  });

  it('is empty for a month with nothing logged, and refuses what is not a month', () => {
    const log = logOf();
    log.share({
      from: 'swansea-cs',
      to: ['npt-cs'],
      kind: 'missing-episode',
      priority: 'routine',
      loggedAt: july,
    });
    expect(figuresOf(log.index, '2026-09', { now, logSize: 1 }).agencies).toEqual({});
    expect(() => figuresOf(log.index, '2026-7', { now, logSize: 1 })).toThrow(RangeError);
    expect(() => log.index.figures('2026-7', { now, logSize: 1 })).toThrow(RangeError);
  });
});
