import { CwtchError, ErrorCode } from '@cwtch/runtime';
import type { AgencyContext } from './agency-context.ts';
import { sendReceipt } from './receive-share.ts';

/** What an acknowledgement recorded. */
export interface Acknowledgement {
  readonly id: string;
  readonly acknowledgedAt: number;
  readonly acknowledgedBy: string;
}

/**
 * Records that `by` (the worker's name) acknowledged notification `id`, publishes the signed
 * `acknowledged` receipt to its sender and tells live views. The one path for the API and the
 * pages. Throws NOT_FOUND, or CONFLICT when someone acknowledged it first.
 */
export async function acknowledgeNotification(
  ctx: AgencyContext,
  id: string,
  by: string,
): Promise<Acknowledgement> {
  const item = ctx.store.get(id);
  if (!item) throw new CwtchError(ErrorCode.NOT_FOUND, 'no such notification in this inbox');
  const at = Date.now();
  if (!ctx.store.acknowledge(id, by, at)) {
    throw new CwtchError(ErrorCode.CONFLICT, `already acknowledged by ${item.acknowledgedBy ?? 'someone'}`);
  }
  // Stored first: if publishing fails now, the receipt flush sends it later.
  await sendReceipt(ctx, item, 'acknowledged', { actor: by });
  ctx.store.markReceiptSent(id, 'acknowledged');
  ctx.events.emit('acknowledged', { id });
  return { id, acknowledgedAt: at, acknowledgedBy: by };
}
