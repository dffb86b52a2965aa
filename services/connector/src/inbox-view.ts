import type { InboxItem as InboxItemSchema } from '@cwtch/contracts';
import type { z } from 'zod';
import type { InboxItem } from './inbox-store.ts';

/** A time in milliseconds as the API writes it (ISO 8601, UTC). */
export const iso = (ms: number) => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/** An inbox item as the API shows it (`GET /v1/inbox/{id}`), and as a webhook carries it. */
export function inboxView(i: InboxItem): z.infer<typeof InboxItemSchema> & {
  recalled: { at: string; reason: string } | null;
} {
  return {
    id: i.id,
    kind: i.kind,
    from: i.from,
    to: [...i.to],
    receivedAt: iso(i.receivedAt),
    issuedAt: iso(i.issuedAt),
    status: i.status,
    priority: i.priority as 'routine' | 'high' | 'urgent',
    respondBy: isoOrNull(i.respondBy),
    subject: i.subject,
    purpose: i.purpose,
    agreement: i.agreement,
    acknowledgedAt: isoOrNull(i.acknowledgedAt),
    acknowledgedBy: i.acknowledgedBy,
    payload: i.payload as Record<string, unknown>,
    // A recalled notification is a tombstone: its payload was destroyed at the sender's request.
    recalled: i.recalled ? { at: iso(i.recalled.at), reason: i.recalled.reason } : null,
  };
}
