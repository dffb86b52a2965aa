import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it, vi } from 'vitest';
import { ShareIndex, type ShareQuery } from './share-index.ts';
import { logOf } from './test-log.ts';

const T = Date.parse('2026-03-02T09:00:00Z');
const H = 3_600_000;

/** Six shares between three agencies, each left at a different point of its statements. */
function sixShares(index: ShareIndex) {
  const log = logOf(index);
  const ids: string[] = [];
  const share = (from: string, to: string[], kind: string, n: number) => {
    const id = log.share({ from, to, kind, priority: 'high', loggedAt: T + n * H });
    ids.push(id);
    return id;
  };
  const a = share('a-one', ['b-two'], 'cse-protocol-entry', 0);
  log.say(a, 'b-two', 'a-one', 'delivered', T + 1);
  const b = share('a-one', ['b-two', 'c-three'], 'missing-episode', 1);
  log.say(b, 'b-two', 'a-one', 'delivered', T + H + 1);
  log.say(b, 'c-three', 'a-one', 'delivered', T + H + 2);
  log.say(b, 'b-two', 'a-one', 'acknowledged', T + H + 3);
  const c = share('b-two', ['c-three'], 'missing-episode', 2);
  log.say(c, 'c-three', 'b-two', 'delivered', T + 2 * H + 1);
  log.say(c, 'c-three', 'b-two', 'acknowledged', T + 2 * H + 2);
  log.say(c, 'c-three', 'b-two', 'accepted', T + 2 * H + 3);
  share('c-three', ['a-one'], 'cse-protocol-entry', 3);
  const e = share('a-one', ['c-three'], 'cse-protocol-entry', 4);
  log.say(e, 'c-three', 'a-one', 'delivered', T + 4 * H + 1);
  log.say(e, 'a-one', 'c-three', 'recalled', T + 4 * H + 2, 'sent in error');
  share('b-two', ['a-one'], 'missing-episode', 5);
  return ids;
}

const cases: [string, ShareQuery, number[], number?][] = [
  ['everything', {}, [0, 1, 2, 3, 4, 5]],
  ['the newest two', {}, [4, 5], 2],
  ['by agency, sender or recipient', { agency: 'c-three' }, [1, 2, 3, 4]],
  ['by kind', { kind: 'missing-episode' }, [1, 2, 5]],
  ['by agency and kind', { agency: 'a-one', kind: 'cse-protocol-entry' }, [0, 3, 4]],
  ['since', { since: T + 3 * H }, [3, 4, 5]],
  ['until', { until: T + 2 * H }, [0, 1]],
  ['a period and an agency', { agency: 'b-two', since: T + H, until: T + 5 * H }, [1, 2]],
  ['delivered, never acknowledged', { status: 'unacknowledged' }, [0, 1, 4]],
  ['delivered, never acknowledged, by agency', { status: 'unacknowledged', agency: 'b-two' }, [0, 1]],
  ['every copy acknowledged', { status: 'acknowledged' }, [2]],
  ['every copy delivered', { status: 'delivered' }, [0, 1, 2, 4]],
  ['accepted', { status: 'accepted' }, [2]],
  ['recalled, by its sender', { status: 'recalled', agency: 'a-one' }, [4]],
  ['recalled, another kind', { status: 'recalled', kind: 'missing-episode' }, []],
];

describe('ShareIndex', () => {
  it.each(cases)('answers %s, in log order', (_, q, expected, limit) => {
    const index = new ShareIndex();
    const ids = sixShares(index);
    expect(index.query(q, limit).map((s) => ids.indexOf(s.id))).toEqual(expected);
  });

  it('answers the same from its file once reopened, and keeps what it was given', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cwtch-share-index-'));
    try {
      const index = new ShareIndex(join(dir, 'index.sqlite'));
      const ids = sixShares(index);
      const before = cases.map(([, q, , limit]) => index.query(q, limit));
      const one = index.get(ids[1]!);
      index.close();
      const reopened = new ShareIndex(join(dir, 'index.sqlite'));
      expect(cases.map(([, q, , limit]) => reopened.query(q, limit))).toEqual(before);
      expect(reopened.get(ids[1]!)).toEqual(one);
      expect(one?.receipts.map((r) => r.status)).toEqual(['delivered', 'delivered', 'acknowledged']);
      expect([...reopened.shares()].map((s) => s.id)).toEqual(ids);
      expect(reopened.lastSent('b-two', 'missing-episode')).toBe(T + 5 * H);
      reopened.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('with commitAfterMs, commits the batches of that time together; a batch that fails leaves the others', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cwtch-share-index-'));
    const file = join(dir, 'index.sqlite');
    const committed = () => {
      // What another connection (a restart) would find in the file.
      const other = new DatabaseSync(file, { readOnly: true });
      try {
        return (other.prepare('SELECT COUNT(*) AS n FROM shares').get() as { n: number }).n;
      } finally {
        other.close();
      }
    };
    try {
      const index = new ShareIndex(file, { commitAfterMs: 50 });
      const log = logOf(index);
      const first = log.share({
        from: 'a-one',
        to: ['b-two'],
        kind: 'missing-episode',
        priority: 'high',
        loggedAt: T,
      });
      log.share({ from: 'a-one', to: ['b-two'], kind: 'missing-episode', priority: 'high', loggedAt: T + 1 });
      // Answered at once from the open transaction, on disk only once it commits.
      expect(index.query({}).length).toBe(2);
      expect(committed()).toBe(0);
      expect(() =>
        index.transaction(() => {
          log.share({
            from: 'b-two',
            to: ['a-one'],
            kind: 'missing-episode',
            priority: 'high',
            loggedAt: T + 2,
          });
          throw new Error('this batch fails');
        }),
      ).toThrow('this batch fails');
      expect(index.query({}).length).toBe(2);
      await vi.waitFor(() => expect(committed()).toBe(2), { timeout: 2000, interval: 20 });
      log.share({
        from: 'a-one',
        to: ['c-three'],
        kind: 'missing-episode',
        priority: 'high',
        loggedAt: T + 3,
      });
      expect(committed()).toBe(2);
      // Closing commits what waits.
      index.close();
      expect(committed()).toBe(3);
      const reopened = new ShareIndex(file);
      expect(reopened.get(first)?.to).toEqual(['b-two']);
      reopened.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
