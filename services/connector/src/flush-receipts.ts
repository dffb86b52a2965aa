import { normaliseActor, type ReceiptStatus } from '@cwtch/contracts';
import type { AgencyContext } from './agency-context.ts';
import type { InboxItem } from './inbox-store.ts';

/** Publishes one signed receipt (`sendReceipt` in the connector). */
export type ReceiptSender = (
  item: InboxItem,
  status: ReceiptStatus,
  extra: { actor?: string | null },
) => Promise<void>;

/** Counter of pending receipts a flush could not publish. */
export const RECEIPT_FLUSH_FAILURES = 'cwtch_receipt_flush_failures_total';

/**
 * Publishes the receipts decided but not yet sent (a crash or outage in between), each on its
 * own: one that fails is logged, counted and left pending for the next flush, and the rest still
 * go out. An actor stored before names were normalised is normalised here.
 */
export async function flushReceipts(
  ctx: Pick<AgencyContext, 'store' | 'logger' | 'metrics'>,
  send: ReceiptSender,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const { item, status } of ctx.store.pendingReceipts()) {
    const actor = item.acknowledgedBy === null ? null : normaliseActor(item.acknowledgedBy);
    try {
      const extra = status === 'acknowledged' ? { actor } : {};
      // One on its way already (a copy just stored, an acknowledgement just made) is left to it.
      if (await ctx.store.sendReceiptOnce(item.id, status, () => send(item, status, extra))) sent++;
    } catch (err) {
      failed++;
      ctx.metrics.inc(
        RECEIPT_FLUSH_FAILURES,
        'Pending receipts a flush could not publish (each is retried on the next flush).',
        { status },
      );
      ctx.logger.warn(
        { err, id: item.id, status },
        'pending receipt not published; retried on the next flush',
      );
    }
  }
  return { sent, failed };
}
