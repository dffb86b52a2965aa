import { describe, expect, it } from 'vitest';
import type { InboxItem } from '../inbox-store.ts';
import { testStoredItem } from '../test-inbox-item.ts';
import { sortInbox } from './inbox-order.ts';

const NOW = Date.UTC(2026, 0, 15, 12);
const HOUR = 3_600_000;
let seq = 0;

function item(id: string, o: Partial<InboxItem>): InboxItem {
  seq += 1;
  const at = NOW - seq * HOUR;
  return testStoredItem(seq, {
    id,
    from: 'dyfed-powys-police',
    receivedAt: at,
    issuedAt: at,
    priority: 'routine',
    ...o,
  });
}

// Received newest first in the order listed (each an hour older than the one before).
const items = [
  item('routine-new', {}),
  item('acked-urgent', { priority: 'urgent', status: 'acknowledged', acknowledgedBy: 'Siân' }),
  item('high-new', { priority: 'high', respondBy: NOW + HOUR }),
  item('overdue-routine', { respondBy: NOW - HOUR }),
  item('urgent-new', { priority: 'urgent', respondBy: NOW + 2 * HOUR }),
  item('overdue-acked', { respondBy: NOW - HOUR, status: 'acknowledged' }),
  item('urgent-older', { priority: 'urgent' }),
  item('overdue-high-older', { priority: 'high', respondBy: NOW - 5 * HOUR }),
];
const ids = (sorted: InboxItem[]) => sorted.map((i) => i.id);

describe('the inbox order', () => {
  it('needs action: overdue and unacknowledged first, then urgent, high, routine, each newest first; acknowledged last', () => {
    expect(ids(sortInbox(items, 'needs-action', NOW))).toEqual([
      'overdue-routine',
      'overdue-high-older',
      'urgent-new',
      'urgent-older',
      'high-new',
      'routine-new',
      'acked-urgent',
      'overdue-acked',
    ]);
  });

  it('respond-by: the soonest still waiting first, then answered ones, then those without one', () => {
    expect(ids(sortInbox(items, 'respond-by', NOW))).toEqual([
      'overdue-high-older',
      'overdue-routine',
      'high-new',
      'urgent-new',
      'overdue-acked',
      'routine-new',
      'acked-urgent',
      'urgent-older',
    ]);
  });

  it('priority, then received: highest first, and newest first', () => {
    expect(ids(sortInbox(items, 'priority', NOW)).slice(0, 3)).toEqual([
      'acked-urgent',
      'urgent-new',
      'urgent-older',
    ]);
    expect(ids(sortInbox(items, 'received', NOW))).toEqual(items.map((i) => i.id));
  });
});
