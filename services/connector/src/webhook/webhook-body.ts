import type { InboxStore } from '../inbox-store.ts';
import { inboxView } from '../inbox-view.ts';
import type { WebhookEvent } from './webhook-queue.ts';

/**
 * The JSON body of one webhook event: its `id` (the `webhook-id`), `type`, `timestamp` (when it
 * happened) and `data`, the inbox item exactly as `GET /v1/inbox/{id}` returns it now (a
 * notification recalled before delivery goes as its tombstone). Undefined for an unknown item.
 */
export function webhookBody(store: InboxStore, event: WebhookEvent): string | undefined {
  const item = store.get(event.notification);
  if (!item) return undefined;
  const { deliveredReceiptSent: _d, ackReceiptSent: _a, ...stored } = item;
  return JSON.stringify({
    id: event.id,
    type: event.type,
    timestamp: new Date(event.createdAt).toISOString(),
    data: inboxView(stored),
  });
}
