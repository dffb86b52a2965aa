import type { ReceiptBody } from '@cwtch/contracts';
import type { AgencyContext } from './agency-context.ts';
import { sendStatement } from './send-statement.ts';

/**
 * Acts on a verified `recalled` statement from the sender of a notification in this inbox: the
 * plaintext (payload and retained envelope) is destroyed, a tombstone keeps header and hashes,
 * and a signed `deleted` receipt goes back as proof. False when it names no share from that
 * sender here (the caller refuses it). A repeated recall answers again with the same receipt.
 */
export async function destroyRecalled(ctx: AgencyContext, body: ReceiptBody): Promise<boolean> {
  const item = ctx.store.get(body.id);
  if (!item || item.from !== body.by.agency || item.headerHash !== body.hh || item.bodyHash !== body.b)
    return false;
  const fresh = ctx.store.recall(item.id, body.at, body.reason ?? 'OTHER');
  const made = ctx.store.statementsMade(item.id).find((s) => s.status === 'deleted');
  if (!made) await sendStatement(ctx, item, item.from, 'deleted');
  if (fresh) {
    ctx.logger.info(
      { id: item.id, from: item.from, acknowledged: item.status === 'acknowledged' },
      'notification recalled; plaintext destroyed',
    );
    ctx.metrics.inc(
      'cwtch_notifications_recalled_total',
      'Notifications recalled by their sender and destroyed here',
    );
    ctx.events.emit('recalled', { id: item.id, acknowledgedBy: item.acknowledgedBy });
  }
  return true;
}
