import { type Lang, pick } from '@cwtch/http';
import type { InboxItem } from '../inbox-store.ts';

/** The inbox's orders: what needs action first (the default), or by one column. */
export const INBOX_SORTS = ['needs-action', 'respond-by', 'priority', 'received'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

const RANK: Readonly<Record<string, number>> = { urgent: 0, high: 1, routine: 2 };
const rank = (p: string) => RANK[p] ?? 3;

/** Waiting for this agency: not acknowledged and not recalled by its sender. */
const waiting = (i: InboxItem) => i.status === 'new' && !i.recalled;

/**
 * The "needs action" band of an item: 0 overdue and unacknowledged, 1–3 unacknowledged urgent,
 * high and routine, 4 everything already acknowledged or recalled.
 */
export function actionBand(i: InboxItem, now: number): number {
  if (!waiting(i)) return 4;
  if (i.respondBy !== null && i.respondBy < now) return 0;
  return 1 + Math.min(rank(i.priority), 2);
}

const newestFirst = (a: InboxItem, b: InboxItem) => b.receivedAt - a.receivedAt || b.seq - a.seq;

/** A copy of `items` in the chosen order; ties are broken newest first. */
export function sortInbox(items: readonly InboxItem[], sort: InboxSort, now: number): InboxItem[] {
  const by: Record<InboxSort, (a: InboxItem, b: InboxItem) => number> = {
    'needs-action': (a, b) => actionBand(a, now) - actionBand(b, now),
    // Soonest respond-by first among those still waiting; no respond-by, or answered, last.
    'respond-by': (a, b) => dueKey(a) - dueKey(b),
    priority: (a, b) => rank(a.priority) - rank(b.priority),
    received: () => 0,
  };
  return [...items].sort((a, b) => by[sort](a, b) || newestFirst(a, b));
}

function dueKey(i: InboxItem): number {
  if (i.respondBy === null) return Number.MAX_SAFE_INTEGER;
  return waiting(i) ? i.respondBy : Number.MAX_SAFE_INTEGER - 1;
}

const WORDS: Record<InboxSort | 'sortBy', [string, string]> = {
  sortBy: ['Order', 'Trefn'],
  'needs-action': ['Needs action first', 'Angen gweithredu yn gyntaf'],
  'respond-by': ['Respond by, soonest first', 'Ymateb erbyn, y cynharaf yn gyntaf'],
  priority: ['Priority, highest first', 'Blaenoriaeth, yr uchaf yn gyntaf'],
  received: ['Received, newest first', 'Derbyniwyd, y mwyaf diweddar yn gyntaf'],
};

/** A sort's label (or the label of the sort links, `sortBy`) in English or Welsh. */
export function sortLabel(key: InboxSort | 'sortBy', lang: Lang): string {
  return pick(WORDS[key], lang);
}
