import type { ExpectedFeed } from '@cwtch/directory';
import { describe, expect, it } from 'vitest';
import { FeedWatch } from './feed-watch.ts';

const HOUR = 3_600_000;

function watchOf(feeds: ExpectedFeed[], sent: Map<string, number>) {
  const lines: { level: string; fields: unknown; msg: string }[] = [];
  const log = (level: string) => (fields: unknown, msg: string) => lines.push({ level, fields, msg });
  const logger = { warn: log('warn'), info: log('info'), debug: log('debug') } as never;
  const watch = new FeedWatch({
    feeds: () => feeds,
    lastSent: (agency, kind) => sent.get(`${agency} ${kind}`) ?? null,
    logger,
  });
  return { watch, lines };
}

describe('FeedWatch', () => {
  const feed: ExpectedFeed = { agency: 'barnardos-cymru', kind: 'return-home-interview', everyHours: 168 };

  it('gives a feed a full period from when it is first seen, then calls it late once, with a warning', () => {
    const sent = new Map<string, number>();
    const { watch, lines } = watchOf([feed], sent);
    watch.check(0);
    expect(watch.late(168 * HOUR)).toEqual([]);
    watch.check(168 * HOUR + 1);
    watch.check(168 * HOUR + 2);
    expect(watch.late(168 * HOUR + 2)).toEqual([{ ...feed, lastAt: null, late: true }]);
    expect(lines.filter((l) => l.level === 'warn')).toEqual([
      {
        level: 'warn',
        fields: { agency: 'barnardos-cymru', kind: 'return-home-interview', everyHours: 168, lastAt: null },
        msg: 'an expected feed has not arrived',
      },
    ]);
    expect(watch.metrics(168 * HOUR + 2)[0]?.samples).toEqual([
      { labels: { agency: 'barnardos-cymru', kind: 'return-home-interview' }, value: 1 },
    ]);
  });

  it('counts from the last share once one arrives, and clears when it does', () => {
    const sent = new Map<string, number>();
    const { watch, lines } = watchOf([feed], sent);
    watch.check(0);
    watch.check(200 * HOUR);
    sent.set('barnardos-cymru return-home-interview', 201 * HOUR);
    watch.check(202 * HOUR);
    expect(watch.late(202 * HOUR)).toEqual([]);
    expect(lines.at(-1)?.msg).toBe('an expected feed arrived');
    expect(watch.late(201 * HOUR + 168 * HOUR + 1)).toEqual([{ ...feed, lastAt: 201 * HOUR, late: true }]);
    // A share of another kind, or from another agency, is not the feed.
    sent.set('barnardos-cymru intelligence-form', 400 * HOUR);
    sent.set('swansea-cs return-home-interview', 400 * HOUR);
    expect(watch.late(400 * HOUR)).toHaveLength(1);
  });

  it('holds the shorter period where the directory names an agency and kind twice', () => {
    const { watch } = watchOf([feed, { ...feed, everyHours: 1 }, feed], new Map());
    watch.check(0);
    expect(watch.late(HOUR + 1)).toEqual([{ ...feed, everyHours: 1, lastAt: null, late: true }]);
    expect(watch.metrics(HOUR + 1)[0]?.samples).toHaveLength(1);
  });

  it('forgets a feed the directory no longer names', () => {
    const feeds = [feed];
    const { watch } = watchOf(feeds, new Map());
    watch.check(0);
    feeds.pop();
    expect(watch.late(1000 * HOUR)).toEqual([]);
    feeds.push(feed);
    expect(watch.late(1000 * HOUR)).toEqual([]);
    expect(watch.late(1168 * HOUR + 1)).toHaveLength(1);
  });
});
