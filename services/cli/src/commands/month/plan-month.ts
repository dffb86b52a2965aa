import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { type KindName, KindName as KindNames } from '@cwtch/contracts';
import { monthOf, monthRange } from '@cwtch/runtime';
import { londonDate, londonDateTime } from './clock.ts';
import { type MonthChild, makeCohort } from './cohort.ts';
import { missingStories } from './missing-stories.ts';
import { placementStories } from './placement-stories.ts';
import type { Draft, MonthContext, MonthFacts, PlannedResponse } from './plan.ts';
import { protocolStories } from './protocol-stories.ts';
import { seededRandom } from './random.ts';

/** The seed `cwtch demo --month` uses unless told otherwise. */
export const DEFAULT_MONTH_SEED = 2019;

/** One notification of the month's plan, in sending order. */
export interface PlannedNotification {
  /** `N001`, `N002`, … in the order they are sent (by `occurredAt`). */
  readonly id: string;
  readonly kind: MonthKind;
  /** The plan's id of the person it is about (`C..` a child, `A..` a care leaver), null for a home's registration. */
  readonly child: string | null;
  readonly from: string;
  /** The recipients named in the request; null leaves them to routing. */
  readonly to: readonly string[] | null;
  readonly purpose: string;
  readonly occurredAt: string;
  /** The request's respond-by, this long after sending; null for none (or the payload's own, for a transition). */
  readonly respondInMs: number | null;
  /** A handover: open until a recipient accepts. */
  readonly handover: boolean;
  /** Answers beyond acknowledgement, by recipient. */
  readonly responses: readonly PlannedResponse[];
  readonly facts: MonthFacts;
  readonly payload: Record<string, unknown>;
}

/** A person of the month as the plan file lists them. */
export type PlannedChild = MonthChild;

/** A synthetic month of traffic: who, and every notification in order. */
export interface MonthPlan {
  readonly month: string;
  readonly seed: number;
  /** The plan's present: every event falls between the month's first instant and this. */
  readonly plannedAt: string;
  readonly children: readonly PlannedChild[];
  readonly notifications: readonly PlannedNotification[];
}

const require = createRequire(import.meta.url);

/** The kinds a month sends: every identifiable kind (a board's de-identified figures come from `cwtch board send`). */
export const MONTH_KINDS: readonly MonthKind[] = KindNames.options.filter(
  (k): k is MonthKind => k !== 'board-statistics',
);
/** A kind the month sends. */
export type MonthKind = Exclude<KindName, 'board-statistics'>;

/** Every month kind's contract example (contracts/examples/<kind>.json): the payloads start from them. */
export async function loadExamples(): Promise<Record<MonthKind, Record<string, unknown>>> {
  const entries = await Promise.all(
    MONTH_KINDS.map(async (kind) => {
      const text = await readFile(require.resolve(`@cwtch/contracts/examples/${kind}.json`), 'utf8');
      return [kind, JSON.parse(text) as Record<string, unknown>] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<MonthKind, Record<string, unknown>>;
}

/**
 * Plans the current month (on the London wall clock at `now`) for `seed`: 40–60 children and a
 * few care leavers of Swansea, Neath Port Talbot, Wrexham and Dudley, and every notification
 * their month gives rise to, of every kind, dated from the 1st up to `now`. The same seed, `now`
 * and examples give the same plan.
 */
export function planMonth(options: {
  readonly seed: number;
  readonly now: number;
  readonly examples: Readonly<Record<MonthKind, Record<string, unknown>>>;
}): MonthPlan {
  const { seed, now } = options;
  const month = monthOf(now);
  const { start } = monthRange(month);
  const rng = seededRandom(seed);
  const ctx: MonthContext = {
    rng,
    start,
    now,
    examples: options.examples,
    when: (latest = now - 10 * 60_000) => start + Math.floor(rng.next() * Math.max(0, latest - start)),
    clamp: (ms) => Math.max(start, Math.min(ms, now - 60_000)),
  };
  const children = makeCohort(rng, londonDate(start), rng.int(40, 60), rng.int(3, 4));
  const drafts: Draft[] = [
    ...missingStories(ctx, children),
    ...protocolStories(ctx, children),
    ...placementStories(ctx, children),
  ];
  const ordered = drafts
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.at - b.d.at || a.i - b.i)
    .map(({ d }) => d);
  const notifications = ordered.map((d, i): PlannedNotification => {
    const asks = d.kind !== 'care-home-transition' && rng.chance(d.handover ? 0.5 : 0.25);
    return {
      id: `N${String(i + 1).padStart(3, '0')}`,
      kind: d.kind,
      child: d.child?.id ?? null,
      from: d.from,
      to: d.to,
      purpose: d.purpose,
      occurredAt: londonDateTime(d.at),
      respondInMs: asks ? rng.int(5, 60) * 1000 : null,
      handover: d.handover,
      responses: d.responses,
      facts: d.facts,
      payload: d.payload,
    };
  });
  return { month, seed, plannedAt: new Date(now).toISOString(), children, notifications };
}
