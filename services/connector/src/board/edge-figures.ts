import type { BoardItem } from '@cwtch/contracts';
import { monthRange } from '@cwtch/runtime';
import type { SentFacts } from '../inbox-store.ts';

/** One figure before disclosure control: an item, an authority (`null`: all), a breakdown, a count. */
export interface RawFigure {
  readonly item: BoardItem;
  readonly authority: string | null;
  readonly by: string | null;
  readonly value: number;
}

/**
 * The month's figures at this agency's edge (DESIGN §6b), from the facts its shares carried when
 * sent (never a payload; `sent` is every share before the month's end, oldest first). Each fact
 * counts in its authority's column and in the agency's whole figure (`authority: null`), and with
 * a breakdown also in its breakdown row. Items of children count distinct subject references
 * (a fact about no known child counts once); others count facts. Children open on the protocol
 * are those whose latest protocol state before the month's end is open. `shares_sent` counts the
 * month's shares by kind (board figures aside), for the board to reconcile with the share log.
 */
export function edgeFigures(sent: readonly SentFacts[], month: string): RawFigure[] {
  const { start, end } = monthRange(month);
  const rows = new Map<
    string,
    { item: BoardItem; authority: string | null; by: string | null; seen: Set<string> }
  >();
  const count = (item: BoardItem, authority: string | undefined, by: string | undefined, who: string) => {
    for (const a of authority === undefined ? [null] : [authority, null])
      for (const b of by === undefined ? [null] : [by, null]) {
        const k = `${item}|${a ?? ''}|${b ?? ''}`;
        const row = rows.get(k) ?? { item, authority: a, by: b, seen: new Set<string>() };
        row.seen.add(who);
        rows.set(k, row);
      }
  };
  const protocol = new Map<string, { authority: string | undefined; open: boolean }>();
  sent.forEach((share, n) => {
    if (share.at >= end) return;
    share.facts.forEach((f, i) => {
      if (f.item === 'protocol_state') {
        if (share.subject) protocol.set(share.subject, { authority: f.authority, open: f.by === 'open' });
        return;
      }
      if (share.at < start) return;
      count(
        f.item,
        f.authority,
        f.by,
        f.child && share.subject ? `child:${share.subject}` : `fact:${n}:${i}`,
      );
    });
    // The board's own figures are not among the notifications they count.
    if (share.at >= start && share.kind !== 'board-statistics')
      count('shares_sent', undefined, share.kind, `share:${n}`);
  });
  for (const [subject, state] of protocol)
    if (state.open) count('protocol_children_open', state.authority, undefined, `child:${subject}`);
  return [...rows.values()]
    .map((r) => ({ item: r.item, authority: r.authority, by: r.by, value: r.seen.size }))
    .sort(
      (a, b) =>
        a.item.localeCompare(b.item) ||
        (a.authority ?? '').localeCompare(b.authority ?? '') ||
        (a.by ?? '').localeCompare(b.by ?? ''),
    );
}
