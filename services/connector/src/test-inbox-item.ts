import type { InboxItem, NewInboxItem } from './inbox-store.ts';

const HASH = 'h'.repeat(43);

/** A stored notification for tests: notification `n`, with any field overridden. */
export function testInboxItem(n: number, overrides: Partial<NewInboxItem> = {}): NewInboxItem {
  return {
    id: `m${String(n).padStart(21, '0')}`,
    seq: n,
    kind: 'missing-episode',
    from: 'south-wales-police',
    to: ['swansea-cs'],
    receivedAt: n,
    issuedAt: n,
    expiresAt: n + 1,
    priority: 'high',
    respondBy: null,
    subject: null,
    purpose: 'safeguarding',
    agreement: 'g',
    headerHash: HASH,
    bodyHash: HASH,
    payload: { n },
    envelope: new Uint8Array(),
    ...overrides,
  };
}

/** The same notification as the store gives it back: new, unacknowledged, not recalled. */
export function testStoredItem(n: number, overrides: Partial<InboxItem> = {}): InboxItem {
  const { envelope: _envelope, expiresAt: _expiresAt, ...item } = testInboxItem(n);
  return { ...item, status: 'new', acknowledgedAt: null, acknowledgedBy: null, recalled: null, ...overrides };
}
